"""The treaty table: every dated, cited provision of ``parameters/treaty_provisions.csv`` as a typed row, read
apart from the two provisions :mod:`advisor.calculators.treaty` computes, since screening lists them all."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.calculators.money import InputError
from advisor.calculators.parameters import Citation, rows

Provision = Literal["pro_rata_credit", "marital_credit", "marital_deduction", "situs"]
COMPUTED: frozenset[Provision] = frozenset({"pro_rata_credit", "marital_credit"})
"""The provisions the project turns into figures (from verified rows only)."""
TREATY_FILE = "treaty_provisions.csv"


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
        TreatyProvision.model_validate(
            {
                "country": row["country"],
                "provision": row["provision"],  # a Provision name: the model refuses any other
                "effective_from": row.effective_from,
                "effective_to": row.effective_to,
                "instrument": row["instrument"],
                "article": row["article"],
                "gives": row["gives"],
                "conditions": row["conditions"],
                "verified": row["verified"] == "true",
                "source": row.source,
                "caveat": row["caveat"],
            }
        )
        for row in rows(TREATY_FILE)
    )


def provisions(country: str, on: dt.date) -> tuple[TreatyProvision, ...]:
    """The provisions of a country's treaty in force for a death on this date (none: no treaty)."""
    return tuple(row for row in _provisions() if row.country == country and row.applies_on(on))


def provision(country: str, kind: Provision, on: dt.date) -> TreatyProvision | None:
    return next((row for row in provisions(country, on) if row.provision == kind), None)
