"""Answers files (JSON or YAML): one mapping of question ids to answers, read with clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from advisor.calculators.money import InputError
from advisor.resources import data_dir


class AnswersFileError(InputError):
    """An answers file that cannot be read; the message names the file and the problem."""


def load_answers_file(path: Path) -> dict[str, object]:
    """The answers in a ``.json``, ``.yaml`` or ``.yml`` file (YAML 1.1 booleans are read as booleans)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise AnswersFileError(f"{path}: cannot read the answers file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise AnswersFileError(f"{path}: not a text file; answers files are JSON or YAML in UTF-8") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise AnswersFileError(f"{path}: not valid JSON ({where}: {error.msg})") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        at = f" (line {where.line + 1})" if where is not None else ""
        raise AnswersFileError(f"{path}: not valid YAML{at}") from None
    if not isinstance(data, dict):
        raise AnswersFileError(f'{path}: expected one mapping of question ids to answers, e.g. {{"age": 64}}')
    return {str(key): value for key, value in data.items()}


def persona_files() -> list[Path]:
    """The bundled example people, by name."""
    folder = data_dir("content") / "personas"
    return sorted(path for path in folder.glob("*") if path.suffix.lower() in {".json", ".yaml", ".yml"})
