"""Deaths from 2002: each computation uses the rate schedule, exclusion and state death tax credit of the
year of death. Every expected figure is worked by hand in the comment above it, from the statute's table
for that year (EGTRRA 2001 sec. 511 and 521, TRA 2010 sec. 302, Rev. Proc. 2011-52)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.money import InputError
from advisor.calculators.parameters import rate_schedule
from advisor.calculators.qdot_tax import QdotTaxInput, QdotTaxResult, compute_qdot_tax


def qdot(**facts: object) -> QdotTaxResult:
    return compute_qdot_tax(QdotTaxInput.model_validate(facts))


def test_death_in_2012_at_35_percent_over_the_5_120_000_exclusion() -> None:
    # Line 9 = 5,120,000 + 1,000,000 = 6,120,000: tax 155,800 + 35% x 5,620,000 = 2,122,800;
    # credit on 5,120,000 = 155,800 + 35% x 4,620,000 = 1,772,800; net 350,000. Line 8 nets to 0.
    result = qdot(decedent_taxable_estate=D(5_120_000), death_date=dt.date(2012, 6, 1), distributions=D(1_000_000))
    assert (result.tax_on_total, result.tax_on_prior, result.qdot_tax) == (D(350_000), 0, D(350_000))
    effective = {c.parameter: c.effective for c in result.citations}
    assert effective["IRC 2001(c) rate schedule"] == "deaths and gifts 2010-01-01 to 2012-12-31"
    assert effective["basic exclusion amount (IRC 2010(c))"] == "2012"
    assert any("Rev. Proc. 2011-52" in c.source for c in result.citations)


def test_death_in_2009_at_45_percent_over_3_500_000() -> None:
    # Line 9 = 4,500,000: 780,800 + 45% x 2,500,000 = 1,905,800; credit on 3,500,000 =
    # 780,800 + 45% x 1,500,000 = 1,455,800; net 450,000. Line 8 = 3,500,000 nets to 0.
    result = qdot(decedent_taxable_estate=D(3_500_000), death_date=dt.date(2009, 3, 1), distributions=D(1_000_000))
    assert (result.tax_on_total, result.tax_on_prior, result.qdot_tax) == (D(450_000), 0, D(450_000))


def test_death_in_2004_at_48_percent_over_1_500_000() -> None:
    # Line 9 = 2,500,000: 780,800 + 48% x 500,000 = 1,020,800, less the credit on 1,500,000 (555,800)
    # = 465,000. Line 8 = 2,000,000: 780,800 - 555,800 = 225,000. QDOT tax 240,000.
    result = qdot(decedent_taxable_estate=D(2_000_000), death_date=dt.date(2004, 5, 1), distributions=D(500_000))
    assert (result.tax_on_total, result.tax_on_prior, result.qdot_tax) == (D(465_000), D(225_000), D(240_000))


def test_death_in_2004_recomputes_the_state_death_tax_credit_on_each_line() -> None:
    # Line 9: adjusted taxable estate 2,500,000 - 60,000 = 2,440,000; IRC 2011(b): 106,800 + 8% x 400,000
    # = 138,800, 25% allowed in 2004 = 34,700 (less than the 100,000 paid): 465,000 - 34,700 = 430,300.
    # Line 8: 1,940,000: 70,800 + 7.2% x 400,000 = 99,600, 25% = 24,900: 225,000 - 24,900 = 200,100.
    # QDOT tax 430,300 - 200,100 = 230,200.
    result = qdot(
        decedent_taxable_estate=D(2_000_000),
        death_date=dt.date(2004, 5, 1),
        distributions=D(500_000),
        state_death_taxes=D(100_000),
    )
    assert (result.tax_on_total, result.tax_on_prior, result.qdot_tax) == (D(430_300), D(200_100), D(230_200))
    assert any("2011(b)" in c.parameter for c in result.citations)


def test_death_in_2010_under_the_estate_tax() -> None:
    # Line 9 = 6,000,000: 155,800 + 35% x 5,500,000 = 2,080,800; credit on 5,000,000 = 1,730,800: 350,000.
    result = qdot(decedent_taxable_estate=D(5_000_000), death_date=dt.date(2010, 7, 1), distributions=D(1_000_000))
    assert (result.tax_on_total, result.tax_on_prior, result.qdot_tax) == (D(350_000), 0, D(350_000))


def test_death_in_2010_with_the_election_out_of_estate_tax() -> None:
    result = qdot(
        decedent_taxable_estate=D(5_000_000),
        death_date=dt.date(2010, 7, 1),
        distributions=D(1_000_000),
        carryover_basis_election=True,
    )
    assert (result.tax_on_total, result.tax_on_prior, result.qdot_tax) == (0, 0, 0)
    assert any("elected out of the estate tax" in note for note in result.notes)


def test_the_election_is_only_for_deaths_in_2010() -> None:
    with pytest.raises(ValidationError, match="only for deaths in 2010"):
        QdotTaxInput(
            decedent_taxable_estate=D(1),
            death_date=dt.date(2011, 1, 1),
            distributions=D(1),
            carryover_basis_election=True,
        )
    with pytest.raises(ValidationError, match="only for"):
        EstateTaxInput(taxable_estate=D(1), year=2009, carryover_basis_election=True)


@pytest.mark.parametrize(
    ("year", "tentative", "credit", "net"),
    [
        # 2002: top bracket 1,025,800 + 50% over 2,500,000; exclusion 1,000,000 (credit 345,800).
        (2002, D(1_025_800) + D(1_750_000), D(345_800), D(2_430_000)),
        # 2003: 780,800 + 49% over 2,000,000.
        (2003, D(780_800) + D(1_960_000), D(345_800), D(2_395_000)),
        # 2005: 780,800 + 47% over 2,000,000; exclusion 1,500,000 (credit 555,800).
        (2005, D(780_800) + D(1_880_000), D(555_800), D(2_105_000)),
        # 2006: 780,800 + 46% over 2,000,000; exclusion 2,000,000 (credit 780,800).
        (2006, D(780_800) + D(1_840_000), D(780_800), D(1_840_000)),
        # 2008: 780,800 + 45% over 2,000,000.
        (2008, D(780_800) + D(1_800_000), D(780_800), D(1_800_000)),
        # 2011: 155,800 + 35% over 500,000; exclusion 5,000,000 (credit 1,730,800).
        (2011, D(155_800) + D(1_925_000), D(1_730_800), D(350_000)),
    ],
)
def test_six_million_estate_under_each_years_law(year: int, tentative: D, credit: D, net: D) -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(6_000_000), year=year))
    assert (result.tentative_tax, result.applicable_credit, result.net_estate_tax) == (tentative, credit, net)


def test_state_death_tax_credit_2003_is_half_the_table() -> None:
    # Tentative 780,800 + 49% x 1,000,000 = 1,270,800, less 345,800 = 925,000. Adjusted taxable estate
    # 2,940,000: 146,800 + 8.8% x 400,000 = 182,000, 50% = 91,000 (the 200,000 paid is more).
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(3_000_000), year=2003, state_death_taxes=D(200_000)))
    assert (result.state_death_tax_credit, result.net_estate_tax) == (D(91_000), D(834_000))


def test_state_death_tax_credit_is_at_most_the_taxes_paid() -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(3_000_000), year=2002, state_death_taxes=D(5_000)))
    assert result.state_death_tax_credit == D(5_000)


def test_state_death_taxes_after_the_repeal_are_refused_as_a_deduction() -> None:
    with pytest.raises(InputError, match=r"not in the data.*IRC 2058"):
        compute_estate_tax(EstateTaxInput(taxable_estate=D(3_000_000), year=2005, state_death_taxes=D(1)))


def test_nonresident_2004_uses_the_13000_credit_and_the_2004_schedule() -> None:
    # 2,000,000 at the 2004 schedule = 780,800; less 13,000 = 767,800.
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(2_000_000), year=2004, nonresident=True))
    assert (result.applicable_credit, result.exclusion_amount, result.net_estate_tax) == (
        D(13_000),
        D(60_000),
        D(767_800),
    )


@given(
    day=st.dates(min_value=dt.date(2002, 1, 1), max_value=dt.date(2026, 12, 31)),
    estate=st.integers(0, 40_000_000),
)
def test_no_tax_up_to_the_exclusion_and_the_top_rate_above_it(day: dt.date, estate: int) -> None:
    result = compute_estate_tax(EstateTaxInput(taxable_estate=D(estate), year=day.year, death_date=day))
    if estate <= result.exclusion_amount:
        assert result.net_estate_tax == 0
    more = compute_estate_tax(EstateTaxInput(taxable_estate=D(estate + 1_000), year=day.year, death_date=day))
    assert more.net_estate_tax >= result.net_estate_tax
    if estate >= max(3_000_000, result.exclusion_amount):
        assert more.net_estate_tax - result.net_estate_tax == rate_schedule(day).top_rate * 1_000
