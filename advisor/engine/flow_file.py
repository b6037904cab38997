"""Flow files: the models of a flow file, the loader and its checks.

A flow file has the shape of ``transitions.Machine(**config)`` (``initial``, ``states``,
``transitions``, ``auto_transitions: false``); each state adds what the interview needs to ask it
(kind, help template, choices). Reading validates everything an interview could trip over later,
so a broken flow fails here with the file, the state and the key in the message. The result is
plain data, which :mod:`advisor.compiled_flow` ships with the question texts for the engine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from advisor.calculators.money import InputError
from advisor.engine.conditions import CONDITIONS
from advisor.engine.spec import FlowError, Kind, question_from
from advisor.resources import data_dir


class ChoiceSpec(BaseModel):
    """One answer of a multiple-choice question (see :class:`advisor.engine.spec.Choice`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str
    label: str
    aliases: tuple[str, ...] = ()


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
    choices: tuple[ChoiceSpec, ...] = ()
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


def read_flow_file(path: Path) -> dict[str, Any]:
    """A flow file read and checked, as plain JSON-ready data (defaults as written in the file)."""
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
    _check(spec, path)
    return spec.model_dump(mode="json", exclude_unset=True)


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


def _check(spec: FlowSpec, path: Path) -> None:
    names = [state.name for state in spec.states]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise _fail(path, name, "name", "a second state with this name")
        seen.add(name)
    final_states = {state.name for state in spec.states if state.final}
    if not final_states:
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
        _check_default(state, path)
    outgoing: dict[str, list[TransitionSpec]] = {name: [] for name in names}
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
        outgoing[transition.source].append(transition)
    for state in spec.states:
        out = outgoing[state.name]
        if state.final:
            if out:
                raise _fail(path, state.name, "transitions", "the final state has transitions out of it")
            continue
        if not out or out[-1].conditions or out[-1].unless:
            raise _fail(
                path, state.name, "transitions",
                "the last transition out of a question must have no conditions, so some transition always applies",
            )  # fmt: skip
    _check_graph(spec, path, names, final_states)


def _check_default(state: StateSpec, path: Path) -> None:
    """A default must read as an answer to its own question."""
    if "default" not in state.model_fields_set:
        return
    try:
        question_from(state.model_dump(mode="json", exclude_unset=True), prompt="", help_text="")
    except InputError as error:
        raise _fail(path, state.name, "default", str(error).split(": ", 1)[-1]) from None


def _check_graph(spec: FlowSpec, path: Path, names: list[str], final_states: set[str]) -> None:
    forward: dict[str, set[str]] = {name: set() for name in names}
    backward: dict[str, set[str]] = {name: set() for name in names}
    for transition in spec.transitions:
        forward[transition.source].add(transition.dest)
        backward[transition.dest].add(transition.source)
    reached = _closure(spec.initial, forward)
    for name in names:
        if name not in reached:
            raise _fail(path, name, None, "unreachable from the initial state")
    ends = set().union(*(_closure(final, backward) for final in final_states))
    for name in names:
        if name not in ends:
            raise _fail(path, name, None, "cannot reach a final state")
    _check_acyclic(spec, path, forward)


def _closure(start: str, edges: Mapping[str, set[str]]) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for following in edges[queue.popleft()]:
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return seen


def _check_acyclic(spec: FlowSpec, path: Path, forward: Mapping[str, set[str]]) -> None:
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

    visit(spec.initial)
