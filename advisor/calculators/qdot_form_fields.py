"""Form 706-QDT fields with rules of their own: direct-deposit lines 15b and 15d (Instructions for Form
706-QDT, Rev. August 2025), the part of the tax payable in installments under IRC 6166 (the same
instructions, Part II line 3), and the value of listed stock on a day without sales (26 CFR
20.2031-2(b)(1), which those instructions describe for Schedule B column (e)).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache

import holidays
from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.money import InputError, format_money, to_cents
from advisor.calculators.units import Factor, Money

ROUTING_PREFIXES = frozenset(range(1, 13)) | frozenset(range(21, 33))
"""Line 15b: the first two digits of a routing number are 01 through 12 or 21 through 32."""
ACCOUNT_MAX_LENGTH = 17
"""Line 15d: at most 17 characters."""
_ACCOUNT_CHARACTER = re.compile(r"[A-Za-z0-9-]")


def check_routing_number(text: str) -> str:
    """Line 15b: nine digits, the first two 01-12 or 21-32; returns the number or says what is wrong."""
    number = text.strip()
    if not number.isascii() or not number.isdigit():
        wrong = sorted({ch for ch in number if not (ch.isascii() and ch.isdigit())})
        shown = "a space" if wrong == [" "] else ", ".join(repr(ch) for ch in wrong) or "nothing"
        raise InputError(f"routing number {number!r}: only digits are allowed, found {shown}")
    if len(number) != 9:
        raise InputError(f"routing number {number!r}: has {len(number)} digits; it must have exactly 9")
    if int(number[:2]) not in ROUTING_PREFIXES:
        raise InputError(
            f"routing number {number!r}: starts with {number[:2]}; the first two digits must be 01 to 12 or 21 to 32"
        )
    return number


def check_account_number(text: str) -> str:
    """Line 15d: up to 17 letters, digits and hyphens, no spaces or other symbols."""
    number = text.strip()
    if not number:
        raise InputError("account number: it is empty; enter up to 17 letters, digits and hyphens")
    wrong = sorted({ch for ch in number if not _ACCOUNT_CHARACTER.fullmatch(ch)})
    if wrong:
        shown = ", ".join("a space" if ch == " " else repr(ch) for ch in wrong)
        raise InputError(f"account number {number!r}: contains {shown}; only letters, digits and hyphens are allowed")
    if len(number) > ACCOUNT_MAX_LENGTH:
        raise InputError(
            f"account number {number!r}: has {len(number)} characters; at most {ACCOUNT_MAX_LENGTH} are allowed"
        )
    return number


class Section6166Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tax: Decimal = Field(ge=0)
    """The estate tax (here: the QDOT tax) of the return."""
    closely_held_business: Decimal = Field(ge=0)
    """Value of the interest in a closely held business included in the gross estate."""
    adjusted_gross_estate: Decimal = Field(gt=0)
    """Adjusted gross estate (IRC 6166(b)(6)), real estate of the business at its net amount."""

    @model_validator(mode="after")
    def _consistent(self) -> Section6166Input:
        if self.closely_held_business > self.adjusted_gross_estate:
            raise InputError(
                f"the closely held business ({format_money(self.closely_held_business)}) is larger than the adjusted "
                f"gross estate ({format_money(self.adjusted_gross_estate)}); it is a part of it"
            )
        return self


class Section6166Result(BaseModel):
    model_config = ConfigDict(frozen=True)

    ratio: Factor
    installment_tax: Money
    """The most that may be paid in installments: the tax in the ratio of the business to the adjusted gross estate."""
    notes: tuple[str, ...]


def section_6166_share(facts: Section6166Input) -> Section6166Result:
    """The part of the tax attributable to the closely held business (Form 706-QDT Part II line 3)."""
    ratio = facts.closely_held_business / facts.adjusted_gross_estate
    return Section6166Result(
        ratio=ratio,
        installment_tax=to_cents(facts.tax * ratio),
        notes=("whether the estate qualifies for the installment election under IRC 6166(a) is not checked here",),
    )


class Quote(BaseModel):
    """The highest and lowest selling prices of a trading day."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    day: dt.date
    high: Decimal = Field(ge=0)
    low: Decimal = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Quote:
        if self.low > self.high:
            raise InputError(f"the low {self.low} on {self.day} is above the high {self.high}")
        return self

    @property
    def mean(self) -> Decimal:
        return (self.high + self.low) / 2


class StockValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    mean_before: Decimal
    mean_after: Decimal
    trading_days_before: int
    """Trading days from the sale before to the valuation date (the weight of the sale after)."""
    trading_days_after: int
    value: Decimal
    """Per share: the two means weighted inversely by their distance in trading days."""


@cache
def _exchange_holidays() -> holidays.HolidayBase:
    return holidays.financial_holidays("NYSE")


def _trading_days_strictly_between(first: dt.date, last: dt.date) -> int:
    count, day = 0, first + dt.timedelta(days=1)
    while day < last:
        if day.weekday() < 5 and day not in _exchange_holidays():
            count += 1
        day += dt.timedelta(days=1)
    return count


def value_without_sales(valuation: dt.date, before: Quote, after: Quote) -> StockValue:
    """Value per share on a day without sales from the nearest sales before and after (26 CFR 20.2031-2(b)(1)).

    Each distance is one more than the trading days (New York Stock Exchange calendar) strictly between the two
    dates, so a valuation on a Sunday between Friday and Monday sales is one day from each (the regulation's
    Sunday example gives the simple average).
    """
    if not before.day < valuation < after.day:
        raise InputError(
            f"the sales must be before and after the valuation date {valuation}: got {before.day} and {after.day}"
        )
    days_before = _trading_days_strictly_between(before.day, valuation) + 1
    days_after = _trading_days_strictly_between(valuation, after.day) + 1
    value = (days_after * before.mean + days_before * after.mean) / (days_before + days_after)
    return StockValue(
        mean_before=before.mean,
        mean_after=after.mean,
        trading_days_before=days_before,
        trading_days_after=days_after,
        value=value,
    )
