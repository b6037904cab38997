"""State estate taxes by each state's own method, each figure worked by hand from the statute's table:
New York's cliff, Massachusetts' old federal credit less $99,600, Oregon's and Vermont's tables on the whole
estate, the tables on the estate above the exclusion (Connecticut with its cap, Hawaii, Maine, Minnesota,
Washington with its two 2026 schedules)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators.lean_tax import Schedule
from advisor.calculators.parameters import MissingParameterError, rows_on
from advisor.calculators.state_estate_tax import (
    SCHEDULES,
    StateTaxInput,
    compute_state_estate_tax,
    computed_states,
    has_schedule,
    state_schedule,
)
from advisor.calculators.tentative_tax import tentative_tax

DAY = dt.date(2026, 11, 23)


def tax(state: str, estate: int | D, day: dt.date = DAY) -> D:
    return compute_state_estate_tax(StateTaxInput(state=state, taxable_estate=D(estate), death_date=day)).tax


def ny(estate: int | D, day: dt.date = DAY) -> D:
    return tax("NY", estate, day)


def test_published_cliff_example() -> None:
    """$5,900,000 against the 2019 exclusion of $5,740,000 owes $356,800 (adlerandadler.com, 'The Cliff')."""
    assert ny(5_900_000, dt.date(2019, 6, 1)) == D("356800.00")


def test_at_or_below_the_exclusion_no_tax() -> None:
    assert ny(7_350_000) == 0 and ny(1_000_000) == 0


def test_above_105_percent_the_whole_estate_is_taxed() -> None:
    # 7,800,000 > 1.05 x 7,350,000 = 7,717,500: $650,800 + 13.6% of $700,000 (N.Y. Tax Law 952(b))
    assert ny(7_800_000) == D("746000.00")
    result = compute_state_estate_tax(StateTaxInput(state="NY", taxable_estate=D(7_800_000), death_date=DAY))
    assert result.over_cliff and result.credit == 0 and result.exclusion == D(7_350_000)
    assert [c.source for c in result.citations[:2]] == [
        "N.Y. Tax Law § 952(b)",
        "N.Y. Tax Law § 952(c); basic exclusion amount as published by the Department of Taxation and Finance",
    ]


def test_top_bracket_by_hand() -> None:
    # 20,000,000: $1,082,800 + 16% of $9,900,000 = $2,666,800
    assert ny(20_000_000) == D("2666800.00")


@given(st.integers(min_value=0, max_value=40_000_000), st.integers(min_value=1, max_value=2_000_000))
def test_tax_never_falls_as_the_estate_grows(estate: int, more: int) -> None:
    assert ny(estate + more) >= ny(estate)


def test_massachusetts_old_federal_credit_less_99600() -> None:
    """M.G.L. c. 65C 2A(a), (f): the IRC 2011(b) credit on the taxable estate less $60,000, less $99,600."""
    # $3,000,000 - $60,000 = $2,940,000: $146,800 + 8.8% of $400,000 = $182,000; less $99,600 = $82,400
    assert tax("MA", 3_000_000) == D("82400.00")
    # $2,100,000 - $60,000 = $2,040,000: $70,800 + 7.2% of $500,000 = $106,800; less $99,600 = $7,200
    assert tax("MA", 2_100_000) == D("7200.00")
    # the credit is the table's figure on $2,000,000, so nothing is due up to it and there is no cliff
    assert tax("MA", 2_000_000) == 0 and tax("MA", 2_000_001) == D("0.07")


def test_massachusetts_table_is_the_federal_2011b_table() -> None:
    """The two copies of the IRC 2011(b) table (the federal years and the Massachusetts statute) agree."""
    federal = [(r["over"], r["not_over"], r["base_tax"], r["rate_percent"]) for r in rows_on(
        "state_death_tax_credit.csv", dt.date(2004, 1, 1))]  # fmt: skip
    ours = [(r["over"], r["not_over"], r["base_tax"], r["rate_percent"]) for r in rows_on(SCHEDULES, DAY, state="MA")]
    assert ours == federal


def test_vermont_16_percent_above_five_million() -> None:
    """32 V.S.A. 7442a(b): none under $5,000,000; 16% of the excess over it."""
    assert tax("VT", 5_000_000) == 0
    assert tax("VT", 6_000_000) == D("160000.00")


def test_minnesota_table_on_the_estate_less_three_million() -> None:
    """Minn. Stat. 291.016 subd. 3 subtracts the exclusion; 291.03 subd. 1(b) taxes the rest."""
    assert tax("MN", 3_000_000) == 0
    assert tax("MN", 5_000_000) == D("260000.00")  # 13% of $2,000,000
    # $8,000,000 above the exclusion: $923,000 + 13.6% of $900,000 = $1,045,400
    assert tax("MN", 11_000_000) == D("1045400.00")
    result = compute_state_estate_tax(StateTaxInput(state="MN", taxable_estate=D(5_000_000), death_date=DAY))
    gifts = [c for c in result.citations if "gifts" in c.parameter]
    assert gifts and "not included" in gifts[0].value and "291.016" in gifts[0].source


@pytest.mark.parametrize("state", computed_states())
def test_every_state_table_is_contiguous_and_consistent(state: str) -> None:
    brackets = state_schedule(state, DAY).brackets
    assert brackets[0].over == 0 and brackets[-1].not_over is None
    for low, high in itertools.pairwise(brackets):
        assert low.not_over == high.over
        assert low.base_tax + low.rate * (high.over - low.over) == high.base_tax


@pytest.mark.parametrize("state", computed_states())
@given(estate=st.integers(min_value=0, max_value=40_000_000), more=st.integers(min_value=1, max_value=2_000_000))
def test_every_state_tax_never_falls_and_jumps_only_at_a_real_cliff(state: str, estate: int, more: int) -> None:
    low, high = tax(state, estate), tax(state, estate + more)
    assert high >= low
    if state != "NY":  # only New York has a cliff (N.Y. Tax Law 952(c)(1))
        assert high - low <= state_schedule(state, DAY).top_rate * more + D("0.02")


def test_connecticut_12_percent_above_the_exclusion_capped_at_15_million() -> None:
    """Conn. Gen. Stat. 12-391: 12% above the 2026 exemption of $15,000,000; gift and estate tax capped at $15M."""
    assert tax("CT", 15_000_000) == 0
    assert tax("CT", 20_000_000) == D("600000.00")  # 12% of $5,000,000
    result = compute_state_estate_tax(StateTaxInput(state="CT", taxable_estate=D(200_000_000), death_date=DAY))
    assert result.tentative_tax == D("22200000.00") and result.tax == D("15000000.00")  # 12% of $185M, capped


def test_hawaii_table_on_the_net_taxable_estate() -> None:
    """HRS 236E-8(b) on the Hawaii net taxable estate: the taxable estate less $5,490,000 (236E-6)."""
    assert tax("HI", 5_490_000) == 0
    assert tax("HI", 6_490_000) == D("100000.00")  # 10% of $1,000,000
    # $14,510,000 net: $1,385,000 + 20% of $4,510,000 = $2,287,000
    assert tax("HI", 20_000_000) == D("2287000.00")


def test_maine_8_10_12_percent_above_the_2026_exclusion() -> None:
    """36 M.R.S. 4103(1): 8% of the first $3,000,000 above the exclusion, 10% of the next $3,000,000, then 12%."""
    assert tax("ME", 7_160_000) == 0
    assert tax("ME", 10_000_000) == D("227200.00")  # 8% of $2,840,000
    # $7,840,000 above: $540,000 + 12% of $1,840,000 = $760,800
    assert tax("ME", 15_000_000) == D("760800.00")
    assert not has_schedule("ME", dt.date(2027, 1, 1))  # the indexed exclusion is in the data for 2026 only


def test_oregon_table_on_the_whole_estate_from_one_million() -> None:
    """ORS 118.010(4): nothing below $1,000,000; then column 3 plus column 4 on the excess over column 1."""
    assert tax("OR", 1_000_000) == 0
    assert tax("OR", 1_500_000) == D("50000.00")  # 10% of $500,000
    # $4,000,000: $257,500 + 11% of $500,000 = $312,500
    assert tax("OR", 4_000_000) == D("312500.00")


def test_washington_two_schedules_in_2026() -> None:
    """RCW 83.100.020, .040: to June 2026 a $3,076,000 exclusion and rates to 35%; from July $3,000,000 and 20%."""
    spring, autumn = dt.date(2026, 3, 1), dt.date(2026, 9, 1)
    assert tax("WA", 5_076_000, spring) == D("250000.00")  # $100,000 + 15% of $1,000,000
    assert tax("WA", 5_000_000, autumn) == D("240000.00")  # $100,000 + 14% of $1,000,000
    # $12,000,000 above the exclusion: $1,490,000 + 20% of $3,000,000 = $2,090,000
    assert tax("WA", 15_000_000, autumn) == D("2090000.00")
    # the same estate in the spring: $11,924,000 above: $1,930,000 + 35% of $2,924,000 = $2,953,400
    assert tax("WA", 15_000_000, spring) == D("2953400.00")


def test_only_states_with_a_method_and_table_are_computed() -> None:
    assert set(computed_states()) == {"NY", "MA", "MN", "VT", "ME", "HI", "CT", "OR", "WA"}
    for left_out in ("IL", "MD", "DC", "RI"):
        assert not has_schedule(left_out, DAY)
    with pytest.raises(MissingParameterError, match="IL estate tax method"):
        compute_state_estate_tax(StateTaxInput(state="IL", taxable_estate=D(1), death_date=DAY))


TABLES = [
    (s, d) for s in computed_states() for d in (DAY, dt.date(2019, 6, 1), dt.date(2023, 6, 1)) if has_schedule(s, d)
]


@given(table=st.sampled_from(TABLES), estate=st.decimals(min_value=0, max_value=100_000_000, places=2))
def test_a_table_read_as_plain_numbers_taxes_as_its_brackets_do(table: tuple[str, dt.date], estate: D) -> None:
    """The tax reads a state's table once as plain numbers (lean_tax's Schedule): the same cents as tentative_tax
    on the cited brackets, at every amount."""
    schedule = state_schedule(*table)
    assert Schedule.of(schedule).tentative(estate) == tentative_tax(estate, schedule)
