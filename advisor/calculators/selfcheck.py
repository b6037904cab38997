"""Reproduce the published factors and worked examples bundled in ``published_examples.json``.

Each case names its source; a user can run them on their own machine (``estate-advisor self-check``)
to see that the calculators give the figures the IRS tables and the examples print.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from advisor.calculators.actuarial import printed, single_life_remainder, term_certain_remainder
from advisor.calculators.parameters import mortality_table, rate_schedule
from advisor.calculators.qprt import QprtInput, compute_qprt
from advisor.calculators.tentative_tax import tentative_tax

Kind = Literal[
    "single_life_remainder", "term_certain_remainder", "lx", "qprt_gift", "qprt_gift_no_reversion", "tentative_tax"
]


class PublishedExample(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: Kind
    inputs: dict[str, Any]
    expected: str
    places: int | None
    """Decimals the source prints; the computed figure is rounded to them before comparing."""
    source: str


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    example: PublishedExample
    actual: str
    passed: bool


@cache
def published_examples() -> tuple[PublishedExample, ...]:
    text = resources.files("advisor.calculators").joinpath("published_examples.json").read_text(encoding="utf-8")
    return tuple(PublishedExample.model_validate(item) for item in json.loads(text))


def _rate(inputs: dict[str, Any]) -> Decimal:
    return Decimal(inputs["rate_percent"]) / 100


def compute(example: PublishedExample) -> Decimal:
    """The project's own figure for a published example."""
    i = example.inputs
    match example.kind:
        case "single_life_remainder":
            return single_life_remainder(mortality_table(i["table"]), _rate(i), i["age"])
        case "term_certain_remainder":
            return term_certain_remainder(_rate(i), i["years"])
        case "lx":
            return mortality_table(i["table"]).lx[int(i["age"])]
        case "qprt_gift" | "qprt_gift_no_reversion":
            facts = QprtInput(
                fmv=Decimal(i["fmv"]),
                age=i["age"],
                term=i["term"],
                rate=_rate(i),
                table=i["table"],
                reversion=example.kind == "qprt_gift",
            )
            return compute_qprt(facts).gift
        case "tentative_tax":
            return tentative_tax(Decimal(i["amount"]), rate_schedule(dt.date.fromisoformat(i["death_date"])))
    raise AssertionError(example.kind)


def run_checks() -> list[CheckResult]:
    results = []
    for example in published_examples():
        actual = compute(example)
        if example.places is not None:
            actual = printed(actual, example.places)
        results.append(CheckResult(example=example, actual=str(actual), passed=actual == Decimal(example.expected)))
    return results
