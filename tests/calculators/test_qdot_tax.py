"""QDOT tax (IRC 2056A(b)(2), Form 706-QDT Part III) against hand computations from the statute.

Every expected figure is worked out in the comment beside it from the 2001(c) schedule
(over $1,000,000: $345,800 plus 40%), the basic exclusion amount of the year of death, and the
form's lines, never by calling the code under test.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.calculators.parameters import MissingParameterError
from advisor.calculators.qdot_tax import QdotTaxInput, compute_qdot_tax

D = Decimal
DEATH_2026 = dt.date(
    2026, 3, 1
)  # basic exclusion $15,000,000; credit = tax on it = 345,800 + 0.4 x 14,000,000 = 5,945,800
DEATH_2024 = dt.date(2024, 7, 1)  # basic exclusion $13,610,000; credit = 345,800 + 0.4 x 12,610,000 = 5,389,800


def tax(**kwargs: object) -> Decimal:
    return compute_qdot_tax(QdotTaxInput(**kwargs)).qdot_tax  # type: ignore[arg-type]


def test_decedent_used_all_of_the_credit() -> None:
    # line 8 = 20,000,000: 345,800 + 0.4 x 19,000,000 = 7,945,800 - 5,945,800 = 2,000,000
    # line 9 = 21,000,000: 8,345,800 - 5,945,800 = 2,400,000; line 12 = 400,000 (40% of the distribution)
    result = compute_qdot_tax(
        QdotTaxInput(decedent_taxable_estate=D(20_000_000), death_date=DEATH_2026, distributions=D(1_000_000))
    )
    assert (result.tax_on_prior, result.tax_on_total, result.qdot_tax) == (D(2_000_000), D(2_400_000), D(400_000))
    assert result.taxable_amount == D(1_000_000)


def test_decedent_left_credit_unused_and_it_is_allowed_again() -> None:
    # line 8 = 5,000,000: tentative 1,945,800 < credit 5,945,800 -> 0
    # line 5 = 12,000,000 - 500,000 hardship = 11,500,000; line 9 = 16,500,000:
    # 345,800 + 0.4 x 15,500,000 = 6,545,800 - 5,945,800 = 600,000
    result = compute_qdot_tax(
        QdotTaxInput(
            decedent_taxable_estate=D(5_000_000),
            death_date=DEATH_2026,
            distributions=D(12_000_000),
            hardship=D(500_000),
        )
    )
    assert result.taxable_distributions == D(11_500_000)
    assert (result.tax_on_prior, result.tax_on_total, result.qdot_tax) == (0, D(600_000), D(600_000))
    assert any("unused" in note for note in result.notes)


def test_distribution_inside_the_unused_credit_is_not_taxed() -> None:
    # 5,000,000 + 2,000,000 = 7,000,000 is below the 15,000,000 exclusion: both recomputations are 0
    assert tax(decedent_taxable_estate=D(5_000_000), death_date=DEATH_2026, distributions=D(2_000_000)) == 0


def test_prior_distributions_use_up_the_credit_first() -> None:
    # line 8 = 5,000,000 + 9,000,000 prior = 14,000,000 -> 0; line 9 = 16,000,000:
    # 345,800 + 0.4 x 15,000,000 = 6,345,800 - 5,945,800 = 400,000
    assert tax(
        decedent_taxable_estate=D(5_000_000),
        death_date=DEATH_2026,
        distributions=D(2_000_000),
        prior_taxable=D(9_000_000),
    ) == D(400_000)


def test_hardship_distribution_is_exempt() -> None:
    # all of the 750,000 is hardship: line 1 = 0 and the tax is 0 even above the credit
    assert (
        tax(
            decedent_taxable_estate=D(20_000_000),
            death_date=DEATH_2026,
            distributions=D(750_000),
            hardship=D(750_000),
        )
        == 0
    )


def test_property_at_death_less_marital_and_charitable_deductions() -> None:
    # death 2024. line 1 = 200,000; line 2 = 3,000,000; line 4 = 500,000 + 300,000; line 5 = 2,400,000
    # line 8 = 20,000,000 + 1,000,000 = 21,000,000: 345,800 + 0.4 x 20,000,000 = 8,345,800 - 5,389,800 = 2,956,000
    # line 9 = 23,400,000: 345,800 + 0.4 x 22,400,000 = 9,305,800 - 5,389,800 = 3,916,000; line 12 = 960,000
    result = compute_qdot_tax(
        QdotTaxInput(
            decedent_taxable_estate=D(20_000_000),
            death_date=DEATH_2024,
            distributions=D(200_000),
            prior_taxable=D(1_000_000),
            property_at_death=D(3_000_000),
            marital_deduction=D(500_000),
            charitable_deduction=D(300_000),
        )
    )
    assert result.deductions == D(800_000) and result.taxable_amount == D(2_400_000)
    assert (result.tax_on_prior, result.tax_on_total, result.qdot_tax) == (D(2_956_000), D(3_916_000), D(960_000))
    labels = [line.label for line in result.lines]
    assert "Line 12 Net estate tax (QDOT tax)" in labels and labels.index("Line 7  Taxable estate of the decedent") > 0


def test_adjusted_taxable_gifts_of_the_decedent_count() -> None:
    # base on line 8 = 10,000,000 + 4,000,000 gifts = 14,000,000 -> 0
    # line 9 base = 17,000,000: 345,800 + 0.4 x 16,000,000 = 6,745,800 - 5,945,800 = 800,000 (without gifts: 0)
    facts = {"decedent_taxable_estate": D(10_000_000), "death_date": DEATH_2026, "distributions": D(3_000_000)}
    assert tax(**facts, adjusted_taxable_gifts=D(4_000_000)) == D(800_000)
    assert tax(**facts) == 0


def test_nonresident_decedent_recomputed_under_2101_with_the_13000_credit() -> None:
    # line 8 = 500,000: 155,800 - 13,000 = 142,800; line 9 = 600,000: 155,800 + 0.37 x 100,000 = 192,800 - 13,000
    # = 179,800; line 12 = 37,000 (the 37% bracket)
    assert tax(
        decedent_taxable_estate=D(500_000),
        death_date=DEATH_2026,
        distributions=D(100_000),
        nonresident=True,
    ) == D(37_000)


@pytest.mark.parametrize(
    ("death", "rate", "expected"),
    [
        # Form 706-QDT Table of Maximum Tax Rates: 45% for deaths in 2007-2009, 35% 2010-2012, 40% after 2012
        (dt.date(2008, 5, 1), D("0.45"), D(450_000)),
        (dt.date(2011, 5, 1), D("0.35"), D(350_000)),
        # death in 2026 with credit left over: the highest-rate rule taxes the whole 1,000,000 at 40%
        (DEATH_2026, D("0.40"), D(400_000)),
    ],
)
def test_highest_rate_rule(death: dt.date, rate: Decimal, expected: Decimal) -> None:
    result = compute_qdot_tax(
        QdotTaxInput(
            decedent_taxable_estate=D(5_000_000), death_date=death, distributions=D(1_000_000), highest_rate=True
        )
    )
    assert result.highest_rate == rate and result.qdot_tax == expected
    assert any("Table of Maximum Tax Rates" in c.parameter for c in result.citations)


def test_highest_rate_given_explicitly_for_a_death_the_data_lacks() -> None:
    facts = {"decedent_taxable_estate": D(1_000_000), "death_date": dt.date(1999, 1, 5), "distributions": D(100_000)}
    with pytest.raises(MissingParameterError, match="--highest-rate-percent"):
        tax(**facts, highest_rate=True)
    assert tax(**facts, highest_rate=True, highest_rate_override=D("0.55")) == D(55_000)


def test_pre_2002_death_without_the_highest_rate_rule_says_the_schedule_is_missing() -> None:
    with pytest.raises(MissingParameterError, match="rate schedule for 2001-12-31"):
        tax(decedent_taxable_estate=D(1_000_000), death_date=dt.date(2001, 12, 31), distributions=D(100_000))


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"distributions": D(100), "hardship": D(101)}, "hardship exemption"),
        (
            {
                "distributions": D(0),
                "property_at_death": D(100),
                "marital_deduction": D(60),
                "charitable_deduction": D(41),
            },
            "deductions",
        ),
        ({"distributions": D(0), "charitable_deduction": D(1)}, "deductions"),
        ({"distributions": D(-1)}, "greater than or equal to 0"),
        ({"distributions": D(1), "prior_taxable": D(-5)}, "greater than or equal to 0"),
        ({"distributions": D(1), "highest_rate_override": D("0.4")}, "only with the highest-rate rule"),
        ({"distributions": D(1), "surprise": 1}, "Extra inputs"),
    ],
)
def test_rejects_what_the_form_forbids(facts: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        QdotTaxInput(decedent_taxable_estate=D(1_000_000), death_date=DEATH_2026, **facts)  # type: ignore[arg-type]


amounts = st.integers(min_value=0, max_value=40_000_000).map(D)


@settings(max_examples=60, deadline=None)
@given(estate=amounts, yearly=st.lists(amounts, min_size=1, max_size=6), highest=st.booleans())
def test_taxes_of_the_years_add_up_to_the_tax_on_the_total(
    estate: Decimal, yearly: list[Decimal], highest: bool
) -> None:
    """IRC 2056A(b)(2): each year's tax plus the earlier years' equals the tax on all amounts at once."""
    paid, prior = D(0), D(0)
    for amount in yearly:
        paid += tax(
            decedent_taxable_estate=estate,
            death_date=DEATH_2026,
            distributions=amount,
            prior_taxable=prior,
            highest_rate=highest,
        )
        prior += amount
    at_once = tax(decedent_taxable_estate=estate, death_date=DEATH_2026, distributions=prior, highest_rate=highest)
    assert paid == at_once
    # meaningful: once the base exceeds the exclusion by the whole distribution, 40% of it is due
    if estate >= 15_000_000 or highest:
        assert at_once == (prior * D("0.4")).quantize(D("0.01"))


@settings(max_examples=40, deadline=None)
@given(estate=amounts, low=amounts, extra=amounts)
def test_more_distributed_never_less_tax(estate: Decimal, low: Decimal, extra: Decimal) -> None:
    facts = {"decedent_taxable_estate": estate, "death_date": DEATH_2026}
    smaller = tax(**facts, distributions=low)
    assert 0 <= smaller <= tax(**facts, distributions=low + extra)
