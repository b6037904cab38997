"""The interview as the engine walks it: questions with their texts, and the transitions between them.

A :class:`Flow` is built from a *compiled* flow: the checked flow file (see
:mod:`advisor.engine.flow_file`) as plain data, with each question's prompt and help text already
rendered. The shipped interview is compiled ahead of time (``advisor/interview.json``, rebuilt by
``python -m advisor.compiled_flow``, checked against its sources by the tests), so starting an
interview reads one JSON file: no YAML, no validation models and no templates before the first
question is on screen. Sessions move by :meth:`Flow.next_state`, the rule of the ``transitions``
machine the file describes (:meth:`Flow.machine_config`), checked against that machine by the tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from advisor.calculators.money import InputError, parse_amount
from advisor.engine import answers as readers
from advisor.engine.conditions import CONDITIONS, Answers
from advisor.resources import compiled_interview

Kind = Literal["choice", "yes_no", "amount", "percent", "age_or_date", "state_code", "country"]
TRIGGER = "next"
PARSED_KEPT = 4096
"""How many read answers each question remembers (then it starts again)."""
KEPT_LENGTH = 64
"""Longer answers are read afresh each time rather than kept."""
_UNREAD = object()
PLAIN_DIGITS = 15
"""Up to 999 trillion dollars, past the largest amount accepted."""


class FlowError(ValueError):
    """A flow file that cannot be used; the message names the file, the state and the key."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer of a multiple-choice question."""

    value: str
    """What the answers file and the profile hold."""
    label: str
    """What the person sees."""
    aliases: tuple[str, ...] = ()
    """Other ways people write this answer (matched ignoring case, spaces, hyphens and underscores)."""


@dataclass(frozen=True, slots=True)
class Transition:
    """One way out of a state; conditions and unless are names from advisor.engine.conditions."""

    source: str
    dest: str
    conditions: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A question as the engine asks it: what it says, how its answer is read, and its default."""

    id: str
    kind: Kind
    help_key: str
    prompt: str
    help: str
    """The 'why do we ask this?' text."""
    choices: tuple[Choice, ...] = ()
    date_key: str | None = None
    not_more_than: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unknown_allowed: bool = False
    has_default: bool = False
    default: Any = None
    """The parsed default (meaningful only when has_default)."""
    _parsed: dict[tuple[object, ...], object] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Answers already read (text, whole numbers, yes/no): a batch's files repeat most of them."""

    @property
    def keys(self) -> tuple[str, ...]:
        """The answers-file keys this question reads."""
        return (self.id,) if self.date_key is None else (self.id, self.date_key)

    def parse(self, raw: object, *, today: dt.date | None = None, date_only: bool = False) -> object:
        """The parsed answer (None for 'unknown' where allowed), or :class:`InputError` saying what is accepted."""
        day = today or dt.date.today()
        # only types whose equal values are the same answer (1 == 1.0 == True, Decimal("1") == Decimal("1.0")), and
        # short text only, so that what is kept stays small whatever the files hold
        kept = type(raw) in (int, bool) or (type(raw) is str and len(raw) <= KEPT_LENGTH)
        key = (type(raw), raw, day, date_only) if kept else None
        if key is not None and (found := self._parsed.get(key, _UNREAD)) is not _UNREAD:
            return found
        value = self._read(raw, day, date_only)
        if key is not None:
            if len(self._parsed) >= PARSED_KEPT:
                self._parsed.clear()
            self._parsed[key] = value
        return value

    def _read(self, raw: object, today: dt.date, date_only: bool) -> object:
        if self.unknown_allowed and readers.is_unknown(raw):
            return None
        try:
            return self._parse(raw, today=today, date_only=date_only)
        except InputError as error:
            if self.unknown_allowed:
                raise InputError(f"{error}, or 'unknown'") from None
            raise

    def _parse(self, raw: object, *, today: dt.date, date_only: bool) -> object:
        what = self.id
        match self.kind:
            case "choice":
                return readers.parse_choice(
                    raw, _spellings(self.choices), accepted=tuple(c.value for c in self.choices), what=what
                )
            case "yes_no":
                return readers.parse_yes_no(raw, what=what)
            case "amount":
                # whole dollars in plain digits, the commonest form, are read as the number they are
                if isinstance(raw, str) and len(raw) <= PLAIN_DIGITS and raw.isascii() and raw.isdigit():
                    return parse_amount(int(raw), what=what)
                return parse_amount(raw, what=what)
            case "percent":
                assert self.low is not None and self.high is not None
                return readers.parse_percent_between(raw, what=what, low=self.low, high=self.high)
            case "age_or_date":
                return readers.parse_age_or_date(raw, what=what, today=today, date_only=date_only)
            case "state_code":
                return readers.parse_state_code(raw, what=what)
            case "country":
                return readers.parse_country(raw, what=what)
        raise AssertionError(f"unhandled kind {self.kind}")

    def display(self, value: object) -> str:
        """The answer as the review and the report show it."""
        if value is None:
            return "not known"
        match self.kind:
            case "choice":
                return next(choice.label for choice in self.choices if choice.value == value)
            case "yes_no":
                return "Yes" if value else "No"
            case "amount":
                return readers.display_amount(self._decimal(value))
            case "percent":
                return readers.display_percent(self._decimal(value))
            case "age_or_date":
                return value.isoformat() if isinstance(value, dt.date) else f"{value} years"
            case "state_code":
                return f"{readers.US_STATES[str(value)]} ({value})"
            case "country":
                return readers.display_country(str(value))
        raise AssertionError(f"unhandled kind {self.kind}")

    def _decimal(self, value: object) -> Decimal:
        """An amount or percent answer, which the readers store as a Decimal."""
        if not isinstance(value, Decimal):
            raise TypeError(f"{self.id}: {value!r} is not a stored {self.kind}")
        return value

    def serialise(self, value: object) -> tuple[str, object]:
        """The answers-file key and a JSON value that reads back to the same answer."""
        if isinstance(value, dt.date):
            return self.date_key or self.id, value.isoformat()
        if self.kind == "percent":
            return self.id, f"{(self._decimal(value) * 100).normalize():f}%"
        if isinstance(value, Decimal):
            return self.id, str(value)
        if value is None:
            return self.id, "unknown"
        return self.id, value


@cache
def _spellings(choices: tuple[Choice, ...]) -> dict[str, str]:
    spellings: dict[str, str] = {}
    for choice in choices:
        for spelling in (choice.value, *choice.aliases):
            spellings[readers.words(spelling)] = choice.value
    return spellings


def question_from(state: Mapping[str, Any], prompt: str, help_text: str) -> Question:
    """The question of one checked state of a flow, with its texts; its default parsed (or InputError)."""
    question = Question(
        id=state["name"],
        kind=state["kind"],
        help_key=state["help"],
        prompt=prompt,
        help=help_text,
        choices=tuple(Choice(c["value"], c["label"], tuple(c.get("aliases", ()))) for c in state.get("choices", ())),
        date_key=state.get("date_key"),
        not_more_than=state.get("not_more_than"),
        low=None if state.get("low") is None else Decimal(str(state["low"])),
        high=None if state.get("high") is None else Decimal(str(state["high"])),
        unknown_allowed=state.get("unknown_allowed", False),
        has_default="default" in state,
    )
    if not question.has_default:
        return question
    return replace(question, default=question.parse(state["default"]))


class Flow:
    """A compiled flow: its questions in file order and its transitions by source."""

    def __init__(self, compiled: Mapping[str, Any]) -> None:
        flow, texts = compiled["flow"], compiled["texts"]
        self.version: str = flow["version"]
        self.name: str = flow["name"]
        self.title: str = flow["title"]
        self.initial: str = flow["initial"]
        self.states: tuple[str, ...] = tuple(state["name"] for state in flow["states"])
        self.final_states = frozenset(state["name"] for state in flow["states"] if state.get("final"))
        self.questions: dict[str, Question] = {
            state["name"]: question_from(state, *texts[state["help"]])
            for state in flow["states"]
            if not state.get("final")
        }
        self.answer_keys = frozenset(key for question in self.questions.values() for key in question.keys)
        """Every key an answers file may hold."""
        self.all_transitions = tuple(
            Transition(t["source"], t["dest"], tuple(t.get("conditions", ())), tuple(t.get("unless", ())))
            for t in flow["transitions"]
        )
        self.transitions: dict[str, tuple[Transition, ...]] = {}
        for transition in self.all_transitions:
            self.transitions[transition.source] = (*self.transitions.get(transition.source, ()), transition)
        self._ways_out = {
            source: tuple(
                (t.dest, tuple(CONDITIONS[name] for name in t.conditions), tuple(CONDITIONS[name] for name in t.unless))
                for t in transitions
            )
            for source, transitions in self.transitions.items()
        }
        """Each state's transitions with their conditions looked up, for :meth:`next_state`."""

    def question(self, question_id: str) -> Question:
        return self.questions[question_id]

    def next_state(self, source: str, answers: Answers) -> str:
        """The destination of the first transition out of ``source`` whose conditions pass (the rule the
        machine applies, as :func:`passes` says it), for walking ahead without moving a machine."""
        for dest, conditions, unless in self._ways_out[source]:
            # every condition holds (no break) and then no unless holds (no break): plain loops, a route walks many
            for condition in conditions:
                if not condition(answers):
                    break
            else:
                for condition in unless:
                    if condition(answers):
                        break
                else:
                    return dest
        raise AssertionError(f"state {source!r} has no unconditional fallback (the loader ensures one)")

    def machine_config(self) -> dict[str, object]:
        """Keyword arguments for ``transitions.Machine``: the file's shape with conditions made callables (the
        machine whose rule :meth:`next_state` applies, as the tests check)."""
        return {
            "states": list(self.states),
            "initial": self.initial,
            "auto_transitions": False,
            "transitions": [
                {
                    "trigger": TRIGGER,
                    "source": t.source,
                    "dest": t.dest,
                    "conditions": [CONDITIONS[name] for name in t.conditions],
                    "unless": [CONDITIONS[name] for name in t.unless],
                }
                for t in self.all_transitions
            ],
        }


def passes(transition: Transition, answers: Answers) -> bool:
    """Whether a transition applies: every named condition holds and no ``unless`` one does."""
    return all(CONDITIONS[name](answers) for name in transition.conditions) and not any(
        CONDITIONS[name](answers) for name in transition.unless
    )


@cache
def load_flow() -> Flow:
    """The shipped interview, read once per process from its compiled form."""
    return Flow(compiled_interview())
