"""What deferring the first-death tax with a QDOT is worth, first death only: IRC 2056(d)(1)-(2) (no
marital deduction for a non-citizen spouse unless the property passes to a QDOT, or the spouse assigns it
to one, or becomes a citizen before the return is filed),
IRC 2056A(b) (the deferred tax: the recomputation of :mod:`advisor.calculators.qdot_tax`, done on the lean
path of :mod:`advisor.calculators.lean_tax` with the same cents), IRC 2523(i) (gifts to a non-citizen spouse),
and the security rules of :mod:`advisor.calculators.qdot_security`.

The trust is followed year by year over every possible year of the surviving spouse's death. Timing
convention: growth, income, distributions and costs belong to the year they occur in and are discounted
from its end; the tax on a year's events is paid the next year (April 15, or within 9 months of the death)
and is discounted from that year's end; QDOT tax paid out of the trust is a distribution of the year paid.
The surviving spouse's own estate tax is outside this comparison: the couple model
(:mod:`advisor.calculators.couple`) follows the routes over both deaths.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.actuarial import discount, survival_probability
from advisor.calculators.decedent_tax import decedent_estate_tax
from advisor.calculators.estate_tax import EstateTaxResult
from advisor.calculators.lean_tax import NetTax, net_tax
from advisor.calculators.money import InputError, format_money, to_cents
from advisor.calculators.parameters import (
    Citation,
    exclusion,
    mortality_table,
    mortality_table_for,
    qdot_security,
)
from advisor.calculators.qdot_deferral_years import DeferralYear, follow_trust
from advisor.calculators.treaty import TreatyClaim, given_exclusion
from advisor.calculators.units import Factor, Money

ZERO = Decimal(0)
DEFAULT_TRUSTEE_FEE = Decimal("0.01")
"""An assumption with no published source: trustee fee, a fraction of the trust's value each year."""
DEFAULT_BOND_PREMIUM = Decimal("0.01")
"""An assumption with no published source: yearly bond premium, a fraction of the bond amount."""
DEFAULT_RETURN_PREPARATION = Decimal(5000)
"""An assumption with no published source: cost of preparing one Form 706-QDT."""
DEFAULT_GIFT_YEARS = 10
"""An assumption: years of annual-exclusion gifts to the spouse before the first death, for the gifts alternative."""


class DeferralInput(BaseModel):
    """The first decedent's estate, the trust's plan, and the surviving spouse."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gross_estate: Decimal = Field(ge=0)
    """The first decedent's gross estate (US-situs part for a nonresident)."""
    deductions: Decimal = Field(default=ZERO, ge=0)
    """Debts, expenses and losses (IRC 2053-2054)."""
    charitable_deduction: Decimal = Field(default=ZERO, ge=0)
    """Charitable deduction of the first decedent's estate (IRC 2055)."""
    adjusted_taxable_gifts: Decimal = Field(default=ZERO, ge=0)
    """The first decedent's taxable gifts after 1976 (IRC 2001(b)(1)(B))."""
    death_date: dt.date
    """Date of the first death: picks the rate schedule, the exclusion and the mortality table."""
    nonresident: bool = False
    """The first decedent was a nonresident not a citizen (IRC 2101-2102)."""
    exclusion_amount: Decimal | None = Field(default=None, ge=0)
    """Basic exclusion amount given explicitly, for a year the data does not hold."""
    treaty: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """A nonresident's treaty country (JP, Japan): a verified row gives the pro-rata unified credit (IRC
    2102(b)(3)(A)); any other row leaves the Code's credit."""
    worldwide_gross_estate: Decimal | None = Field(default=None, gt=0)
    """The first decedent's gross estate wherever situated: the pro-rata credit's denominator (the gross
    estate, US-situs for a nonresident, is its numerator)."""
    qdot_amount: Decimal | None = Field(default=None, ge=0)
    """Property passing to the QDOT; default: everything above the exclusion the estate has left."""
    growth: Decimal = Field(default=ZERO, ge=-1, le=1)
    """Yearly growth of the trust's principal."""
    income_yield: Decimal = Field(default=ZERO, ge=0, le=1)
    """Yearly income paid to the spouse (exempt from QDOT tax), as a rate on the value at the start of the year."""
    principal_distributions: Decimal = Field(default=ZERO, ge=0)
    """Planned distribution of principal each year (taxable)."""
    spouse_age: int = Field(ge=0, le=109)
    """The surviving spouse's age at the first death (nearest birthday)."""
    discount_rate: Decimal = Field(gt=0, le=1)
    """Rate for present values."""
    trustee_fee: Decimal = Field(default=DEFAULT_TRUSTEE_FEE, ge=0, le=1)
    """Trustee's fee each year, as a rate on the trust's value (an assumption unless given)."""
    bond_premium: Decimal = Field(default=DEFAULT_BOND_PREMIUM, ge=0, le=1)
    """Premium each year, as a rate on the bond, when a bond is needed (an assumption unless given)."""
    bank_trustee: bool = False
    """A bank serves as trustee, so no bond is bought even above $2 million."""
    return_preparation: Decimal = Field(default=DEFAULT_RETURN_PREPARATION, ge=0)
    """Cost of preparing each Form 706-QDT (an assumption unless given)."""
    gift_years: int = Field(default=DEFAULT_GIFT_YEARS, ge=0, le=60)
    """Years of IRC 2523(i) gifts for the gifts alternative (an assumption unless given)."""
    noncitizen_spouse_exclusion: Decimal | None = Field(default=None, ge=0)
    """The IRC 2523(i) annual exclusion given explicitly for every gift year, for years the data does not hold."""
    table: str | None = None
    """Mortality table name; default: the one governing the date of the first death."""

    @model_validator(mode="after")
    def _consistent(self) -> DeferralInput:
        left = self.gross_estate - self.deductions - self.charitable_deduction
        if left < 0:
            raise InputError(
                f"the deductions ({format_money(self.deductions + self.charitable_deduction)}) are larger than the "
                f"gross estate ({format_money(self.gross_estate)})"
            )
        if self.treaty is not None and not self.nonresident:
            raise InputError(
                "a treaty's pro-rata unified credit is for a nonresident not a citizen (add --nonresident)"
            )
        if self.worldwide_gross_estate is not None and self.treaty is None:
            raise InputError("the worldwide gross estate is for a treaty's pro-rata credit: give the treaty country")
        if self.qdot_amount is not None and self.qdot_amount > left:
            raise InputError(
                f"the QDOT amount ({format_money(self.qdot_amount)}) is larger than the estate left after deductions "
                f"({format_money(left)})"
            )
        return self


class Alternative(BaseModel):
    """Another way to the same end, on the same assumptions."""

    model_config = ConfigDict(frozen=True)

    name: str
    tax_at_first_death: Money
    expected_later_tax: Money
    present_value_cost: Money
    """Present value of all taxes and costs of this route."""
    present_value_benefit: Money
    """Present value of this route's taxes and costs below paying the tax at the first death without a QDOT;
    first death only (the survivor's own estate tax is outside it)."""
    basis: str


class DeferralResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    qdot_amount: Money
    taxable_estate_without_qdot: Money
    decedent_taxable_estate: Money
    """With the QDOT's marital deduction: the line 7 amount of every Form 706-QDT."""
    tax_without_qdot: Money
    tax_at_first_death_with_qdot: Money
    bond_required: bool
    """The security rules call for a bond (over $2 million, no bank trustee)."""
    bond_amount: Money
    life_expectancy: Factor
    """Complete expectation of life of the spouse (years)."""
    expected_death_year: int
    years: tuple[DeferralYear, ...]
    """The year-by-year table to the spouse's expected death."""
    tax_with_qdot_at_expected_death: Money
    """Total QDOT tax (undiscounted) if the spouse dies in the expected year, plus any tax at the first death."""
    expected_tax_with_qdot: Money
    """Tax at the first death plus all QDOT taxes, weighted over every possible year of the spouse's death."""
    expected_costs: Money
    present_value_tax_without_qdot: Money
    present_value_tax_with_qdot: Money
    present_value_costs: Money
    present_value_benefit: Money
    """The present value of deferring the first-death tax: the tax without a QDOT less the QDOT taxes and costs,
    at the growth and discount given. First death only, so not a verdict on the QDOT: the survivor's own estate
    tax, the 2013 credit and naturalisation after the return (IRC 2056A(b)(12)) are outside it; the couple
    model (:mod:`advisor.calculators.couple`) compares the routes over both deaths."""
    alternatives: tuple[Alternative, ...]
    assumptions: tuple[str, ...]
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


def project_deferral(facts: DeferralInput) -> DeferralResult:
    """Tax without a QDOT against the deferred QDOT tax over the surviving spouse's life, and the alternatives."""
    left = facts.gross_estate - facts.deductions - facts.charitable_deduction
    without = _estate_tax(facts, left)
    amount = facts.qdot_amount
    if amount is None:
        amount = min(left, max(ZERO, left + facts.adjusted_taxable_gifts - without.exclusion_amount))
    with_qdot = _estate_tax(facts, left - amount)
    table = mortality_table(facts.table) if facts.table else mortality_table_for(facts.death_date)
    if facts.spouse_age >= table.max_age:
        raise InputError(f"the spouse's age {facts.spouse_age} is beyond Table {table.name}")
    v = discount(facts.discount_rate)
    threshold, bond_share = qdot_security("security_threshold"), qdot_security("bond_or_letter_of_credit_percent")
    bond_required = amount > threshold.value and not facts.bank_trustee
    bond = bond_share.value if bond_required else ZERO
    path = follow_trust(facts, table, _lean_estate_tax(facts), left - amount, amount, bond, v)

    weights = [year.probability_of_death for year in path.years]
    expected = _weighted(weights, path.tax_if_death)
    expected_pv_tax = _weighted(weights, path.pv_tax_if_death)
    first_death_with = with_qdot.net_estate_tax
    life = sum((survival_probability(table, facts.spouse_age, t) for t in range(1, table.max_age + 1)), ZERO)
    life_expectancy = life + Decimal("0.5")
    expected_year = max(1, int(life_expectancy.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    pv_without = to_cents(without.net_estate_tax * v)
    pv_with = to_cents(first_death_with * v + expected_pv_tax)
    pv_costs = to_cents(_weighted(weights, path.pv_costs_if_death))
    benefit = pv_without - pv_with - pv_costs
    expected_total = to_cents(first_death_with + expected)

    (naturalising, giving), alt_citations = _alternatives(facts, left, first_death_with, pv_without, v)
    alternatives = (
        naturalising,
        giving,
        Alternative(
            name="spouse assigns inherited property to a QDOT before the return is filed",
            tax_at_first_death=first_death_with,
            expected_later_tax=to_cents(expected),
            present_value_cost=pv_with + pv_costs,
            present_value_benefit=benefit,
            basis="IRC 2056(d)(2)(B): property passing outright that the spouse transfers or irrevocably assigns to a "
            "QDOT before the return is made counts as passing to one; same figures as a QDOT set up by the decedent",
        ),
    )
    assumptions = (
        f"trustee fee {facts.trustee_fee * 100:g}% of the trust's value a year"
        + (" (the tool's default; no published source)" if facts.trustee_fee == DEFAULT_TRUSTEE_FEE else ""),
        f"bond premium {facts.bond_premium * 100:g}% of the bond a year, when the security rules need a bond"
        + (" (the tool's default; no published source)" if facts.bond_premium == DEFAULT_BOND_PREMIUM else ""),
        f"return preparation {format_money(facts.return_preparation)} per Form 706-QDT"
        + (
            " (the tool's default; no published source)"
            if facts.return_preparation == DEFAULT_RETURN_PREPARATION
            else ""
        ),
        f"growth {facts.growth * 100:g}%, income yield {facts.income_yield * 100:g}%, "
        f"principal distributions {format_money(facts.principal_distributions)} a year, "
        f"discount rate {facts.discount_rate * 100:g}%",
        "costs are paid from the trust and are not distributions; income is paid out each year",
    )
    citations = tuple(
        dict.fromkeys(
            (
                *without.citations,
                *with_qdot.citations,
                table.citation,
                threshold.citation,
                bond_share.citation,
                *alt_citations,
            )
        )
    )
    notes = [
        "first death only: the surviving spouse's own estate tax, the 2013 credit for the first-death taxes and "
        "naturalisation after the return (IRC 2056A(b)(12)) are not part of this comparison",
        "taxes on a year's events are paid the next year; all amounts are discounted from the end of their year",
    ]
    if without.treaty is not None:
        notes.append(f"{without.treaty.message}: {_credit_line(without)}")
    if amount == 0:
        notes.append("nothing needs to pass to a QDOT: the estate is within the exclusion it has left")
    return DeferralResult(
        qdot_amount=amount,
        taxable_estate_without_qdot=left,
        decedent_taxable_estate=left - amount,
        tax_without_qdot=without.net_estate_tax,
        tax_at_first_death_with_qdot=first_death_with,
        bond_required=bond_required,
        bond_amount=to_cents(bond_share.value * amount) if bond_required else ZERO,
        life_expectancy=life_expectancy,
        expected_death_year=expected_year,
        years=tuple(path.years[:expected_year]),
        tax_with_qdot_at_expected_death=first_death_with + path.tax_if_death[expected_year - 1],
        expected_tax_with_qdot=expected_total,
        expected_costs=to_cents(_weighted(weights, path.costs_if_death)),
        present_value_tax_without_qdot=pv_without,
        present_value_tax_with_qdot=pv_with,
        present_value_costs=pv_costs,
        present_value_benefit=benefit,
        alternatives=alternatives,
        assumptions=assumptions,
        citations=citations,
        notes=tuple(notes),
    )


def _estate_tax(facts: DeferralInput, taxable_estate: Decimal, given: Decimal = ZERO) -> EstateTaxResult:
    """The first decedent's tax on a taxable estate; ``given``: gifts made before the death, out of the gross
    estates of the pro-rata credit as well."""
    worldwide = facts.worldwide_gross_estate
    return decedent_estate_tax(
        facts,
        taxable_estate,
        treaty=facts.treaty,
        worldwide_gross_estate=None if worldwide is None else max(worldwide - given, Decimal(1)),
        us_gross_estate=facts.gross_estate - given if facts.treaty is not None else None,
    )


def _credit_line(result: EstateTaxResult) -> str:
    """The unified credit line of a computation (its basis names the treaty article or the Code)."""
    return next(line.basis for line in result.lines if line.label == "Unified credit")


def _lean_estate_tax(facts: DeferralInput) -> NetTax:
    """The first decedent's net tax as a function of the taxable estate, for the yearly recomputations: the
    lean path of :mod:`advisor.calculators.lean_tax`, same cents as :func:`_estate_tax`."""
    given = None if facts.exclusion_amount is None else given_exclusion(facts.exclusion_amount, facts.death_date.year)
    treaty = (
        None
        if facts.treaty is None
        else TreatyClaim(
            country=facts.treaty,
            us_gross_estate=facts.gross_estate,
            worldwide_gross_estate=facts.worldwide_gross_estate,
            exclusion=given,
        )
    )
    return net_tax(
        rate_date=facts.death_date,
        adjusted_taxable_gifts=facts.adjusted_taxable_gifts,
        basic_exclusion=facts.exclusion_amount,
        nonresident=facts.nonresident,
        treaty=treaty,
    )


def _weighted(weights: list[Decimal], values: list[Decimal]) -> Decimal:
    return sum((w * x for w, x in zip(weights, values, strict=True)), ZERO)


def _alternatives(
    facts: DeferralInput, left: Decimal, citizen_tax: Decimal, pv_without: Decimal, v: Decimal
) -> tuple[tuple[Alternative, Alternative], tuple[Citation, ...]]:
    """The spouse naturalising before the return is filed, and yearly gifts under IRC 2523(i): both pay their
    tax at the first death and none later."""

    def paid_at_first_death(name: str, tax: Decimal, basis: str) -> Alternative:
        cost = to_cents(tax * v)
        return Alternative(
            name=name,
            tax_at_first_death=tax,
            expected_later_tax=ZERO,
            present_value_cost=cost,
            present_value_benefit=pv_without - cost,
            basis=basis,
        )

    naturalising = paid_at_first_death(
        "spouse becomes a US citizen before the estate tax return is filed",
        citizen_tax,
        "IRC 2056(d)(4): the marital deduction is allowed (no QDOT, no QDOT tax) if the spouse becomes a "
        "citizen before the return is made and was a US resident at all times after the death",
    )
    gifts, citations = ZERO, []
    for year in range(facts.death_date.year - facts.gift_years, facts.death_date.year):
        if facts.noncitizen_spouse_exclusion is not None:
            gifts += facts.noncitizen_spouse_exclusion
        else:
            cited = exclusion("noncitizen_spouse_annual_exclusion", year)
            gifts += cited.value
            citations.append(cited.citation)
    moved = min(gifts, left)
    giving = paid_at_first_death(
        f"yearly gifts to the spouse under the non-citizen spouse exclusion for {facts.gift_years} years "
        f"({format_money(moved)} out of the estate), no QDOT",
        _estate_tax(facts, left - moved, moved).net_estate_tax,
        "IRC 2523(i)(2): gifts to a non-citizen spouse within the yearly exclusion are not taxable gifts; "
        "made before the first death, they leave the estate (growth on the gifts not counted)",
    )
    return (naturalising, giving), tuple(citations)
