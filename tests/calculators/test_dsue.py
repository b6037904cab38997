"""The DSUE amount a surviving spouse's estate may add: at most the basic exclusion amount of the year the
last deceased spouse died (IRC 2010(c)(4)(A)); only from a spouse dying after 2010; never for the estate
of a nonresident not a citizen (Reg. 20.2010-3(e))."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from advisor.calculators.estate_tax import EstateTaxInput, EstateTaxResult, compute_estate_tax
from advisor.calculators.money import InputError
from advisor.calculators.parameters import exclusion
from advisor.calculators.qdot_tax import QdotTaxInput, compute_qdot_tax


def estate(**facts: object) -> EstateTaxResult:
    return compute_estate_tax(EstateTaxInput.model_validate({"taxable_estate": D(30_000_000), **facts}))


def test_dsue_up_to_the_largest_basic_exclusion_is_accepted_without_its_year() -> None:
    # Largest basic exclusion of 2011-2026 is 2026's $15,000,000: exclusion 15,000,000 + 15,000,000.
    result = estate(year=2026, dsue=D(15_000_000))
    assert result.exclusion_amount == D(30_000_000) and result.net_estate_tax == 0


@pytest.mark.parametrize("dsue", [D("15000000.01"), D(16_000_000), D(100_000_000)])
def test_dsue_above_every_basic_exclusion_is_refused_with_the_limit(dsue: D) -> None:
    with pytest.raises(InputError, match=r"IRC 2010\(c\)\(4\)\(A\).*2011 to 2026.*\$15,000,000"):
        estate(year=2026, dsue=dsue)


@pytest.mark.parametrize(("dsue_year", "limit"), [(2011, "5,000,000"), (2012, "5,120,000"), (2018, "11,180,000")])
def test_dsue_limit_is_the_basic_exclusion_of_the_year_it_came_from(dsue_year: int, limit: str) -> None:
    cap = exclusion("basic_exclusion_amount", dsue_year).value
    assert f"{cap:,}" == limit
    assert estate(year=2026, dsue=cap, dsue_year=dsue_year).dsue == cap
    with pytest.raises(InputError, match=rf"basic exclusion amount of {dsue_year}.*\${limit}"):
        estate(year=2026, dsue=cap + D("0.01"), dsue_year=dsue_year)


def test_dsue_limit_for_a_death_in_2012_is_at_most_2012s_exclusion() -> None:
    # No year given: the largest of 2011 ($5,000,000) and 2012 ($5,120,000).
    assert estate(year=2012, dsue=D(5_120_000)).dsue == D(5_120_000)
    with pytest.raises(InputError, match=r"\$5,120,000"):
        estate(year=2012, dsue=D(5_120_001))


def test_dsue_limit_applies_in_the_qdot_recomputation() -> None:
    facts = {"decedent_taxable_estate": D(1), "death_date": dt.date(2013, 3, 1), "distributions": D(1)}
    with pytest.raises(InputError, match=r"\$5,250,000"):
        compute_qdot_tax(QdotTaxInput.model_validate({**facts, "dsue": D(5_250_001)}))


def test_no_dsue_before_portability() -> None:
    with pytest.raises(ValidationError, match="after December 31, 2010"):
        EstateTaxInput(taxable_estate=D(1), year=2010, dsue=D(1))
    with pytest.raises(ValidationError, match="dsue-year 2010"):
        EstateTaxInput(taxable_estate=D(1), year=2026, dsue=D(1), dsue_year=2010)


def test_dsue_year_after_the_death_is_refused() -> None:
    with pytest.raises(ValidationError, match="no later than the decedent"):
        EstateTaxInput(taxable_estate=D(1), year=2020, dsue=D(1), dsue_year=2021)


def test_never_for_a_nonresident_not_a_citizen() -> None:
    with pytest.raises(ValidationError, match=r"20\.2010-3\(e\)"):
        EstateTaxInput(taxable_estate=D(1), year=2026, nonresident=True, dsue=D(1))
