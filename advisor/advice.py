"""The one application service: a finished interview in, the screened and explained advice out.

Every front end (the app, plain prompts, ``interview``, ``sessions``, ``batch``, the session
comparison and the persona table) calls :func:`advise`, so they agree on what is screened and on
which day. The day is decided once by the front end (:func:`today`, or a ``--today`` flag) and
passed explicitly, to batch workers too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from advisor.answers_file import personas, session_from_file
from advisor.calculators.money import InputError
from advisor.content import explain, render_explained
from advisor.engine import Session
from advisor.screening import Screening, screen

Format = Literal["md", "html", "json"]


def today() -> dt.date:
    """The screening day when none is given: the local calendar day, read once by each front end."""
    return dt.date.today()


@dataclass(frozen=True)
class AdviceOptions:
    """What a front end may choose about the advice (everything else follows from the answers)."""

    projections: bool = True
    """Include the projections that take milliseconds per recommendation (batch runs may leave them out)."""


@dataclass(frozen=True)
class Advice:
    """The screening of one finished interview, with its explanation rendered once and reused."""

    session: Session
    screening: Screening
    today: dt.date
    options: AdviceOptions = field(default_factory=AdviceOptions)

    @cached_property
    def explained(self) -> dict[str, Any]:
        """Every text rendered (the ``--format json`` shape, and what the report templates lay out)."""
        return explain(self.screening, self.session)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.screening.kinds)

    def render(self, fmt: Format = "md", *, client: str | None = None) -> str:
        """The report in Markdown, HTML, or JSON (the explained screening, with ids kept)."""
        if fmt == "json":
            return json.dumps(self.explained, indent=2) + "\n"
        return render_explained(self.explained, fmt, client=client)


def advise(
    source: Session | Mapping[str, object] | Path,
    *,
    today: dt.date,
    options: AdviceOptions | None = None,
) -> Advice:
    """Screen a finished interview as of ``today``.

    ``source`` is a session (it must be complete), an answers mapping (replayed with the flow's
    defaults, as an answers file is) or an answers file; an unfinished or invalid one raises an
    :class:`~advisor.calculators.money.InputError` that names the problem.
    """
    options = options or AdviceOptions()
    if isinstance(source, Path):
        session = session_from_file(source, today)
    elif isinstance(source, Session):
        session = source
    else:
        session = Session.from_answers(source, today=today, defaults=True)
        if session.rejections:
            raise InputError(f"invalid answer: {next(iter(session.rejections.values()))}")
    screening = screen(session.profile(), today=today, projections=options.projections)
    return Advice(session=session, screening=screening, today=today, options=options)


def persona_advice(today: dt.date, options: AdviceOptions | None = None) -> dict[str, Advice]:
    """Every bundled persona advised as of a day."""
    return {name: advise(path, today=today, options=options) for name, path in personas().items()}
