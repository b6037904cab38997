"""Lookups by date: the right row either side of each effective date, and a clear error outside the data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from advisor.calculators import parameters as p


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2017, "5490000"), (2018, "11180000"), (2025, "13990000"), (2026, "15000000")],
)
def test_basic_exclusion_by_year(year: int, expected: str) -> None:
    cited = p.exclusion("basic_exclusion_amount", year)
    assert cited.value == Decimal(expected)
    assert (
        cited.citation.effective == str(year) and "Rev. Proc." in cited.citation.source
    ) or "IRC" in cited.citation.source


def test_noncitizen_spouse_exclusion_2026() -> None:
    assert p.exclusion("noncitizen_spouse_annual_exclusion", 2026).value == Decimal(194000)
    assert p.exclusion("annual_gift_exclusion", 2026).value == Decimal(19000)


@pytest.mark.parametrize("year", [2001, 2027])
def test_exclusion_outside_the_data_names_the_gap_and_the_flag(year: int) -> None:
    with pytest.raises(p.MissingParameterError, match=rf"{year} is not in the data.*--exclusion-amount"):
        p.exclusion("basic_exclusion_amount", year)


@pytest.mark.parametrize(
    ("month", "expected"),
    [(dt.date(2023, 5, 31), "0.044"), (dt.date(2023, 6, 1), "0.042"), (dt.date(2026, 10, 31), "0.056")],
)
def test_7520_rate_by_month(month: dt.date, expected: str) -> None:
    assert p.section_7520_rate(month).value == Decimal(expected)


@pytest.mark.parametrize("month", [dt.date(2009, 12, 31), dt.date(2026, 11, 1)])
def test_7520_rate_outside_the_data_asks_for_rate(month: dt.date) -> None:
    with pytest.raises(p.MissingParameterError, match=r"not in the data.*--rate"):
        p.section_7520_rate(month)


@pytest.mark.parametrize(
    ("valuation", "table"),
    [
        (dt.date(2009, 5, 1), "2000CM"),
        (dt.date(2023, 5, 31), "2000CM"),
        (dt.date(2023, 6, 1), "2010CM"),
        (dt.date(2026, 11, 23), "2010CM"),
    ],
)
def test_mortality_table_by_valuation_date(valuation: dt.date, table: str) -> None:
    assert p.mortality_table_for(valuation).name == table


def test_mortality_table_before_2000cm_is_an_error() -> None:
    with pytest.raises(p.MissingParameterError, match="--table"):
        p.mortality_table_for(dt.date(2009, 4, 30))


@pytest.mark.parametrize(
    ("death", "rate"),
    [
        (dt.date(2005, 1, 1), "0.47"),
        (dt.date(2006, 12, 31), "0.46"),
        (dt.date(2009, 12, 31), "0.45"),
        (dt.date(2010, 1, 1), "0.35"),
        (dt.date(2012, 12, 31), "0.35"),
        (dt.date(2013, 1, 1), "0.40"),
        (dt.date(2026, 6, 14), "0.40"),
    ],
)
def test_highest_rate_either_side_of_each_change(death: dt.date, rate: str) -> None:
    assert p.highest_rate(death).value == Decimal(rate)


def test_highest_rate_before_the_table_is_an_error() -> None:
    with pytest.raises(p.MissingParameterError):
        p.highest_rate(dt.date(2000, 12, 31))


def test_rate_schedule_before_2002_is_an_error_naming_the_first_date_held() -> None:
    with pytest.raises(p.MissingParameterError, match=r"2001-12-31 is not in the data.*from 2002-01-01"):
        p.rate_schedule(dt.date(2001, 12, 31))
