"""Federal estate tax: IRC 2001(b)-(c) (tentative tax), 2010 (applicable credit with DSUE), 2011
(state death tax credit, deaths before its repeal), 2101-2102 (estates of nonresidents not citizens),
and the 2010 election out of estate tax (Pub. L. 111-312 sec. 301(c)).

Every figure is the law of the year of death: the rate schedule, the exclusion and the state death tax
credit are the rows in effect on the date of death. Quantities are named as the statute names them:
the applicable *credit* is a tax on the exclusion *amount*, never the amount itself subtracted from a tax.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import TypedDict

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.dsue import PORTABILITY_FIRST_YEAR, check_dsue
from advisor.calculators.lean_tax import Schedule
from advisor.calculators.money import InputError, format_money, to_cents
from advisor.calculators.parameters import (
    Citation,
    MissingParameterError,
    exclusion,
    nonresident_credit,
    nonresident_exemption,
    rate_schedule,
    state_death_tax_credit,
)
from advisor.calculators.tentative_tax import exemption_equivalent, marginal_rate, tax_on
from advisor.calculators.treaty import (
    MaritalClaim,
    TreatyApplied,
    check_treaty_inputs,
    elected_marital_credit,
    nonresident_unified_credit,
    with_other_provisions,
)
from advisor.calculators.units import Money, Percent

ZERO = Decimal(0)
ELECTION_YEAR = 2010
"""Pub. L. 111-312 sec. 301(c): the election out of estate tax is for deaths after December 31, 2009
and before January 1, 2011."""


class Line(BaseModel):
    """One line of a computation: what it is, its value, and how it was obtained."""

    model_config = ConfigDict(frozen=True)

    label: str
    amount: Money
    basis: str


class _Line(TypedDict):
    """A :class:`Line` as the computation writes it down: the result validates all of them at once, which costs a
    fraction of a model made for each line."""

    label: str
    amount: Decimal
    basis: str


class EstateTaxInput(BaseModel):
    """The facts of one decedent's federal estate tax computation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    taxable_estate: Decimal = Field(ge=0)
    """Gross estate less debts, expenses and the marital and charitable deductions (and, for deaths
    after the state death tax credit's repeal, the IRC 2058 deduction); for a nonresident not a
    citizen, of the US-situs part only."""
    year: int = Field(ge=1900, le=2200)
    """Calendar year of death: picks the basic exclusion amount."""
    death_date: dt.date | None = None
    """Exact date of death, when known; picks the rate schedule."""
    adjusted_taxable_gifts: Decimal = Field(default=ZERO, ge=0)
    """Taxable gifts made after 1976, other than those included in the gross estate (IRC 2001(b)(1)(B))."""
    gift_tax_payable: Decimal = Field(default=ZERO, ge=0)
    """Gift tax payable on gifts after 1976 (IRC 2001(b)(2)), computed at the rates of the year of death."""
    dsue: Decimal = Field(default=ZERO, ge=0)
    """Deceased spousal unused exclusion amount ported from a predeceased spouse (IRC 2010(c)(4))."""
    dsue_year: int | None = Field(default=None, ge=1900, le=2200)
    """Year the last deceased spouse died: its basic exclusion amount caps the DSUE (IRC 2010(c)(4)(A))."""
    nonresident: bool = False
    """Decedent was neither a US citizen nor domiciled in the US (IRC 2101-2102)."""
    exclusion_amount: Decimal | None = Field(default=None, ge=0)
    """Basic exclusion amount given explicitly, for a year the data does not hold."""
    state_death_taxes: Decimal = Field(default=ZERO, ge=0)
    """State death taxes actually paid, for a death while the IRC 2011 credit existed."""
    carryover_basis_election: bool = False
    """A death in 2010 whose executor elected out of estate tax into carryover basis (IRC 1022)."""
    treaty: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """Country whose estate tax treaty is claimed, as its ISO code (JP) or name (Japan)."""
    worldwide_gross_estate: Decimal | None = Field(default=None, gt=0)
    """Gross estate wherever situated: the denominator of a nonresident's pro-rata credit."""
    us_gross_estate: Decimal | None = Field(default=None, ge=0)
    """US-situs gross estate, when not the taxable estate: the numerator of the pro-rata credit."""
    marital_credit_property: Decimal | None = Field(default=None, ge=0)
    """Qualifying property passing to the spouse for which the Canadian marital credit is elected."""
    spouse_residence: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """Where the surviving spouse lives (ISO code), for the Canadian marital credit."""
    decedent_residence: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """Where the decedent lived (default: the treaty country for a nonresident, the US otherwise)."""
    canadian_citizen_in_couple: bool = False
    """The decedent or the spouse is a Canadian citizen (Art. XXIX B(3), when both live in the US)."""
    qdot_elected: bool = False
    """A QDOT marital deduction is claimed (Reg. 20.2056A-1(c): never together with a treaty marital relief)."""

    @model_validator(mode="after")
    def _consistent(self) -> EstateTaxInput:
        if self.death_date is not None and self.death_date.year != self.year:
            raise InputError(f"the death date {self.death_date} is not in the year {self.year}")
        explicit_exclusion = self.exclusion_amount is not None and self.treaty is None
        if self.nonresident and (self.dsue or self.gift_tax_payable or explicit_exclusion):
            raise InputError(
                "a nonresident not a citizen gets the IRC 2102 credit only: DSUE (Reg. 20.2010-3(e)), an explicit "
                "exclusion amount (but for a treaty's pro-rata credit) and --gift-tax-payable (2101(b) subtracts "
                "the tentative tax on the gifts itself) do not apply"
            )
        check_treaty_inputs(
            treaty=self.treaty,
            nonresident=self.nonresident,
            pro_rata_inputs=self.worldwide_gross_estate is not None or self.us_gross_estate is not None,
            marital_credit_property=self.marital_credit_property,
        )
        if self.nonresident and self.state_death_taxes:
            raise InputError(
                "the state death tax credit of a nonresident not a citizen (IRC 2102 before 2005) is not modelled"
            )
        if self.carryover_basis_election and self.year != ELECTION_YEAR:
            raise InputError(
                f"the election out of estate tax into carryover basis (Pub. L. 111-312 sec. 301(c)) is only for "
                f"deaths in {ELECTION_YEAR}, not {self.year}"
            )
        if self.dsue and self.year < PORTABILITY_FIRST_YEAR:
            raise InputError(
                f"a DSUE amount (IRC 2010(c)(4)) exists only for estates of spouses dying after December 31, "
                f"{PORTABILITY_FIRST_YEAR - 1}; a death in {self.year} cannot use one"
            )
        if self.dsue_year is not None and not PORTABILITY_FIRST_YEAR <= self.dsue_year <= self.year:
            raise InputError(
                f"--dsue-year {self.dsue_year}: the last deceased spouse must have died after December 31, "
                f"{PORTABILITY_FIRST_YEAR - 1} and no later than the decedent ({self.year})"
            )
        return self

    @property
    def rate_date(self) -> dt.date:
        return self.death_date or dt.date(self.year, 12, 31)


class EstateTaxResult(BaseModel):
    """The computation line by line, with the parameter rows it used."""

    model_config = ConfigDict(frozen=True)

    year: int
    nonresident: bool
    taxable_estate: Money
    adjusted_taxable_gifts: Money
    tax_base: Money
    tentative_tax: Money
    gift_tax_payable: Money
    basic_exclusion_amount: Money
    dsue: Money
    exclusion_amount: Money
    """Applicable exclusion amount: basic exclusion plus DSUE (for a nonresident, the amount the
    IRC 2102(b)(1) credit, or a treaty's pro-rata credit, shelters)."""
    applicable_credit: Money
    state_death_tax_credit: Money = ZERO
    net_estate_tax: Money
    marginal_rate: Percent
    carryover_basis_election: bool = False
    lines: tuple[Line, ...]
    citations: tuple[Citation, ...]
    treaty: TreatyApplied | None = None
    """What a claimed treaty did (country, article, source), or None when none was claimed."""


def compute_estate_tax(facts: EstateTaxInput) -> EstateTaxResult:
    """Net federal estate tax of one decedent."""
    if facts.carryover_basis_election:
        return _elected_out(facts)
    schedule = rate_schedule(facts.rate_date)
    table = _table(facts.rate_date).tentative
    base = facts.taxable_estate + facts.adjusted_taxable_gifts
    tentative = table(base)
    citations: list[Citation] = [schedule.citation]
    lines: list[_Line] = [
        {"label": "Taxable estate", "amount": facts.taxable_estate, "basis": "input"},
        {
            "label": "Adjusted taxable gifts",
            "amount": facts.adjusted_taxable_gifts,
            "basis": "input (IRC 2001(b)(1)(B))",
        },
        {"label": "Tax base", "amount": base, "basis": "taxable estate + adjusted taxable gifts"},
        {
            "label": "Tentative tax",
            "amount": tentative,
            "basis": f"IRC 2001(c) schedule for deaths {schedule.citation.effective.removeprefix('deaths and gifts ')}",
        },
    ]
    state_credit = ZERO
    treaty: TreatyApplied | None = None
    if facts.nonresident:
        credit_row, sheltered = nonresident_credit(facts.rate_date), nonresident_exemption(facts.rate_date)
        citations += [credit_row.citation, sheltered.citation]
        on_gifts = table(facts.adjusted_taxable_gifts)
        gross_tax = tentative - on_gifts
        credit = min(credit_row.value, gross_tax)
        basis = "IRC 2102(b)(1), limited to the tax (2102(b)(4))"
        bea, dsue, excl = ZERO, ZERO, sheltered.value
        if facts.treaty is not None:
            step = nonresident_unified_credit(
                country=facts.treaty, year=facts.year, death=facts.rate_date, statutory=credit_row.value,
                gross_tax=gross_tax, exclusion_amount=facts.exclusion_amount,
                us_gross_estate=facts.taxable_estate if facts.us_gross_estate is None else facts.us_gross_estate,
                worldwide_gross_estate=facts.worldwide_gross_estate, tax=table,
            )  # fmt: skip
            credit, basis, treaty = step.amount, step.basis, step.applied
            citations += step.citations
            if treaty.pro_rata is not None:
                excl = exemption_equivalent(treaty.pro_rata.credit, schedule)
        lines += [
            {"label": "Tentative tax on the adjusted taxable gifts", "amount": on_gifts, "basis": "IRC 2101(b)(2)"},
            {"label": "Tax before credit", "amount": gross_tax, "basis": "IRC 2101(b)"},
            {"label": "Unified credit", "amount": credit, "basis": basis},
        ]
        gift_tax = on_gifts
        net = gross_tax - credit
    else:
        bea = _basic_exclusion(facts, lines, citations)
        dsue = facts.dsue
        if dsue:
            check_dsue(dsue, dsue_year=facts.dsue_year, year=facts.year, own_exclusion=bea)
        excl = bea + dsue
        credit = table(excl)
        gift_tax = facts.gift_tax_payable
        lines += [
            {"label": "DSUE amount", "amount": dsue, "basis": "input (IRC 2010(c)(4))"},
            {
                "label": "Applicable exclusion amount",
                "amount": excl,
                "basis": "basic exclusion + DSUE (IRC 2010(c)(2))",
            },
            {"label": "Gift tax payable", "amount": gift_tax, "basis": "input (IRC 2001(b)(2))"},
            {
                "label": "Applicable credit",
                "amount": credit,
                "basis": "IRC 2001(c) tax on the applicable exclusion amount",
            },
        ]
        before_state = max(ZERO, tentative - gift_tax - credit)
        if facts.state_death_taxes:
            state_credit = _state_death_tax_credit(facts, before_state, lines, citations)
        net = before_state - state_credit
    if facts.treaty is not None:
        net, treaty = _treaty_marital_credit(facts, treaty, credit, net, lines, citations)
    lines.append({"label": "Net estate tax", "amount": net, "basis": "never below zero"})
    return EstateTaxResult.model_validate(
        {
            "treaty": treaty,
            "year": facts.year,
            "nonresident": facts.nonresident,
            "taxable_estate": facts.taxable_estate,
            "adjusted_taxable_gifts": facts.adjusted_taxable_gifts,
            "tax_base": base,
            "tentative_tax": tentative,
            "gift_tax_payable": gift_tax,
            "basic_exclusion_amount": bea,
            "dsue": dsue,
            "exclusion_amount": excl,
            "applicable_credit": credit,
            "state_death_tax_credit": state_credit,
            "net_estate_tax": net,
            "marginal_rate": marginal_rate(base, schedule),
            "lines": lines,
            "citations": tuple(citations),
        }
    )


@lru_cache(maxsize=256)
def _table(rate_date: dt.date) -> Schedule:
    """The rate schedule for deaths on a date as plain numbers: the same cents as tentative_tax on it (its brackets
    are contiguous, as the data tests hold), without walking its models on every computation."""
    return Schedule.of(rate_schedule(rate_date))


def _treaty_marital_credit(
    facts: EstateTaxInput,
    applied: TreatyApplied | None,
    unified_credit: Decimal,
    net: Decimal,
    lines: list[_Line],
    citations: list[Citation],
) -> tuple[Decimal, TreatyApplied]:
    """The Canadian marital credit where it is elected, then the treaty's other provisions named."""
    assert facts.treaty is not None
    if facts.marital_credit_property is not None:
        claim = MaritalClaim(
            unified_credit=unified_credit,
            tax_after_unified_credit=net,
            taxable_estate=facts.taxable_estate,
            qualifying_property=facts.marital_credit_property,
            decedent_residence=facts.decedent_residence or (facts.treaty if facts.nonresident else "US"),
            spouse_residence=facts.spouse_residence,
            canadian_citizen_in_couple=facts.canadian_citizen_in_couple,
            qdot_elected=facts.qdot_elected,
        )
        step = elected_marital_credit(claim, applied=applied, country=facts.treaty, death=facts.rate_date)
        citations += step.citations
        lines.append({"label": "Marital credit", "amount": step.amount, "basis": step.basis})
        net, applied = net - step.amount, step.applied
    assert applied is not None
    return net, with_other_provisions(applied, facts.rate_date, facts.nonresident)


def _basic_exclusion(facts: EstateTaxInput, lines: list[_Line], citations: list[Citation]) -> Decimal:
    if facts.exclusion_amount is not None:
        lines.append({"label": "Basic exclusion amount", "amount": facts.exclusion_amount, "basis": "given explicitly"})
        return facts.exclusion_amount
    cited = exclusion("basic_exclusion_amount", facts.year)
    citations.append(cited.citation)
    lines.append({"label": "Basic exclusion amount", "amount": cited.value, "basis": f"IRC 2010(c), {facts.year}"})
    return cited.value


def _state_death_tax_credit(
    facts: EstateTaxInput, tax_after_credit: Decimal, lines: list[_Line], citations: list[Citation]
) -> Decimal:
    """IRC 2011: the state death taxes actually paid, at most the reduced table amount on the adjusted
    taxable estate, and at most the tax left after the unified credit."""
    try:
        table = state_death_tax_credit(facts.rate_date)
    except MissingParameterError as gap:
        raise InputError(f"state death taxes: {gap}") from None
    citations.extend(table.citations)
    adjusted = max(ZERO, facts.taxable_estate - table.adjusted_estate_reduction)
    maximum = to_cents(tax_on(adjusted, table.brackets) * table.allowed)
    credit = min(facts.state_death_taxes, maximum, tax_after_credit)
    lines += [
        {"label": "State death taxes paid", "amount": facts.state_death_taxes, "basis": "input"},
        {
            "label": "Maximum state death tax credit",
            "amount": maximum,
            "basis": f"IRC 2011(b) table on the adjusted taxable estate of {format_money(adjusted)}, "
            f"{(table.allowed * 100).normalize():f}% allowed in {facts.year}",
        },
        {
            "label": "State death tax credit",
            "amount": credit,
            "basis": "the smallest of the taxes paid, the maximum credit and the tax after the unified credit",
        },
    ]
    return credit


def _elected_out(facts: EstateTaxInput) -> EstateTaxResult:
    """A 2010 death whose executor elected carryover basis instead of estate tax: no tax is imposed."""
    base = facts.taxable_estate + facts.adjusted_taxable_gifts
    lines = (
        Line(label="Taxable estate", amount=facts.taxable_estate, basis="input"),
        Line(
            label="Net estate tax",
            amount=ZERO,
            basis="the executor elected to apply carryover basis (IRC 1022) instead of the estate tax "
            "(Pub. L. 111-312 sec. 301(c); Form 8939)",
        ),
    )
    return EstateTaxResult(
        year=facts.year,
        nonresident=facts.nonresident,
        taxable_estate=facts.taxable_estate,
        adjusted_taxable_gifts=facts.adjusted_taxable_gifts,
        tax_base=base,
        tentative_tax=ZERO,
        gift_tax_payable=ZERO,
        basic_exclusion_amount=ZERO,
        dsue=ZERO,
        exclusion_amount=ZERO,
        applicable_credit=ZERO,
        net_estate_tax=ZERO,
        marginal_rate=ZERO,
        carryover_basis_election=True,
        lines=lines,
        citations=(),
    )
