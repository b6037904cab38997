"""What a QPRT saves a family: the estate tax without it less the tax with it, at the second death.

The home and the QPRT's gift are compared the way the returns would show them: without the trust
the home (grown to the end of the term) is in the estate; with it the home is out and the gift is
an adjusted taxable gift (IRC 2001(b)(1)(B)). For a married couple with a US-citizen spouse the
tax is the survivor's: everything passes to the survivor free of tax (IRC 2056(a)) and the first
spouse's unused exclusion is carried over (portability, IRC 2010(c)(2), (c)(4)), so the couple
shelters two exclusions. With a spouse who is not a citizen the marital deduction needs a QDOT,
whose tax is the grantor's own estate tax deferred (IRC 2056A(b)(2)); the saving is then measured
on the grantor's own estate. A state with an estate tax is added where the data holds its table:
states allow no portability, so the survivor has one state exclusion.

A term is worth choosing on its expected net value: the chance of outliving it (if the grantor dies
during the term the home is back in the estate, IRC 2036(a)(1), and the gift is purged from the
adjusted taxable gifts, so the family is no worse off for tax but has paid the costs) times the
saving less the income tax on the step-up in basis the heirs lose (IRC 1014 against 1015), less
the costs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.actuarial import age_at_nearest_birthday
from advisor.calculators.couple.projection import DEFAULT_INFLATION, yearly_amount
from advisor.calculators.lean_tax import NetTax, net_tax
from advisor.calculators.money import to_cents
from advisor.calculators.parameters import Citation, Cited
from advisor.calculators.qprt import DEFAULT_CAPITAL_GAINS_RATE, remainder_gift, remainder_gift_basis
from advisor.calculators.state_estate_tax import state_citations, state_tax_figures
from advisor.calculators.units import Money

ZERO = Decimal(0)
ONE = Decimal(1)
Marriage = Literal["single", "citizen_spouse", "noncitizen_spouse"]


class FamilyTaxInput(BaseModel):
    """The family's estates at the time of the (second) death, in today's law."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    own_estate: Decimal = Field(ge=0)
    """The grantor's estate other than the home."""
    spouse_estate: Decimal = Field(default=ZERO, ge=0)
    """The spouse's own estate (only counted with a US-citizen spouse, whose estate joins the survivor's)."""
    home: Decimal = Field(ge=0)
    """The home's value; with the QPRT it is out of the estate."""
    prior_gifts: Decimal = Field(default=ZERO, ge=0)
    """The grantor's other adjusted taxable gifts."""
    marriage: Marriage
    year: int
    """The year of the death: its federal exclusion, indexed at ``inflation`` past the published years."""
    inflation: Decimal = Field(default=DEFAULT_INFLATION, ge=0, le=Decimal("0.2"))
    state: str | None = None
    """The state of domicile when its estate tax can be computed (its rate table is in the data)."""
    death_date: dt.date


class FamilyTax(BaseModel):
    model_config = ConfigDict(frozen=True)

    federal: Money
    state: Money
    taxed_estate: Money
    """The estate the federal tax falls on (the survivor's, with a citizen spouse)."""
    exclusion: Money
    """The federal exclusion it has (two with portability)."""
    over_state_cliff: bool
    citations: tuple[Citation, ...]

    @property
    def total(self) -> Decimal:
        return self.federal + self.state


def family_tax(facts: FamilyTaxInput, gift: Decimal | None = None) -> FamilyTax:
    """The family's estate tax without the QPRT (``gift`` None: the home is in the estate) or with it."""
    couple = facts.marriage == "citizen_spouse"
    home = ZERO if gift is not None else facts.home
    estate = facts.own_estate + home + (facts.spouse_estate if couple else ZERO)
    federal, bea = _federal(couple, facts.year, facts.inflation, facts.prior_gifts)
    if gift is not None:
        federal = federal.with_gifts(gift)
    state, cliff, state_citations = _state(facts, estate)
    return FamilyTax(
        federal=federal(estate),
        state=state,
        taxed_estate=estate,
        exclusion=federal.exclusion_amount,
        over_state_cliff=cliff,
        citations=tuple(dict.fromkeys((*federal.citations, bea.citation, *state_citations))),
    )


def federal_family_tax(
    marriage: Marriage, year: int, prior_gifts: Decimal, estate: Decimal, inflation: Decimal = DEFAULT_INFLATION
) -> tuple[Decimal, Decimal]:
    """:func:`family_tax`'s federal tax on the estate it falls on (``estate``: the survivor's, both estates, with a
    citizen spouse) and the exclusion it has, without the models: for rules that only ask whether tax is due."""
    federal, _ = _federal(marriage == "citizen_spouse", year, inflation, prior_gifts)
    return federal(estate), federal.exclusion_amount


@lru_cache(maxsize=1024)
def _federal(couple: bool, year: int, inflation: Decimal, prior_gifts: Decimal) -> tuple[NetTax, Cited[Decimal]]:
    """The federal tax of a death in ``year`` as a function of the estate, and the year's (indexed) exclusion: the
    lean form of compute_estate_tax (same cents, no lines), with the exclusion ported in full to a citizen couple's
    survivor."""
    bea = yearly_amount("basic_exclusion_amount", year, inflation)
    federal = net_tax(
        rate_date=dt.date(year, 12, 31),
        adjusted_taxable_gifts=prior_gifts,
        basic_exclusion=bea.value,
        dsue=bea.value if couple else ZERO,
    )
    return federal, bea


def _state(facts: FamilyTaxInput, estate: Decimal) -> tuple[Decimal, bool, tuple[Citation, ...]]:
    """The state's tax on ``estate``, whether it is over the state's cliff, and its citations (none without a
    state whose tax is computed)."""
    if facts.state is None:
        return ZERO, False, ()
    figures = state_tax_figures(facts.state, estate, facts.death_date)
    return figures.tax, figures.over_cliff, state_citations(facts.state, facts.death_date)


class TermInput(BaseModel):
    """A QPRT for one home, weighed term by term."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    family: FamilyTaxInput
    """The family today; ``home`` is today's value, estates are grown to the end of each term."""
    valuation_date: dt.date
    age: int | None = Field(default=None, ge=0)
    birth_date: dt.date | None = None
    rate: Decimal | None = Field(default=None, gt=0, lt=1)
    """The section 7520 rate (None: the valuation month's, from the data)."""
    terms: tuple[int, ...] = Field(min_length=1)
    home_growth: Decimal = Field(gt=-1, lt=1)
    estate_growth: Decimal = Field(default=ZERO, gt=-1, lt=1)
    basis: Decimal | None = Field(default=None, ge=0)
    """The grantor's income tax basis in the home (None: not known, the lost step-up is not priced)."""
    capital_gains_rate: Decimal = Field(default=DEFAULT_CAPITAL_GAINS_RATE, ge=0, lt=1)
    once_costs: Decimal = Field(default=ZERO, ge=0)
    yearly_costs: Decimal = Field(default=ZERO, ge=0)


class TermValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    term: int
    gift: Money
    survival_probability: Decimal
    home_at_term_end: Money
    tax_without: Money
    tax_with: Money
    federal_saving: Money
    state_saving: Money
    lost_step_up: Money | None
    costs: Money
    expected_net_value: Money
    """p x (saving - lost step-up) - costs."""


class TermSweep(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: tuple[TermValue, ...]
    citations: tuple[Citation, ...]

    @property
    def best(self) -> TermValue:
        return max(self.rows, key=lambda row: (row.expected_net_value, row.term))


def weigh_terms(facts: TermInput) -> TermSweep:
    """Every candidate term the grantor can be valued for, with its expected net value."""
    age = _age(facts)
    ends = [_without_trust(facts, age, term) for term in facts.terms]
    # the terms cite mostly the same rows: equal ones are found among the distinct objects only
    distinct = {id(c): c for end in ends for c in end.citations}
    citations = dict.fromkeys(distinct.values())
    return TermSweep(rows=tuple(_with_trust(facts, end) for end in ends), citations=tuple(citations))


def first_term_worth_it(facts: TermInput, min_survival: Decimal) -> TermValue | None:
    """The first of the terms, as :func:`weigh_terms` weighs it, that the grantor outlives with at least
    ``min_survival`` and that has a positive expected net value (None: no such term). Terms are weighed one at a
    time, less likely ones not at all, and the trust is not taxed where even saving the whole tax would not be
    worth it: enough to know whether a term is worth suggesting."""
    age = _age(facts)
    for term in facts.terms:
        if remainder_gift_basis(age, term, facts.valuation_date, facts.rate)[1] < min_survival:
            continue
        end = _without_trust(facts, age, term)
        if _net_value(end.p, end.federal + end.state, end.lost, end.costs) <= 0:
            continue
        row = _with_trust(facts, end)
        if row.expected_net_value > 0:
            return row
    return None


def _age(facts: TermInput) -> int:
    if facts.birth_date is not None:
        return age_at_nearest_birthday(facts.birth_date, facts.valuation_date)
    assert facts.age is not None
    return facts.age


def _net_value(p: Decimal, saving: Decimal, lost: Decimal | None, costs: Decimal) -> Decimal:
    """p x (saving - lost step-up) - costs."""
    return to_cents(p * (saving - (lost or ZERO)) - costs)


class _TermEnd(NamedTuple):
    """One term: the family grown to its end and taxed without the trust (the home in the estate), as
    :func:`family_tax` taxes it."""

    term: int
    gift: Decimal
    p: Decimal
    home_end: Decimal
    rest: Decimal
    """The taxed estate other than the home."""
    tax: NetTax
    federal: Decimal
    state: Decimal
    lost: Decimal | None
    costs: Decimal
    citations: tuple[Citation, ...]


def _without_trust(facts: TermInput, age: int, term: int) -> _TermEnd:
    family = facts.family
    couple = family.marriage == "citizen_spouse"
    gift, p, cited = remainder_gift(family.home, term, facts.valuation_date, age, facts.rate)
    grow = (ONE + facts.estate_growth) ** term
    home_end = to_cents(family.home * (ONE + facts.home_growth) ** term)
    rest = to_cents(family.own_estate * grow) + (to_cents(family.spouse_estate * grow) if couple else ZERO)
    tax, bea = _federal(couple, family.year + term, family.inflation, family.prior_gifts)
    state, _, state_citations = _state(family, rest + home_end)
    lost = None if facts.basis is None else to_cents(facts.capital_gains_rate * max(ZERO, home_end - facts.basis))
    costs = facts.once_costs + facts.yearly_costs * term
    citations = (*cited, *tax.citations, bea.citation, *state_citations)
    return _TermEnd(term, gift, p, home_end, rest, tax, tax(rest + home_end), state, lost, costs, citations)


def _with_trust(facts: TermInput, end: _TermEnd) -> TermValue:
    """The term's row: the family taxed with the trust too (the gift an adjusted taxable gift, the home out)."""
    # the gift is an adjusted taxable gift, which joins the estate in the tax base (IRC 2001(b)(1))
    federal_with = end.tax(end.rest + end.gift)
    state_with, _, _ = _state(facts.family, end.rest)
    saving = (end.federal + end.state) - (federal_with + state_with)
    return TermValue(
        term=end.term,
        gift=end.gift,
        survival_probability=end.p,
        home_at_term_end=end.home_end,
        tax_without=end.federal + end.state,
        tax_with=federal_with + state_with,
        federal_saving=end.federal - federal_with,
        state_saving=end.state - state_with,
        lost_step_up=end.lost,
        costs=end.costs,
        expected_net_value=_net_value(end.p, saving, end.lost, end.costs),
    )
