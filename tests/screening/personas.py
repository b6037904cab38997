"""Shared helpers: the bundled personas as sessions and screenings on a fixed day."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import TypedDict

import yaml

from advisor.engine import Session
from advisor.resources import data_dir
from advisor.screening import Screening, screen

TODAY = dt.date(2026, 11, 23)
PERSONAS = data_dir("content") / "personas"


class ExpectedRoute(TypedDict):
    """One persona's entry in routes.yaml."""

    title: str
    kinds: list[str]
    rules: list[str]


def routes() -> dict[str, ExpectedRoute]:
    """Each persona's expected route kinds and fired rules (routes.yaml)."""
    return yaml.safe_load((PERSONAS / "routes.yaml").read_text(encoding="utf-8"))


def persona_files() -> list[Path]:
    return sorted(path for path in PERSONAS.glob("*.yaml") if path.stem != "routes")


@cache
def persona(name: str) -> tuple[Session, Screening]:
    answers = yaml.safe_load((PERSONAS / f"{name}.yaml").read_text(encoding="utf-8"))
    session = Session.from_answers(answers, today=TODAY, defaults=True)
    assert session.is_complete, (name, session.current, session.rejections)
    return session, screen(session.profile(), today=TODAY)
