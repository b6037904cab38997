"""A state's estate tax where the data holds its rate table (New York, N.Y. Tax Law § 952).

States do not allow portability: each spouse has only the state's own exclusion, so the survivor's
estate is taxed with one exclusion. New York also has a "cliff": above 105% of its basic exclusion
amount no credit is left and the whole estate is taxed (§ 952(c)(1)).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.estate_tax import tentative_tax
from advisor.calculators.money import Money, to_cents
from advisor.calculators.parameters import (
    Bracket,
    Citation,
    MissingParameterError,
    RateSchedule,
    read_rows,
)

ZERO = Decimal(0)
CLIFF = Decimal("0.05")
"""New York: the credit phases out over the 5% above the basic exclusion amount (§ 952(c)(1))."""


class StateTaxInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    state: str = Field(min_length=2, max_length=2)
    """Two-letter code of the state of domicile at death."""
    taxable_estate: Decimal = Field(ge=0)
    """The state taxable estate (for New York, the federal gross estate less deductions; gifts are not added)."""
    basic_exclusion: Decimal = Field(ge=0)
    """The state's exclusion for the year of death (from the state table)."""
    death_date: dt.date


class StateTaxResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: str
    taxable_estate: Money
    tentative_tax: Money
    credit: Money
    tax: Money
    over_cliff: bool
    """The estate is above 105% of the exclusion: no credit, the whole estate is taxed."""
    citations: tuple[Citation, ...]


@cache
def _schedules() -> dict[str, tuple[RateSchedule, ...]]:
    grouped: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in read_rows("state_estate_tax_schedules.csv"):
        grouped.setdefault((row["state"], row["effective_from"], row["effective_to"]), []).append(row)
    out: dict[str, list[RateSchedule]] = {}
    for (state, start, end), rows in grouped.items():
        brackets = tuple(
            Bracket(
                over=Decimal(r["over"]),
                not_over=Decimal(r["not_over"]) if r["not_over"] else None,
                base_tax=Decimal(r["base_tax"]),
                rate=Decimal(r["rate_percent"]) / 100,
            )
            for r in rows
        )
        top = brackets[-1].rate * 100
        out.setdefault(state, []).append(
            RateSchedule(
                effective_from=dt.date.fromisoformat(start),
                effective_to=dt.date.fromisoformat(end) if end else None,
                brackets=brackets,
                citation=Citation(
                    parameter=f"{state} estate tax rate table",
                    value=f"{len(brackets)} brackets, {brackets[0].rate * 100:f}% to {top:f}%",
                    effective=f"deaths from {start}" + (f" to {end}" if end else ""),
                    source=rows[0]["source"],
                ),
            )
        )
    return {state: tuple(schedules) for state, schedules in out.items()}


def has_schedule(state: str) -> bool:
    """Whether the data holds the state's rate table, so its tax can be computed."""
    return state in _schedules()


def state_schedule(state: str, on: dt.date) -> RateSchedule:
    for schedule in _schedules().get(state, ()):
        if schedule.effective_from <= on and (schedule.effective_to is None or on <= schedule.effective_to):
            return schedule
    raise MissingParameterError(
        f"the {state} estate tax rate table for {on.isoformat()} is not in the data; "
        "only the state's exclusion and top rate are known, so its tax is not computed"
    )


def compute_state_estate_tax(facts: StateTaxInput) -> StateTaxResult:
    """The state's estate tax with its credit and cliff (New York's rule, § 952(c)(1))."""
    schedule = state_schedule(facts.state, facts.death_date)
    estate, exclusion = facts.taxable_estate, facts.basic_exclusion
    tentative = tentative_tax(estate, schedule)
    if estate <= exclusion:
        credit = tentative
    elif estate <= exclusion * (1 + CLIFF):
        remaining = exclusion * (1 - (estate - exclusion) / (exclusion * CLIFF))
        credit = tentative_tax(remaining, schedule)
    else:
        credit = ZERO
    cliff = Citation(
        parameter=f"{facts.state} applicable credit",
        value="phased out between 100% and 105% of the basic exclusion amount; none above",
        effective=f"deaths from {schedule.effective_from.isoformat()}",
        source="N.Y. Tax Law § 952(c)(1)",
    )
    return StateTaxResult(
        state=facts.state,
        taxable_estate=estate,
        tentative_tax=to_cents(tentative),
        credit=to_cents(credit),
        tax=to_cents(max(ZERO, tentative - credit)),
        over_cliff=estate > exclusion * (1 + CLIFF),
        citations=(schedule.citation, cliff),
    )
