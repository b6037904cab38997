"""Form 706-QDT fields: direct-deposit lines 15b/15d, the section 6166 share, stock value without sales."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from advisor.calculators.money import InputError
from advisor.calculators.qdot_form_fields import (
    Quote,
    Section6166Input,
    check_account_number,
    check_routing_number,
    section_6166_share,
    value_without_sales,
)

D = Decimal


@pytest.mark.parametrize("number", ["011000015", "121000358", "211274450", "322271627", " 026009593 "])
def test_routing_numbers_accepted(number: str) -> None:
    assert check_routing_number(number) == number.strip()


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("12345678", "has 8 digits; it must have exactly 9"),
        ("1234567890", "has 10 digits"),
        ("001000015", "starts with 00"),
        ("131000015", "starts with 13"),
        ("201000015", "starts with 20"),
        ("331000015", "starts with 33"),
        ("02600-9593", "found '-'"),
        ("026 009593", "found a space"),
        ("O26009593", "found 'O'"),
        ("", "found nothing"),
    ],
)
def test_routing_numbers_rejected_with_the_reason(number: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_routing_number(number)


@pytest.mark.parametrize("number", ["1", "12345678901234567", "ABC-123-xyz", "0000-1111-2222"])
def test_account_numbers_accepted(number: str) -> None:
    assert check_account_number(number) == number


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("123456789012345678", "has 18 characters; at most 17"),
        ("1234 5678", "contains a space"),
        ("1234#5678", "contains '#'"),
        ("12/34.56", "contains '.', '/'"),
        ("   ", "empty"),
    ],
)
def test_account_numbers_rejected_with_the_reason(number: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_account_number(number)


def test_section_6166_share() -> None:
    # 1,000,000 tax x 3,000,000 business / 8,000,000 adjusted gross estate = 375,000
    result = section_6166_share(
        Section6166Input(tax=D(1_000_000), closely_held_business=D(3_000_000), adjusted_gross_estate=D(8_000_000))
    )
    assert result.installment_tax == D(375_000) and result.ratio == D("0.375")


def test_section_6166_business_cannot_exceed_the_estate() -> None:
    with pytest.raises(ValidationError, match="larger than the adjusted gross estate"):
        Section6166Input(tax=D(1), closely_held_business=D(2), adjusted_gross_estate=D(1))


def quote(day: str, high: str, low: str) -> Quote:
    return Quote(day=dt.date.fromisoformat(day), high=D(high), low=D(low))


def test_weighted_by_trading_days_regulation_example() -> None:
    # 26 CFR 20.2031-2(b)(1) example: valuation Friday June 15; sales two trading days before (Wednesday
    # June 13, mean $10) and three after (Wednesday June 20, mean $15): (3 x 10 + 2 x 15) / 5 = $12.
    result = value_without_sales(dt.date(2018, 6, 15), quote("2018-06-13", "11", "9"), quote("2018-06-20", "16", "14"))
    assert (result.trading_days_before, result.trading_days_after) == (2, 3)
    assert result.value == D(12)


def test_death_on_a_sunday_is_the_simple_average() -> None:
    # Reg. 20.2031-2(b) Example (3): died Sunday October 7; Friday mean $20, Monday mean $23 -> $21.50
    result = value_without_sales(dt.date(2018, 10, 7), quote("2018-10-05", "21", "19"), quote("2018-10-08", "24", "22"))
    assert result.value == D("21.5")


def test_exchange_holidays_are_not_trading_days() -> None:
    # valuation Thursday July 3, 2025; sales Wednesday July 2 and Monday July 7 (Friday July 4 closed):
    # 1 trading day before, 1 after -> simple average of 10 and 14 = 12
    result = value_without_sales(dt.date(2025, 7, 3), quote("2025-07-02", "10", "10"), quote("2025-07-07", "14", "14"))
    assert (result.trading_days_before, result.trading_days_after, result.value) == (1, 1, D(12))


def test_sales_must_straddle_the_valuation_date() -> None:
    with pytest.raises(InputError, match="before and after"):
        value_without_sales(dt.date(2018, 6, 15), quote("2018-06-15", "1", "1"), quote("2018-06-20", "1", "1"))
    with pytest.raises(ValidationError, match="above the high"):
        quote("2018-06-13", "9", "11")
