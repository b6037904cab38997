"""Answers files (JSON or YAML): one mapping of question ids to answers, read with clear errors.

Answers files come from outside, so reading one is bounded: at most ``MAX_BYTES``, nesting at most
``MAX_DEPTH`` deep, at most ``MAX_ALIASES`` YAML aliases (an "alias bomb" of a few hundred bytes
otherwise expands to gigabytes when its values are walked), numbers of at most ``MAX_DIGITS`` digits,
and every YAML date or time a real one. Each breach is one ``AnswersFileError`` naming the file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from advisor.calculators.money import InputError
from advisor.engine import AnswersError, Session
from advisor.resources import data_dir


class AnswersFileError(InputError):
    """An answers file that cannot be read; the message names the file and the problem."""


MAX_BYTES = 256 * 1024
"""A full answers file is about 1 KB."""
MAX_DEPTH = 16
MAX_ALIASES = 8
MAX_DIGITS = 40
"""Enough for any amount in dollars and cents; Python refuses to read integers past 4,300 digits."""


class _Limit(Exception):
    """A bound broken while parsing; the message says which."""


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it: about six times faster than the pure-Python one."""
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_events(text: str) -> None:
    """The alias and nesting bounds, checked on the parser's events before any node is built (libyaml builds
    nodes recursively, in C, where a deep nesting must never reach). The depth here counts containers; the
    scalars of the deepest ones are bounded by :func:`_check_depth` once the value is built."""
    aliases = depth = 0
    for event in yaml.parse(text, Loader=_FAST):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _Limit(f"more than {MAX_ALIASES} YAML aliases (*name); write the values out")
        elif isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Limit(f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, _CLOSES):
            depth -= 1


class _BoundedLoader(_FAST):  # type: ignore[misc,valid-type]
    """PyYAML's safe loader with numbers of bounded length and dates that must exist; read a text only after
    :func:`_check_events` has passed it."""

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            where = f"line {node.start_mark.line + 1}"
            raise _Limit(f"{where}: {node.value!r} is not a real date or time ({error})") from None

    def construct_yaml_int(self, node: Any) -> Any:
        _check_digits(str(node.value), f"line {node.start_mark.line + 1}")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: Any) -> Any:
        _check_digits(str(node.value), f"line {node.start_mark.line + 1}")
        return super().construct_yaml_float(node)


_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp)
_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _BoundedLoader.construct_yaml_int)
_BoundedLoader.add_constructor("tag:yaml.org,2002:float", _BoundedLoader.construct_yaml_float)


def _check_digits(text: str, where: str = "") -> None:
    if len(text) <= MAX_DIGITS:
        return  # no more digits than characters
    if sum(char.isdigit() for char in text) > MAX_DIGITS:
        raise _Limit(f"{where}{': ' if where else ''}a number of more than {MAX_DIGITS} digits ({text[:12]}…)")


def _json_number(text: str) -> int | float:
    _check_digits(text)
    return float(text) if "." in text or "e" in text or "E" in text else int(text)


def _json_constant(name: str) -> float:
    raise _Limit(f"{name} is not a number an answer can take")


def _check_depth(data: object) -> None:
    """JSON has no depth limit of its own short of a RecursionError; walk the parsed value (no recursion)."""
    containers = (dict, list)
    stack: list[tuple[dict[object, object] | list[object], int]] = [(data, 1)] if isinstance(data, containers) else []
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if depth >= MAX_DEPTH and children:
            raise _Limit(f"nested more than {MAX_DEPTH} levels deep")
        # only containers go on the stack: an answers file is one mapping of plain values
        stack.extend((child, depth + 1) for child in children if isinstance(child, containers))


def load_answers_file(path: Path) -> dict[str, object]:
    """The answers in a ``.json``, ``.yaml`` or ``.yml`` file (YAML 1.1 booleans are read as booleans)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise AnswersFileError(f"{path}: cannot read the answers file ({error.strerror or error})") from None
    return parse_answers(raw, path.suffix, str(path))


def parse_answers(raw: bytes, suffix: str, name: str) -> dict[str, object]:
    """The answers in the bytes of an answers file (``suffix`` says JSON or YAML; ``name`` is how messages
    name the file), within the bounds above. Messages say where the file is wrong, not what it holds."""
    if len(raw) > MAX_BYTES:
        raise AnswersFileError(f"{name}: larger than {MAX_BYTES // 1024} KB; an answers file is a few lines")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise AnswersFileError(
            f"{name}: line {line}: byte {raw[error.start]:#04x} is not UTF-8; save the file as UTF-8 text "
            "(answers files are JSON or YAML in UTF-8)"
        ) from None
    try:
        if suffix.lower() == ".json":
            data = json.loads(text, parse_int=_json_number, parse_float=_json_number, parse_constant=_json_constant)
        else:
            _check_events(text)
            data = yaml.load(text, Loader=_BoundedLoader)
        _check_depth(data)
    except _Limit as error:
        raise AnswersFileError(f"{name}: {error}") from None
    except RecursionError:
        raise AnswersFileError(f"{name}: nested more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise AnswersFileError(f"{name}: not valid JSON ({where}: {error.msg})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise AnswersFileError(f"{name}: not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise AnswersFileError(f'{name}: expected one mapping of question ids to answers, e.g. {{"age": 64}}')
    return {str(key): value for key, value in data.items()}


def personas() -> dict[str, Path]:
    """The bundled example people, by name (``routes.yaml`` beside them holds their expected routes)."""
    folder = data_dir("content") / "personas"
    return {path.stem: path for path in sorted(folder.glob("*.yaml")) if path.stem != "routes"}


def persona_summary(path: Path) -> str:
    """The first sentence of a persona file's opening comment: who the example person is, in a line."""
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    text = " ".join(lines)
    first, dot, _ = text.partition(". ")
    return first + "." if dot else text


def replay(path: Path, today: dt.date | None = None) -> Session:
    """The session a whole answers file gives, defaults filled in, as far as its answers go (unknown keys
    name the file)."""
    try:
        return Session.from_answers(load_answers_file(path), today=today, defaults=True)
    except AnswersError as error:
        raise AnswersFileError(f"{path}: {error}") from None


def session_from_file(path: Path, today: dt.date | None = None) -> Session:
    """A complete session from an answers file, or an InputError naming the file and the first problem."""
    session = replay(path, today)
    if session.rejections:
        message = next(iter(session.rejections.values()))
        raise AnswersFileError(f"{path}: invalid answer: {message}")
    question = session.current
    if question is not None:
        keys = " or ".join(question.keys)
        raise AnswersFileError(f"{path}: missing answer for {keys} ({question.prompt})")
    return session
