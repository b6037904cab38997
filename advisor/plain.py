"""The interview as plain line-by-line prompts on stdin/stdout, for screen readers, braille displays
and pipes: no full-screen UI, no cursor tricks, one line per event."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from advisor.engine import Question, Session
from advisor.files import FileWriteError, write_output

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
    # isdecimal, not isdigit: '²' is a digit that int() cannot read.
    if question.kind == "choice" and text.isascii() and text.isdecimal() and 1 <= int(text) <= len(question.choices):
        return question.choices[int(text) - 1].value
    return text


class PlainInterview:
    """Runs a session over two text streams; every event is one line (or one block) of output."""

    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO, recorder: SessionRecorder | None = None):
        self.session = session
        self.stdin = stdin
        self.stdout = stdout
        self.recorder = recorder
        self._told_stopped = False

    def say(self, text: str, *, record: bool = True) -> None:
        print(text, file=self.stdout, flush=True)
        if record and self.recorder is not None:
            self.recorder.said("advisor", text)

    def run(self) -> int:
        if isinstance(self.stdin, io.TextIOWrapper):
            # A line that is not UTF-8 (a Latin-1 name) gets a message, not a traceback.
            self.stdin.reconfigure(errors="surrogateescape")
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
            if not _is_text(text):
                self.say("Not accepted: that line is not UTF-8 text; type it again.", record=False)
                continue
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
        self._offer_to_save()
        return 0

    def _report(self) -> str:
        from advisor.advice import advise

        client = self.recorder.record.client_name if self.recorder and self.recorder.record else None
        return advise(self.session, today=self.session.today).render("md", client=client)

    def _kept(self) -> str:
        if self.recorder is not None and self.recorder.stopped is not None:
            self._offer_to_save()
            return "The answers since saving stopped are not in the session database."
        if self.recorder is None or self.recorder.record is None:
            return "Nothing was saved."
        return f"The answers are saved; estate-advisor --resume {self.recorder.record.id} continues."

    def _offer_to_save(self) -> None:
        """When saving stopped, ask for a file to keep the answers in (or print them if input has ended)."""
        if self.recorder is None or self.recorder.stopped is None:
            return
        answers = self.recorder.answers_json(self.session)
        while True:
            self.say("Type a file name to save the answers to (Enter to skip):", record=False)
            name = self.stdin.readline()
            if not name:
                self.say("Input ended; the answers, as an answers file:", record=False)
                self.say(answers.rstrip("\n"), record=False)
                return
            if not (name := name.strip()) or not _is_text(name):
                self.say("Not saved to a file.", record=False)
                return
            try:
                write_output(Path(name), answers)
            except FileWriteError as error:
                self.say(f"Not saved: {error}", record=False)
                continue
            self.say(f"Saved the answers to {name}; estate-advisor sessions import {name} reads them.", record=False)
            return

    def _answer(self, question: Question, text: str) -> None:
        outcome = self.session.answer(_resolve(question, text))
        if not outcome.accepted:
            self.say(f"Not accepted: {for_person(question, outcome.message)}", record=False)
            return
        shown = question.display(self.session.answers[question.id])
        recorder = self.recorder
        if recorder is not None and not recorder.answered(self.session, question):
            if recorder.stopped is not None and not self._told_stopped:
                self._told_stopped = True
                self.say(f"Saving stopped: {recorder.stopped}.", record=False)
                self.say("The interview goes on; when it ends you can save the answers to a file.", record=False)
            self.say(f"Accepted, not saved: {shown}", record=False)
            return
        # Only after the commit: a line that says "Noted" is an answer on disk.
        self.say(f"Noted: {shown}", record=False)


def _is_text(text: str) -> bool:
    """False for a line holding bytes that were not UTF-8 (read with surrogateescape)."""
    return not any("\udc80" <= char <= "\udcff" for char in text)
