"""New York's estate tax: its rate table, the credit phased out between 100% and 105% of the exclusion, the cliff."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators.parameters import MissingParameterError
from advisor.calculators.state_estate_tax import StateTaxInput, compute_state_estate_tax, has_schedule

DAY = dt.date(2026, 11, 23)


def ny(estate: int | D, exclusion: int | D = 7_350_000, day: dt.date = DAY) -> D:
    facts = StateTaxInput(state="NY", taxable_estate=D(estate), basic_exclusion=D(exclusion), death_date=day)
    return compute_state_estate_tax(facts).tax


def test_published_cliff_example() -> None:
    """$5,900,000 against the 2019 exclusion of $5,740,000 owes $356,800 (adlerandadler.com, 'The Cliff')."""
    assert ny(5_900_000, 5_740_000, dt.date(2019, 6, 1)) == D("356800.00")


def test_at_or_below_the_exclusion_no_tax() -> None:
    assert ny(7_350_000) == 0 and ny(1_000_000) == 0


def test_above_105_percent_the_whole_estate_is_taxed() -> None:
    # 7,800,000 > 1.05 x 7,350,000 = 7,717,500: $650,800 + 13.6% of $700,000 (N.Y. Tax Law 952(b))
    assert ny(7_800_000) == D("746000.00")
    result = compute_state_estate_tax(
        StateTaxInput(state="NY", taxable_estate=D(7_800_000), basic_exclusion=D(7_350_000), death_date=DAY)
    )
    assert result.over_cliff and result.credit == 0
    assert [c.source for c in result.citations] == ["N.Y. Tax Law § 952(b)", "N.Y. Tax Law § 952(c)(1)"]


def test_top_bracket_by_hand() -> None:
    # 20,000,000: $1,082,800 + 16% of $9,900,000 = $2,666,800
    assert ny(20_000_000) == D("2666800.00")


@given(st.integers(min_value=0, max_value=40_000_000), st.integers(min_value=1, max_value=2_000_000))
def test_tax_never_falls_as_the_estate_grows(estate: int, more: int) -> None:
    assert ny(estate + more) >= ny(estate)


def test_only_states_with_a_table_are_computed() -> None:
    assert has_schedule("NY") and not has_schedule("MA")
    with pytest.raises(MissingParameterError, match="MA estate tax rate table"):
        compute_state_estate_tax(StateTaxInput(state="MA", taxable_estate=D(1), basic_exclusion=D(0), death_date=DAY))
