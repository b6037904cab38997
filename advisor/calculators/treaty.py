"""Estate tax treaties: the two provisions the project computes.

Every provision is a row of the treaty table (:mod:`advisor.calculators.treaty_provisions`) with its dates,
article, what it gives, its conditions, its source and a ``verified`` flag. Only two kinds are ever turned into a
figure, and only from a verified row: the pro-rata unified credit (IRC 2102(b)(3)(A)) and the
Canadian marital credit (Art. XXIX B(3)-(4)). Every other row, and any unverified one, is shown as
"a treaty may change this result - not computed".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.calculators.money import InputError, to_cents
from advisor.calculators.parameters import Citation, Cited, exclusion
from advisor.calculators.treaty_provisions import TreatyProvision, country_name, provision, provisions
from advisor.calculators.units import Money

MARITAL_CREDIT_RESIDENCES = frozenset({"CA", "US"})
"""Art. XXIX B(3): the surviving spouse must be resident in Canada or the United States."""


class ProRataCredit(BaseModel):
    """The unified credit a treaty gives a nonresident not a citizen (IRC 2102(b)(3)(A))."""

    model_config = ConfigDict(frozen=True)

    applicable_credit_amount: Money
    """The year's IRC 2010(c) applicable credit (tentative tax on the basic exclusion amount)."""
    us_gross_estate: Money
    worldwide_gross_estate: Money
    pro_rata: Money
    """applicable credit x US-situs gross estate / worldwide gross estate, to the cent."""
    statutory: Money
    """The IRC 2102(b)(1) credit, which the estate keeps if it is larger."""
    credit: Money
    """The greater of the two, before the limit to the tax (IRC 2102(b)(4))."""


def pro_rata_credit(
    applicable_credit_amount: Decimal, us_gross_estate: Decimal, worldwide_gross_estate: Decimal, statutory: Decimal
) -> ProRataCredit:
    """The treaty credit before the limit to the tax. The estate never gets less than the Code's own
    credit: treaty benefits are claimed by election (the German protocol says "the greater of")."""
    if worldwide_gross_estate <= 0:
        raise InputError("the worldwide gross estate must be more than zero for the pro-rata credit")
    if us_gross_estate > worldwide_gross_estate:
        raise InputError(
            f"the US-situs gross estate ({us_gross_estate:,}) is more than the worldwide gross estate "
            f"({worldwide_gross_estate:,}); the US part is a part of the whole"
        )
    share = to_cents(applicable_credit_amount * us_gross_estate / worldwide_gross_estate)
    return ProRataCredit(
        applicable_credit_amount=applicable_credit_amount,
        us_gross_estate=us_gross_estate,
        worldwide_gross_estate=worldwide_gross_estate,
        pro_rata=share,
        statutory=statutory,
        credit=max(share, statutory),
    )


class MaritalCredit(BaseModel):
    """The Canadian marital credit (Art. XXIX B(4)), or why it is not allowed."""

    model_config = ConfigDict(frozen=True)

    allowed: bool
    credit: Money
    tax_on_qualifying_property: Money
    reason: str
    """What decided it: the amount's two limbs, or the condition that failed."""


@dataclass(frozen=True)
class MaritalClaim:
    """A claim of the Canadian marital credit (Art. XXIX B(3)-(4)): the figures it is the lesser of, and
    who lives where."""

    unified_credit: Decimal
    tax_after_unified_credit: Decimal
    taxable_estate: Decimal
    qualifying_property: Decimal
    """What passes to the spouse and qualifies."""
    decedent_residence: str
    spouse_residence: str | None
    canadian_citizen_in_couple: bool = False
    qdot_elected: bool = False


def canadian_marital_credit(claim: MaritalClaim) -> MaritalCredit:
    """Art. XXIX B(4): the lesser of the unified credit allowed and the US tax otherwise imposed on the
    qualifying property passing to the spouse. That tax is the tax after the unified credit apportioned by
    value (exact when the whole estate passes to the spouse). Reg. 20.2056A-1(c): it is elected instead of
    the QDOT marital deduction, never with it."""
    if claim.qdot_elected:
        raise InputError(
            "the Canadian marital credit and a QDOT marital deduction are alternatives (Reg. 20.2056A-1(c); "
            "Art. XXIX B(3) requires the QDOT deduction to be waived irrevocably): claim one of them"
        )
    if claim.qualifying_property > claim.taxable_estate:
        raise InputError(
            f"the qualifying property passing to the spouse ({claim.qualifying_property:,}) is more than the taxable "
            f"estate ({claim.taxable_estate:,})"
        )
    refused = _marital_credit_refused(claim)
    if refused is not None:
        return MaritalCredit(
            allowed=False, credit=Decimal(0), tax_on_qualifying_property=Decimal(0), reason=f"not allowed: {refused}"
        )
    on_property = Decimal(0)
    if claim.taxable_estate:
        on_property = to_cents(claim.tax_after_unified_credit * claim.qualifying_property / claim.taxable_estate)
    credit = min(claim.unified_credit, on_property)
    return MaritalCredit(
        allowed=True,
        credit=credit,
        tax_on_qualifying_property=on_property,
        reason="the lesser of the unified credit allowed and the tax on the qualifying property (Art. XXIX B(4))",
    )


def _marital_credit_refused(claim: MaritalClaim) -> str | None:
    """The Art. XXIX B(3) residence condition that fails, or None. The decedent is a US citizen or resident, or
    a resident of Canada claiming the treaty, by the way the credit is reached."""
    spouse_residence = claim.spouse_residence
    if spouse_residence not in MARITAL_CREDIT_RESIDENCES:
        where = country_name(spouse_residence) if spouse_residence else "not given"
        return f"the surviving spouse's residence ({where}) is not Canada or the United States (Art. XXIX B(3))"
    if claim.decedent_residence == spouse_residence == "US" and not claim.canadian_citizen_in_couple:
        return "both spouses live in the US and neither is a Canadian citizen (Art. XXIX B(3))"
    return None


class TreatyApplied(BaseModel):
    """What a treaty did to one computation: the JSON's ``treaty`` object."""

    model_config = ConfigDict(frozen=True)

    country: str
    country_name: str
    status: Literal["applied", "not_computed", "no_treaty"]
    """applied: a verified provision gave a figure; not_computed: the treaty may change the result but the
    project does not compute it; no_treaty: the table holds no treaty for this country and date."""
    article: str | None = None
    source: str | None = None
    message: str
    pro_rata: ProRataCredit | None = None
    marital_credit: MaritalCredit | None = None
    other_provisions: tuple[str, ...] = ()
    """Articles in force that may change the result but are not computed ('Art. X: what it gives')."""


def check_treaty_inputs(
    *, treaty: str | None, nonresident: bool, pro_rata_inputs: bool, marital_credit_property: Decimal | None
) -> None:
    """A pro-rata credit is for a nonresident; a citizen or resident can claim only the marital credit."""
    if treaty is None and (pro_rata_inputs or marital_credit_property is not None):
        raise InputError("the worldwide and US gross estates and the marital credit need a treaty country (--treaty)")
    if treaty is not None and not nonresident and (marital_credit_property is None or pro_rata_inputs):
        raise InputError(
            "a treaty's unified credit is computed for a nonresident not a citizen (add --nonresident); "
            "for a citizen or resident only the Canadian marital credit is (--marital-credit-property)"
        )


class TreatyStep(BaseModel):
    """One treaty step of an estate tax computation: the amount it gives, its basis line, the rows it used
    and what the treaty did."""

    model_config = ConfigDict(frozen=True)

    amount: Money
    basis: str
    citations: tuple[Citation, ...]
    applied: TreatyApplied


class TreatyClaim(BaseModel):
    """A nonresident's claim to a treaty's pro-rata unified credit, as the lean estate tax takes it."""

    model_config = ConfigDict(frozen=True)

    country: str
    us_gross_estate: Decimal
    """The numerator: the US-situs gross estate (before the marital deduction, which does not change it)."""
    worldwide_gross_estate: Decimal | None
    """The denominator: the gross estate wherever situated (None: not known, an error if the row is verified)."""
    exclusion: Cited[Decimal] | None = None
    """The basic exclusion amount whose tentative tax is prorated (None: the year's published row)."""


def treaty_unified_credit(
    *,
    country: str,
    death: dt.date,
    statutory: Decimal,
    exclusion_amount: Cited[Decimal] | None,
    us_gross_estate: Decimal,
    worldwide_gross_estate: Decimal | None,
    tax: Callable[[Decimal], Decimal],
) -> TreatyStep:
    """The unified credit of a nonresident who claims a treaty, before the limit to the tax. Only a verified row
    gives a figure; otherwise the Code's credit stands and the treaty is named as "may change this result - not
    computed". The prorated credit is ``tax`` (the IRC 2001(c) tentative tax) on the basic exclusion amount of
    the year of death, or on ``exclusion_amount`` when given."""
    row, applied = pro_rata_claim(country, death)
    name = applied.country_name
    if row is None:
        return TreatyStep(amount=statutory, basis="IRC 2102(b)(1)", citations=(), applied=applied)
    if worldwide_gross_estate is None:
        raise InputError(
            f"the {name} treaty's pro-rata unified credit needs the gross estate wherever situated: "
            "pass --worldwide-estate AMOUNT"
        )
    full = exclusion("basic_exclusion_amount", death.year) if exclusion_amount is None else exclusion_amount
    share = pro_rata_credit(tax(full.value), us_gross_estate, worldwide_gross_estate, statutory)
    return TreatyStep(
        amount=share.credit,
        basis=f"{row.article}: the greater of IRC 2102(b)(1) and the pro-rata share "
        f"({share.applicable_credit_amount:,.2f} x {us_gross_estate:,.2f} / {worldwide_gross_estate:,.2f} = "
        f"{share.pro_rata:,.2f})",
        citations=(full.citation, row.citation()),
        applied=applied.model_copy(update={"pro_rata": share}),
    )


def pro_rata_claim(country: str, death: dt.date) -> tuple[TreatyProvision | None, TreatyApplied]:
    """The verified pro-rata credit row of a country's treaty for a death on this date (None: none, and the
    Code's credit stands), with what the treaty does in words."""
    name = country_name(country)
    row = provision(country, "pro_rata_credit", death)
    if row is None or not row.verified:
        status: Literal["not_computed", "no_treaty"] = "not_computed" if provisions(country, death) else "no_treaty"
        message = (
            f"the {name} treaty may change this result — not computed"
            if status == "not_computed"
            else f"no estate tax treaty with {name} is in the data for this date: the Code's credit applies"
        )
        return None, TreatyApplied(country=country, country_name=name, status=status, message=message)
    applied = TreatyApplied(
        country=country, country_name=name, status="applied", article=row.article, source=row.source,
        message=f"pro-rata unified credit of the {name} treaty",
    )  # fmt: skip
    return row, applied


def given_exclusion(amount: Decimal, year: int) -> Cited[Decimal]:
    """A basic exclusion amount given explicitly, for a year the data does not hold, as a cited value."""
    citation = Citation(
        parameter="basic exclusion amount (IRC 2010(c))", value=f"${amount:,}", effective=str(year),
        source="given explicitly",
    )  # fmt: skip
    return Cited(value=amount, citation=citation)


def nonresident_unified_credit(
    *,
    country: str,
    year: int,
    death: dt.date,
    statutory: Decimal,
    gross_tax: Decimal,
    exclusion_amount: Decimal | None,
    us_gross_estate: Decimal,
    worldwide_gross_estate: Decimal | None,
    tax: Callable[[Decimal], Decimal],
) -> TreatyStep:
    """The unified credit of a nonresident who claims a treaty (:func:`treaty_unified_credit`), limited to the
    tax; ``exclusion_amount`` is the basic exclusion amount for a year the data does not hold."""
    given = None if exclusion_amount is None else given_exclusion(exclusion_amount, year)
    step = treaty_unified_credit(
        country=country, death=death, statutory=statutory, exclusion_amount=given, us_gross_estate=us_gross_estate,
        worldwide_gross_estate=worldwide_gross_estate, tax=tax,
    )  # fmt: skip
    return step.model_copy(
        update={"amount": min(step.amount, gross_tax), "basis": f"{step.basis}, limited to the tax (2102(b)(4))"}
    )


def elected_marital_credit(
    claim: MaritalClaim, *, applied: TreatyApplied | None, country: str, death: dt.date
) -> TreatyStep:
    """The Canadian marital credit elected for qualifying property, from a verified row only."""
    name = country_name(country)
    row = provision(country, "marital_credit", death)
    if row is None or not row.verified:
        raise InputError(f"the data holds no verified marital credit for the {name} treaty")
    marital = canadian_marital_credit(claim)
    if applied is None:
        applied = TreatyApplied(
            country=country, country_name=name, status="applied", article=row.article, source=row.source,
            message=f"Canadian marital credit of the {name} treaty",
        )  # fmt: skip
    return TreatyStep(
        amount=marital.credit,
        basis=f"{row.article}: {marital.reason}",
        citations=(row.citation(),),
        applied=applied.model_copy(update={"marital_credit": marital}),
    )


def with_other_provisions(applied: TreatyApplied, death: dt.date, nonresident: bool) -> TreatyApplied:
    """Name every provision in force that the computation did not use, flagging unverified ones (a pro-rata
    credit only for a nonresident, the only one it can apply to)."""
    used = {"pro_rata_credit"} if applied.pro_rata is not None else set()
    if applied.marital_credit is not None:
        used.add("marital_credit")
    others = tuple(
        f"{row.article}: {row.gives}" + ("" if row.verified else " (not verified)")
        for row in provisions(applied.country, death)
        if row.provision not in used and (nonresident or row.provision != "pro_rata_credit")
    )
    return applied.model_copy(update={"other_provisions": others})
