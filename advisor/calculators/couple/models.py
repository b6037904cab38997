"""The couple model's boundary: what a comparison takes and what it gives back (pydantic, validated once)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.couple.projection import DEFAULT_INFLATION
from advisor.calculators.money import InputError, format_money
from advisor.calculators.parameters import Citation
from advisor.calculators.units import Factor, Money, Percent

ZERO = Decimal(0)
DEFAULT_INHERITED_US_SITUS = Decimal(0)
"""An assumption: a survivor abroad holds an outright inheritance, once the tax on it is paid, in assets that
are not US-situs (IRC 2105: bank deposits, portfolio debt, non-US funds), as a non-resident is free to and is
usually advised to; ``inherited_us_situs`` changes it."""
DEFAULT_NATURALIZE_YEAR = 5
"""An assumption: a survivor who naturalises after the return does so in the 5th year after the death
(the general 5-year permanent-residence requirement; the 3-year rule for a citizen's spouse ends with the
marriage)."""
DEFAULT_DRAFTING = Decimal(5000)
"""An assumption with no published source: the extra drafting and election work a QDOT needs."""
DEFAULT_RETURN_PREPARATION = Decimal(5000)
"""An assumption with no published source: preparing one Form 706-QDT."""
DEFAULT_BANK_FEE = Decimal("0.005")
"""An assumption with no published source: a bank trustee's yearly fee above what the family would pay
for managing the same assets anyway, a fraction of the trust's value."""
DEFAULT_BOND_PREMIUM = Decimal("0.01")
"""An assumption with no published source: yearly premium of a bond or letter of credit, of its amount."""


class Domicile(StrEnum):
    """Where the survivor is domiciled after the first death (estate tax residence, Reg. 20.0-1(b))."""

    US = "us"
    ABROAD = "abroad"


class ComparisonInput(BaseModel):
    """One order of deaths: the first decedent dies on ``death_date``; the survivor is not a US citizen
    (unless ``spouse_citizen``) and dies in a later year weighted by Table 2010CM."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    estate: Decimal = Field(ge=0, le=Decimal("1e12"))
    """First decedent's taxable estate before the marital deduction (US-situs part for a nonresident),
    at the death; all of it passes to the survivor."""
    death_date: dt.date
    """Date of the first death (never in the past: the command line moves a past date to today)."""
    valuation_date: dt.date | None = None
    """Today: 2523(i) gifts run from its year to the year before the death (default: the death date)."""
    decedent_nonresident: bool = False
    """The first decedent was a nonresident not a citizen (IRC 2101-2106; no portability election)."""
    adjusted_taxable_gifts: Decimal = Field(default=ZERO, ge=0, le=Decimal("1e12"))
    """The first decedent's adjusted taxable gifts (IRC 2001(b)(1)(B))."""
    treaty: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """A nonresident first decedent's treaty country (JP, Japan): a verified row gives the pro-rata unified
    credit (IRC 2102(b)(3)(A)) in every route; any other row leaves the Code's $13,000 credit."""
    worldwide_estate: Decimal | None = Field(default=None, gt=0, le=Decimal("1e12"))
    """The first decedent's gross estate wherever situated at the death: the pro-rata credit's denominator
    (the estate is its numerator)."""
    spouse_age: int = Field(ge=0, le=109)
    """The survivor's age at the first death (nearest birthday)."""
    spouse_domicile: Domicile = Domicile.US
    """Where the survivor is domiciled after the first death."""
    spouse_citizen: bool = False
    """The survivor is a US citizen: the marital deduction needs no QDOT and only ``pay_now`` (outright)
    applies."""
    spouse_estate: Decimal = Field(default=ZERO, ge=0, le=Decimal("1e12"))
    """The survivor's own estate (worldwide) at the first death."""
    spouse_us_situs: Decimal = Field(default=ZERO, ge=0, le=Decimal("1e12"))
    """The survivor's own US-situs part, when domiciled abroad."""
    spouse_treaty: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """A survivor abroad's treaty country: a verified row gives the survivor's estate the pro-rata credit on
    the survivor's US-situs and worldwide estates as the model follows them."""
    qdot_amount: Decimal | None = Field(default=None, ge=0, le=Decimal("1e12"))
    """Passing to the QDOT; default: what is above the exclusion the estate has left."""
    inherited_us_situs: Decimal = Field(default=DEFAULT_INHERITED_US_SITUS, ge=0, le=1)
    """Share of what a survivor abroad holds from the first decedent (and the QDOT's income) that stays
    in US-situs assets."""
    growth: Decimal = Field(default=ZERO, ge=Decimal("-0.5"), le=Decimal("0.5"))
    """Yearly growth of principal, in every route."""
    income_yield: Decimal = Field(default=ZERO, ge=0, le=Decimal("0.5"))
    """Yearly income, as a rate on the value: paid to the survivor (exempt from QDOT tax) and saved."""
    discount_rate: Decimal = Field(gt=Decimal("-0.5"), le=Decimal("0.5"))
    """Rate for present values: the family's after-tax return on the same assets."""
    inflation: Decimal = Field(default=DEFAULT_INFLATION, ge=0, le=Decimal("0.2"))
    """Yearly inflation indexing the exclusions past the last published year (an assumption)."""
    naturalize_probability: Decimal = Field(default=ZERO, ge=0, le=1)
    """Probability that a survivor domiciled in the US naturalises after the return, resident throughout
    (IRC 2056A(b)(12); Reg. 20.2056A-10(a)); not weighed for a survivor who stays abroad."""
    naturalize_year: int = Field(default=DEFAULT_NATURALIZE_YEAR, ge=1, le=60)
    """Year after the first death in which that naturalisation happens."""
    naturalize_before_return_probability: Decimal = Field(default=ZERO, ge=0, le=1)
    """Probability that a survivor domiciled in the US becomes a citizen before the return is made
    (IRC 2056(d)(4)); otherwise the property is assigned to a QDOT or the tax is paid."""
    bank_trustee: bool = False
    """A bank is the QDOT's trustee: its extra fee replaces any bond."""
    costs: bool = True
    """The QDOT's incremental costs are counted."""
    drafting: Decimal = Field(default=DEFAULT_DRAFTING, ge=0, le=Decimal("1e9"))
    """One-off cost of the QDOT's drafting and election."""
    return_preparation: Decimal = Field(default=DEFAULT_RETURN_PREPARATION, ge=0, le=Decimal("1e9"))
    """Cost of one Form 706-QDT (filed only on the survivor's death or naturalisation here)."""
    bank_fee: Decimal = Field(default=DEFAULT_BANK_FEE, ge=0, le=Decimal("0.1"))
    """With a bank trustee: its yearly fee above an ordinary trustee's, as a rate on the trust."""
    bond_premium: Decimal = Field(default=DEFAULT_BOND_PREMIUM, ge=0, le=Decimal("0.1"))
    """Without one, above $2M: the yearly premium of the bond or letter of credit, as a rate on its amount."""
    residence_exclusion: Decimal = Field(default=ZERO, ge=0, le=Decimal("1e12"))
    """Value of a residence in the QDOT for which the executor elects the security exclusion."""
    several_qdots_without_filer: bool = False
    """Several QDOTs without a designated filer: the QDOT tax is at the highest rate (IRC 2056A(b)(2)(C))."""
    nonresident_gift_intangibles: Decimal = Field(default=ZERO, ge=0, le=Decimal("1e12"))
    """With a nonresident decedent: US intangibles (shares) given to the survivor now, outside US gift tax
    (IRC 2501(a)(2)), so without the 2523(i) ceiling."""
    table: str = "2010CM"
    """The mortality table weighting the survivor's year of death."""

    @model_validator(mode="after")
    def _consistent(self) -> ComparisonInput:
        if self.qdot_amount is not None and self.qdot_amount > self.estate:
            raise InputError(
                f"the QDOT amount ({format_money(self.qdot_amount)}) is larger than the estate "
                f"({format_money(self.estate)})"
            )
        if self.spouse_us_situs > self.spouse_estate and self.spouse_domicile is Domicile.ABROAD:
            raise InputError(
                f"the survivor's US-situs part ({format_money(self.spouse_us_situs)}) is larger than the "
                f"survivor's estate ({format_money(self.spouse_estate)})"
            )
        if self.treaty is not None and not self.decedent_nonresident:
            raise InputError(
                "a treaty's pro-rata unified credit is for a nonresident not a citizen (add --nonresident); for a "
                "citizen or resident the Canadian marital credit is its own route (--canadian-marital-credit)"
            )
        if self.worldwide_estate is not None:
            if self.treaty is None:
                raise InputError("the worldwide estate is for a treaty's pro-rata credit: give the treaty (--treaty)")
            if self.worldwide_estate < self.estate:
                raise InputError(
                    f"the worldwide estate ({format_money(self.worldwide_estate)}) is less than the US-situs estate "
                    f"({format_money(self.estate)}); the US part is a part of the whole"
                )
        if self.spouse_treaty is not None and (self.spouse_citizen or self.spouse_domicile is Domicile.US):
            raise InputError("the survivor's treaty credit is for a survivor domiciled abroad who is not a citizen")
        if self.nonresident_gift_intangibles > self.estate:
            raise InputError("the intangibles given are larger than the estate")
        if self.nonresident_gift_intangibles and not self.decedent_nonresident:
            raise InputError("gifts of intangibles outside US gift tax apply only to a nonresident donor")
        if self.valuation_date is not None and self.valuation_date > self.death_date:
            raise InputError(f"the death date {self.death_date} is before today ({self.valuation_date})")
        return self


class RouteResult(BaseModel):
    """One route followed to the survivor's death, in expected present values at the first death."""

    model_config = ConfigDict(frozen=True)

    key: str
    """``pay_now``, ``qdot``, ``naturalize_before_return``, ``spousal_gifts`` (or an added route's key)."""
    title: str
    feasible: bool
    """The route is open to this couple; when not, ``why_not`` says why and the figures are zero."""
    weighed: bool = True
    """False: the route is open but its chance was given as 0, so its figures are those of its fallback (the
    routes screen shows it as not weighed, its notes say what it would cost)."""
    why_not: str | None = None
    pv_taxes: Money = ZERO
    """First-death tax, QDOT taxes and the survivor's estate tax (after the 2013 credit), discounted."""
    pv_costs: Money = ZERO
    """Incremental costs of the route, discounted."""
    pv_total: Money = ZERO
    expected_to_heirs: Money = ZERO
    """What reaches the heirs after the survivor's death, net of all taxes and costs, discounted."""
    tax_at_first_death: Money = ZERO
    dsue_available: bool = False
    """The survivor's estate can use some of the first decedent's unused exclusion on this route."""
    basis: str = ""
    """The law the route rests on."""
    notes: tuple[str, ...] = ()


class SpreadRow(BaseModel):
    """The r - g sensitivity: pay now against the QDOT at one spread of discount over growth."""

    model_config = ConfigDict(frozen=True)

    spread: Percent
    pay_now: Money
    qdot: Money


class Breakevens(BaseModel):
    """Where the ranking of the QDOT against paying now flips (None: it does not flip in the range)."""

    model_config = ConfigDict(frozen=True)

    naturalize_probability: Percent | None = None
    """Probability of naturalising after the return at which the QDOT and paying now cost the same (a fraction,
    written in JSON as a percent, as ``--naturalize-probability`` takes it)."""
    spouse_estate: Money | None = None
    """Survivor's own estate at which they cost the same (searched from $0 to 4x the estate + $50M)."""
    rate_spread: Percent | None = None
    """Discount rate less growth at which they cost the same (searched from -10% to +20%)."""
    sensitivity: tuple[SpreadRow, ...] = ()


class ComparisonResult(BaseModel):
    """The routes for one order of deaths, the best of them, and what the result used."""

    model_config = ConfigDict(frozen=True)

    routes: dict[str, RouteResult]
    best_route: str
    """The feasible route with the lowest expected present value of taxes and costs (the discount rate given)."""
    best_route_for_heirs: str
    """The feasible route leaving the heirs the most (the assets growing at g + y); the same as ``best_route``
    when the discount rate equals the assets' total return."""
    dsue_available_to_survivor: bool
    """Under the best route, the survivor's estate can use the first decedent's unused exclusion."""
    qdot_amount: Money
    """Passing to the QDOT on the ``qdot`` route."""
    tax_without_qdot: Money
    """The first decedent's tax with everything passing outright."""
    breakevens: Breakevens | None = None
    """None when asked without them; every field None (nothing flips) when no QDOT applies."""
    assumptions: tuple[str, ...]
    citations: tuple[Citation, ...]
    """The parameter rows the comparison used."""
    notes: tuple[str, ...]


class Spouse(BaseModel):
    """One spouse of the couple, as of the valuation date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age: int = Field(ge=0, le=109)
    """Age at the valuation date (nearest birthday)."""
    citizen: bool
    """A US citizen: as survivor, the marital deduction needs no QDOT."""
    domicile: Domicile = Domicile.US
    """Domicile (estate tax residence); a non-citizen domiciled abroad is a nonresident not a citizen."""
    estate: Decimal = Field(ge=0, le=Decimal("1e12"))
    """Taxable estate before the marital deduction: worldwide for a citizen or a US domiciliary, the
    US-situs part for a nonresident not a citizen (whose other assets the US never taxes)."""
    adjusted_taxable_gifts: Decimal = Field(default=ZERO, ge=0, le=Decimal("1e12"))
    """This spouse's adjusted taxable gifts (IRC 2001(b)(1)(B)), used when this spouse dies first."""
    treaty: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """For a nonresident not a citizen: the treaty country of domicile (pro-rata unified credit)."""
    worldwide_estate: Decimal | None = Field(default=None, gt=0, le=Decimal("1e12"))
    """For a nonresident not a citizen: the estate wherever situated (``estate`` is its US-situs part)."""

    @model_validator(mode="after")
    def _consistent(self) -> Spouse:
        nonresident = not self.citizen and self.domicile is Domicile.ABROAD
        if (self.treaty is not None or self.worldwide_estate is not None) and not nonresident:
            raise InputError("a treaty country and a worldwide estate are for a nonresident not a citizen")
        if self.worldwide_estate is not None and self.worldwide_estate < self.estate:
            raise InputError("the worldwide estate is less than the US-situs estate")
        return self


class CoupleInput(BaseModel):
    """Both spouses and the shared assumptions; the first death is weighted over both orders."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    first: Spouse
    second: Spouse
    valuation_date: dt.date
    """Today: ages and estates are as of this date; present values are brought back to it."""
    growth: Decimal = Field(default=ZERO, ge=Decimal("-0.5"), le=Decimal("0.5"))
    """Yearly growth of principal: the estates grow at it to the first death, and after it as in
    :class:`ComparisonInput`."""
    income_yield: Decimal = Field(default=ZERO, ge=0, le=Decimal("0.5"))
    """Yearly income after the first death, paid to the survivor and saved."""
    discount_rate: Decimal = Field(gt=Decimal("-0.5"), le=Decimal("0.5"))
    """Rate for present values."""
    naturalize_probability: Decimal = Field(default=ZERO, ge=0, le=1)
    """Probability that a non-citizen survivor in the US naturalises after the return (IRC 2056A(b)(12))."""
    bank_trustee: bool = False
    """A bank would be the QDOT's trustee."""
    costs: bool = True
    """The QDOT's incremental costs are counted."""
    inflation: Decimal = Field(default=DEFAULT_INFLATION, ge=0, le=Decimal("0.2"))
    """Yearly inflation indexing the exclusions past the last published year (an assumption)."""


class OrderResult(BaseModel):
    """One order of deaths: its probability, the year of the first death it assumes, and its comparison."""

    model_config = ConfigDict(frozen=True)

    first_to_die: str
    """``first`` or ``second`` (the spouse of CoupleInput who dies first in this order)."""
    probability: Factor
    years_to_first_death: int
    comparison: ComparisonResult


class CoupleResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    orders: tuple[OrderResult, ...]
    expected_pv_total: dict[str, Money]
    """Each route's expected present value of taxes and costs over both orders, at the valuation date (an
    order where the route does not apply contributes its best feasible route)."""
    expected_to_heirs: dict[str, Money]
    """The same weighting of what reaches the heirs."""
    best_route: str
