"""The parameters a screening on a given day uses, and the calculator calls it repeats.

Screening asks about "today", which the data may not reach yet (a new year's exclusion, this
month's section 7520 rate). Then the latest value in the data is used and a note says which:
nothing is invented, and nothing fails for lack of a figure that is not published yet.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict

from advisor.calculators.actuarial import survival_probability
from advisor.calculators.estate_tax import EstateTaxInput, EstateTaxResult, compute_estate_tax
from advisor.calculators.parameters import (
    Cited,
    MissingParameterError,
    MortalityTable,
    exclusion,
    latest,
    mortality_table_for,
    section_7520_rate,
)
from advisor.calculators.qdot_deferral import DeferralInput, DeferralResult, project_deferral
from advisor.calculators.qdot_security import SecurityInput, SecurityResult, security_requirements
from advisor.calculators.qprt import QprtInput, QprtResult, compute_qprt


class Basis(BaseModel):
    """The dated parameters for one screening day."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    today: dt.date
    tax_year: int
    """The year whose exclusion amounts are used (today's, or the latest in the data)."""
    basic_exclusion: Cited[Decimal]
    noncitizen_spouse_exclusion: Cited[Decimal]
    rate_month: dt.date
    """First day of the month whose section 7520 rate is used."""
    rate: Cited[Decimal]
    table: MortalityTable
    notes: tuple[str, ...]


def _latest_year() -> int:
    return latest("exclusion_amounts.csv").effective_from.year


def _latest_month() -> dt.date:
    return latest("section_7520_rates.csv").effective_from


@cache
def basis_for(today: dt.date) -> Basis:
    notes: list[str] = []
    year = today.year
    try:
        exclusion("basic_exclusion_amount", year)
    except MissingParameterError:
        year = _latest_year()
        notes.append(
            f"The exclusion amounts for {today.year} are not in the data yet; the {year} amounts are used, "
            "so the figures may understate the exclusion if it has been indexed since."
        )
    month = today.replace(day=1)
    try:
        rate = section_7520_rate(month)
    except MissingParameterError:
        month = _latest_month()
        rate = section_7520_rate(month)
        notes.append(
            f"The section 7520 rate for {today:%Y-%m} is not in the data yet; the latest published rate, for "
            f"{month:%Y-%m} ({(rate.value * 100).normalize():f}%), is used. "
            "The rate of the month the trust is funded applies."
        )
    return Basis(
        today=today,
        tax_year=year,
        basic_exclusion=exclusion("basic_exclusion_amount", year),
        noncitizen_spouse_exclusion=exclusion("noncitizen_spouse_annual_exclusion", year),
        rate_month=month,
        rate=rate,
        table=mortality_table_for(today),
        notes=tuple(notes),
    )


@lru_cache(maxsize=4096)
def estate_tax(taxable_estate: Decimal, gifts: Decimal, nonresident: bool, year: int) -> EstateTaxResult:
    """Net estate tax with no marital deduction: what is at stake if nothing passes tax-free to a spouse."""
    return compute_estate_tax(
        EstateTaxInput(taxable_estate=taxable_estate, adjusted_taxable_gifts=gifts, nonresident=nonresident, year=year)
    )


@lru_cache(maxsize=1024)
def survival(age: int, years: int, today: dt.date) -> Decimal:
    return survival_probability(basis_for(today).table, age, years)


@lru_cache(maxsize=256)
def median_lifetime(age: int, today: dt.date) -> int:
    """Whole years until half of people this age have died (the growth horizon)."""
    table = basis_for(today).table
    years = 0
    while age + years + 1 < table.max_age and survival_probability(table, age, years + 1) >= Decimal("0.5"):
        years += 1
    return years


@lru_cache(maxsize=1024)
def qprt(facts: QprtInput) -> QprtResult:
    return compute_qprt(facts)


@lru_cache(maxsize=256)
def deferral(facts: DeferralInput) -> DeferralResult:
    """The QDOT deferral projection: about 10 ms, so it is memoised per set of facts."""
    return project_deferral(facts)


@lru_cache(maxsize=1024)
def security(facts: SecurityInput) -> SecurityResult:
    return security_requirements(facts)
