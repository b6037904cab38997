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
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.actuarial import age_at_nearest_birthday
from advisor.calculators.couple.projection import DEFAULT_INFLATION, yearly_amount
from advisor.calculators.lean_tax import net_tax
from advisor.calculators.money import to_cents
from advisor.calculators.parameters import Citation
from advisor.calculators.qprt import DEFAULT_CAPITAL_GAINS_RATE, remainder_gift
from advisor.calculators.state_estate_tax import StateTaxInput, compute_state_estate_tax
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
    federal, state, estate, exclusion, cliff, citations = _taxes(facts, gift)
    return FamilyTax(
        federal=federal,
        state=state,
        taxed_estate=estate,
        exclusion=exclusion,
        over_state_cliff=cliff,
        citations=tuple(dict.fromkeys(citations)),
    )


def _taxes(
    facts: FamilyTaxInput, gift: Decimal | None
) -> tuple[Decimal, Decimal, Decimal, Decimal, bool, list[Citation]]:
    """:func:`family_tax`'s federal and state tax, taxed estate, exclusion, cliff and citations (repeats kept) as
    plain values: a sweep needs them twice per term and keeps only a few."""
    couple = facts.marriage == "citizen_spouse"
    home = ZERO if gift is not None else facts.home
    estate = facts.own_estate + home + (facts.spouse_estate if couple else ZERO)
    bea = yearly_amount("basic_exclusion_amount", facts.year, facts.inflation)
    # the lean form of compute_estate_tax (same cents, no lines)
    federal = net_tax(
        rate_date=dt.date(facts.year, 12, 31),
        adjusted_taxable_gifts=facts.prior_gifts,
        basic_exclusion=bea.value,
        dsue=bea.value if couple else ZERO,
    )
    if gift is not None:
        federal = federal.with_gifts(gift)
    citations = [*federal.citations, bea.citation]
    state_tax, cliff = ZERO, False
    if facts.state is not None:
        state = compute_state_estate_tax(
            StateTaxInput(
                state=facts.state,
                taxable_estate=estate,
                death_date=facts.death_date,
            )
        )
        state_tax, cliff = state.tax, state.over_cliff
        citations += state.citations
    return federal(estate), state_tax, estate, federal.exclusion_amount, cliff, citations


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
    if facts.birth_date is not None:
        age = age_at_nearest_birthday(facts.birth_date, facts.valuation_date)
    else:
        assert facts.age is not None
        age = facts.age
    rows, citations = [], []
    for term in facts.terms:
        gift, p, cited = remainder_gift(facts.family.home, term, facts.valuation_date, age, facts.rate)
        grow = (ONE + facts.estate_growth) ** term
        home_end = to_cents(facts.family.home * (ONE + facts.home_growth) ** term)
        family = facts.family.model_copy(
            update={
                "year": facts.family.year + term,
                "own_estate": to_cents(facts.family.own_estate * grow),
                "spouse_estate": to_cents(facts.family.spouse_estate * grow),
                "home": home_end,
            }
        )
        federal, state, *_, cited_family = _taxes(family, None)
        federal_with, state_with, *_ = _taxes(family, gift)
        saving = (federal + state) - (federal_with + state_with)
        lost = None if facts.basis is None else to_cents(facts.capital_gains_rate * max(ZERO, home_end - facts.basis))
        costs = facts.once_costs + facts.yearly_costs * term
        rows.append(
            TermValue(
                term=term,
                gift=gift,
                survival_probability=p,
                home_at_term_end=home_end,
                tax_without=federal + state,
                tax_with=federal_with + state_with,
                federal_saving=federal - federal_with,
                state_saving=state - state_with,
                lost_step_up=lost,
                costs=costs,
                expected_net_value=to_cents(p * (saving - (lost or ZERO)) - costs),
            )
        )
        citations += [*cited, *cited_family]
    return TermSweep(rows=tuple(rows), citations=tuple(dict.fromkeys(citations)))
