"""QDOT estate tax: IRC 2056A(b)(1)-(2); Form 706-QDT Part III (Tax Computation) lines 1-12 and the
Instructions for Form 706-QDT (Rev. August 2025) for lines 7, 10 and 11.

The tax on a year's taxable events is the first decedent's estate tax recomputed twice, with the
rate schedule and credits of the decedent's death: once on the taxable estate plus all prior and
current taxable amounts (line 10), once without the current ones (line 11). Any unified credit the
decedent's estate left unused is therefore available again. Where the decedent's estate tax is not
finally determined, or several QDOTs have no designated filer, both lines use the highest rate in
effect at the decedent's death instead.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.decedent_tax import decedent_estate_tax
from advisor.calculators.estate_tax import ELECTION_YEAR, EstateTaxResult, Line
from advisor.calculators.money import InputError, format_money, to_cents
from advisor.calculators.parameters import Citation, highest_rate
from advisor.calculators.units import Money, Percent

ZERO = Decimal(0)


class QdotTaxInput(BaseModel):
    """One Form 706-QDT: the year's events and the decedent's estate they are added to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    decedent_taxable_estate: Decimal = Field(ge=0)
    """Line 7: the decedent's taxable estate as filed or as finally determined."""
    death_date: dt.date
    """The decedent's date of death: picks the rate schedule, the exclusion and the highest rate."""
    distributions: Decimal = Field(ge=0)
    """Schedule B Part II column (e): all principal distributed this year before the surviving spouse's
    death, including QDOT tax paid out of the trust during the year and hardship distributions."""
    hardship: Decimal = Field(default=ZERO, ge=0)
    """Column (f): the part of the distributions claimed as exempt for hardship."""
    prior_taxable: Decimal = Field(default=ZERO, ge=0)
    """Line 6: taxable amounts reported (or reportable) on all earlier Forms 706-QDT."""
    property_at_death: Decimal = Field(default=ZERO, ge=0)
    """Line 2: value of the property left in the QDOT at the surviving spouse's death (or when the
    trust ceased to qualify), corpus and undistributed income."""
    marital_deduction: Decimal = Field(default=ZERO, ge=0)
    """Schedule B Part IV: marital deduction for property at death includible in the spouse's estate."""
    charitable_deduction: Decimal = Field(default=ZERO, ge=0)
    """Schedule B Part V: charitable deduction for that property."""
    adjusted_taxable_gifts: Decimal = Field(default=ZERO, ge=0)
    """The decedent's adjusted taxable gifts, as in the decedent's own computation."""
    gift_tax_payable: Decimal = Field(default=ZERO, ge=0)
    """Gift tax payable on the decedent's post-1976 gifts (IRC 2001(b)(2))."""
    dsue: Decimal = Field(default=ZERO, ge=0)
    """DSUE amount the decedent's estate had (IRC 2010(c)(4))."""
    dsue_year: int | None = Field(default=None, ge=1900, le=2200)
    """Year the decedent's own last deceased spouse died, the source of the DSUE."""
    state_death_taxes: Decimal = Field(default=ZERO, ge=0)
    """State death taxes actually paid, for a decedent who died while the IRC 2011 credit existed; the
    recomputation allows the credit again within its limits (Reg. 20.2056A-6(a))."""
    carryover_basis_election: bool = False
    """The decedent died in 2010 and the executor elected carryover basis instead of estate tax."""
    nonresident: bool = False
    """The decedent was a nonresident not a citizen: the recomputation follows IRC 2101-2102."""
    exclusion_amount: Decimal | None = Field(default=None, ge=0)
    """The decedent's basic exclusion amount, for a year of death the data does not hold."""
    highest_rate: bool = False
    """The decedent's estate tax is not finally determined, or there are several QDOTs without a
    designated filer who is a US citizen or a domestic corporation."""
    highest_rate_override: Decimal | None = Field(default=None, gt=0, le=1)
    """The highest rate given explicitly, for a date of death the data does not hold."""

    @model_validator(mode="after")
    def _as_the_form_allows(self) -> QdotTaxInput:
        if self.hardship > self.distributions:
            raise InputError(
                f"the hardship exemption ({format_money(self.hardship, cents=True)}) is larger than the "
                f"distributions ({format_money(self.distributions, cents=True)}); only amounts included in "
                "the distributions (column (e)) may be claimed as hardship (column (f))"
            )
        deductions = self.marital_deduction + self.charitable_deduction
        if deductions > self.property_at_death:
            raise InputError(
                f"the marital and charitable deductions ({format_money(deductions, cents=True)}) are larger "
                f"than the property in the trust at the surviving spouse's death "
                f"({format_money(self.property_at_death, cents=True)}); they are allowed only against that property"
            )
        if self.carryover_basis_election and self.death_date.year != ELECTION_YEAR:
            raise InputError(
                f"the election out of estate tax (Pub. L. 111-312 sec. 301(c)) is only for deaths in {ELECTION_YEAR}"
            )
        if self.highest_rate_override is not None and not self.highest_rate:
            raise InputError("an explicit highest rate applies only with the highest-rate rule (--highest-rate)")
        return self


class QdotTaxResult(BaseModel):
    """Form 706-QDT Part III, line by line, with the parameter rows used."""

    model_config = ConfigDict(frozen=True)

    death_date: dt.date
    distributions: Money
    hardship: Money
    taxable_distributions: Money
    """Line 1."""
    property_at_death: Money
    """Line 2."""
    deductions: Money
    """Line 4: marital and charitable deductions."""
    taxable_amount: Money
    """Line 5: net tentative taxable amount of this return."""
    prior_taxable: Money
    """Line 6."""
    decedent_taxable_estate: Money
    """Line 7."""
    tax_on_total: Money
    """Line 10: the decedent's net estate tax recomputed on line 9."""
    tax_on_prior: Money
    """Line 11: the same on line 8."""
    qdot_tax: Money
    """Line 12: net estate tax of this return."""
    highest_rate: Percent | None
    """The flat rate used when the highest-rate rule applies."""
    lines: tuple[Line, ...]
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


def compute_qdot_tax(facts: QdotTaxInput) -> QdotTaxResult:
    """The QDOT tax of one return (IRC 2056A(b)(2)(A))."""
    line1 = facts.distributions - facts.hardship
    line2 = facts.property_at_death
    line3 = line1 + line2
    line4 = facts.marital_deduction + facts.charitable_deduction
    line5 = line3 - line4
    line6 = facts.prior_taxable
    line7 = facts.decedent_taxable_estate
    line8 = line6 + line7
    line9 = line5 + line8
    notes: list[str] = []
    rate: Decimal | None = None
    citations: tuple[Citation, ...] = ()
    if facts.carryover_basis_election:
        line10 = line11 = ZERO
        basis10 = basis11 = "no estate tax: the executor elected carryover basis (Pub. L. 111-312 sec. 301(c))"
        notes.append(
            "the decedent's estate elected out of the estate tax, so no tax is recomputed on the QDOT "
            "distributions: chapter 11 does not apply to that estate"
        )
    elif facts.highest_rate:
        rate, citations, basis = _highest_rate(facts)
        line10, line11 = to_cents(rate * line9), to_cents(rate * line8)
        basis10 = basis11 = basis
        notes.append(
            "highest-rate rule: lines 10 and 11 apply the highest rate in effect at the decedent's death to the "
            "whole amount, without the graduated schedule or credits; a recomputation at the ordinary rates may "
            "give a refund once the decedent's tax is finally determined"
        )
    else:
        on_total, on_prior = _recompute(facts, line9), _recompute(facts, line8)
        line10, line11 = on_total.net_estate_tax, on_prior.net_estate_tax
        citations = tuple(dict.fromkeys(on_total.citations + on_prior.citations))
        basis10 = f"decedent's net estate tax on line 9 (tentative tax {format_money(on_total.tentative_tax)})"
        basis11 = f"decedent's net estate tax on line 8 (tentative tax {format_money(on_prior.tentative_tax)})"
        if on_total.tentative_tax - on_prior.tentative_tax > line10 - line11:
            notes.append(
                "part of this return's tax is absorbed by unified credit the decedent's estate left unused "
                "(the recomputation on lines 10 and 11 allows it again)"
            )
    line12 = line10 - line11
    lines = (
        Line(label="Distributions (Schedule B, Part II, col. (e))", amount=facts.distributions, basis="input"),
        Line(label="Hardship exemption claimed (col. (f))", amount=facts.hardship, basis="input"),
        Line(label="Line 1  Current taxable trust distributions", amount=line1, basis="col. (e) - col. (f)"),
        Line(label="Line 2  Value of taxable trust property at date of death", amount=line2, basis="input"),
        Line(label="Line 3  Add lines 1 and 2", amount=line3, basis="line 1 + line 2"),
        Line(label="Line 4  Charitable and marital deductions", amount=line4, basis="Schedule B, Parts IV and V"),
        Line(label="Line 5  Net tentative taxable amount", amount=line5, basis="line 3 - line 4"),
        Line(label="Line 6  Prior taxable events", amount=line6, basis="input: earlier Forms 706-QDT"),
        Line(label="Line 7  Taxable estate of the decedent", amount=line7, basis="input: decedent's return"),
        Line(label="Line 8  Add lines 6 and 7", amount=line8, basis="line 6 + line 7"),
        Line(label="Line 9  Add lines 5 and 8", amount=line9, basis="line 5 + line 8"),
        Line(label="Line 10 Recomputed estate tax on line 9", amount=line10, basis=basis10),
        Line(label="Line 11 Recomputed estate tax on line 8", amount=line11, basis=basis11),
        Line(label="Line 12 Net estate tax (QDOT tax)", amount=line12, basis="line 10 - line 11 (IRC 2056A(b)(2))"),
    )
    return QdotTaxResult(
        death_date=facts.death_date,
        distributions=facts.distributions,
        hardship=facts.hardship,
        taxable_distributions=line1,
        property_at_death=line2,
        deductions=line4,
        taxable_amount=line5,
        prior_taxable=line6,
        decedent_taxable_estate=line7,
        tax_on_total=line10,
        tax_on_prior=line11,
        qdot_tax=line12,
        highest_rate=rate,
        lines=lines,
        citations=citations,
        notes=tuple(notes),
    )


def _recompute(facts: QdotTaxInput, taxable_estate: Decimal) -> EstateTaxResult:
    return decedent_estate_tax(
        facts,
        taxable_estate,
        gift_tax_payable=facts.gift_tax_payable,
        dsue=facts.dsue,
        dsue_year=facts.dsue_year,
        state_death_taxes=facts.state_death_taxes,
    )


def _highest_rate(facts: QdotTaxInput) -> tuple[Decimal, tuple[Citation, ...], str]:
    if facts.highest_rate_override is not None:
        return facts.highest_rate_override, (), f"{facts.highest_rate_override * 100:g}% given explicitly"
    cited = highest_rate(facts.death_date)
    return cited.value, (cited.citation,), f"highest rate at the decedent's death, {cited.citation.value}"
