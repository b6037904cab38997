"""The deferral projection: hand-checkable paths, the alternatives, and the property that deferring never
lowers the total undiscounted tax when nothing leaves the trust untaxed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.calculators.parameters import MissingParameterError, mortality_table
from advisor.calculators.qdot_deferral import DeferralInput, project_deferral

D = Decimal
DEATH = dt.date(2026, 3, 1)  # basic exclusion 15,000,000; flat 40% above it
NO_COSTS = {"trustee_fee": D(0), "bond_premium": D(0), "return_preparation": D(0)}


def facts(**kwargs: object) -> DeferralInput:
    base: dict[str, object] = {
        "gross_estate": D(25_000_000),
        "death_date": DEATH,
        "spouse_age": 70,
        "discount_rate": D("0.05"),
    }
    return DeferralInput(**{**base, **kwargs})  # type: ignore[arg-type]


def test_static_trust_defers_the_same_tax() -> None:
    # 25,000,000 - 15,000,000 exclusion: 10,000,000 passes to the QDOT; without it 40% x 10,000,000 = 4,000,000.
    # Nothing grows or leaves the trust: whatever the year of death, 40% of 10,000,000 is due then.
    result = project_deferral(facts(**NO_COSTS))
    assert result.qdot_amount == D(10_000_000) and result.decedent_taxable_estate == D(15_000_000)
    assert result.tax_without_qdot == D(4_000_000) and result.tax_at_first_death_with_qdot == 0
    assert all(year.tax_if_spouse_dies == D(4_000_000) and year.qdot_tax == 0 for year in result.years)
    assert result.expected_tax_with_qdot == D(4_000_000)
    # present values by hand from the life table: death in year k with probability (l[70+k-1] - l[70+k]) / l[70],
    # tax paid the year after, discounted v^(k+1); without the QDOT the tax is paid in year 1 (v^1).
    lx = mortality_table("2010CM").lx
    v = 1 / D("1.05")
    pv = sum((lx[69 + k] - lx[70 + k]) / lx[70] * 4_000_000 * v ** (k + 1) for k in range(1, 41))
    assert abs(result.present_value_tax_with_qdot - pv) < D("0.01")
    assert result.present_value_tax_without_qdot == D("3809523.81")
    assert result.present_value_benefit == result.present_value_tax_without_qdot - result.present_value_tax_with_qdot
    assert result.present_value_benefit > 0 and result.bond_required


def test_costs_and_the_bond_the_security_rules_require() -> None:
    # 10,000,000 > 2,000,000: bond of 65% = 6,500,000; year 1 costs 1% x 10,000,000 + 1% x 6,500,000 + 5,000 return
    result = project_deferral(facts(principal_distributions=D(1)))
    assert result.bond_required and result.bond_amount == D(6_500_000)
    assert result.years[0].costs == D(170_000)
    assert sum("no published source" in a for a in result.assumptions) == 3
    with_bank = project_deferral(facts(principal_distributions=D(1), bank_trustee=True))
    assert not with_bank.bond_required and with_bank.years[0].costs == D(105_000)


def test_alternatives() -> None:
    result = project_deferral(facts(**NO_COSTS))
    citizen, gifts, assignment = result.alternatives
    # naturalising before the return: unlimited marital deduction, nothing due at the first death or later
    assert citizen.tax_at_first_death == 0 and citizen.expected_later_tax == 0
    assert citizen.present_value_benefit == result.present_value_tax_without_qdot
    # 2016-2025 non-citizen spouse exclusions: 148+149+152+155+157+159+164+175+185+190 thousand = 1,634,000;
    # tax 40% x (10,000,000 - 1,634,000) = 3,346,400
    assert "$1,634,000" in gifts.name and gifts.tax_at_first_death == D(3_346_400)
    assert assignment.expected_later_tax == result.expected_tax_with_qdot and "2056(d)(2)(B)" in assignment.basis


def test_estate_within_the_exclusion_needs_no_qdot() -> None:
    result = project_deferral(facts(gross_estate=D(12_000_000), **NO_COSTS))
    assert result.qdot_amount == 0 and result.tax_without_qdot == 0 and result.expected_tax_with_qdot == 0


def test_table_runs_to_the_expected_death_and_weights_sum_to_one() -> None:
    result = project_deferral(facts(**NO_COSTS))
    lx = mortality_table("2010CM").lx
    expectation = sum(lx[70 + t] / lx[70] for t in range(1, 41)) + D("0.5")
    assert len(result.years) == result.expected_death_year == round(expectation)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"qdot_amount": D(30_000_000)}, ValidationError, "larger than the estate left"),
        ({"deductions": D(30_000_000)}, ValidationError, "larger than the gross estate"),
        ({"spouse_age": 110}, ValidationError, "less than or equal to 109"),
        ({"discount_rate": D(0)}, ValidationError, "greater than 0"),
        ({"gift_years": 20}, MissingParameterError, "--noncitizen-spouse-exclusion"),
        ({"death_date": dt.date(2031, 1, 1)}, MissingParameterError, "--exclusion-amount"),
    ],
)
def test_rejected(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        project_deferral(facts(**kwargs))


@settings(max_examples=25, deadline=None)
@given(
    estate=st.integers(16_000_000, 60_000_000),
    age=st.integers(40, 100),
    growth=st.integers(0, 8),
    income=st.integers(0, 6),
    principal=st.integers(0, 500_000),
)
def test_deferral_never_lowers_the_undiscounted_tax(
    estate: int, age: int, growth: int, income: int, principal: int
) -> None:
    """Above the exclusion the rate is a flat 40%: with no costs taken from the trust, every dollar that passed to
    it is taxed on the way out (its growth too), so the QDOT can only add tax before discounting."""
    result = project_deferral(
        facts(
            gross_estate=D(estate),
            spouse_age=age,
            growth=D(growth) / 100,
            income_yield=D(income) / 100,
            principal_distributions=D(principal),
            **NO_COSTS,
        )
    )
    assert result.qdot_amount > 0 and result.tax_without_qdot > 0
    assert result.expected_tax_with_qdot >= result.tax_without_qdot - D("0.01")
    if growth:
        assert result.expected_tax_with_qdot > result.tax_without_qdot


def test_treaty_kenji_japan_nothing_to_defer() -> None:
    # 2.5M US of 10M worldwide: the pro-rata credit 1,486,450 covers the 945,800 tentative tax: no QDOT needed
    kenji = project_deferral(
        facts(gross_estate=D(2_500_000), nonresident=True, treaty="JP", worldwide_gross_estate=D(10_000_000))
    )
    assert kenji.tax_without_qdot == 0 and kenji.qdot_amount == 0 and kenji.expected_tax_with_qdot == 0
    assert any("Japan treaty" in note and "1,486,450.00" in note for note in kenji.notes)


def test_treaty_partly_sheltered_defers_the_tax_the_treaty_leaves() -> None:
    # 20M US of 25M: credit 4,756,640 (5,945,800 x 0.8), tax 3,189,160; the credit shelters 12,027,100, so the
    # QDOT takes 7,972,900 and, nothing leaving it, the tax at any death is 40% x 7,972,900 = 3,189,160 (the
    # Code's $13,000 credit would put 19,940,000 in the QDOT and defer 7,932,800).
    result = project_deferral(
        facts(gross_estate=D(20_000_000), nonresident=True, treaty="JP", worldwide_gross_estate=D(25_000_000),
              **NO_COSTS)
    )  # fmt: skip
    assert result.tax_without_qdot == D(3_189_160) and result.qdot_amount == D(7_972_900)
    assert result.tax_at_first_death_with_qdot == 0 and result.expected_tax_with_qdot == D(3_189_160)
    code = project_deferral(facts(gross_estate=D(20_000_000), nonresident=True, **NO_COSTS))
    assert code.tax_without_qdot == D(7_932_800) and code.qdot_amount == D(19_940_000)


def test_treaty_unverified_row_changes_nothing() -> None:
    norway = project_deferral(
        facts(gross_estate=D(20_000_000), nonresident=True, treaty="NO", worldwide_gross_estate=D(25_000_000))
    )
    code = project_deferral(facts(gross_estate=D(20_000_000), nonresident=True))
    assert norway.present_value_benefit == code.present_value_benefit and norway.qdot_amount == code.qdot_amount
    assert any("Norway treaty may change this result — not computed" in note for note in norway.notes)


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"treaty": "JP"}, "nonresident"), ({"nonresident": True, "worldwide_gross_estate": D(9)}, "treaty country")],
)
def test_treaty_inputs_that_do_not_fit(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        facts(**changes)
