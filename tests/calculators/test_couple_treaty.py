"""The Canadian marital credit as a route of the couple model, against hand computations: a survivor aged 109
dies within the year for certain (Table 2010CM ends at 110), so every figure is one or two discounted sums."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor.calculators.couple import ROUTES, CoupleInput, Domicile, Spouse, compare_couple, compare_routes
from advisor.calculators.couple.treaty_route import KEY, canadian_marital_credit_route
from tests.calculators.test_couple import DEATH, R, cents, facts

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


# --- the pro-rata unified credit (IRC 2102(b)(3)(A)) in the couple model --------------------------------------

CODE_CREDIT = D(13_000)


def test_kenji_japan_no_first_death_tax_and_no_qdot_to_set_up() -> None:
    # 2.5M US of 10M worldwide, a 2026 death: 5,945,800 x 2.5/10 = 1,486,450, more than the tentative tax on
    # 2.5M (345,800 + 40% x 1.5M = 945,800): no tax, and so nothing for a QDOT to defer.
    kenji = facts(estate=D(2_500_000), decedent_nonresident=True, treaty="JP", worldwide_estate=D(10_000_000))
    result = compare_routes(kenji, breakevens=False)
    assert result.tax_without_qdot == 0 and result.qdot_amount == 0
    assert not result.routes["qdot"].feasible and "no tax to defer" in (result.routes["qdot"].why_not or "")
    assert any("5,945,800.00 x 2,500,000.00 / 10,000,000.00 = 1,486,450.00" in note for note in result.notes)
    # without the treaty the Code's $13,000 credit leaves 932,800 of tax
    code = compare_routes(kenji.model_copy(update={"treaty": None, "worldwide_estate": None}), breakevens=False)
    assert code.tax_without_qdot == D(945_800) - CODE_CREDIT


def test_partly_sheltered_the_qdot_defers_only_the_tax_the_treaty_leaves() -> None:
    # 20M US of 25M worldwide: credit 5,945,800 x 0.8 = 4,756,640 against 7,945,800: tax 3,189,160 (the Code's
    # credit would leave 7,932,800). The credit shelters 1M + (4,756,640 - 345,800) / 40% = 12,027,100, so the
    # QDOT takes 7,972,900 and its tax at the survivor's death is 3,189,160 again. The survivor (US, nothing of
    # their own, no DSUE from a nonresident) owes 40% x 1,810,840 = 724,336 on the 16,810,840 paid-now estate,
    # 2M on the 20M QDOT estate, both absorbed by the 2013 credit.
    treaty = facts(decedent_nonresident=True, treaty="JP", worldwide_estate=D(25_000_000))
    result = compare_routes(treaty, breakevens=False)
    assert result.tax_without_qdot == D(3_189_160) and result.qdot_amount == D(7_972_900)
    assert result.routes["qdot"].tax_at_first_death == 0
    assert result.routes["pay_now"].pv_taxes == cents(D(3_189_160) / R)
    assert result.routes["qdot"].pv_taxes == cents(D(3_189_160) / R**2)
    code = compare_routes(treaty.model_copy(update={"treaty": None, "worldwide_estate": None}), breakevens=False)
    assert code.routes["pay_now"].pv_taxes == cents(D(7_932_800) / R)


def test_unverified_treaty_row_never_changes_a_figure() -> None:
    # Norway's pro-rata row is not verified: the Code's credit stands and the treaty is named, not computed
    norway = facts(decedent_nonresident=True, treaty="NO", worldwide_estate=D(25_000_000))
    code = facts(decedent_nonresident=True)
    result, plain = compare_routes(norway, breakevens=False), compare_routes(code, breakevens=False)
    assert {k: r.pv_total for k, r in result.routes.items()} == {k: r.pv_total for k, r in plain.routes.items()}
    assert any("Norway treaty may change this result — not computed" in note for note in result.notes)


def test_survivor_abroad_gets_the_pro_rata_credit_on_what_the_model_follows() -> None:
    # A citizen first decedent, 20M; the survivor in Japan holds 10M abroad. Pay now: 2M tax, 18M inherited in US
    # assets. At the survivor's death: 7,145,800 less 5,945,800 x 18/28 = 3,822,300 -> 3,323,500, less the 2013
    # credit of 2M -> 1,323,500. QDOT of 5M: 2M QDOT tax; the survivor's 20M US of 30M: 7,945,800 - 3,963,866.67
    # = 3,981,933.33, less the 2M credit.
    abroad = facts(
        spouse_domicile=Domicile.ABROAD, spouse_estate=D(10_000_000), spouse_treaty="JP", inherited_us_situs=D(1)
    )
    result = compare_routes(abroad, breakevens=False)
    assert result.routes["pay_now"].pv_taxes == cents(D(2_000_000) / R + D(1_323_500) / R**2)
    assert result.routes["qdot"].pv_taxes == cents(D("3981933.33") / R**2)
    code = compare_routes(abroad.model_copy(update={"spouse_treaty": None}), breakevens=False)
    later = D(7_145_800) - CODE_CREDIT - D(2_000_000)
    assert code.routes["pay_now"].pv_taxes == cents(D(2_000_000) / R + later / R**2)
    assert any("pro-rata credit" in note for note in result.notes)


def test_canadian_marital_credit_opens_for_a_nonresident_with_the_worldwide_estate() -> None:
    # A Canadian resident decedent, 20M US of 25M: the pro-rata credit leaves 3,189,160, which the marital credit
    # (the lesser of the unified credit 4,756,640 and that tax) removes: nothing is paid at the first death.
    route = canadian_marital_credit_route(spouse_residence="US")
    canadian = facts(decedent_nonresident=True, treaty="CA", worldwide_estate=D(25_000_000))
    result = compare_routes(canadian, (*ROUTES, route), breakevens=False)
    opened = result.routes[KEY]
    assert opened.feasible and opened.tax_at_first_death == 0
    assert result.routes["pay_now"].tax_at_first_death == D(3_189_160)
    assert "marital credit $3,189,160" in opened.notes[0]
    closed = compare_routes(facts(decedent_nonresident=True), (*ROUTES, route), breakevens=False).routes[KEY]
    assert not closed.feasible and "--worldwide-estate" in (closed.why_not or "")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"treaty": "JP", "worldwide_estate": D(25_000_000)}, "for a nonresident not a citizen"),
        ({"decedent_nonresident": True, "worldwide_estate": D(25_000_000)}, "give the treaty"),
        ({"decedent_nonresident": True, "treaty": "JP", "worldwide_estate": D(1_000_000)}, "part of the whole"),
        ({"spouse_treaty": "JP"}, "domiciled abroad"),
    ],
)
def test_treaty_inputs_that_do_not_fit_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        facts(**changes)


def test_a_verified_treaty_needs_the_worldwide_estate() -> None:
    with pytest.raises(ValueError, match="--worldwide-estate"):
        compare_routes(facts(decedent_nonresident=True, treaty="JP"), breakevens=False)


def test_couple_over_both_orders_carries_each_spouses_treaty() -> None:
    # Kenji (Japan, 2.5M US of 10M) and his wife (Japan, 1M US of 4M), no growth: whoever dies first, the
    # treaty leaves no tax at that death, so no order has a QDOT to set up
    kenji = Spouse(age=70, citizen=False, domicile=Domicile.ABROAD, estate=D(2_500_000), treaty="JP",
                   worldwide_estate=D(10_000_000))  # fmt: skip
    wife = Spouse(age=68, citizen=False, domicile=Domicile.ABROAD, estate=D(1_000_000), treaty="JP",
                  worldwide_estate=D(4_000_000))  # fmt: skip
    result = compare_couple(CoupleInput(first=kenji, second=wife, valuation_date=DEATH, discount_rate=D("0.05")))
    for order in result.orders:
        assert order.comparison.tax_without_qdot == 0 and not order.comparison.routes["qdot"].feasible
    # without the treaties the Code's credit taxes Kenji's 2.5M: 932,800
    plain = compare_couple(
        CoupleInput(
            first=kenji.model_copy(update={"treaty": None, "worldwide_estate": None}),
            second=wife.model_copy(update={"treaty": None, "worldwide_estate": None}),
            valuation_date=DEATH,
            discount_rate=D("0.05"),
        )
    )
    first = next(o for o in plain.orders if o.first_to_die == "first")
    assert first.comparison.tax_without_qdot == D(932_800)


def test_a_citizen_cannot_claim_a_treaty_credit_in_the_couple() -> None:
    with pytest.raises(ValueError, match="nonresident not a citizen"):
        Spouse(age=70, citizen=True, estate=D(1), treaty="JP")
