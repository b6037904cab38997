"""The validated facts of one person, as the screening reads them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.actuarial import age_at_nearest_birthday

Citizenship = Literal["us", "non_us"]
Domicile = Literal["us", "abroad"]


class Profile(BaseModel):
    """Everything the interview learned; fields off the person's route are None."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    citizenship: Citizenship
    citizenship_country: str | None = None
    """ISO 3166-1 alpha-2 code, asked of a non-citizen; None when not asked or not known (no treaty considered)."""
    domicile: Domicile
    domicile_country: str | None = None
    """ISO code of the country of domicile, asked of someone domiciled abroad."""
    state: str | None = None
    """Two-letter code of the US state of residence (when domiciled in the US and known)."""
    age: int | None = Field(default=None, ge=0, le=120)
    birth_date: dt.date | None = None
    married: bool
    spouse_citizenship: Citizenship | None = None
    spouse_citizenship_country: str | None = None
    spouse_domicile: Domicile | None = None
    """Asked only for a non-citizen spouse: a citizen is taxed on the worldwide estate wherever they live."""
    spouse_domicile_country: str | None = None
    spouse_plans_to_naturalize: bool | None = None
    spouse_age: int | None = Field(default=None, ge=0, le=120)
    spouse_birth_date: dt.date | None = None
    estate_total: Decimal = Field(ge=0)
    """The person's own worldwide estate."""
    estate_us_situs: Decimal | None = Field(default=None, ge=0)
    """The US-situs part (asked of a non-resident non-citizen, who is taxed on that part only)."""
    spouse_estate_total: Decimal | None = Field(default=None, ge=0)
    """The spouse's own estate (asked of every married person)."""
    spouse_estate_us_situs: Decimal | None = Field(default=None, ge=0)
    prior_taxable_gifts: Decimal = Field(default=Decimal(0), ge=0)
    estate_growth: Decimal = Decimal(0)
    """Expected yearly growth of the estate, as a fraction."""
    foreign_real_estate: Decimal = Field(default=Decimal(0), ge=0)
    retirement_accounts: Decimal = Field(default=Decimal(0), ge=0)
    joint_property: Decimal = Field(default=Decimal(0), ge=0)
    """The whole value of property owned jointly with the spouse (asked when either is not a citizen)."""
    owns_residence: bool
    residence_type: Literal["principal", "vacation"] | None = None
    residence_value: Decimal | None = Field(default=None, ge=0)
    residence_mortgage: Decimal | None = Field(default=None, ge=0)
    residence_basis: Decimal | None = Field(default=None, ge=0)
    """None when not asked or not known."""
    residence_to_children: bool | None = None
    assumed: tuple[str, ...] = ()
    """Questions answered by the flow's default rather than by the person."""

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        if (self.age is None) == (self.birth_date is None):
            raise ValueError("give the age or the birth date (one of them)")
        if self.married and self.spouse_citizenship is None:
            raise ValueError("a married person's spouse's citizenship is needed")
        if self.married and self.citizenship == "non_us" and self.spouse_estate_total is None:
            raise ValueError("a married non-citizen's spouse's estate is needed")
        if self.owns_residence and (self.residence_value is None or self.residence_to_children is None):
            raise ValueError("an owned residence needs its value and whether it should pass to the children")
        return self

    @property
    def nonresident_not_citizen(self) -> bool:
        """Taxed by the US only on US-situs property (IRC 2101-2103)."""
        return self.citizenship == "non_us" and self.domicile == "abroad"

    @property
    def spouse_nonresident_not_citizen(self) -> bool:
        return self.spouse_citizenship == "non_us" and self.spouse_domicile == "abroad"

    def age_on(self, day: dt.date) -> int:
        """Age at the nearest birthday, as the actuarial tables count it."""
        if self.birth_date is not None:
            return age_at_nearest_birthday(self.birth_date, day)
        assert self.age is not None
        return self.age

    def spouse_age_on(self, day: dt.date) -> int | None:
        if self.spouse_birth_date is not None:
            return age_at_nearest_birthday(self.spouse_birth_date, day)
        return self.spouse_age
