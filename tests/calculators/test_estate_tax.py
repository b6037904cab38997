"""Federal estate tax against the statute's schedule, published figures, and its properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.lean_tax import Schedule
from advisor.calculators.parameters import MissingParameterError, rate_schedule
from advisor.calculators.tentative_tax import tentative_tax

SCHEDULE = rate_schedule(dt.date(2026, 1, 1))
D = Decimal


def test_twenty_million_2024_is_not_zero() -> None:
    """The mistake of subtracting the exclusion amount from a tax gives $0 here; the law gives $2,556,000."""
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(20_000_000), year=2024))
    assert result.tentative_tax == D(7_945_800)
    assert result.applicable_credit == D(5_389_800)
    assert result.net_estate_tax == D(2_556_000)
    assert result.marginal_rate == D("0.4")


def test_estate_below_exclusion_owes_nothing() -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(15_000_000), year=2026))
    assert result.net_estate_tax == 0
    assert result.applicable_credit == result.tentative_tax == D(5_945_800)


def test_dsue_adds_to_the_exclusion_amount() -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(30_000_000), year=2026, dsue=D(10_000_000)))
    assert result.exclusion_amount == D(25_000_000)
    assert result.applicable_credit == tentative_tax(D(25_000_000), SCHEDULE)
    assert result.net_estate_tax == D("0.40") * 5_000_000


def test_adjusted_taxable_gifts_and_gift_tax_payable() -> None:
    facts = EstateTaxInput(
        taxable_estate=D(10_000_000), year=2026, adjusted_taxable_gifts=D(8_000_000), gift_tax_payable=D(100_000)
    )
    result = compute_estate_tax(facts)
    assert result.tax_base == D(18_000_000)
    assert result.tentative_tax == D(345_800) + D("0.4") * 17_000_000
    expected = result.tentative_tax - D(100_000) - tentative_tax(D(15_000_000), SCHEDULE)
    assert result.net_estate_tax == expected == D(1_100_000)


def test_nonresident_2101_and_2102() -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(1_000_000), year=2026, nonresident=True))
    assert result.tentative_tax == D(345_800)
    assert result.applicable_credit == D(13_000)
    assert result.exclusion_amount == D(60_000), "the estate the $13,000 credit shelters (IRC 2102(b)(1))"
    assert result.net_estate_tax == D(332_800)
    assert any("2102" in c.parameter for c in result.citations)


def test_nonresident_credit_limited_to_the_tax() -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(50_000), year=2026, nonresident=True))
    assert result.applicable_credit == result.tentative_tax == D(10_600)
    assert result.net_estate_tax == 0


def test_nonresident_with_prior_gifts_subtracts_their_tentative_tax() -> None:
    facts = EstateTaxInput(taxable_estate=D(500_000), year=2026, nonresident=True, adjusted_taxable_gifts=D(100_000))
    result = compute_estate_tax(facts)
    gross = tentative_tax(D(600_000), SCHEDULE) - tentative_tax(D(100_000), SCHEDULE)
    assert result.net_estate_tax == gross - 13_000


def test_nonresident_rejects_dsue() -> None:
    with pytest.raises(ValidationError, match="2102 credit only"):
        EstateTaxInput(taxable_estate=D(1), year=2026, nonresident=True, dsue=D(1))


def test_year_without_data_asks_for_the_exclusion_amount() -> None:
    with pytest.raises(MissingParameterError, match="--exclusion-amount"):
        compute_estate_tax(EstateTaxInput(taxable_estate=D(1), year=2027))
    given_amount = compute_estate_tax(
        EstateTaxInput(taxable_estate=D(20_000_000), year=2027, exclusion_amount=D(15_000_000))
    )
    assert given_amount.net_estate_tax == D(2_000_000)
    assert any(line.basis == "given explicitly" for line in given_amount.lines)


def test_results_cite_their_rows() -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(20_000_000), year=2025))
    parameters = [c.parameter for c in result.citations]
    assert any("2001(c)" in name for name in parameters)
    basic = next(c for c in result.citations if "basic exclusion" in c.parameter)
    assert basic.value == "$13,990,000" and basic.effective == "2025" and "Rev. Proc. 2024-40" in basic.source


amounts = st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False)


@given(a=amounts, b=amounts, year=st.integers(2013, 2026), nonresident=st.booleans())
def test_net_tax_non_decreasing_and_never_negative(a: Decimal, b: Decimal, year: int, nonresident: bool) -> None:
    low, high = sorted((a, b))
    tax_low = compute_estate_tax(EstateTaxInput(taxable_estate=low, year=year, nonresident=nonresident)).net_estate_tax
    tax_high = compute_estate_tax(
        EstateTaxInput(taxable_estate=high, year=year, nonresident=nonresident)
    ).net_estate_tax
    assert 0 <= tax_low <= tax_high


@given(
    day=st.dates(min_value=dt.date(1977, 1, 1), max_value=dt.date(2040, 12, 31)),
    amount=st.decimals(min_value=0, max_value=100_000_000, places=2),
)
def test_the_schedule_read_as_plain_numbers_taxes_as_its_brackets_do(day: dt.date, amount: Decimal) -> None:
    """The computation reads the rate schedule once as plain numbers (lean_tax's Schedule): the same cents as
    tentative_tax on the cited brackets, on every date and amount."""
    try:
        schedule = rate_schedule(day)
    except MissingParameterError:
        assume(False)
    assert Schedule.of(schedule).tentative(amount) == tentative_tax(amount, schedule)
