"""Estate tax treaties: the dated, cited provisions the project holds, and the two it computes.

Every provision is a row of ``parameters/treaty_provisions.csv`` with its dates, article, what it
gives, its conditions, its source and a ``verified`` flag. Only two kinds are ever turned into a
figure, and only from a verified row: the pro-rata unified credit (IRC 2102(b)(3)(A)) and the
Canadian marital credit (Art. XXIX B(3)-(4)). Every other row, and any unverified one, is shown as
"a treaty may change this result - not computed".
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.calculators.money import CENT, InputError, Money
from advisor.calculators.parameters import Citation, rows

Provision = Literal["pro_rata_credit", "marital_credit", "marital_deduction", "situs"]
COMPUTED: frozenset[Provision] = frozenset({"pro_rata_credit", "marital_credit"})
"""The provisions the project turns into figures (from verified rows only)."""
TREATY_FILE = "treaty_provisions.csv"
MARITAL_CREDIT_RESIDENCES = frozenset({"CA", "US"})
"""Art. XXIX B(3): the surviving spouse must be resident in Canada or the United States."""


class TreatyProvision(BaseModel):
    """One row of the treaty table."""

    model_config = ConfigDict(frozen=True)

    country: str
    """ISO 3166-1 alpha-2 code of the treaty partner."""
    provision: Provision
    effective_from: dt.date
    effective_to: dt.date | None
    instrument: str
    article: str
    gives: str
    conditions: str
    verified: bool
    """Read in the treaty text or an official (IRS, Treasury) text; an unverified row never gives a figure."""
    source: str
    caveat: str

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def computed(self) -> bool:
        """Whether the project turns this row into a figure."""
        return self.verified and self.provision in COMPUTED

    def applies_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def citation(self) -> Citation:
        period = f"deaths from {self.effective_from.isoformat()}" + (
            f" to {self.effective_to.isoformat()}" if self.effective_to else ""
        )
        return Citation(
            parameter=f"{self.country_name} estate tax treaty, {self.article}",
            value=self.gives,
            effective=period,
            source=self.source,
        )


def country_name(code: str) -> str:
    """The English short name of an ISO 3166-1 alpha-2 code (``JP`` -> ``Japan``)."""
    import pycountry  # imported on first use: it adds 30 ms to every start otherwise

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise InputError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _provisions() -> tuple[TreatyProvision, ...]:
    return tuple(
        TreatyProvision(
            country=row["country"],
            provision=row["provision"],  # type: ignore[arg-type]
            effective_from=row.effective_from,
            effective_to=row.effective_to,
            instrument=row["instrument"],
            article=row["article"],
            gives=row["gives"],
            conditions=row["conditions"],
            verified=row["verified"] == "true",
            source=row.source,
            caveat=row["caveat"],
        )
        for row in rows(TREATY_FILE)
    )


def treaty_countries() -> frozenset[str]:
    """Every country the table holds a provision for (in force or not)."""
    return frozenset(row.country for row in _provisions())


def provisions(country: str, on: dt.date) -> tuple[TreatyProvision, ...]:
    """The provisions of a country's treaty in force for a death on this date (none: no treaty)."""
    return tuple(row for row in _provisions() if row.country == country and row.applies_on(on))


def provision(country: str, kind: Provision, on: dt.date) -> TreatyProvision | None:
    return next((row for row in provisions(country, on) if row.provision == kind), None)


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


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
    share = _cents(applicable_credit_amount * us_gross_estate / worldwide_gross_estate)
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


def canadian_marital_credit(
    *,
    unified_credit: Decimal,
    tax_after_unified_credit: Decimal,
    taxable_estate: Decimal,
    qualifying_property: Decimal,
    decedent_residence: str,
    spouse_residence: str | None,
    canadian_citizen_in_couple: bool,
    qdot_elected: bool,
) -> MaritalCredit:
    """Art. XXIX B(4): the lesser of the unified credit allowed and the US tax otherwise imposed on the
    qualifying property passing to the spouse. That tax is the tax after the unified credit apportioned by
    value (exact when the whole estate passes to the spouse). Reg. 20.2056A-1(c): it is elected instead of
    the QDOT marital deduction, never with it."""
    if qdot_elected:
        raise InputError(
            "the Canadian marital credit and a QDOT marital deduction are alternatives (Reg. 20.2056A-1(c); "
            "Art. XXIX B(3) requires the QDOT deduction to be waived irrevocably): claim one of them"
        )
    if qualifying_property > taxable_estate:
        raise InputError(
            f"the qualifying property passing to the spouse ({qualifying_property:,}) is more than the taxable "
            f"estate ({taxable_estate:,})"
        )
    refused = _marital_credit_refused(decedent_residence, spouse_residence, canadian_citizen_in_couple)
    if refused is not None:
        return MaritalCredit(
            allowed=False, credit=Decimal(0), tax_on_qualifying_property=Decimal(0), reason=f"not allowed: {refused}"
        )
    on_property = (
        _cents(tax_after_unified_credit * qualifying_property / taxable_estate) if taxable_estate else Decimal(0)
    )
    credit = min(unified_credit, on_property)
    return MaritalCredit(
        allowed=True,
        credit=credit,
        tax_on_qualifying_property=on_property,
        reason="the lesser of the unified credit allowed and the tax on the qualifying property (Art. XXIX B(4))",
    )


def _marital_credit_refused(
    decedent_residence: str, spouse_residence: str | None, canadian_citizen_in_couple: bool
) -> str | None:
    """The Art. XXIX B(3) residence condition that fails, or None. The decedent is a US citizen or resident, or
    a resident of Canada claiming the treaty, by the way the credit is reached."""
    if spouse_residence not in MARITAL_CREDIT_RESIDENCES:
        where = country_name(spouse_residence) if spouse_residence else "not given"
        return f"the surviving spouse's residence ({where}) is not Canada or the United States (Art. XXIX B(3))"
    if decedent_residence == spouse_residence == "US" and not canadian_citizen_in_couple:
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
