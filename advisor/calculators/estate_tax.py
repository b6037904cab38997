"""Federal estate tax: IRC 2001(b)-(c) (tentative tax), 2010 (applicable credit with DSUE),
2101-2102 (estates of nonresidents not citizens).

Quantities are named as the statute names them: the applicable *credit* is a tax on the
exclusion *amount*, never the amount itself subtracted from a tax.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.money import InputError, to_cents
from advisor.calculators.parameters import (
    Citation,
    RateSchedule,
    exclusion,
    nonresident_credit,
    nonresident_exemption,
    rate_schedule,
)
from advisor.calculators.units import Money, Percent

ZERO = Decimal(0)


class Line(BaseModel):
    """One line of a computation: what it is, its value, and how it was obtained."""

    model_config = ConfigDict(frozen=True)

    label: str
    amount: Money
    basis: str


def tentative_tax(amount: Decimal, schedule: RateSchedule) -> Decimal:
    """The IRC 2001(c) tax on an amount: base tax of its bracket plus the marginal rate on the excess."""
    if amount < 0:
        raise InputError(f"tentative tax: the amount {amount} is negative")
    for bracket in schedule.brackets:
        if bracket.not_over is None or amount <= bracket.not_over:
            return to_cents(bracket.base_tax + bracket.rate * (amount - bracket.over))
    raise AssertionError("the top bracket of a rate schedule has no upper limit")


def marginal_rate(amount: Decimal, schedule: RateSchedule) -> Decimal:
    """The rate the next dollar above this amount is taxed at."""
    for bracket in schedule.brackets:
        if bracket.not_over is None or amount < bracket.not_over:
            return bracket.rate
    raise AssertionError("the top bracket of a rate schedule has no upper limit")


class EstateTaxInput(BaseModel):
    """The facts of one decedent's federal estate tax computation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    taxable_estate: Decimal = Field(ge=0)
    """Gross estate less debts, expenses and the marital and charitable deductions (for a
    nonresident not a citizen: of the US-situs part only)."""
    year: int = Field(ge=1900, le=2200)
    """Calendar year of death: picks the basic exclusion amount."""
    death_date: dt.date | None = None
    """Exact date of death, when known; picks the rate schedule."""
    adjusted_taxable_gifts: Decimal = Field(default=ZERO, ge=0)
    gift_tax_payable: Decimal = Field(default=ZERO, ge=0)
    """Gift tax payable on gifts after 1976 (IRC 2001(b)(2)), computed at today's rates."""
    dsue: Decimal = Field(default=ZERO, ge=0)
    """Deceased spousal unused exclusion amount ported from a predeceased spouse (IRC 2010(c)(4))."""
    nonresident: bool = False
    """Decedent was neither a US citizen nor domiciled in the US (IRC 2101-2102)."""
    exclusion_amount: Decimal | None = Field(default=None, ge=0)
    """Basic exclusion amount given explicitly, for a year the data does not hold."""

    @model_validator(mode="after")
    def _consistent(self) -> EstateTaxInput:
        if self.death_date is not None and self.death_date.year != self.year:
            raise InputError(f"the death date {self.death_date} is not in the year {self.year}")
        if self.nonresident and (self.dsue or self.gift_tax_payable or self.exclusion_amount is not None):
            raise InputError(
                "a nonresident not a citizen gets the IRC 2102 credit only: DSUE, an explicit exclusion "
                "amount and --gift-tax-payable (2101(b) subtracts the tentative tax on the gifts itself) "
                "do not apply"
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
    IRC 2102(b)(1) credit shelters)."""
    applicable_credit: Money
    net_estate_tax: Money
    marginal_rate: Percent
    lines: tuple[Line, ...]
    citations: tuple[Citation, ...]


def compute_estate_tax(facts: EstateTaxInput) -> EstateTaxResult:
    """Net federal estate tax of one decedent."""
    schedule = rate_schedule(facts.rate_date)
    base = facts.taxable_estate + facts.adjusted_taxable_gifts
    tentative = tentative_tax(base, schedule)
    citations: list[Citation] = [schedule.citation]
    lines = [
        Line(label="Taxable estate", amount=facts.taxable_estate, basis="input"),
        Line(label="Adjusted taxable gifts", amount=facts.adjusted_taxable_gifts, basis="input (IRC 2001(b)(1)(B))"),
        Line(label="Tax base", amount=base, basis="taxable estate + adjusted taxable gifts"),
        Line(label="Tentative tax", amount=tentative, basis="IRC 2001(c) schedule on the tax base"),
    ]
    if facts.nonresident:
        credit_row, sheltered = nonresident_credit(facts.rate_date), nonresident_exemption(facts.rate_date)
        citations += [credit_row.citation, sheltered.citation]
        on_gifts = tentative_tax(facts.adjusted_taxable_gifts, schedule)
        gross_tax = tentative - on_gifts
        credit = min(credit_row.value, gross_tax)
        bea, dsue, excl = ZERO, ZERO, sheltered.value
        lines += [
            Line(label="Tentative tax on the adjusted taxable gifts", amount=on_gifts, basis="IRC 2101(b)(2)"),
            Line(label="Tax before credit", amount=gross_tax, basis="IRC 2101(b)"),
            Line(label="Unified credit", amount=credit, basis="IRC 2102(b)(1), limited to the tax (2102(b)(4))"),
        ]
        gift_tax = on_gifts
        net = gross_tax - credit
    else:
        if facts.exclusion_amount is not None:
            bea = facts.exclusion_amount
            lines.append(Line(label="Basic exclusion amount", amount=bea, basis="given explicitly"))
        else:
            cited = exclusion("basic_exclusion_amount", facts.year)
            bea = cited.value
            citations.append(cited.citation)
            lines.append(Line(label="Basic exclusion amount", amount=bea, basis=f"IRC 2010(c)(3), {facts.year}"))
        dsue = facts.dsue
        excl = bea + dsue
        credit = tentative_tax(excl, schedule)
        gift_tax = facts.gift_tax_payable
        lines += [
            Line(label="DSUE amount", amount=dsue, basis="input (IRC 2010(c)(4))"),
            Line(label="Applicable exclusion amount", amount=excl, basis="basic exclusion + DSUE (IRC 2010(c)(2))"),
            Line(label="Gift tax payable", amount=gift_tax, basis="input (IRC 2001(b)(2))"),
            Line(label="Applicable credit", amount=credit, basis="IRC 2001(c) tax on the applicable exclusion amount"),
        ]
        net = max(ZERO, tentative - gift_tax - credit)
    lines.append(Line(label="Net estate tax", amount=net, basis="never below zero"))
    return EstateTaxResult(
        year=facts.year,
        nonresident=facts.nonresident,
        taxable_estate=facts.taxable_estate,
        adjusted_taxable_gifts=facts.adjusted_taxable_gifts,
        tax_base=base,
        tentative_tax=tentative,
        gift_tax_payable=gift_tax,
        basic_exclusion_amount=bea,
        dsue=dsue,
        exclusion_amount=excl,
        applicable_credit=credit,
        net_estate_tax=net,
        marginal_rate=marginal_rate(base, schedule),
        lines=tuple(lines),
        citations=tuple(citations),
    )
