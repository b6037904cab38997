"""The interview as plain line-by-line prompts on stdin/stdout, for screen readers, braille displays
and pipes: no full-screen UI, no cursor tricks, one line per event."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from advisor.engine import Question, Session

if TYPE_CHECKING:
    from advisor.recording import SessionRecorder

COMMANDS = "Type the answer; '?' explains why we ask, 'back' goes to the previous question, 'quit' stops."


def for_person(question: Question, message: str | None) -> str:
    """An engine message as the person answering sees it: without the question id it starts with
    (the id helps in answers files, not in a conversation)."""
    text = message or "That answer was not accepted."
    return text.removeprefix(f"{question.id}: ")


def _options(question: Question) -> list[tuple[str, str]]:
    """(typed number, label) for a question answered by picking one option."""
    if question.kind == "yes_no":
        return [("1", "Yes"), ("2", "No")]
    return [(str(number), choice.label) for number, choice in enumerate(question.choices, start=1)]


def _resolve(question: Question, text: str) -> object:
    """A typed option number becomes that option; anything else goes to the engine as typed."""
    if question.kind == "yes_no" and text in {"1", "2"}:
        return text == "1"
    if question.kind == "choice" and text.isdigit() and 1 <= int(text) <= len(question.choices):
        return question.choices[int(text) - 1].value
    return text


class PlainInterview:
    """Runs a session over two text streams; every event is one line (or one block) of output."""

    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO, recorder: SessionRecorder | None = None):
        self.session = session
        self.stdin = stdin
        self.stdout = stdout
        self.recorder = recorder

    def say(self, text: str, *, record: bool = True) -> None:
        print(text, file=self.stdout, flush=True)
        if record and self.recorder is not None:
            self.recorder.said("advisor", text)

    def run(self) -> int:
        self.say(COMMANDS, record=False)
        if self.recorder is not None:
            record = self.recorder.record
            where = "this session" if record is None else f"session {record.id}"
            self.say(f"Every accepted answer is saved ({where}).", record=False)
        while (question := self.session.current) is not None:
            answered, total = self.session.progress
            self.say(f"Question {answered + 1} of about {total}: {question.prompt}")
            for number, label in _options(question):
                self.say(f"  {number}. {label}", record=False)
            line = self.stdin.readline()
            if not line:
                self.say(f"Input ended before the last question. {self._kept()}", record=False)
                return 0
            text = line.strip()
            if self.recorder is not None and text:
                self.recorder.said("person", text)
            if text == "?":
                self.say(f"Why we ask: {question.help}")
            elif text.lower() == "back":
                if not self.session.back():
                    self.say("This is the first question; there is nothing to go back to.", record=False)
            elif text.lower() == "quit":
                self.say(f"Stopped. {self._kept()}", record=False)
                return 0
            else:
                self._answer(question, text)
        self.say("All questions answered. The recommendations follow.", record=False)
        self.say(self._report(), record=False)
        return 0

    def _report(self) -> str:
        from advisor.advice import advise

        client = self.recorder.record.client_name if self.recorder and self.recorder.record else None
        return advise(self.session, today=self.session.today).render("md", client=client)

    def _kept(self) -> str:
        if self.recorder is None or self.recorder.record is None:
            return "Nothing was saved."
        return f"The answers are saved; estate-advisor --resume {self.recorder.record.id} continues."

    def _answer(self, question: Question, text: str) -> None:
        outcome = self.session.answer(_resolve(question, text))
        if not outcome.accepted:
            self.say(f"Not accepted: {for_person(question, outcome.message)}", record=False)
            return
        if self.recorder is not None:
            self.recorder.answered(self.session, question)
        # Only after the commit: a line that says "Noted" is an answer on disk.
        self.say(f"Noted: {question.display(self.session.answers[question.id])}", record=False)
