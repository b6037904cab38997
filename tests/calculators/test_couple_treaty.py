"""The Canadian marital credit as a route of the couple model, against hand computations: a survivor aged 109
dies within the year for certain (Table 2010CM ends at 110), so every figure is one or two discounted sums."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor.calculators.couple import ROUTES, compare_routes
from advisor.calculators.couple.treaty_route import KEY, canadian_marital_credit_route
from tests.calculators.test_couple import R, cents, facts

D = Decimal
CANADIAN_IN_US = canadian_marital_credit_route(spouse_residence="US", canadian_citizen_in_couple=True)


def test_survivor_with_nothing_of_their_own_defers_the_tax_to_their_death() -> None:
    # 20M: the tax of 2,000,000 (7,945,800 - 5,945,800) is all covered by the marital credit, the lesser of the
    # unified credit 5,945,800 and 2,000,000. The survivor dies with 20M: 40% x 5M = 2,000,000 a year later.
    # Pay now: 2,000,000 now; the survivor's 18M owes 1,200,000, all absorbed by the 2013 credit.
    result = compare_routes(facts(), (*ROUTES, CANADIAN_IN_US), breakevens=False)
    route, pay = result.routes[KEY], result.routes["pay_now"]
    assert route.feasible and route.tax_at_first_death == 0
    assert route.pv_taxes == cents(D(2_000_000) / R**2)
    assert route.expected_to_heirs == cents(D(18_000_000) / R**2)
    assert pay.pv_taxes == cents(D(2_000_000) / R)
    assert "marital credit $2,000,000" in route.notes[0]
    # the QDOT defers the same tax (2,000,000 of QDOT tax, credited in the survivor's estate), but only the
    # QDOT has a trust's costs: with them counted the treaty election is the cheapest route
    assert route.pv_taxes == result.routes["qdot"].pv_taxes
    with_costs = compare_routes(facts(costs=True), (*ROUTES, CANADIAN_IN_US), breakevens=False)
    assert with_costs.routes[KEY].pv_costs == 0 < with_costs.routes["qdot"].pv_costs
    assert with_costs.best_route == KEY


def test_survivor_with_an_estate_of_their_own_pays_more_later() -> None:
    # Survivor's own 10M: with the credit the survivor dies with 30M: 40% x 15M = 6,000,000 and no 2013 credit
    # (nothing was paid at the first death); paying now costs 2,000,000 + 3,200,000 a year later.
    result = compare_routes(facts(spouse_estate=D(10_000_000)), (*ROUTES, CANADIAN_IN_US), breakevens=False)
    assert result.routes[KEY].pv_taxes == cents(D(6_000_000) / R**2)
    assert result.routes["pay_now"].pv_taxes == cents(D(2_000_000) / R + D(3_200_000) / R**2)
    assert result.best_route == "pay_now"


def test_credit_capped_at_the_unified_credit() -> None:
    # 30M: tax 11,945,800 - 5,945,800 = 6,000,000; credit 5,945,800; 54,200 still paid at the first death
    result = compare_routes(facts(estate=D(30_000_000)), (*ROUTES, CANADIAN_IN_US), breakevens=False)
    assert result.routes[KEY].tax_at_first_death == D(54_200)


@pytest.mark.parametrize(
    ("route", "changes", "why"),
    [
        (canadian_marital_credit_route(spouse_residence="US"), {}, "neither is a Canadian citizen"),
        (canadian_marital_credit_route(spouse_residence="FR"), {}, "France"),
        (CANADIAN_IN_US, {"decedent_nonresident": True}, "pro-rata credit"),
        (CANADIAN_IN_US, {"spouse_citizen": True}, "US citizen"),
    ],
)
def test_route_closed_without_its_conditions(route: object, changes: dict[str, object], why: str) -> None:
    result = compare_routes(facts(**changes), (*ROUTES, route), breakevens=False)  # type: ignore[arg-type]
    closed = result.routes[KEY]
    assert not closed.feasible and why in (closed.why_not or "")
    assert result.best_route != KEY
