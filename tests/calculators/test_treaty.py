"""Estate tax treaties: the pro-rata unified credit and the Canadian marital credit by hand, and unverified
rows that never give a figure (the table itself: test_treaty_provisions.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.money import InputError
from advisor.calculators.parameters import MissingParameterError, rate_schedule
from advisor.calculators.tentative_tax import tentative_tax

D = Decimal
DEATH_2026 = dt.date(2026, 6, 1)
SCHEDULE = rate_schedule(DEATH_2026)
CREDIT_2026 = D("5945800")
"""IRC 2001(c) tax on the 2026 basic exclusion amount of $15,000,000: 345,800 + 40% x 14,000,000."""


def nonresident(us: str, worldwide: str | None, treaty: str | None, **more: object) -> EstateTaxInput:
    return EstateTaxInput(
        taxable_estate=D(us),
        year=2026,
        nonresident=True,
        treaty=treaty,
        worldwide_gross_estate=D(worldwide) if worldwide else None,
        **more,  # type: ignore[arg-type]
    )


def test_kenji_japan_is_fully_sheltered() -> None:
    # 5,945,800 x 2.5m / 10m = 1,486,450 > the tentative tax on 2.5m: 345,800 + 40% x 1.5m = 945,800
    result = compute_estate_tax(nonresident("2500000", "10000000", "JP"))
    assert result.tentative_tax == D("945800")
    assert result.treaty is not None and result.treaty.pro_rata is not None
    assert result.treaty.pro_rata.applicable_credit_amount == CREDIT_2026
    assert result.treaty.pro_rata.pro_rata == D("1486450")
    assert result.applicable_credit == D("945800") and result.net_estate_tax == 0
    assert result.treaty.status == "applied" and result.treaty.country_name == "Japan"
    assert any("Japan" in c.parameter and "PR-UC" in c.source for c in result.citations)


def test_partly_sheltered() -> None:
    # Switzerland, $10m US of $40m: credit 5,945,800 / 4 = 1,486,450; tax on 10m = 345,800 + 40% x 9m = 3,945,800
    result = compute_estate_tax(nonresident("10000000", "40000000", "CH"))
    assert result.applicable_credit == D("1486450")
    assert result.net_estate_tax == D("2459350")
    # what the credit is worth: 1,000,000 + (1,486,450 - 345,800) / 40% = 3,851,625
    assert result.exclusion_amount == D("3851625")


def test_statutory_credit_when_the_share_is_smaller() -> None:
    # Greece, $100,000 US of $100m: 5,945,800 x 0.001 = 5,945.80 < 13,000, so the Code's credit stays
    result = compute_estate_tax(nonresident("100000", "100000000", "GR"))
    assert result.treaty is not None and result.treaty.pro_rata is not None
    assert result.treaty.pro_rata.pro_rata == D("5945.80")
    assert result.applicable_credit == D("13000")
    assert result.net_estate_tax == tentative_tax(D("100000"), SCHEDULE) - 13000 == D("10800")


def test_us_gross_estate_differs_from_the_taxable_estate() -> None:
    # Italy: gross US estate 3m (taxable 2.5m after debts) of 12m; credit 5,945,800 x 3/12 = 1,486,450
    result = compute_estate_tax(nonresident("2500000", "12000000", "IT", us_gross_estate=D("3000000")))
    assert result.treaty is not None and result.treaty.pro_rata is not None
    assert result.treaty.pro_rata.pro_rata == D("1486450")


def test_non_treaty_country_gets_todays_figures() -> None:
    plain = compute_estate_tax(EstateTaxInput(taxable_estate=D("2500000"), year=2026, nonresident=True))
    mexico = compute_estate_tax(nonresident("2500000", "10000000", "MX"))
    assert (mexico.applicable_credit, mexico.net_estate_tax) == (plain.applicable_credit, plain.net_estate_tax)
    assert mexico.net_estate_tax == D("932800")
    assert mexico.treaty is not None and mexico.treaty.status == "no_treaty"


@pytest.mark.parametrize("country", ["NO", "GB", "NL", "AT"])
def test_unverified_or_uncomputed_rows_never_give_a_figure(country: str) -> None:
    result = compute_estate_tax(nonresident("2500000", "10000000", country))
    assert result.net_estate_tax == D("932800") and result.applicable_credit == D("13000")
    assert result.treaty is not None and result.treaty.status == "not_computed"
    assert "may change this result — not computed" in result.treaty.message
    assert result.treaty.pro_rata is None and result.treaty.other_provisions


def test_canadian_marital_credit_with_its_conditions() -> None:
    # $3m US of $40m: unified credit 5,945,800 x 3/40 = 445,935; tax 345,800 + 40% x 2m = 1,145,800;
    # after the unified credit 699,865, all of it on property passing to the spouse;
    # marital credit = lesser of 445,935 and 699,865 = 445,935; net 253,930
    result = compute_estate_tax(
        nonresident("3000000", "40000000", "CA", marital_credit_property=D("3000000"), spouse_residence="CA")
    )
    assert result.applicable_credit == D("445935")
    assert result.treaty is not None and result.treaty.marital_credit is not None
    marital = result.treaty.marital_credit
    assert marital.allowed and marital.tax_on_qualifying_property == D("699865") and marital.credit == D("445935")
    assert result.net_estate_tax == D("253930")
    assert any("XXIX B(3)" in c.parameter for c in result.citations)


def test_canadian_marital_credit_limited_by_the_tax_on_the_spouses_share() -> None:
    # half the estate to a spouse living in the US: tax on it = 699,865 / 2 = 349,932.50 < 445,935
    result = compute_estate_tax(
        nonresident("3000000", "40000000", "CA", marital_credit_property=D("1500000"), spouse_residence="US")
    )
    assert result.treaty is not None and result.treaty.marital_credit is not None
    assert result.treaty.marital_credit.credit == D("349932.50")
    assert result.net_estate_tax == D("699865") - D("349932.50")


def test_canadian_marital_credit_without_its_conditions() -> None:
    result = compute_estate_tax(
        nonresident("3000000", "40000000", "CA", marital_credit_property=D("3000000"), spouse_residence="FR")
    )
    assert result.treaty is not None and result.treaty.marital_credit is not None
    assert not result.treaty.marital_credit.allowed and "France" in result.treaty.marital_credit.reason
    assert result.net_estate_tax == D("699865")


def test_treaty_marital_credit_and_qdot_are_alternatives() -> None:
    with pytest.raises(InputError, match=r"20\.2056A-1\(c\)"):
        compute_estate_tax(
            nonresident(
                "3000000",
                "40000000",
                "CA",
                marital_credit_property=D("3000000"),
                spouse_residence="CA",
                qdot_elected=True,
            )
        )


def test_marital_credit_only_where_the_data_holds_one() -> None:
    with pytest.raises(InputError, match="no verified marital credit"):
        compute_estate_tax(
            nonresident("3000000", "40000000", "DE", marital_credit_property=D("1"), spouse_residence="DE")
        )


def test_bad_treaty_inputs() -> None:
    with pytest.raises(InputError, match="--worldwide-estate"):
        compute_estate_tax(nonresident("2500000", None, "JP"))
    with pytest.raises(InputError, match="part of the whole"):
        compute_estate_tax(nonresident("2500000", "2000000", "JP"))
    with pytest.raises(ValidationError, match="--nonresident"):
        EstateTaxInput(taxable_estate=D(1), year=2026, treaty="JP", worldwide_gross_estate=D(2))


@given(
    us=st.integers(min_value=0, max_value=50_000_000),
    extra=st.integers(min_value=1, max_value=200_000_000),
)
def test_treaty_never_raises_the_tax_and_credit_never_exceeds_the_tax(us: int, extra: int) -> None:
    plain = compute_estate_tax(EstateTaxInput(taxable_estate=D(us), year=2026, nonresident=True))
    treaty = compute_estate_tax(nonresident(str(us), str(us + extra), "JP"))
    assert treaty.net_estate_tax <= plain.net_estate_tax
    assert 0 <= treaty.applicable_credit <= treaty.tentative_tax
    assert treaty.net_estate_tax >= 0


def citizen(estate: str, **more: object) -> EstateTaxInput:
    return EstateTaxInput(
        taxable_estate=D(estate),
        year=2026,
        treaty="CA",
        marital_credit_property=D(estate),
        **more,  # type: ignore[arg-type]
    )


def test_canadian_marital_credit_for_a_us_citizen_with_a_canadian_spouse_in_the_us() -> None:
    # $20m: tentative 345,800 + 40% x 19m = 7,945,800; applicable credit 5,945,800; tax 2,000,000;
    # marital credit = lesser of 5,945,800 and 2,000,000
    result = compute_estate_tax(citizen("20000000", spouse_residence="US", canadian_citizen_in_couple=True))
    assert result.applicable_credit == CREDIT_2026
    assert result.treaty is not None and result.treaty.marital_credit is not None
    assert result.treaty.marital_credit.credit == D("2000000") and result.net_estate_tax == 0
    assert result.treaty.article == "Art. XXIX B(3)-(4)"
    assert not any("XXIX B(2)" in other for other in result.treaty.other_provisions)


def test_canadian_marital_credit_capped_at_the_unified_credit() -> None:
    # $30m: tax 11,945,800 - 5,945,800 = 6,000,000 > the unified credit: 6,000,000 - 5,945,800 = 54,200 left
    result = compute_estate_tax(citizen("30000000", spouse_residence="CA"))
    assert result.net_estate_tax == D("54200")


def test_no_canadian_marital_credit_when_both_live_in_the_us_and_neither_is_canadian() -> None:
    result = compute_estate_tax(citizen("20000000", spouse_residence="US"))
    assert result.treaty is not None and result.treaty.marital_credit is not None
    assert not result.treaty.marital_credit.allowed and "Canadian citizen" in result.treaty.marital_credit.reason
    assert result.net_estate_tax == D("2000000")


def test_a_citizen_gets_no_pro_rata_credit() -> None:
    with pytest.raises(ValidationError, match="Canadian marital credit"):
        EstateTaxInput(taxable_estate=D(1), year=2026, treaty="CA", worldwide_gross_estate=D(2))


def test_a_year_the_data_lacks_needs_the_exclusion_the_treaty_prorates() -> None:
    late = EstateTaxInput(
        taxable_estate=D("2500000"), year=2040, nonresident=True, treaty="JP", worldwide_gross_estate=D("10000000")
    )
    with pytest.raises(MissingParameterError, match="--exclusion-amount"):
        compute_estate_tax(late)
    given = compute_estate_tax(late.model_copy(update={"exclusion_amount": D("15000000")}))
    assert given.treaty is not None and given.treaty.pro_rata is not None
    assert given.treaty.pro_rata.pro_rata == D("1486450") and given.net_estate_tax == 0
    assert any(c.source == "given explicitly" for c in given.citations)
