"""The rounding rules of the forms and the amounts people type: each rule pinned where it differs from
its neighbours (half up, not half even, not truncation)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators.money import InputError, format_money, parse_amount, to_cents, whole_dollars


@pytest.mark.parametrize(
    ("amount", "dollars"),
    [
        # The Form 706 instructions' rule: drop amounts under 50 cents, round 50 to 99 cents up.
        ("1.39", "1"),
        ("1.49", "1"),
        ("1.50", "2"),
        ("2.50", "3"),  # half-even would give 2
        ("3.50", "4"),
        ("2.99", "3"),  # truncation would give 2
        ("0.49", "0"),
        ("0.50", "1"),
        ("1000000.50", "1000001"),
    ],
)
def test_whole_dollars_drops_under_50_cents_and_rounds_50_up(amount: str, dollars: str) -> None:
    assert whole_dollars(D(amount)) == D(dollars)


@pytest.mark.parametrize(("amount", "cents"), [("0.005", "0.01"), ("0.015", "0.02"), ("0.025", "0.03"), ("1.004", "1")])
def test_to_cents_rounds_half_up(amount: str, cents: str) -> None:
    assert to_cents(D(amount)) == D(cents)


@pytest.mark.parametrize(
    ("amount", "shown", "with_cents"),
    [
        ("2.50", "$3", "$2.50"),
        ("1234.49", "$1,234", "$1,234.49"),
        ("-2.50", "-$3", "-$2.50"),
        ("0", "$0", "$0.00"),
    ],
)
def test_format_money_rounds_like_the_forms(amount: str, shown: str, with_cents: str) -> None:
    assert format_money(D(amount)) == shown
    assert format_money(D(amount), cents=True) == with_cents


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_whole_dollars_is_within_half_a_dollar_and_ties_go_up(amount: D) -> None:
    rounded = whole_dollars(amount)
    assert abs(rounded - amount) <= D("0.5")
    if amount - int(amount) == D("0.5"):
        assert rounded == int(amount) + 1


@pytest.mark.parametrize(
    ("text", "value"), [("2.5m", "2500000"), ("$2,500,000", "2500000"), ("2500k", "2500000"), ("0.01", "0.01")]
)
def test_amounts_people_type(text: str, value: str) -> None:
    assert parse_amount(text) == D(value)


@pytest.mark.parametrize("text", ["-5", "1.005", "2,50,000", "five", "1e6"])
def test_amounts_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_amount(text)
