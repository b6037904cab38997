"""One answers file screened into a report, as a pure function of what it depends on.

:func:`screen_answers` takes a :class:`Job` (the file's bytes, the screening day, the options and the
report format) and returns a :class:`Result` (the report text, the route, the key figures, or the
error). It reads no clock, no file and no global state that a job does not carry, and both types
pickle, so ``estate-advisor batch`` maps it over this machine's cores and a firm past one machine can
map the same function over Dask or Ray unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from advisor.advice import AdviceOptions, advise
from advisor.answers_file import parse_answers
from advisor.calculators.money import InputError
from advisor.calculators.parameters import MissingParameterError
from advisor.engine import load_flow

Format = Literal["md", "html", "json"]
KEY_FIGURES = (
    "tax_without_qdot",
    "projected_tax_without_qdot",
    "gift",
    "expected_net_value",
    "federal_tax_now",
    "state_estate_tax",
)
"""The figures the summary table shows for each file, where its recommendations have them."""


@dataclass(frozen=True, slots=True)
class Job:
    """Everything the screening of one answers file depends on."""

    name: str
    """How messages name the file."""
    data: bytes
    """The file's bytes (JSON or YAML, as ``suffix`` says)."""
    suffix: str
    client: str
    """The name the report's heading shows (the file's name without its suffix)."""
    today: dt.date
    options: AdviceOptions
    fmt: Format


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one job: a report with its route and key figures, or an error naming the file."""

    report: str | None = None
    route: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    error: str | None = None
    skipped: str | None = None
    """Why the file was left alone: it parses, but as something other than answers."""


NOT_ANSWERS = "not an answers file (none of its keys is a question of the interview)"


def screen_answers(job: Job) -> Result:
    """Screen one answers file; every problem with the file becomes the result's one-line error."""
    try:
        answers = parse_answers(job.data, job.suffix, job.name)
        if answers and load_flow().answer_keys.isdisjoint(answers):
            return Result(skipped=NOT_ANSWERS)
        advice = advise(answers, today=job.today, options=job.options)
        report = advice.render(job.fmt, client=job.client)
    except (InputError, MissingParameterError) as error:
        message = str(error)
        return Result(error=message if message.startswith(job.name) else f"{job.name}: {message}")
    explained = advice.explained
    figures = tuple(
        f"{figure['label']}: {figure['display']}"
        for recommendation in explained["recommendations"]
        for figure in recommendation["figures"]
        if figure["name"] in KEY_FIGURES
    )
    return Result(report=report, route=tuple(r["kind"] for r in explained["recommendations"]), figures=figures)
