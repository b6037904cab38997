"""One interview in progress, moved through the flow by the rule of its ``transitions`` machine.

The session keeps every answer the person has given, on the current route or not; the route is
what the machine makes of them. Changing an earlier answer re-runs the machine from there, so an
answer that still applies (its question is still on the new route and still valid) is kept, and
one that no longer applies is set aside, not lost: it comes back if the route returns to it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from advisor.calculators.money import InputError, format_money
from advisor.engine.spec import Flow, Question, load_flow

if TYPE_CHECKING:
    from advisor.engine.profile import Profile


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of an answer: accepted, or rejected with a message that says what is accepted."""

    accepted: bool
    message: str | None = None

    def for_person(self, question: Question) -> str:
        """The message as the person answering sees it: without the question id it starts with (the id
        helps in answers files, not in a conversation)."""
        text = self.message or "That answer was not accepted."
        return text.removeprefix(f"{question.id}: ")


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One line of the review screen."""

    question_id: str
    prompt: str
    answer: str
    """The answer as shown to the person."""
    assumed: bool = False
    """The flow's default was used because the answers file left the question out."""


class AnswersError(InputError):
    """An answers file that cannot be read as answers (unknown keys, or not one mapping)."""


class IncompleteError(InputError):
    """The profile was asked for before the interview reached its end."""


class Session:
    """An interview: ask ``current``, give ``answer()``, go ``back()``, ``edit()`` any earlier answer."""

    def __init__(self, flow: Flow | None = None, *, today: dt.date | None = None) -> None:
        self.flow = flow or load_flow()
        self.today = today or dt.date.today()
        """The date ages and birth dates are measured against."""
        self._given: dict[str, object] = {}
        """Every accepted answer, on the route or not."""
        self._answers: dict[str, object] = {}
        """Answers on the current route, in the order asked."""
        self._assumed: set[str] = set()
        self.rejections: dict[str, str] = {}
        """Messages for answers that an answers file gave but that were rejected (see from_answers)."""
        self._state = self.flow.initial
        """Where the interview stands: a question id, or a final state."""

    def _next(self) -> None:
        """Leave the current question as the flow's machine would (its first transition whose conditions
        pass; see :meth:`Flow.next_state`, checked against ``transitions`` itself by the tests). Walking the
        flow directly spares each session a machine model, which cost a quarter of a replayed file."""
        self._state = self.flow.next_state(self._state, self._answers)

    # --- reading --------------------------------------------------------------------------

    @property
    def current(self) -> Question | None:
        """The question to ask now, or None when the interview is complete."""
        state = self._state
        return None if state in self.flow.final_states else self.flow.questions[state]

    @property
    def is_complete(self) -> bool:
        return self.current is None

    @property
    def path(self) -> list[str]:
        """Question ids answered on the current route, in order."""
        return list(self._answers)

    @property
    def answers(self) -> dict[str, object]:
        """Parsed answers of the questions on the current route."""
        return dict(self._answers)

    @property
    def assumed(self) -> frozenset[str]:
        """Questions on the route answered by the flow's default."""
        return frozenset(self._assumed & self._answers.keys())

    @property
    def progress(self) -> tuple[int, int]:
        """(answered, estimated total on the current route): the rest of the route is walked with what is
        known, so the total can change as answers come in."""
        answered = len(self._answers)
        state, remaining = self._state, 0
        while state not in self.flow.final_states:
            remaining += 1
            state = self.flow.next_state(state, self._answers)
        return answered, answered + remaining

    def review(self) -> list[ReviewItem]:
        questions, assumed = self.flow.questions, self._assumed
        return [
            ReviewItem(
                question_id,
                (question := questions[question_id]).prompt,
                question.display(value),
                question_id in assumed,
            )
            for question_id, value in self._answers.items()
        ]

    def given(self, question_id: str) -> object | None:
        """The answer given to a question earlier, on the route or not (to prefill it when asked again)."""
        return self._given.get(question_id)

    # --- answering ------------------------------------------------------------------------

    def answer(self, raw: object) -> Outcome:
        """Answer the current question; a rejected answer leaves the session as it was."""
        question = self.current
        if question is None:
            return Outcome(accepted=False, message="the interview is complete; edit an answer to change it")
        return self._accept(question, raw)

    def back(self) -> bool:
        """Reopen the previous question (its answer is kept for when it is answered again)."""
        if not self._answers:
            return False
        question_id = next(reversed(self._answers))
        del self._answers[question_id]
        self._state = question_id
        return True

    def edit(self, question_id: str, raw: object) -> Outcome:
        """Change the answer to a question on the route and re-route from there, keeping later answers
        that still apply."""
        if question_id not in self.flow.questions:
            return Outcome(accepted=False, message=f"{question_id}: there is no such question")
        if question_id not in self._answers and question_id != self._state:
            return Outcome(accepted=False, message=f"{question_id}: this question is not on the current route")
        question = self.flow.questions[question_id]
        try:
            value = self._parse(question, raw)
        except InputError as error:
            return Outcome(accepted=False, message=str(error))
        kept = list(self._answers)
        if question_id in self._answers:
            kept = kept[: kept.index(question_id)]
        self._answers = {qid: self._answers[qid] for qid in kept}
        self._state = question_id
        self._store(question, value)
        return Outcome(accepted=True)

    def _accept(self, question: Question, raw: object, *, date_only: bool = False) -> Outcome:
        try:
            value = self._parse(question, raw, date_only=date_only)
        except InputError as error:
            return Outcome(accepted=False, message=str(error))
        self._store(question, value)
        return Outcome(accepted=True)

    def _parse(self, question: Question, raw: object, *, date_only: bool = False) -> object:
        value = question.parse(raw, today=self.today, date_only=date_only)
        self._check_limit(question, value)
        return value

    def _check_limit(self, question: Question, value: object) -> None:
        """A part may not exceed the whole it belongs to (checked against the answer on the route)."""
        whole_id = question.not_more_than
        if whole_id is None or whole_id not in self._answers or value is None:
            return
        whole = self._answers[whole_id]
        assert isinstance(value, Decimal) and isinstance(whole, Decimal)
        if value > whole:
            from advisor.engine.words import words  # read at the first such answer, not with every session

            raise InputError(
                f"{question.id}: {format_money(value)} is more than the {format_money(whole)} given for "
                f"'{words().questions[whole_id]}'; it is a part of that amount, so enter at most {format_money(whole)}"
            )

    def _store(self, question: Question, value: object) -> None:
        self._given[question.id] = value
        self._assumed.discard(question.id)
        self._answers[question.id] = value
        self._next()
        self._advance()

    def _advance(self) -> None:
        """Move through questions that already have an answer that still applies (a state named in the given
        answers is a question: final states are never answered)."""
        while self._state in self._given:
            question = self.flow.questions[self._state]
            value = self._given[question.id]
            try:
                self._check_limit(question, value)
            except InputError:
                del self._given[question.id]
                return
            self._answers[question.id] = value
            self._next()

    # --- answers files --------------------------------------------------------------------

    @classmethod
    def from_answers(
        cls,
        answers: Mapping[str, object],
        flow: Flow | None = None,
        *,
        today: dt.date | None = None,
        defaults: bool = False,
    ) -> Session:
        """Replay an answers file (or a saved session) in flow order, stopping at the first missing or
        rejected answer. With ``defaults`` (headless runs of a whole answers file), a question with a
        default takes it when the file leaves it out; a resumed session never skips a question."""
        session = cls(flow, today=today)
        if not isinstance(answers, Mapping):
            raise AnswersError("answers: expected one mapping of question ids to answers")
        session._check_keys(answers)
        questions, final = session.flow.questions, session.flow.final_states
        state = session._state
        while state not in final:
            question = questions[state]
            key = question.id if question.id in answers else None
            if question.date_key is not None and question.date_key in answers:
                if key is not None:
                    session.rejections[state] = f"{state}: give {' or '.join(question.keys)}, not both"
                    break
                key = question.date_key
            if key is None:
                if not (defaults and question.has_default):
                    break
                session._store(question, question.default)
                session._assumed.add(state)
            else:
                try:
                    value = session._parse(question, answers[key], date_only=key != state)
                except InputError as error:
                    session.rejections[state] = str(error) or state
                    break
                session._store(question, value)
            state = session._state
        return session

    def _check_keys(self, answers: Mapping[str, object]) -> None:
        known = self.flow.answer_keys
        for key in answers:
            if not isinstance(key, str) or key not in known:
                close = difflib.get_close_matches(str(key), sorted(known), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise AnswersError(f"answers: unknown question {key!r}{hint}")

    def to_answers(self) -> dict[str, object]:
        """The route's answers in answers-file form (JSON-serialisable), defaults that were used included, so
        that from_answers gives the same route and answers back."""
        out: dict[str, object] = {}
        for question_id, value in self._answers.items():
            key, written = self.flow.questions[question_id].serialise(value)
            out[key] = written
        return out

    # --- the result -----------------------------------------------------------------------

    def profile(self) -> Profile:
        """The validated profile of a complete interview."""
        question = self.current
        if question is not None:
            raise IncompleteError(f"{question.id}: not answered yet ({question.prompt})")
        facts: dict[str, object] = {}
        for question_id, value in self._answers.items():
            question = self.flow.questions[question_id]
            if isinstance(value, dt.date) and question.date_key is not None:
                facts[question.date_key] = value
            else:
                facts[question_id] = value
        facts["assumed"] = tuple(sorted(self.assumed))
        from pydantic import ValidationError

        from advisor.engine.profile import Profile

        try:
            return Profile.model_validate(facts)
        except ValidationError as error:
            first = error.errors()[0]
            raise InputError(f"profile: {first['msg'].removeprefix('Value error, ')}") from None
