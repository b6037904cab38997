"""What estate tax treaties may change for a family: the countries asked, the provisions in force, the
figures the project computes from verified rows, and the foreign property to name.

:func:`treaty_country` tells the rules which decedent gets the pro-rata unified credit in the screening
figures; :func:`treaty_outlook` is the typed result the report renders before the figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.calculators.estate_tax import EstateTaxInput, EstateTaxResult, compute_estate_tax
from advisor.calculators.treaty_provisions import TreatyProvision, country_name, provision, provisions
from advisor.calculators.units import Money
from advisor.engine.profile import Profile

Who = Literal["you", "your_spouse"]
ZERO = Decimal(0)


def treaty_country(profile: Profile, who: Who, on: dt.date) -> str | None:
    """The domicile country whose verified pro-rata credit the screening applies to this decedent's US tax
    (a nonresident not a citizen only), or None."""
    if who == "you":
        nonresident, country = profile.nonresident_not_citizen, profile.domicile_country
    else:
        nonresident, country = profile.spouse_nonresident_not_citizen, profile.spouse_domicile_country
    if not nonresident or country is None:
        return None
    row = provision(country, "pro_rata_credit", on)
    return country if row is not None and row.verified else None


def pro_rata_facts(profile: Profile, who: Who, base: Decimal, on: dt.date) -> tuple[str | None, Decimal | None]:
    """The treaty country and worldwide estate that give this decedent the pro-rata credit (or None, None).
    The estate given, after debts, stands in for the gross estate wherever situated."""
    country = treaty_country(profile, who, on)
    if country is None:
        return None, None
    worldwide = profile.estate_total if who == "you" else profile.spouse_estate_total or ZERO
    return country, max(worldwide, base, Decimal(1))


class CountryTreaty(BaseModel):
    """One person's country and the treaty provisions in force with it."""

    model_config = ConfigDict(frozen=True)

    who: Who
    via: Literal["domicile", "citizenship"]
    country: str
    country_name: str
    provisions: tuple[TreatyProvision, ...]
    """Provisions in force for a death today; empty when the US has no estate tax treaty with the country."""
    applied: tuple[str, ...] = ()
    """The provisions the screening figures use (``pro_rata_credit``)."""
    nonresident: bool = False
    """Taxed as a nonresident not a citizen: only then can a pro-rata credit apply."""


class MaritalCreditRoute(BaseModel):
    """The Canadian marital credit, elected instead of a QDOT, when the person dies first."""

    model_config = ConfigDict(frozen=True)

    tax_without: Money
    """US estate tax with no marital relief (the pay-now figure)."""
    tax_with_credit: Money
    credit: Money
    tax: EstateTaxResult


class TreatyOutlook(BaseModel):
    """The treaty box of a report."""

    model_config = ConfigDict(frozen=True)

    relevant: bool
    """Someone is not a US citizen or lives abroad, so a treaty could matter."""
    unknown: tuple[str, ...]
    """Country questions on the route left unknown or never asked (an older answers file): no treaty for them."""
    countries: tuple[CountryTreaty, ...]
    marital_credit: MaritalCreditRoute | None
    foreign_real_estate: Money
    home_may_be_abroad: bool
    """Domiciled abroad and owns a home: the home may be foreign real estate."""

    @property
    def has_treaty(self) -> bool:
        return any(country.provisions for country in self.countries)


def _countries(profile: Profile, on: dt.date) -> tuple[list[CountryTreaty], list[str]]:
    found: list[CountryTreaty] = []
    unknown: list[str] = []
    asked: list[tuple[Who, Literal["domicile", "citizenship"], str | None, bool]] = [
        ("you", "domicile", profile.domicile_country, profile.domicile == "abroad"),
        ("you", "citizenship", profile.citizenship_country, profile.citizenship == "non_us"),
        ("your_spouse", "domicile", profile.spouse_domicile_country, profile.spouse_domicile == "abroad"),
        ("your_spouse", "citizenship", profile.spouse_citizenship_country, profile.spouse_citizenship == "non_us"),
    ]
    for who, via, country, matters in asked:
        prefix = "" if who == "you" else "spouse_"
        if not matters:
            continue
        if country is None:
            unknown.append(f"{prefix}{via}_country")
            continue
        if any(c.who == who and c.country == country for c in found):
            continue
        figured = who == "you" or profile.citizenship == "non_us"  # the spouse's death is screened for a QDOT
        applied = (
            ("pro_rata_credit",)
            if figured and via == "domicile" and treaty_country(profile, who, on) == country
            else ()
        )
        nonresident = profile.nonresident_not_citizen if who == "you" else profile.spouse_nonresident_not_citizen
        found.append(
            CountryTreaty(
                who=who,
                via=via,
                country=country,
                country_name=country_name(country),
                provisions=provisions(country, on),
                applied=applied,
                nonresident=nonresident,
            )
        )
    return found, unknown


class MaritalCreditParties(BaseModel):
    """Who the Canadian marital credit is for: residences (ISO codes) and whether a Canadian is in the couple."""

    model_config = ConfigDict(frozen=True)

    decedent_residence: str
    spouse_residence: str | None
    canadian_citizen_in_couple: bool


def marital_credit_parties(profile: Profile, on: dt.date) -> MaritalCreditParties | None:
    """The parties when the person dies first and the Canadian treaty's marital credit may be elected
    (Art. XXIX B(3)): a non-citizen spouse, a verified row, a decedent who is a US citizen or resident or a
    resident of Canada, and Canada in the picture. The calculator checks the residence conditions."""
    if not profile.married or profile.spouse_citizenship != "non_us":
        return None
    row = provision("CA", "marital_credit", on)
    if row is None or not row.verified:
        return None
    canadian = "CA" in (profile.citizenship_country, profile.spouse_citizenship_country)
    residence = "US" if profile.domicile == "us" else profile.domicile_country
    spouse_residence = "US" if profile.spouse_domicile == "us" else profile.spouse_domicile_country
    if (
        residence is None
        or (profile.nonresident_not_citizen and residence != "CA")
        or not (canadian or "CA" in (residence, spouse_residence))
    ):
        return None
    return MaritalCreditParties(
        decedent_residence=residence, spouse_residence=spouse_residence, canadian_citizen_in_couple=canadian
    )


def _marital_credit_facts(profile: Profile, on: dt.date, year: int) -> EstateTaxInput | None:
    """The estate tax facts of the person dying first with the marital credit elected on everything, as the
    screening assumes everything passes to the spouse."""
    parties = marital_credit_parties(profile, on)
    if parties is None:
        return None
    nonresident = profile.nonresident_not_citizen
    base = (profile.estate_us_situs or ZERO) if nonresident else profile.estate_total
    return EstateTaxInput(
        taxable_estate=base,
        adjusted_taxable_gifts=profile.prior_taxable_gifts,
        year=year,
        nonresident=nonresident,
        treaty="CA",
        worldwide_gross_estate=max(profile.estate_total, base, Decimal(1)) if nonresident else None,
        marital_credit_property=base,
        spouse_residence=parties.spouse_residence,
        decedent_residence=parties.decedent_residence,
        canadian_citizen_in_couple=parties.canadian_citizen_in_couple,
    )


def _marital_credit(profile: Profile, on: dt.date, year: int) -> MaritalCreditRoute | None:
    """The Canadian marital credit route when its conditions hold and there is tax for it to remove."""
    facts = _marital_credit_facts(profile, on, year)
    if facts is None:
        return None
    tax = compute_estate_tax(facts)
    marital = tax.treaty.marital_credit if tax.treaty is not None else None
    if marital is None or not marital.allowed or marital.credit <= 0:
        return None
    return MaritalCreditRoute(
        tax_without=tax.net_estate_tax + marital.credit,
        tax_with_credit=tax.net_estate_tax,
        credit=marital.credit,
        tax=tax,
    )


def treaty_outlook(profile: Profile, today: dt.date, tax_year: int) -> TreatyOutlook:
    """Which treaties may change this family's result, and what the screening computed from them."""
    countries, unknown = _countries(profile, today)
    relevant = (
        profile.citizenship == "non_us"
        or profile.domicile == "abroad"
        or (profile.married and profile.spouse_citizenship == "non_us")
    )
    return TreatyOutlook(
        relevant=relevant,
        unknown=tuple(unknown),
        countries=tuple(countries),
        marital_credit=_marital_credit(profile, today, tax_year),
        foreign_real_estate=profile.foreign_real_estate,
        home_may_be_abroad=profile.domicile == "abroad" and profile.owns_residence,
    )
