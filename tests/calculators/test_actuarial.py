"""Section 7520 factors: every bundled IRS figure, the whole of Table B, and the factors' properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators.actuarial import (
    age_at_nearest_birthday,
    printed,
    reversion_factor,
    single_life_remainder,
    survival_probability,
    term_certain_remainder,
)
from advisor.calculators.money import InputError
from advisor.calculators.parameters import mortality_table
from advisor.calculators.selfcheck import PublishedExample, compute, published_examples

T2010 = mortality_table("2010CM")
T2000 = mortality_table("2000CM")
D = Decimal


@pytest.mark.parametrize("example", published_examples(), ids=lambda e: e.name)
def test_published_figures(example: PublishedExample) -> None:
    actual = compute(example)
    if example.places is not None:
        actual = printed(actual, example.places)
    assert actual == Decimal(example.expected), example.source


def test_every_bundled_example_has_a_source() -> None:
    assert len(published_examples()) >= 50
    assert all(len(example.source) > 20 for example in published_examples())


@pytest.mark.parametrize("rate", ["4.6", "4.8", "5.0", "5.2", "5.6", "5.8", "6.0"])
def test_table_b_remainders_are_printed_to_six_decimals(rate: str) -> None:
    """validation_examples A3: the published column is round((1+i)^-n, 6) for n = 1..60."""
    i = D(rate) / 100
    for n in range(1, 61):
        assert printed(term_certain_remainder(i, n)) == (D(1) / (1 + i) ** n).quantize(D("0.000001"), "ROUND_HALF_UP")


@pytest.mark.parametrize(
    ("birth", "valuation", "age"),
    [
        (dt.date(1960, 1, 15), dt.date(2007, 6, 14), 47),  # 47 years 5 months: age 47 (20.2032-1T(f)(1))
        (dt.date(1960, 1, 15), dt.date(2007, 7, 20), 48),  # past half-way: the next birthday is nearer
        (dt.date(1960, 1, 15), dt.date(2007, 1, 15), 47),  # on the birthday
        (dt.date(1960, 2, 29), dt.date(2023, 2, 28), 63),  # leap-day birth in a common year
        (dt.date(2000, 1, 1), dt.date(2000, 6, 1), 0),
    ],
)
def test_age_at_nearest_birthday(birth: dt.date, valuation: dt.date, age: int) -> None:
    assert age_at_nearest_birthday(birth, valuation) == age


def test_birth_after_valuation_rejected() -> None:
    with pytest.raises(InputError, match="after the valuation date"):
        age_at_nearest_birthday(dt.date(2030, 1, 1), dt.date(2026, 1, 1))


@pytest.mark.parametrize("age", [-1, 110, 300])
def test_age_outside_the_table_rejected(age: int) -> None:
    with pytest.raises(InputError, match="covers ages 0 to 109"):
        single_life_remainder(T2010, D("0.05"), age)


def test_term_zero_rejected() -> None:
    with pytest.raises(InputError, match="at least 1"):
        term_certain_remainder(D("0.05"), 0)


rates = st.integers(min_value=2, max_value=200).map(lambda tenths: D(tenths) / 1000)
ages = st.integers(min_value=0, max_value=100)
terms = st.integers(min_value=1, max_value=40)


@given(rate=rates, age=ages, n=terms)
def test_single_life_reversion_equals_table_s_difference(rate: Decimal, age: int, n: int) -> None:
    """The reversion sum is S[x] - v^n npx S[x+n] (CALCULATIONS.md section 3)."""
    if age + n >= T2010.max_age:
        return
    by_sum = reversion_factor(rate, n, lambda t: 1 - survival_probability(T2010, age, t))
    by_table_s = single_life_remainder(T2010, rate, age) - term_certain_remainder(rate, n) * survival_probability(
        T2010, age, n
    ) * single_life_remainder(T2010, rate, age + n)
    assert abs(by_sum - by_table_s) < D("1e-20")


@given(rate=rates, age=st.integers(20, 108), n=terms)
def test_remainder_decreasing_in_term_and_age(rate: Decimal, age: int, n: int) -> None:
    """From age 20 on; in childhood the tables' infant mortality makes survival rise with age."""

    def r(x: int, years: int) -> Decimal:
        return term_certain_remainder(rate, years) * survival_probability(T2010, x, years)

    assert r(age, n + 1) <= r(age, n)
    assert r(age + 1, n) <= r(age, n)
    assert term_certain_remainder(rate, n + 1) < term_certain_remainder(rate, n)


@given(age=st.integers(0, 109), n=st.integers(0, 120), table=st.sampled_from([T2000, T2010]))
def test_survival_is_a_probability(age: int, n: int, table) -> None:  # type: ignore[no-untyped-def]
    p = survival_probability(table, age, n)
    assert 0 <= p <= 1
    assert survival_probability(table, age, n + 1) <= p


@given(rate=rates, age=st.integers(0, 109))
def test_single_life_remainder_between_zero_and_one(rate: Decimal, age: int) -> None:
    assert 0 < single_life_remainder(T2010, rate, age) < 1
