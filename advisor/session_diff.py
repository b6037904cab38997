"""What changed between two interviews of a client: answers, route and figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from advisor.advice import advise
from advisor.content import environment
from advisor.engine import Session


class Difference(BaseModel):
    """One item that differs: what it is, and how it read before and after (None: absent)."""

    model_config = ConfigDict(frozen=True)

    item: str
    before: str | None
    after: str | None


class SessionDiff(BaseModel):
    model_config = ConfigDict(frozen=True)

    answers: tuple[Difference, ...]
    route_before: tuple[str, ...] | None
    """Recommendation kinds of the first session (None: its interview is not complete)."""
    route_after: tuple[str, ...] | None
    figures: tuple[Difference, ...]

    @property
    def unchanged(self) -> bool:
        return not self.answers and not self.figures and self.route_before == self.route_after


def _answers(session: Session) -> dict[str, tuple[str, str]]:
    return {item.question_id: (item.prompt, item.answer) for item in session.review()}


def _figures(session: Session, today: dt.date) -> tuple[tuple[str, ...], dict[str, str]] | None:
    if not session.is_complete:
        return None
    report = advise(session, today=today).explained
    figures = {f"{r['title']}: {f['label']}": f["display"] for r in report["recommendations"] for f in r["figures"]}
    return tuple(r["kind"] for r in report["recommendations"]), figures


def _differences(before: Mapping[str, str], after: Mapping[str, str]) -> tuple[Difference, ...]:
    keys = list(before) + [key for key in after if key not in before]
    return tuple(
        Difference(item=key, before=before.get(key), after=after.get(key))
        for key in keys
        if before.get(key) != after.get(key)
    )


def diff_sessions(before: Mapping[str, object], after: Mapping[str, object], *, today: dt.date) -> SessionDiff:
    """Compare two sets of saved answers, replayed through the interview (defaults filled, as for an answers
    file) and screened the same day."""
    first = Session.from_answers(before, today=today, defaults=True)
    second = Session.from_answers(after, today=today, defaults=True)
    answers_before, answers_after = _answers(first), _answers(second)
    prompts = {key: prompt for key, (prompt, _) in {**answers_after, **answers_before}.items()}
    answers = _differences(
        {prompts[k]: shown for k, (_, shown) in answers_before.items()},
        {prompts[k]: shown for k, (_, shown) in answers_after.items()},
    )
    screened_before, screened_after = _figures(first, today), _figures(second, today)
    return SessionDiff(
        answers=answers,
        route_before=None if screened_before is None else screened_before[0],
        route_after=None if screened_after is None else screened_after[0],
        figures=_differences(
            {} if screened_before is None else screened_before[1], {} if screened_after is None else screened_after[1]
        ),
    )


def render_diff(diff: SessionDiff, names: tuple[str, str]) -> str:
    """The comparison as Markdown (wording in content/report/diff.md.j2)."""
    context: dict[str, Any] = {"diff": diff, "before_name": names[0], "after_name": names[1]}
    return environment().get_template("report/diff.md.j2").render(**context)
