"""Federal estate tax: IRC 2001(b)-(c) (tentative tax), 2010 (applicable credit with DSUE),
2101-2102 (estates of nonresidents not citizens).

Quantities are named as the statute names them: the applicable *credit* is a tax on the
exclusion *amount*, never the amount itself subtracted from a tax.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.money import InputError, Money, Percent, to_cents
from advisor.calculators.parameters import (
    Citation,
    RateSchedule,
    exclusion,
    nonresident_credit,
    nonresident_exemption,
    rate_schedule,
)
from advisor.calculators.treaty import (
    TreatyApplied,
    canadian_marital_credit,
    country_name,
    pro_rata_credit,
    provision,
    provisions,
)

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


def exemption_equivalent(credit: Decimal, schedule: RateSchedule) -> Decimal:
    """The amount whose IRC 2001(c) tentative tax is this credit (the inverse of :func:`tentative_tax`)."""
    for bracket in schedule.brackets:
        top = bracket.not_over
        if top is None or credit <= bracket.base_tax + bracket.rate * (top - bracket.over):
            return to_cents(bracket.over + (credit - bracket.base_tax) / bracket.rate)
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
    treaty: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """ISO code of the country whose estate tax treaty the nonresident claims (domicile or residence)."""
    worldwide_gross_estate: Decimal | None = Field(default=None, gt=0)
    """Gross estate wherever situated: the denominator of the pro-rata credit."""
    us_gross_estate: Decimal | None = Field(default=None, ge=0)
    """US-situs gross estate, when not the taxable estate: the numerator of the pro-rata credit."""
    marital_credit_property: Decimal | None = Field(default=None, ge=0)
    """Qualifying property passing to the spouse for which the Canadian marital credit is elected."""
    spouse_residence: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    decedent_residence: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """Where the decedent lived (default: the treaty country for a nonresident, the US otherwise)."""
    canadian_citizen_in_couple: bool = False
    """The decedent or the spouse is a Canadian citizen (Art. XXIX B(3)(c), when both live in the US)."""
    qdot_elected: bool = False
    """A QDOT marital deduction is claimed (Reg. 20.2056A-1(c): never together with a treaty marital relief)."""

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
        if (
            self.treaty is not None
            and not self.nonresident
            and (self.marital_credit_property is None or self.worldwide_gross_estate or self.us_gross_estate)
        ):
            raise InputError(
                "a treaty's unified credit is computed for a nonresident not a citizen (add --nonresident); "
                "for a citizen or resident only the Canadian marital credit is (--marital-credit-property)"
            )
        if self.treaty is None and (
            self.worldwide_gross_estate or self.us_gross_estate or self.marital_credit_property
        ):
            raise InputError(
                "the worldwide and US gross estates and the marital credit need a treaty country (--treaty)"
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
    IRC 2102(b)(1) credit shelters, or the amount a treaty's pro-rata credit shelters)."""
    applicable_credit: Money
    net_estate_tax: Money
    marginal_rate: Percent
    lines: tuple[Line, ...]
    citations: tuple[Citation, ...]
    treaty: TreatyApplied | None = None


def compute_estate_tax(facts: EstateTaxInput) -> EstateTaxResult:
    """Net federal estate tax of one decedent."""
    schedule = rate_schedule(facts.rate_date)
    base = facts.taxable_estate + facts.adjusted_taxable_gifts
    tentative = tentative_tax(base, schedule)
    citations: list[Citation] = [schedule.citation]
    treaty: TreatyApplied | None = None
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
        bea, dsue, excl = ZERO, ZERO, sheltered.value
        lines += [
            Line(label="Tentative tax on the adjusted taxable gifts", amount=on_gifts, basis="IRC 2101(b)(2)"),
            Line(label="Tax before credit", amount=gross_tax, basis="IRC 2101(b)"),
        ]
        if facts.treaty is None:
            credit = min(credit_row.value, gross_tax)
            lines.append(
                Line(label="Unified credit", amount=credit, basis="IRC 2102(b)(1), limited to the tax (2102(b)(4))")
            )
            net = gross_tax - credit
        else:
            credit, treaty = nonresident_treaty_credit(facts, credit_row.value, gross_tax, schedule, lines, citations)
            net = gross_tax - credit
            if treaty.pro_rata is not None:
                excl = exemption_equivalent(treaty.pro_rata.credit, schedule)
        gift_tax = on_gifts
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
    if facts.treaty is not None:
        net, treaty = treaty_marital_credit(facts, credit, net, treaty, lines, citations)
    lines.append(Line(label="Net estate tax", amount=net, basis="never below zero"))
    return EstateTaxResult(
        treaty=treaty,
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


def nonresident_treaty_credit(
    facts: EstateTaxInput,
    statutory: Decimal,
    gross_tax: Decimal,
    schedule: RateSchedule,
    lines: list[Line],
    citations: list[Citation],
) -> tuple[Decimal, TreatyApplied]:
    """The unified credit of a nonresident who claims a treaty, and what the treaty did. Only a verified row
    gives a figure; otherwise the Code's credit stands and the treaty is named as "may change this result -
    not computed". Appends its lines and citations."""
    assert facts.treaty is not None
    country, death = facts.treaty, facts.rate_date
    name = country_name(country)
    credit = min(statutory, gross_tax)
    unified_basis = "IRC 2102(b)(1), limited to the tax (2102(b)(4))"
    applied: TreatyApplied
    pro_rata_row = provision(country, "pro_rata_credit", death)
    if pro_rata_row is not None and pro_rata_row.verified:
        if facts.worldwide_gross_estate is None:
            raise InputError(
                f"the {name} treaty's pro-rata unified credit needs the gross estate wherever situated: "
                "pass --worldwide-estate AMOUNT"
            )
        cited = exclusion("basic_exclusion_amount", facts.year)
        citations += [cited.citation, pro_rata_row.citation()]
        us_gross = facts.us_gross_estate if facts.us_gross_estate is not None else facts.taxable_estate
        share = pro_rata_credit(tentative_tax(cited.value, schedule), us_gross, facts.worldwide_gross_estate, statutory)
        credit = min(share.credit, gross_tax)
        unified_basis = (
            f"{pro_rata_row.article}: the greater of IRC 2102(b)(1) and the pro-rata share "
            f"({share.applicable_credit_amount:,.2f} x {us_gross:,.2f} / {share.worldwide_gross_estate:,.2f} = "
            f"{share.pro_rata:,.2f}, IRC 2102(b)(3)(A)), limited to the tax (2102(b)(4))"
        )
        applied = TreatyApplied(
            country=country, country_name=name, status="applied", article=pro_rata_row.article,
            source=pro_rata_row.source, message=f"pro-rata unified credit of the {name} treaty", pro_rata=share,
        )  # fmt: skip
    elif provisions(country, death):
        applied = TreatyApplied(
            country=country, country_name=name, status="not_computed",
            message=f"the {name} treaty may change this result — not computed",
        )  # fmt: skip
    else:
        applied = TreatyApplied(
            country=country, country_name=name, status="no_treaty",
            message=f"no estate tax treaty with {name} is in the data for this date: the Code's credit applies",
        )  # fmt: skip
    lines.append(Line(label="Unified credit", amount=credit, basis=unified_basis))
    return credit, applied


def treaty_marital_credit(
    facts: EstateTaxInput,
    unified_credit: Decimal,
    net: Decimal,
    applied: TreatyApplied | None,
    lines: list[Line],
    citations: list[Citation],
) -> tuple[Decimal, TreatyApplied]:
    """The Canadian marital credit, where it is elected, and the treaty's other provisions named as not
    computed: the net tax after it and what the treaty did. Appends its lines and citations."""
    assert facts.treaty is not None
    country, death = facts.treaty, facts.rate_date
    name = country_name(country)
    if applied is None:
        applied = TreatyApplied(country=country, country_name=name, status="applied", message=f"the {name} treaty")
    if facts.marital_credit_property is not None:
        marital_row = provision(country, "marital_credit", death)
        if marital_row is None or not marital_row.verified:
            raise InputError(f"the data holds no verified marital credit for the {name} treaty")
        residence = facts.decedent_residence or (country if facts.nonresident else "US")
        marital = canadian_marital_credit(
            unified_credit=unified_credit, tax_after_unified_credit=net, taxable_estate=facts.taxable_estate,
            qualifying_property=facts.marital_credit_property, decedent_residence=residence,
            spouse_residence=facts.spouse_residence, canadian_citizen_in_couple=facts.canadian_citizen_in_couple,
            qdot_elected=facts.qdot_elected,
        )  # fmt: skip
        citations.append(marital_row.citation())
        lines.append(
            Line(label="Marital credit", amount=marital.credit, basis=f"{marital_row.article}: {marital.reason}")
        )
        net -= marital.credit
        update: dict[str, object] = {"marital_credit": marital}
        if applied.article is None:
            update.update(article=marital_row.article, source=marital_row.source)
            update["message"] = f"Canadian marital credit of the {name} treaty"
        applied = applied.model_copy(update=update)
    used = {"pro_rata_credit"} if applied.pro_rata is not None else set()
    if applied.marital_credit is not None:
        used.add("marital_credit")
    others = tuple(
        f"{row.article}: {row.gives}" + ("" if row.verified else " (not verified)")
        for row in provisions(country, death)
        if row.provision not in used and (facts.nonresident or row.provision != "pro_rata_credit")
    )
    return net, applied.model_copy(update={"other_provisions": others})
