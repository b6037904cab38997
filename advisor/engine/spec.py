"""The interview as data: the flow file's models, the loader and its checks.

A flow file has the shape of ``transitions.Machine(**config)`` (``initial``, ``states``,
``transitions``, ``auto_transitions: false``); each state adds what the interview needs to ask it
(kind, help template, choices). Loading validates everything an interview could trip over later,
so a broken flow fails at load time with the file, the state and the key in the message.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Mapping
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from transitions import Machine

from advisor.calculators.money import InputError, parse_amount
from advisor.content import question_text
from advisor.engine import answers as readers
from advisor.engine.conditions import CONDITIONS, Answers
from advisor.resources import data_dir

Kind = Literal["choice", "yes_no", "amount", "percent", "age_or_date", "state_code", "country"]
TRIGGER = "next"
DEFAULT_FLOW = "interview.yaml"


class FlowError(ValueError):
    """A flow file that cannot be used; the message names the file, the state and the key."""


class Choice(BaseModel):
    """One answer of a multiple-choice question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str
    """What the answers file and the profile hold."""
    label: str
    """What the person sees."""
    aliases: tuple[str, ...] = ()
    """Other ways people write this answer (matched ignoring case, spaces, hyphens and underscores)."""


class StateSpec(BaseModel):
    """One state of the flow: a question, or the final state."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The question id, also the answers-file key."""
    kind: Kind | None = None
    help: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    """Names content/questions/<help>.md.j2, which holds the prompt and the 'why do we ask this?' text."""
    final: bool = False
    """The end of the interview (no question)."""
    choices: tuple[Choice, ...] = ()
    date_key: str | None = None
    """For an age_or_date question: the answers-file key that holds a birth date instead of an age."""
    not_more_than: str | None = None
    """An earlier question whose amount this one may not exceed (a part cannot exceed the whole)."""
    low: Decimal | None = None
    high: Decimal | None = None
    """Bounds of a percent question, in percent."""
    unknown_allowed: bool = False
    """The person may answer 'unknown': a fact that refines a figure but does not decide the route."""
    default: Any = None
    """Used when an answers file leaves the question out; the report shows it as an assumption."""

    @model_validator(mode="after")
    def _consistent(self) -> StateSpec:
        if self.final:
            if self.kind or self.help or self.choices:
                raise ValueError("the final state asks nothing: it takes no kind, help or choices")
            return self
        if self.kind is None:
            raise ValueError(
                "a question needs a kind (choice, yes_no, amount, percent, age_or_date, state_code, country)"
            )
        if self.help is None:
            raise ValueError("a question needs a help key (its template in content/questions/)")
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError("choices are given for, and only for, a choice question")
        if (self.kind == "percent") != (self.low is not None and self.high is not None):
            raise ValueError("low and high are given for, and only for, a percent question")
        if self.date_key is not None and self.kind != "age_or_date":
            raise ValueError("date_key belongs to an age_or_date question")
        if self.not_more_than is not None and self.kind != "amount":
            raise ValueError("not_more_than belongs to an amount question")
        if self.unknown_allowed and self.kind not in ("amount", "age_or_date", "state_code", "country"):
            raise ValueError("unknown_allowed belongs to an amount, age_or_date, state_code or country question")
        return self


class TransitionSpec(BaseModel):
    """One way out of a state; conditions and unless are names from advisor.engine.conditions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    trigger: Literal["next"]
    source: str
    dest: str
    conditions: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


class FlowSpec(BaseModel):
    """A whole flow file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    """Stored with each saved session, so a session knows which flow asked it."""
    name: str
    title: str
    initial: str
    auto_transitions: Literal[False]
    """No generated ``to_<state>`` triggers: the only way through the flow is its transitions."""
    states: tuple[StateSpec, ...] = Field(min_length=2)
    transitions: tuple[TransitionSpec, ...] = Field(min_length=1)


class Question(BaseModel):
    """A question as the engine asks it: the spec with its reader ready."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: Kind
    help_key: str
    choices: tuple[Choice, ...]
    date_key: str | None
    not_more_than: str | None
    low: Decimal | None
    high: Decimal | None
    unknown_allowed: bool
    has_default: bool
    default: Any
    """The parsed default (meaningful only when has_default)."""

    @property
    def prompt(self) -> str:
        return question_text(self.help_key).prompt

    @property
    def help(self) -> str:
        """The 'why do we ask this?' text."""
        return question_text(self.help_key).help

    @property
    def keys(self) -> tuple[str, ...]:
        """The answers-file keys this question reads."""
        return (self.id,) if self.date_key is None else (self.id, self.date_key)

    def parse(self, raw: object, *, today: dt.date | None = None, date_only: bool = False) -> object:
        """The parsed answer (None for 'unknown' where allowed), or :class:`InputError` saying what is accepted."""
        if self.unknown_allowed and readers.is_unknown(raw):
            return None
        try:
            return self._parse(raw, today=today or dt.date.today(), date_only=date_only)
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
                return readers.display_amount(value)  # type: ignore[arg-type]
            case "percent":
                return readers.display_percent(value)  # type: ignore[arg-type]
            case "age_or_date":
                return value.isoformat() if isinstance(value, dt.date) else f"{value} years"
            case "state_code":
                return f"{readers.US_STATES[str(value)]} ({value})"
            case "country":
                return readers.display_country(str(value))
        raise AssertionError(f"unhandled kind {self.kind}")

    def serialise(self, value: object) -> tuple[str, object]:
        """The answers-file key and a JSON value that reads back to the same answer."""
        if isinstance(value, dt.date):
            return self.date_key or self.id, value.isoformat()
        if self.kind == "percent":
            return self.id, f"{(value * 100).normalize():f}%"  # type: ignore[operator]
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


class Flow:
    """A loaded, checked flow: its questions in file order and its transitions by source."""

    def __init__(self, spec: FlowSpec, path: Path) -> None:
        self.spec = spec
        self.path = path
        self.version = spec.version
        self.initial = spec.initial
        self.final_states = frozenset(state.name for state in spec.states if state.final)
        self.questions: dict[str, Question] = {}
        self.transitions: dict[str, tuple[TransitionSpec, ...]] = {}
        for transition in spec.transitions:
            self.transitions[transition.source] = (*self.transitions.get(transition.source, ()), transition)

    def question(self, question_id: str) -> Question:
        return self.questions[question_id]

    def next_state(self, source: str, answers: Answers) -> str:
        """The destination of the first transition out of ``source`` whose conditions pass (the rule the
        machine applies), for walking ahead without moving a machine."""
        for transition in self.transitions[source]:
            if passes(transition, answers):
                return transition.dest
        raise AssertionError(f"state {source!r} has no unconditional fallback (the loader ensures one)")

    @cached_property
    def machine(self) -> Machine:
        """One machine for the flow, shared by its sessions: each session adds its position as a model
        (building a machine per session cost more than the rest of the interview)."""
        return Machine(model=None, **self.machine_config())  # type: ignore[arg-type]

    def machine_config(self) -> dict[str, object]:
        """Keyword arguments for ``transitions.Machine``: the file's shape with conditions made callables."""
        return {
            "states": [state.name for state in self.spec.states],
            "initial": self.spec.initial,
            "auto_transitions": False,
            "transitions": [
                {
                    "trigger": t.trigger,
                    "source": t.source,
                    "dest": t.dest,
                    "conditions": [CONDITIONS[name] for name in t.conditions],
                    "unless": [CONDITIONS[name] for name in t.unless],
                }
                for t in self.spec.transitions
            ],
        }


def passes(transition: TransitionSpec, answers: Answers) -> bool:
    return all(CONDITIONS[name](answers) for name in transition.conditions) and not any(
        CONDITIONS[name](answers) for name in transition.unless
    )


def default_flow_path() -> Path:
    return data_dir("flows") / DEFAULT_FLOW


def load_flow(path: Path | None = None) -> Flow:
    """Read and check a flow file (default: the bundled interview); the default flow is read once."""
    if path is None:
        return _default_flow()
    return _load(Path(path))


@cache
def _default_flow() -> Flow:
    return _load(default_flow_path())


def _load(path: Path) -> Flow:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise FlowError(f"{path}: cannot read the flow file ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        raise FlowError(f"{path}: not valid YAML: {str(error).splitlines()[0]}") from None
    if not isinstance(raw, dict):
        raise FlowError(f"{path}: a flow file is one mapping (version, name, initial, states, transitions)")
    try:
        spec = FlowSpec.model_validate(raw)
    except ValidationError as error:
        raise FlowError(_describe(path, raw, error)) from None
    flow = Flow(spec, path)
    _check(flow, path)
    return flow


def _describe(path: Path, raw: Mapping[str, Any], error: ValidationError) -> str:
    """The first problem as 'file: state 'x': key 'y': message'."""
    item = error.errors()[0]
    loc = list(item["loc"])
    message = item["msg"].removeprefix("Value error, ")
    where = [str(path)]
    if len(loc) >= 2 and loc[0] in ("states", "transitions") and isinstance(loc[1], int):
        entries = raw.get(loc[0]) or []
        entry = entries[loc[1]] if loc[1] < len(entries) and isinstance(entries[loc[1]], dict) else {}
        if loc[0] == "states":
            where.append(f"state {entry.get('name', f'#{loc[1] + 1}')!r}")
        else:
            where.append(f"transition #{loc[1] + 1} (from {entry.get('source', '?')!r})")
        loc = loc[2:]
    if loc:
        where.append(f"key {str(loc[0])!r}")
    if item["type"] == "extra_forbidden":
        message = "unknown key (misspelt?)"
    return ": ".join([*where, message])


def _fail(path: Path, state: str | None, key: str | None, message: str) -> FlowError:
    parts = [str(path)]
    if state is not None:
        parts.append(f"state {state!r}")
    if key is not None:
        parts.append(f"key {key!r}")
    return FlowError(": ".join([*parts, message]))


def _check(flow: Flow, path: Path) -> None:
    spec = flow.spec
    names = [state.name for state in spec.states]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise _fail(path, name, "name", "a second state with this name")
        seen.add(name)
    if not flow.final_states:
        raise _fail(path, None, "states", "no state is final: the interview could never end")
    if spec.initial not in seen:
        raise _fail(path, None, "initial", f"{spec.initial!r} is not a state")
    questions_dir = data_dir("content") / "questions"
    for state in spec.states:
        if state.final:
            continue
        template = questions_dir / f"{state.help}.md.j2"
        if not template.is_file():
            raise _fail(path, state.name, "help", f"no template content/questions/{state.help}.md.j2")
        if state.not_more_than is not None and state.not_more_than not in seen:
            raise _fail(path, state.name, "not_more_than", f"{state.not_more_than!r} is not a state")
        flow.questions[state.name] = _question(state, path)
    for number, transition in enumerate(spec.transitions, start=1):
        for key in ("source", "dest"):
            target = getattr(transition, key)
            if target not in seen:
                raise _fail(
                    path,
                    transition.source if key == "dest" else None,
                    key,
                    f"transition #{number}: {target!r} is not a state",
                )
        for name in (*transition.conditions, *transition.unless):
            if name not in CONDITIONS:
                raise _fail(
                    path, transition.source, "conditions",
                    f"transition #{number}: unknown condition {name!r}; known: {', '.join(sorted(CONDITIONS))}",
                )  # fmt: skip
    for state in spec.states:
        outgoing = flow.transitions.get(state.name, ())
        if state.final:
            if outgoing:
                raise _fail(path, state.name, "transitions", "the final state has transitions out of it")
            continue
        if not outgoing or outgoing[-1].conditions or outgoing[-1].unless:
            raise _fail(
                path, state.name, "transitions",
                "the last transition out of a question must have no conditions, so some transition always applies",
            )  # fmt: skip
    _check_graph(flow, path, names)


def _check_graph(flow: Flow, path: Path, names: list[str]) -> None:
    forward: dict[str, set[str]] = {name: set() for name in names}
    backward: dict[str, set[str]] = {name: set() for name in names}
    for transition in flow.spec.transitions:
        forward[transition.source].add(transition.dest)
        backward[transition.dest].add(transition.source)
    reached = _closure(flow.initial, forward)
    for name in names:
        if name not in reached:
            raise _fail(path, name, None, "unreachable from the initial state")
    ends = set().union(*(_closure(final, backward) for final in flow.final_states))
    for name in names:
        if name not in ends:
            raise _fail(path, name, None, "cannot reach a final state")
    _check_acyclic(flow, path, forward)


def _closure(start: str, edges: Mapping[str, set[str]]) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for following in edges[queue.popleft()]:
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return seen


def _check_acyclic(flow: Flow, path: Path, forward: Mapping[str, set[str]]) -> None:
    """A question must never come round again: the path is a list of distinct questions."""
    order: dict[str, int] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        visiting.add(name)
        for following in sorted(forward[name]):
            if following in visiting:
                raise _fail(path, name, "transitions", f"leads back to {following!r}: a flow may not loop")
            if following not in order:
                visit(following)
        visiting.discard(name)
        order[name] = len(order)

    visit(flow.initial)


def _question(state: StateSpec, path: Path) -> Question:
    question = Question(
        id=state.name,
        kind=state.kind,  # type: ignore[arg-type]
        help_key=state.help,  # type: ignore[arg-type]
        choices=state.choices,
        date_key=state.date_key,
        not_more_than=state.not_more_than,
        low=state.low,
        high=state.high,
        unknown_allowed=state.unknown_allowed,
        has_default="default" in state.model_fields_set,
        default=None,
    )
    if not question.has_default:
        return question
    try:
        parsed = question.parse(state.default)
    except InputError as error:
        raise _fail(path, state.name, "default", str(error).split(": ", 1)[-1]) from None
    return question.model_copy(update={"default": parsed})
