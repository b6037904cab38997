"""Qualified personal residence trust: IRC 2702(a)(3)(A)(ii), 26 CFR 25.2702-5, IRC 7520.

The gift is the remainder interest: FMV x v^n x (probability the retained interest runs the full
term). With the usual reversion to the grantor's estate on death within the term that is
v^n x npx; with a second measuring life the reversion needs both deaths; without a reversion it
is v^n alone. The rate is the one for the valuation month: the election of either of the two
preceding months (IRC 7520(a)) is open only where a charitable deduction is allowable, which
is never so for an ordinary QPRT.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.actuarial import (
    age_at_nearest_birthday,
    reversion_factors,
    survival_probability,
    term_certain_remainder,
)
from advisor.calculators.money import InputError, to_cents, whole_dollars
from advisor.calculators.parameters import (
    Citation,
    MortalityTable,
    mortality_table,
    mortality_table_for,
    rate_schedule,
    section_7520_rate,
)
from advisor.calculators.units import Factor, Money, Percent

ZERO = Decimal(0)
ONE = Decimal(1)
MAX_SWEEP_TERM = 40
DEFAULT_CAPITAL_GAINS_RATE = Decimal("0.20")
"""An assumption, not a looked-up parameter: the top federal long-term capital gains rate the
projection applies to the lost step-up unless the user gives another (--cg-rate)."""


class QprtInput(BaseModel):
    """A residence placed in a QPRT, the grantor, the term and the valuation basis."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fmv: Decimal = Field(ge=0)
    """Fair market value of the residence (or the share placed in trust)."""
    term: int = Field(ge=1, le=100)
    """Years the grantor keeps the use of the residence."""
    age: int | None = Field(default=None, ge=0)
    """Grantor's age at the nearest birthday on the valuation date."""
    birth_date: dt.date | None = None
    """Grantor's birth date: the age at the nearest birthday on the valuation date."""
    valuation_date: dt.date | None = None
    """Date of the transfer: picks the section 7520 month and the mortality table."""
    rate: Decimal | None = Field(default=None, gt=0, lt=1)
    """Section 7520 rate, when given explicitly instead of by valuation date."""
    table: str | None = None
    """Mortality table name, when given explicitly instead of by valuation date."""
    second_age: int | None = Field(default=None, ge=0)
    """Age of a second measuring life (joint QPRT or spouse): the reversion needs both deaths."""
    reversion: bool = True
    """The residence reverts to the grantor's estate if the grantor dies within the term."""
    discount_percent: Decimal = Field(default=ZERO, ge=0, lt=100)
    """Fractional-interest discount applied to the gift, shown separately."""
    growth: Decimal = Field(default=ZERO, gt=-1, le=1)
    """Yearly growth of the residence's value."""
    basis: Decimal | None = Field(default=None, ge=0)
    """Grantor's income tax basis in the residence, for the lost step-up."""
    capital_gains_rate: Decimal = Field(default=DEFAULT_CAPITAL_GAINS_RATE, ge=0, lt=1)
    """Capital gains rate the heirs pay on the lost step-up (an assumption unless given)."""
    estate_tax_rate: Decimal | None = Field(default=None, ge=0, lt=1)
    """Marginal estate tax rate for the projection (default: the top rate of the 2001(c) schedule)."""
    setup_cost: Decimal = Field(default=ZERO, ge=0)
    """Drafting, appraisal and the gift tax return, paid once."""
    yearly_cost: Decimal = Field(default=ZERO, ge=0)
    """Costs of each year of the term."""

    @model_validator(mode="after")
    def _complete(self) -> QprtInput:
        if self.age is None and self.birth_date is None:
            raise InputError("give the grantor's age (--age) or birth date (--birth-date)")
        if self.age is not None and self.birth_date is not None:
            raise InputError("give the grantor's age or birth date, not both")
        if self.birth_date is not None and self.valuation_date is None:
            raise InputError("a birth date needs the valuation date (--valuation-date) to find the age")
        if self.rate is None and self.valuation_date is None:
            raise InputError(
                "give the section 7520 rate (--rate, a percent) or the valuation date (--valuation-date) "
                "so the rate of that month can be looked up"
            )
        return self


class Projection(BaseModel):
    """What the QPRT is expected to save, on stated assumptions."""

    model_config = ConfigDict(frozen=True)

    value_at_term_end: Money
    estate_tax_rate: Percent
    estate_tax_saved_if_survives: Money
    expected_estate_tax_saved: Money
    lost_step_up_cost: Money | None
    """Capital gains tax the heirs owe because the residence no longer gets a new basis at death
    (None when no basis was given)."""
    capital_gains_rate: Percent
    costs: Money
    expected_net_saving: Money


class SweepRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    term: int
    remainder_factor: Factor
    gift: Money
    survival_probability: Factor
    expected_net_saving: Money


class QprtResult(BaseModel):
    """Factors, gift and projection of one QPRT, with the rows and rules used."""

    model_config = ConfigDict(frozen=True)

    age: int
    second_age: int | None
    term: int
    rate: Percent
    """Section 7520 rate."""
    valuation_month: str | None
    table: str
    remainder_factor: Factor
    reversion_factor: Factor
    term_factor: Factor
    survival_probability: Factor
    """Probability the grantor outlives the term."""
    second_survival_probability: Factor | None
    gift_before_discount: Money
    discount: Money
    gift: Money
    """Taxable gift of the remainder, in whole dollars as Form 709 reports it."""
    retained_interest: Money
    projection: Projection
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


class QprtSweep(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: tuple[SweepRow, ...]
    best_term: int
    """Term with the largest expected net saving."""


class _Basis(BaseModel):
    age: int
    rate: Decimal
    table: MortalityTable
    valuation_month: str | None
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


def _basis(facts: QprtInput) -> _Basis:
    citations: list[Citation] = []
    notes: list[str] = []
    month = None
    if facts.valuation_date is not None:
        month = facts.valuation_date.strftime("%Y-%m")
    if facts.rate is not None:
        rate = facts.rate
        notes.append("section 7520 rate given explicitly")
    else:
        assert facts.valuation_date is not None
        cited = section_7520_rate(facts.valuation_date)
        rate = cited.value
        citations.append(cited.citation)
        notes.append(
            "rate of the valuation month only: the election of either of the two preceding months "
            "(IRC 7520(a)) applies only where a charitable deduction is allowable, not to a QPRT"
        )
    if facts.table is not None:
        table = mortality_table(facts.table)
    elif facts.valuation_date is not None:
        table = mortality_table_for(facts.valuation_date)
    else:
        table = mortality_table("2010CM")
        notes.append("no valuation date: Table 2010CM (valuations from 2023-06-01) assumed")
    citations.append(table.citation)
    if facts.age is not None:
        age = facts.age
    else:
        assert facts.birth_date is not None and facts.valuation_date is not None
        age = age_at_nearest_birthday(facts.birth_date, facts.valuation_date)
    for who, value in (("grantor", age), ("second life", facts.second_age)):
        if value is not None and value >= table.max_age:
            raise InputError(
                f"the {who}'s age {value} is beyond Table {table.name}, which covers ages 0 to {table.max_age - 1}"
            )
    return _Basis(
        age=age, rate=rate, table=table, valuation_month=month, citations=tuple(citations), notes=tuple(notes)
    )


def _holder_survives(table: MortalityTable, ages: tuple[int, ...], years: int) -> Decimal:
    """Probability that at least one measuring life is alive after the given years."""
    all_dead = ONE
    for age in ages:
        all_dead *= ONE - survival_probability(table, age, years)
    return ONE - all_dead


def _ages(facts: QprtInput, basis: _Basis) -> tuple[int, ...]:
    return (basis.age,) if facts.second_age is None else (basis.age, facts.second_age)


def _reversions(facts: QprtInput, basis: _Basis, last_term: int) -> list[Decimal]:
    """Reversion factors for terms 1..last_term (all zero without a reversion)."""
    if not facts.reversion:
        return [ZERO] * last_term
    return list(_reversion_factors(basis.table.name, _ages(facts, basis), basis.rate, last_term))


@lru_cache(maxsize=1024)
def _reversion_factors(table_name: str, ages: tuple[int, ...], rate: Decimal, last_term: int) -> tuple[Decimal, ...]:
    """The factors depend on the lives, the rate and the term, not the home: remembered, as a batch's clients
    share ages and the month's rate."""
    table = mortality_table(table_name)
    return tuple(reversion_factors(rate, last_term, lambda t: ONE - _holder_survives(table, ages, t)))


def _evaluate(facts: QprtInput, basis: _Basis, term: int, reversion: Decimal) -> QprtResult:
    table, rate = basis.table, basis.rate
    ages = _ages(facts, basis)
    p_grantor = survival_probability(table, basis.age, term)
    p_second = None if facts.second_age is None else survival_probability(table, facts.second_age, term)
    v_n = term_certain_remainder(rate, term)
    remainder = v_n * _holder_survives(table, ages, term) if facts.reversion else v_n
    term_factor = ONE - remainder - reversion
    gift_before = to_cents(facts.fmv * remainder)
    discount = to_cents(gift_before * facts.discount_percent / 100)
    gift = whole_dollars(gift_before - discount)
    return QprtResult(
        age=basis.age,
        second_age=facts.second_age,
        term=term,
        rate=rate,
        valuation_month=basis.valuation_month,
        table=table.name,
        remainder_factor=remainder,
        reversion_factor=reversion,
        term_factor=term_factor,
        survival_probability=p_grantor,
        second_survival_probability=p_second,
        gift_before_discount=gift_before,
        discount=discount,
        gift=gift,
        retained_interest=whole_dollars(facts.fmv - gift_before),
        projection=_project(facts, term, gift, p_grantor),
        citations=basis.citations,
        notes=basis.notes,
    )


def _top_rate(facts: QprtInput) -> Decimal:
    schedule = rate_schedule(facts.valuation_date or dt.date.today())
    return schedule.brackets[-1].rate


def _project(facts: QprtInput, term: int, gift: Decimal, p_grantor: Decimal) -> Projection:
    tax_rate = facts.estate_tax_rate if facts.estate_tax_rate is not None else _top_rate(facts)
    value_end = to_cents(facts.fmv * (ONE + facts.growth) ** term)
    saved = to_cents(tax_rate * max(ZERO, value_end - gift))
    lost_step_up = None
    if facts.basis is not None:
        lost_step_up = to_cents(facts.capital_gains_rate * max(ZERO, value_end - facts.basis))
    costs = facts.setup_cost + facts.yearly_cost * term
    net = to_cents(p_grantor * (saved - (lost_step_up or ZERO)) - costs)
    return Projection(
        value_at_term_end=value_end,
        estate_tax_rate=tax_rate,
        estate_tax_saved_if_survives=saved,
        expected_estate_tax_saved=to_cents(p_grantor * saved),
        lost_step_up_cost=lost_step_up,
        capital_gains_rate=facts.capital_gains_rate,
        costs=costs,
        expected_net_saving=net,
    )


def compute_qprt(facts: QprtInput) -> QprtResult:
    """Factors, gift and projection for the term given."""
    basis = _basis(facts)
    result = _evaluate(facts, basis, facts.term, _reversions(facts, basis, facts.term)[-1])
    if facts.estate_tax_rate is None:
        schedule = rate_schedule(facts.valuation_date or dt.date.today())
        result = result.model_copy(update={"citations": (*result.citations, schedule.citation)})
    return result


@lru_cache(maxsize=8192)
def remainder_gift_basis(
    age: int, term: int, valuation_date: dt.date, rate: Decimal | None
) -> tuple[Decimal, Decimal, tuple[Citation, ...]]:
    """The remainder factor, the survival probability and the citations of :func:`compute_qprt` for a grantor
    alone, with the usual reversion and no discount: they depend on the age, term, month and rate, not on the
    home, so a batch's clients share them."""
    facts = QprtInput(fmv=ZERO, term=term, age=age, valuation_date=valuation_date, rate=rate)
    basis = _basis(facts)
    p = survival_probability(basis.table, age, term)
    remainder = term_certain_remainder(basis.rate, term) * _holder_survives(basis.table, (age,), term)
    return remainder, p, (*basis.citations, rate_schedule(valuation_date).citation)


def remainder_gift(
    fmv: Decimal, term: int, valuation_date: dt.date, age: int, rate: Decimal | None = None
) -> tuple[Decimal, Decimal, tuple[Citation, ...]]:
    """The gift, the grantor's survival probability and the citations :func:`compute_qprt` gives a grantor alone
    with the usual reversion and no discount, without its other factors, notes and projection: what a sweep
    of terms uses (tests hold it to the same cents)."""
    remainder, p, citations = remainder_gift_basis(age, term, valuation_date, rate)
    return whole_dollars(to_cents(fmv * remainder)), p, citations


def sweep_terms(facts: QprtInput, max_term: int = MAX_SWEEP_TERM) -> QprtSweep:
    """Every whole term from 1 to the largest sensible one, with the best term marked."""
    basis = _basis(facts)
    last = min(max_term, basis.table.max_age - 1 - basis.age)
    if last < 1:
        raise InputError(f"no term can be valued for age {basis.age} under Table {basis.table.name}")
    rows = []
    for term, reversion in enumerate(_reversions(facts, basis, last), start=1):
        result = _evaluate(facts, basis, term, reversion)
        rows.append(
            SweepRow(
                term=term,
                remainder_factor=result.remainder_factor,
                gift=result.gift,
                survival_probability=result.survival_probability,
                expected_net_saving=result.projection.expected_net_saving,
            )
        )
    best = max(rows, key=lambda row: row.expected_net_saving)
    return QprtSweep(rows=tuple(rows), best_term=best.term)
