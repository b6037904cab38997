"""The deferral's yearly loop on its own: taxes paid from the trust, growth and income, and the weights of the
years of death, against a flat 40% decedent tax checkable by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from advisor.calculators.actuarial import discount
from advisor.calculators.parameters import mortality_table
from advisor.calculators.qdot_deferral import DeferralInput
from advisor.calculators.qdot_deferral_years import TrustPath, follow_trust

D = Decimal
EXCLUSION = D(15_000_000)
TABLE = mortality_table("2010CM")


def flat_tax(taxable_estate: Decimal) -> Decimal:
    """40% above the 2026 basic exclusion: the decedent's net tax with nothing else in play."""
    return max(D(0), taxable_estate - EXCLUSION) * D("0.4")


def follow(**plan: object) -> TrustPath:
    """A 10,000,000 QDOT beside a 15,000,000 taxable estate, no costs, the spouse 70."""
    facts = DeferralInput.model_validate(
        {
            "gross_estate": D(25_000_000),
            "death_date": dt.date(2026, 3, 1),
            "spouse_age": 70,
            "discount_rate": D("0.05"),
            "trustee_fee": D(0),
            "bond_premium": D(0),
            "return_preparation": D(0),
            **plan,
        }
    )
    return follow_trust(facts, TABLE, flat_tax, EXCLUSION, D(10_000_000), D(0), discount(facts.discount_rate))


def test_tax_paid_from_the_trust_is_next_years_distribution() -> None:
    # year 1: 40% x 200,000 = 80,000, paid in year 2 and distributed with it: 40% x 280,000 = 112,000;
    # year 3: 40% x (200,000 + 112,000) = 124,800
    years = follow(principal_distributions=D(200_000)).years
    assert [(y.tax_paid_from_trust, y.qdot_tax) for y in years[:3]] == [
        (0, D(80_000)),
        (D(80_000), D(112_000)),
        (D(112_000), D(124_800)),
    ]
    assert years[1].value_start == D(9_800_000) and years[2].value_start == D(9_520_000)


def test_growth_and_income() -> None:
    # income is paid out (exempt); only growth stays: 10,000,000 x 1.04 = 10,400,000 after year 1
    years = follow(growth=D("0.04"), income_yield=D("0.03")).years
    assert (years[0].income, years[0].growth, years[0].value_end) == (D(300_000), D(400_000), D(10_400_000))
    assert years[0].tax_if_spouse_dies == D(4_160_000)


def test_every_year_to_the_end_of_the_table_and_the_deaths_weigh_one() -> None:
    # A static trust: whatever the year of death, 40% of 10,000,000 falls due then; the spouse dies in some year.
    path = follow()
    assert len(path.years) == TABLE.max_age - 70
    assert path.tax_if_death == [D(4_000_000)] * len(path.years)
    assert sum(year.probability_of_death for year in path.years) == 1
