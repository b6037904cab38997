"""A state's estate tax where the data holds the state's method and rate table.

Each state computes its tax its own way; ``state_estate_tax_methods.csv`` names the method for a
death date, with the amounts the state's statute fixes (its exclusion, and where it has them a
subtraction, a credit or a cap), and ``state_estate_tax_schedules.csv`` holds its rate table:

* ``cliff`` (New York, N.Y. Tax Law § 952): the table on the whole estate, less a credit that
  removes it up to the basic exclusion amount and phases out between 100% and 105% of it; above
  105% the whole estate is taxed (§ 952(c)(1)).
* ``table`` (Oregon, ORS 118.010(4); Vermont, 32 V.S.A. § 7442a(b)): the statute's table on the
  taxable estate; its first bracket, taxed at nothing, is the exclusion.
* ``above_exclusion`` (Connecticut, Hawaii, Maine, Minnesota, Washington): the table on the taxable
  estate less the exclusion, capped where the state caps the tax (Connecticut, $15,000,000).
* ``credit_table`` (Massachusetts, M.G.L. c. 65C § 2A): the old federal credit for state death
  taxes (IRC 2011(b) as in effect on December 31, 2000) on the taxable estate less $60,000, less a
  fixed credit ($99,600 from 2023, the table's figure on a $2,000,000 estate): no cliff.

States do not allow portability: each spouse has only the state's own exclusion. Gifts some states
add back to the estate (a dated look-back the screening does not know) are named in the result's
citations and left out of the figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.lean_tax import Schedule
from advisor.calculators.money import to_cents
from advisor.calculators.parameters import (
    Citation,
    MissingParameterError,
    RateSchedule,
    Row,
    brackets_of,
    rows,
    rows_on,
)
from advisor.calculators.units import Money

SCHEDULES = "state_estate_tax_schedules.csv"
METHODS = "state_estate_tax_methods.csv"
ZERO = Decimal(0)
CLIFF = Decimal("0.05")
"""New York: the credit phases out over the 5% above the basic exclusion amount (§ 952(c)(1))."""


class StateTaxInput(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    state: str = Field(min_length=2, max_length=2)
    """Two-letter code of the state of domicile at death."""
    taxable_estate: Decimal = Field(ge=0)
    """The state taxable estate before its exclusion (the federal gross estate less deductions, without
    the IRC 2058 deduction for the state's own tax; gifts are not added)."""
    death_date: dt.date


class StateTaxResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: str
    taxable_estate: Money
    exclusion: Money
    """The amount below which the state charges nothing, for the year of death."""
    tentative_tax: Money
    """The table's tax before the state's credit (on the estate less what the method subtracts)."""
    credit: Money
    """The state's credit against the table's tax (New York's phased credit, Massachusetts' fixed
    one) or the part above a cap (Connecticut)."""
    tax: Money
    over_cliff: bool
    """New York only: the estate is above 105% of the exclusion, so the whole estate is taxed."""
    citations: tuple[Citation, ...]


def _method_rows(state: str, on: dt.date) -> tuple[Row, ...]:
    return rows_on(METHODS, on, state=state)


@cache
def has_schedule(state: str, on: dt.date) -> bool:
    """Whether the data holds the state's method and rate table for a death on this date."""
    return bool(_method_rows(state, on)) and bool(rows_on(SCHEDULES, on, state=state))


def computed_states() -> tuple[str, ...]:
    """Every state whose tax the data can compute for some date."""
    return tuple(dict.fromkeys(row["state"] for row in rows(METHODS)))


@lru_cache(maxsize=256)
def state_schedule(state: str, on: dt.date) -> RateSchedule:
    found = rows_on(SCHEDULES, on, state=state)
    if not found:
        raise MissingParameterError(
            f"the {state} estate tax rate table for {on.isoformat()} is not in the data; "
            "only the state's exclusion and top rate are known, so its tax is not computed"
        )
    brackets = brackets_of(found)
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


def state_method(state: str, on: dt.date) -> Row:
    """The state's method row for a death on this date; a gap names the state and the date."""
    found = _method_rows(state, on)
    if not found:
        raise MissingParameterError(
            f"the {state} estate tax method for {on.isoformat()} is not in the data; "
            "only the state's exclusion and top rate are known, so its tax is not computed"
        )
    return found[0]


class StateTaxFigures(NamedTuple):
    """The figures of a state's tax on one estate, without a result model (see :func:`state_tax_figures`)."""

    exclusion: Decimal
    tentative_tax: Decimal
    credit: Decimal
    tax: Decimal
    over_cliff: bool


def compute_state_estate_tax(facts: StateTaxInput) -> StateTaxResult:
    """The state's estate tax by its own method (see the module docstring)."""
    figures = state_tax_figures(facts.state, facts.taxable_estate, facts.death_date)
    return StateTaxResult(
        state=facts.state,
        taxable_estate=facts.taxable_estate,
        exclusion=figures.exclusion,
        tentative_tax=figures.tentative_tax,
        credit=figures.credit,
        tax=figures.tax,
        over_cliff=figures.over_cliff,
        citations=state_citations(facts.state, facts.death_date),
    )


def state_tax_figures(state: str, estate: Decimal, death_date: dt.date) -> StateTaxFigures:
    """:func:`compute_state_estate_tax`'s figures for an estate already known to be valid (not negative), for the
    loops that weigh many estates (a QPRT's terms): no input or result model, the state's method read once."""
    method = _method(state, death_date)
    table, exclusion = method.schedule.tentative, method.exclusion
    over_cliff = False
    if method.kind == "cliff":
        tentative, credit, over_cliff = _new_york(estate, exclusion, table)
    elif method.kind == "table":
        tentative, credit = table(estate), ZERO
    elif method.kind == "above_exclusion":
        tentative = table(max(ZERO, estate - exclusion))
        credit = max(ZERO, tentative - method.cap) if method.cap is not None else ZERO
    else:
        tentative = table(max(ZERO, estate - method.adjustment))
        credit = min(tentative, method.credit)
    tax = to_cents(max(ZERO, tentative - credit))
    return StateTaxFigures(exclusion, to_cents(tentative), to_cents(credit), tax, over_cliff)


class _Method(NamedTuple):
    """A state's method row as numbers (the amounts its kind does not use are zero, or None for no cap)."""

    kind: str
    exclusion: Decimal
    schedule: Schedule
    """The rate table as plain numbers (the same cents as tentative_tax on the cited table)."""
    cap: Decimal | None = None
    adjustment: Decimal = ZERO
    credit: Decimal = ZERO


@lru_cache(maxsize=256)
def _method(state: str, on: dt.date) -> _Method:
    """The state's method for a death on this date, read once."""
    method = state_method(state, on)
    schedule = Schedule.of(state_schedule(state, on))
    kind, exclusion = method["method"], method.decimal("exclusion")
    if kind in ("cliff", "table"):
        return _Method(kind, exclusion, schedule)
    if kind == "above_exclusion":
        return _Method(kind, exclusion, schedule, cap=method.decimal("cap") if method["cap"] else None)
    if kind == "credit_table":
        adjustment, credit = method.decimal("adjustment"), method.decimal("credit")
        return _Method(kind, exclusion, schedule, adjustment=adjustment, credit=credit)
    raise ValueError(f"{METHODS}: unknown method {kind!r} for {state}")


@lru_cache(maxsize=256)
def state_citations(state: str, on: dt.date) -> tuple[Citation, ...]:
    """The rows a state's tax on a death on this date cites (the same for every estate)."""
    method = state_method(state, on)
    return (state_schedule(state, on).citation, _method_citation(state, method), *_gift_citation(state, method))


def _new_york(
    estate: Decimal, exclusion: Decimal, table: Callable[[Decimal], Decimal]
) -> tuple[Decimal, Decimal, bool]:
    """Tentative tax, credit and whether the estate is over the cliff (N.Y. Tax Law § 952(c)(1))."""
    tentative = table(estate)
    if estate <= exclusion:
        return tentative, tentative, False
    if estate <= exclusion * (1 + CLIFF):
        remaining = exclusion * (1 - (estate - exclusion) / (exclusion * CLIFF))
        return tentative, table(remaining), False
    return tentative, ZERO, True


def _method_citation(state: str, method: Row) -> Citation:
    kind, exclusion = method["method"], f"${method.decimal('exclusion'):,}"
    if kind == "cliff":
        value = (
            f"basic exclusion amount {exclusion}; the credit phases out between 100% and 105% of it, "
            "above which the whole estate is taxed"
        )
    elif kind == "table":
        value = f"the table on the taxable estate, nothing due up to {exclusion}"
    elif kind == "above_exclusion":
        cap = f", the tax capped at ${method.decimal('cap'):,}" if method["cap"] else ""
        value = f"the table on the taxable estate less the exclusion of {exclusion}{cap}"
    else:
        value = (
            f"the table on the taxable estate less ${method.decimal('adjustment'):,}, "
            f"less a credit of ${method.decimal('credit'):,} (nothing due up to {exclusion})"
        )
    return method.cite(f"{state} estate tax method", value, f"deaths {method.period}")


def _gift_citation(state: str, method: Row) -> tuple[Citation, ...]:
    """The gifts the state adds back to the estate: named, and left out of the figure."""
    if not method["gifts_added_back"]:
        return ()
    return (
        Citation(
            parameter=f"{state} gifts added to the estate",
            value=f"{method['gifts_added_back']}: not included in this figure",
            effective=f"deaths {method.period}",
            source=method["gifts_source"],
        ),
    )
