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
from advisor.calculators.couple import ROUTES, ComparisonInput, ComparisonResult, breakeven_spread, compare_routes
from advisor.calculators.couple.projection import DEFAULT_INFLATION, yearly_amount
from advisor.calculators.couple.treaty_route import canadian_marital_credit_route
from advisor.calculators.estate_tax import EstateTaxInput, EstateTaxResult, compute_estate_tax
from advisor.calculators.parameters import (
    Cited,
    MissingParameterError,
    MortalityTable,
    exclusion,
    exclusion_years,
    latest,
    mortality_table_for,
    section_7520_rate,
)
from advisor.calculators.qprt_saving import TermInput, TermSweep, weigh_terms
from advisor.screening.models import DataNote, Fact
from advisor.screening.treaty import MaritalCreditParties


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
    notes: tuple[DataNote, ...]


def _latest_year() -> int:
    return latest("exclusion_amounts.csv").effective_from.year


def _latest_month() -> dt.date:
    return latest("section_7520_rates.csv").effective_from


@cache
def basis_for(today: dt.date) -> Basis:
    notes: list[DataNote] = []
    year = today.year
    try:
        exclusion("basic_exclusion_amount", year)
    except MissingParameterError:
        year = _latest_year()
        notes.append(DataNote(key="exclusion_year_missing", facts={"year": today.year, "used": year}))
    month = today.replace(day=1)
    try:
        rate = section_7520_rate(month)
    except MissingParameterError:
        month = _latest_month()
        rate = section_7520_rate(month)
        facts: dict[str, Fact] = {"month": f"{today:%Y-%m}", "used": f"{month:%Y-%m}", "rate": str(rate.value)}
        notes.append(DataNote(key="rate_month_missing", facts=facts))
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
def estate_tax(
    taxable_estate: Decimal,
    gifts: Decimal,
    nonresident: bool,
    year: int,
    treaty: str | None = None,
    worldwide: Decimal | None = None,
) -> EstateTaxResult:
    """Net estate tax with no marital deduction: what is at stake if nothing passes tax-free to a spouse.
    A year past the published ones uses the exclusion indexed as the couple model indexes it. ``treaty`` and
    ``worldwide`` give a nonresident the pro-rata unified credit of a verified treaty row."""
    published = (nonresident and treaty is None) or year <= exclusion_years()[-1]
    bea = None if published else yearly_amount("basic_exclusion_amount", year, DEFAULT_INFLATION)
    result = compute_estate_tax(
        EstateTaxInput(
            taxable_estate=taxable_estate,
            adjusted_taxable_gifts=gifts,
            nonresident=nonresident,
            year=year,
            treaty=treaty,
            worldwide_gross_estate=worldwide if treaty else None,
            exclusion_amount=None if bea is None else bea.value,
        )
    )
    if bea is None:
        return result
    return result.model_copy(update={"citations": (*result.citations, bea.citation)})


@lru_cache(maxsize=256)
def median_lifetime(age: int, today: dt.date) -> int:
    """Whole years until half of people this age have died (the growth horizon)."""
    table = basis_for(today).table
    years = 0
    while age + years + 1 < table.max_age and survival_probability(table, age, years + 1) >= Decimal("0.5"):
        years += 1
    return years


@lru_cache(maxsize=256)
def comparison(
    facts: ComparisonInput, marital: MaritalCreditParties | None = None, *, breakevens: bool = True
) -> ComparisonResult:
    """The couple model's routes for one order of deaths (about 1 ms), memoised per set of facts; with
    ``marital``, the Canadian marital credit is priced as one more route. ``breakevens=False`` is a card's
    comparison: without the break-even searches and the r - g table (the routes screen shows them; a card shows
    only :func:`spread_breakeven`), and without naturalisation before the return when it is not weighed (its
    probability 0): a card does not show that route, and unweighed it costs what its fallback costs, and comes
    after it, so it is never the best one."""
    routes = ROUTES
    if not breakevens and not facts.naturalize_before_return_probability:
        routes = tuple(route for route in ROUTES if route.key != "naturalize_before_return")
    if marital is not None:
        routes += (
            canadian_marital_credit_route(
                spouse_residence=marital.spouse_residence,
                decedent_residence=marital.decedent_residence,
                canadian_citizen_in_couple=marital.canadian_citizen_in_couple,
            ),
        )
    return compare_routes(facts, routes, breakevens=breakevens)


@lru_cache(maxsize=256)
def spread_breakeven(facts: ComparisonInput) -> Decimal | None:
    """The r - g at which the QDOT and paying now change places: the routes screen's figure, found alone."""
    return breakeven_spread(facts)


@lru_cache(maxsize=256)
def qprt_terms(facts: TermInput) -> TermSweep:
    """Every candidate QPRT term with its expected net value (a few ms), memoised per set of facts."""
    return weigh_terms(facts)
