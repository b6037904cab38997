"""QPRT factors, gift, variants and projection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.calculators.actuarial import single_life_remainder, survival_probability
from advisor.calculators.money import InputError
from advisor.calculators.parameters import MissingParameterError, mortality_table
from advisor.calculators.qprt import QprtInput, compute_qprt, remainder_gift, sweep_terms

D = Decimal


def qprt(**kwargs: object) -> QprtInput:
    base: dict[str, object] = {"fmv": D(1_000_000), "age": 65, "term": 10, "rate": D("0.05")}
    base.update(kwargs)
    return QprtInput(**base)  # type: ignore[arg-type]


def test_leimberg_example_gift_and_retained_interest() -> None:
    """validation_examples C1: $100,000, age 65, 10 years, 4.8%, Table 2010CM -> gift $51,394, retained $48,606."""
    result = compute_qprt(qprt(fmv=D(100_000), rate=D("0.048"), table="2010CM"))
    assert result.gift == D(51_394)
    assert result.gift_before_discount == D("51393.93")
    assert result.retained_interest == D(48_606)


def test_leimberg_example_discriminates_tables() -> None:
    """The same facts under 2000CM give $49,131 (validation_examples C1)."""
    assert compute_qprt(qprt(fmv=D(100_000), rate=D("0.048"), table="2000CM")).gift == D(49_131)


def test_factors_sum_to_one_and_match_definitions() -> None:
    result = compute_qprt(qprt())
    t = mortality_table("2010CM")
    p = survival_probability(t, 65, 10)
    v_n = D(1) / D("1.05") ** 10
    assert abs(result.remainder_factor - v_n * p) < D("1e-20")
    expected_reversion = single_life_remainder(t, D("0.05"), 65) - v_n * p * single_life_remainder(t, D("0.05"), 75)
    assert abs(result.reversion_factor - expected_reversion) < D("1e-20")
    assert result.remainder_factor + result.reversion_factor + result.term_factor == 1
    assert result.survival_probability == p


def test_no_reversion_gift_is_term_certain() -> None:
    """validation_examples C2: 7 years at 6%, $1,000,000 -> $665,057 (Table B remainder)."""
    result = compute_qprt(qprt(age=75, term=7, rate=D("0.06"), reversion=False))
    assert result.gift == D(665_057)
    assert result.reversion_factor == 0


def test_valuation_month_rule() -> None:
    result = compute_qprt(qprt(rate=None, valuation_date=dt.date(2026, 7, 15)))
    assert result.rate == D("0.052") and result.valuation_month == "2026-07" and result.table == "2010CM"
    assert any("two preceding months" in note for note in result.notes)
    assert any(c.parameter == "section 7520 rate" and c.effective == "2026-07" for c in result.citations)


def test_valuation_before_june_2023_uses_2000cm() -> None:
    assert compute_qprt(qprt(rate=None, valuation_date=dt.date(2023, 5, 31))).table == "2000CM"


def test_month_without_a_rate_asks_for_it() -> None:
    with pytest.raises(MissingParameterError, match="--rate"):
        compute_qprt(qprt(rate=None, valuation_date=dt.date(2026, 11, 23)))


def test_birth_date_gives_age_at_nearest_birthday() -> None:
    result = compute_qprt(qprt(age=None, birth_date=dt.date(1961, 3, 1), valuation_date=dt.date(2026, 7, 15)))
    assert result.age == 65


def test_discount_shown_separately() -> None:
    result = compute_qprt(qprt(discount_percent=D(15)))
    assert result.discount == (result.gift_before_discount * D("0.15")).quantize(D("0.01"))
    assert result.gift == (result.gift_before_discount - result.discount).quantize(D(1), "ROUND_HALF_UP")


def test_projection() -> None:
    result = compute_qprt(qprt(growth=D("0.03"), basis=D(400_000), setup_cost=D(10_000), yearly_cost=D(1_000)))
    p = result.projection
    assert p.value_at_term_end == (D(1_000_000) * D("1.03") ** 10).quantize(D("0.01"))
    assert p.estate_tax_rate == D("0.4")
    assert p.estate_tax_saved_if_survives == (D("0.4") * (p.value_at_term_end - result.gift)).quantize(D("0.01"))
    assert p.lost_step_up_cost == (D("0.2") * (p.value_at_term_end - 400_000)).quantize(D("0.01"))
    assert p.costs == D(20_000)
    expected = result.survival_probability * (p.estate_tax_saved_if_survives - p.lost_step_up_cost) - 20_000
    assert p.expected_net_saving == expected.quantize(D("0.01"))


def test_sweep_marks_the_best_term() -> None:
    sweep = sweep_terms(qprt(growth=D("0.03")))
    assert [row.term for row in sweep.rows] == list(range(1, 41))
    best = max(sweep.rows, key=lambda row: row.expected_net_saving)
    assert sweep.best_term == best.term
    assert all(a.gift >= b.gift for a, b in zip(sweep.rows, sweep.rows[1:], strict=False))


def test_sweep_stops_at_the_end_of_the_table() -> None:
    assert sweep_terms(qprt(age=100)).rows[-1].term == 9


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"age": 110}, "beyond Table 2010CM"),
        ({"second_age": 120}, "second life's age 120"),
        ({"age": None}, "age"),
        ({"rate": None}, "--valuation-date"),
        ({"age": None, "birth_date": dt.date(1960, 1, 1)}, "valuation date"),
    ],
)
def test_rejections(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises((InputError, ValidationError), match=message):
        compute_qprt(qprt(**kwargs))


def test_term_zero_rejected_by_the_model() -> None:
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        qprt(term=0)


@given(
    age=st.integers(20, 95),
    second=st.integers(20, 95),
    term=st.integers(1, 30),
    rate=st.integers(2, 120).map(lambda tenths: D(tenths) / 1000),
)
def test_joint_gift_at_least_single_and_factors_sum_to_one(age: int, second: int, term: int, rate: Decimal) -> None:
    single = compute_qprt(qprt(age=age, term=term, rate=rate))
    joint = compute_qprt(qprt(age=age, term=term, rate=rate, second_age=second))
    assert joint.gift >= single.gift
    for result in (single, joint):
        assert abs(result.remainder_factor + result.reversion_factor + result.term_factor - 1) < D("1e-20")
        assert 0 <= result.survival_probability <= 1
        assert result.reversion_factor >= 0 and result.term_factor >= 0


@given(
    fmv=st.integers(0, 10**8).map(lambda cents: D(cents) / 100),
    age=st.integers(20, 95),
    term=st.integers(1, 20),
    rate=st.none() | st.integers(2, 120).map(lambda tenths: D(tenths) / 1000),
    day=st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)),
)
def test_the_sweeps_remainder_gift_is_compute_qprts(
    fmv: Decimal, age: int, term: int, rate: Decimal | None, day: dt.date
) -> None:
    full = compute_qprt(QprtInput(fmv=fmv, term=term, age=age, valuation_date=day, rate=rate))
    gift, p, citations = remainder_gift(fmv, term, day, age, rate)
    assert (str(gift), str(p), citations) == (str(full.gift), str(full.survival_probability), full.citations)
