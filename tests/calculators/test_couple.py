"""The couple model against hand computations: a survivor aged 109 dies within the year for certain
(Table 2010CM ends at 110), so every route's taxes can be worked out on paper; aged 108, two years."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from advisor.calculators.couple import (
    ROUTES,
    ComparisonInput,
    CoupleInput,
    Domicile,
    Route,
    RouteResult,
    Spouse,
    compare_couple,
    compare_routes,
)
from advisor.calculators.couple.setting import Context
from advisor.calculators.parameters import mortality_table, rate_schedule
from advisor.calculators.tentative_tax import tentative_tax

D = Decimal
DEATH = dt.date(2026, 6, 1)  # basic exclusion 15,000,000; 2027 on projected at the inflation given (here 0%)
SCHEDULE = rate_schedule(DEATH)
R = D("1.05")


def facts(**kwargs: object) -> ComparisonInput:
    base: dict[str, object] = {
        "estate": D(20_000_000),
        "death_date": DEATH,
        "spouse_age": 109,
        "discount_rate": D("0.05"),
        "inflation": D(0),
        "costs": False,
    }
    return ComparisonInput(**{**base, **kwargs})  # type: ignore[arg-type]


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(D("0.01"))


def test_survivor_in_the_us_taxable_pay_now_and_qdot_by_hand() -> None:
    result = compare_routes(facts(spouse_estate=D(10_000_000)), breakevens=False)
    pay, qdot = result.routes["pay_now"], result.routes["qdot"]
    # Pay now: 40% x 5,000,000 = 2,000,000 at the first death. The survivor dies with 10M + 18M = 28M:
    # 40% x (28M - 15M) = 5,200,000; 2013 credit min(2,000,000, 5,200,000 - tax on 10M (0)) = 2,000,000.
    assert pay.tax_at_first_death == D(2_000_000)
    assert pay.pv_taxes == cents(D(2_000_000) / R + D(3_200_000) / R**2)
    assert pay.expected_to_heirs == cents(D(24_800_000) / R**2)
    # QDOT of 5,000,000: no tax now; at the death 40% x 5M = 2,000,000 (IRC 2056A(b)(2)); the survivor's
    # 30M estate owes 40% x 15M = 6,000,000, less the credit for the QDOT tax (Reg. 20.2056A-7(a)): 4,000,000.
    assert result.qdot_amount == D(5_000_000) and qdot.tax_at_first_death == 0
    assert qdot.pv_taxes == cents(D(6_000_000) / R**2)
    assert qdot.expected_to_heirs == cents(D(24_000_000) / R**2)
    assert result.best_route == "pay_now"  # an immediate second death: the QDOT's estate still holds the tax
    assert result.routes["spousal_gifts"].feasible is False
    # a 0% chance of citizenship in time: the better of paying now and a QDOT by assignment
    assert result.routes["naturalize_before_return"].pv_total == pay.pv_total


def test_survivor_whose_tax_the_credit_absorbs() -> None:
    # 16M estate: pay now 400,000; the survivor's 15.6M owes 240,000, all absorbed by the 2013 credit
    # (second limitation 240,000 - tax on 0). QDOT of 1M: 400,000 a year later, the credit absorbs the rest.
    result = compare_routes(facts(estate=D(16_000_000)), breakevens=False)
    assert result.routes["pay_now"].pv_taxes == cents(D(400_000) / R)
    assert result.routes["qdot"].pv_taxes == cents(D(400_000) / R**2)
    assert result.best_route == "qdot"


def test_survivor_abroad_pays_on_us_situs_only_with_the_13000_credit() -> None:
    result = compare_routes(
        facts(
            spouse_domicile=Domicile.ABROAD,
            spouse_estate=D(5_000_000),
            spouse_us_situs=D(1_000_000),
            inherited_us_situs=D("0.5"),
        ),
        breakevens=False,
    )
    # Survivor's US base: 1M own + half of the 18M inherited = 10M; IRC 2101: tentative 3,945,800 - 13,000.
    # Second limitation: the tax less the tax without the 9M from the first decedent (1M: 345,800 - 13,000).
    gross = tentative_tax(D(10_000_000), SCHEDULE) - 13_000
    second = gross - (tentative_tax(D(1_000_000), SCHEDULE) - 13_000)
    assert second == D(3_600_000)
    survivor_tax = gross - min(D(2_000_000), second)
    assert result.routes["pay_now"].pv_taxes == cents(D(2_000_000) / R + survivor_tax / R**2)
    # QDOT of 5M: 2,000,000 of QDOT tax; the survivor's US base is 1M + half of the 15M outright + the 5M trust
    # (a US trust) = 13.5M; the credit is the lesser of the QDOT tax and the tax on the 12.5M from the decedent.
    qdot_gross = tentative_tax(D(13_500_000), SCHEDULE) - 13_000
    qdot_second = qdot_gross - (tentative_tax(D(1_000_000), SCHEDULE) - 13_000)
    qdot_survivor = qdot_gross - min(D(2_000_000), qdot_second)
    assert qdot_survivor == D(3_332_800)  # 345,800 + 40% x 12.5M - 13,000, less the 2,000,000 credit
    assert result.routes["qdot"].pv_taxes == cents((D(2_000_000) + qdot_survivor) / R**2)
    assert not any(route.dsue_available for route in result.routes.values())
    assert result.dsue_available_to_survivor is False
    assert result.routes["naturalize_before_return"].feasible is False
    assert "2056(d)(4)(B)" in (result.routes["naturalize_before_return"].why_not or "")


def test_dsue_is_redetermined_after_the_last_qdot_event() -> None:
    # 10M estate, 4M put in a QDOT, 10% growth, survivor with 12M of their own, dying in the year.
    # Pay now: no tax, DSUE 15M - 10M = 5M; the survivor's 11M + 13.2M = 24.2M owes 40% x (24.2M - 20M).
    # QDOT: no QDOT tax (6M + 4.4M is within the exclusion), but the DSUE becomes 15M - (6M + 4.4M) = 4.6M.
    # The first decedent's tax is not finally determined yet: 40% x 4.4M is paid, refunded in year 4
    # (IRC 2056A(b)(2)(B)).
    result = compare_routes(
        facts(estate=D(10_000_000), qdot_amount=D(4_000_000), spouse_estate=D(12_000_000), growth=D("0.10")),
        breakevens=False,
    )
    assert result.routes["pay_now"].pv_taxes == cents(D("0.4") * D(4_200_000) / R**2)
    refund = D("0.4") * D(4_400_000) * (1 / R**2 - 1 / R**5)
    assert result.routes["qdot"].pv_taxes == cents(D("0.4") * D(4_600_000) / R**2 + refund)
    assert result.routes["pay_now"].dsue_available and result.routes["qdot"].dsue_available
    assert result.best_route == "pay_now"


def test_no_dsue_for_a_survivor_abroad_even_below_the_exclusion() -> None:
    result = compare_routes(
        facts(estate=D(10_000_000), qdot_amount=D(4_000_000), spouse_domicile=Domicile.ABROAD), breakevens=False
    )
    assert not any(route.dsue_available for route in result.routes.values())
    assert any("20.2010-3(e)" in note for note in result.notes)


def test_naturalisation_after_the_return_certain_and_impossible() -> None:
    # Aged 108: dies in year 1 with p1 = (l108 - l109) / l108, else in year 2. Naturalised in year 1,
    # a death in year 2 owes no QDOT tax and the survivor's estate has the full DSUE (QDOT of everything).
    lx = mortality_table("2010CM").lx
    p1 = (lx[108] - lx[109]) / lx[108]
    common = {"spouse_age": 108, "qdot_amount": D(20_000_000), "naturalize_year": 1}
    certain = compare_routes(facts(naturalize_probability=D(1), **common), breakevens=False).routes["qdot"]
    never = compare_routes(facts(naturalize_probability=D(0), **common), breakevens=False).routes["qdot"]
    # never: the QDOT tax is 40% x 5M (the recomputation reuses the exclusion); the survivor's 20M estate owes
    # 2M, all credited, in either year. Before the first decedent's tax is finally determined the QDOT tax is
    # 40% of all 20M, the 6M excess refunded in year 4 (IRC 2056A(b)(2)(B)).
    year1 = D(2_000_000) / R**2 + D(6_000_000) * (1 / R**2 - 1 / R**5)
    year2 = D(2_000_000) / R**3 + D(6_000_000) * (1 / R**3 - 1 / R**5)
    assert never.pv_taxes == cents(p1 * year1 + (1 - p1) * year2)
    # certain: year 1 as before; year 2: a citizen with 20M and a 15M DSUE owes nothing.
    assert certain.pv_taxes == cents(p1 * year1)
    abroad = {p: facts(naturalize_probability=p, spouse_domicile=Domicile.ABROAD, **common) for p in (D(0), D(1))}
    impossible = [compare_routes(f, breakevens=False).routes["qdot"] for f in abroad.values()]
    assert impossible[0].pv_taxes == impossible[1].pv_taxes  # abroad: not resident throughout, no (b)(12) path


def test_bond_premium_on_65_percent_of_the_date_of_death_value_less_the_residence() -> None:
    with_costs = facts(
        estate=D(25_000_000), costs=True, residence_exclusion=D(600_000), drafting=D(0), return_preparation=D(0)
    )
    result = compare_routes(with_costs, breakevens=False)
    # QDOT 10M; bond 65% x (10M - 600k) = 6,110,000; premium 1% a year, one year, discounted once.
    assert result.routes["qdot"].pv_costs == cents(D("61100") / R)
    assert result.routes["pay_now"].pv_costs == 0
    bank = compare_routes(with_costs.model_copy(update={"bank_trustee": True}), breakevens=False)
    assert bank.routes["qdot"].pv_costs == cents(D("0.005") * D(10_000_000) / R)


def test_highest_rate_rule_for_several_qdots_without_a_designated_filer() -> None:
    # 16M: QDOT of 1M; the recomputation would be 40% anyway, so use a nonresident decedent whose
    # schedule is graduated: 2M of US-situs property, 1,940,000 in the QDOT.
    base = facts(estate=D(2_000_000), decedent_nonresident=True)
    regular = compare_routes(base, breakevens=False).routes["qdot"]
    highest = compare_routes(base.model_copy(update={"several_qdots_without_filer": True}), breakevens=False)
    assert highest.routes["qdot"].pv_taxes > regular.pv_taxes
    assert highest.qdot_amount == D(1_940_000)


def test_gifts_from_now_move_the_indexed_amounts_out_of_the_estate() -> None:
    result = compare_routes(
        facts(valuation_date=dt.date(2026, 1, 15), death_date=dt.date(2028, 6, 1), spouse_estate=D(10_000_000)),
        breakevens=False,
    )
    gifts = result.routes["spousal_gifts"]
    assert gifts.feasible and "2 years" in gifts.title
    # 2026: 194,000 (Rev. Proc. 2025-32); 2027: projected at 0% inflation, also 194,000: 388,000 leaves the estate.
    assert gifts.tax_at_first_death in (D("0.4") * (D(5_000_000) - D(388_000)), 0)
    assert any("2523(i)" in c.parameter and c.effective == "2026" for c in result.citations)


@pytest.mark.parametrize("domicile", [Domicile.US, Domicile.ABROAD])
def test_a_citizen_survivor_has_only_the_outright_route(domicile: Domicile) -> None:
    result = compare_routes(facts(spouse_citizen=True, spouse_domicile=domicile), breakevens=False)
    assert result.routes["pay_now"].tax_at_first_death == 0
    assert [key for key, route in result.routes.items() if route.feasible] == ["pay_now"]


def test_a_nonresident_donor_gives_intangibles_without_the_2523i_ceiling() -> None:
    # 2M of US-situs property, 1.5M of it US shares given now (IRC 2501(a)(2): outside US gift tax), to a
    # survivor abroad who holds nothing in the US: 0.5M is left; paying now on it is 155,800 - 13,000.
    result = compare_routes(
        facts(
            estate=D(2_000_000),
            decedent_nonresident=True,
            nonresident_gift_intangibles=D(1_500_000),
            spouse_domicile=Domicile.ABROAD,
            inherited_us_situs=D(0),
        ),
        breakevens=False,
    )
    gifts = result.routes["spousal_gifts"]
    assert result.routes["pay_now"].pv_taxes == cents(D(732_800) / R)  # 745,800 - 13,000 on all 2M
    assert gifts.feasible and gifts.title.startswith("US intangibles of $1,500,000 given now")
    assert gifts.pv_total <= cents(D(142_800) / R)
    assert result.best_route == "spousal_gifts"


def test_naturalising_before_the_return_falls_back_to_paying_now_without_a_qdot() -> None:
    result = compare_routes(facts(estate=D(10_000_000)), breakevens=False)
    assert result.routes["qdot"].feasible is False
    assert result.routes["naturalize_before_return"].pv_total == result.routes["pay_now"].pv_total


def test_a_couple_abroad_both_orders_use_the_us_situs_estates() -> None:
    couple = CoupleInput(
        first=Spouse(age=60, citizen=False, domicile=Domicile.ABROAD, estate=D(3_000_000)),
        second=Spouse(age=60, citizen=False, domicile=Domicile.ABROAD, estate=D(1_000_000)),
        valuation_date=DEATH,
        discount_rate=D("0.04"),
        growth=D("0.04"),
        costs=False,
    )
    result = compare_couple(couple)
    assert [o.first_to_die for o in result.orders] == ["first", "second"]
    assert abs(result.orders[0].probability - D("0.5")) < D("1e-9")  # the same age: even odds
    for order in result.orders:
        comparison = order.comparison
        assert comparison.routes["naturalize_before_return"].feasible is False
        assert comparison.dsue_available_to_survivor is False
        # a nonresident decedent: the $13,000 credit shelters $60,000, the rest goes to the QDOT
        estate = D(3_000_000) if order.first_to_die == "first" else D(1_000_000)
        grown = cents(estate * D("1.04") ** order.years_to_first_death)
        assert comparison.qdot_amount == grown - 60_000
    assert set(result.expected_to_heirs) == set(result.expected_pv_total)
    assert result.best_route in result.expected_pv_total


def test_an_added_route_is_priced_beside_the_others() -> None:
    """A route is data and a function: here one that gives the QDOT's figures at half the costs."""

    def half_costs(context: Context, route: Route) -> RouteResult:
        qdot = ROUTES[1].evaluate(context, ROUTES[1])
        costs = cents(qdot.pv_costs / 2)
        return qdot.model_copy(update={"key": route.key, "pv_costs": costs, "pv_total": qdot.pv_taxes + costs})

    extra = Route("cheaper_qdot", "a QDOT at half the costs", "illustration", half_costs)
    result = compare_routes(facts(costs=True, spouse_age=60, growth=D("0.03")), (*ROUTES, extra), breakevens=False)
    assert result.routes["cheaper_qdot"].pv_total < result.routes["qdot"].pv_total
    assert result.best_route != "qdot"  # the added route is cheaper than it in every case
