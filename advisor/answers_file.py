"""Answers files (JSON or YAML): one mapping of question ids to answers, read with clear errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from advisor.calculators.money import InputError
from advisor.engine import AnswersError, Session
from advisor.resources import data_dir


class AnswersFileError(InputError):
    """An answers file that cannot be read; the message names the file and the problem."""


def load_answers_file(path: Path) -> dict[str, object]:
    """The answers in a ``.json``, ``.yaml`` or ``.yml`` file (YAML 1.1 booleans are read as booleans)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AnswersFileError(f"{path}: cannot read the answers file ({error.strerror or error})") from None
    return parse_answers(data, path.suffix, str(path))


def parse_answers(data: bytes, suffix: str, name: str) -> dict[str, object]:
    """The answers in the bytes of an answers file (``suffix`` says JSON or YAML; ``name`` is how messages
    name the file). Messages say where the file is wrong, never what it holds."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise AnswersFileError(f"{name}: not a text file; answers files are JSON or YAML in UTF-8") from None
    try:
        parsed = json.loads(text) if suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise AnswersFileError(f"{name}: not valid JSON ({where}: {error.msg})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise AnswersFileError(f"{name}: not valid {_kind(suffix)}{where}: {problem}") from None
    except (ValueError, RecursionError) as error:
        # A date such as 1960-02-30, an integer of thousands of digits, nesting deeper than Python's stack.
        problem = "nested too deeply" if isinstance(error, RecursionError) else str(error).split(":")[0]
        raise AnswersFileError(f"{name}: not valid {_kind(suffix)}: {problem}") from None
    if not isinstance(parsed, dict):
        raise AnswersFileError(f'{name}: expected one mapping of question ids to answers, e.g. {{"age": 64}}')
    return {str(key): value for key, value in parsed.items()}


def _kind(suffix: str) -> str:
    return "JSON" if suffix.lower() == ".json" else "YAML"


def personas() -> dict[str, Path]:
    """The bundled example people, by name (``routes.yaml`` beside them holds their expected routes)."""
    folder = data_dir("content") / "personas"
    return {path.stem: path for path in sorted(folder.glob("*.yaml")) if path.stem != "routes"}


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
