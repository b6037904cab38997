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
from advisor.calculators.parameters import Bracket, Citation, MissingParameterError, RateSchedule, rows, rows_on

SCHEDULES = "state_estate_tax_schedules.csv"
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
def has_schedule(state: str) -> bool:
    """Whether the data holds the state's rate table, so its tax can be computed."""
    return any(row["state"] == state for row in rows(SCHEDULES))


def state_schedule(state: str, on: dt.date) -> RateSchedule:
    found = rows_on(SCHEDULES, on, state=state)
    if not found:
        raise MissingParameterError(
            f"the {state} estate tax rate table for {on.isoformat()} is not in the data; "
            "only the state's exclusion and top rate are known, so its tax is not computed"
        )
    brackets = tuple(
        Bracket(
            over=row.decimal("over"),
            not_over=row.decimal("not_over") if row["not_over"] else None,
            base_tax=row.decimal("base_tax"),
            rate=row.decimal("rate_percent") / 100,
        )
        for row in found
    )
    first = found[0]
    low, top = brackets[0].rate * 100, brackets[-1].rate * 100
    return RateSchedule(
        effective_from=first.effective_from,
        effective_to=first.effective_to,
        brackets=brackets,
        citation=first.cite(
            f"{state} estate tax rate table", f"{len(brackets)} brackets, {low.normalize():f}% to {top.normalize():f}%"
        ),
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
