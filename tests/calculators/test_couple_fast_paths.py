"""The couple model's fast paths give exactly what the slow ones give, on random facts: re-discounting a traced
route is following it again at another discount rate, and the r - g break-even found with the float sign check
is the one bisecting the rebuilt comparison finds."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.calculators.couple import ROUTES, ComparisonInput, Domicile, breakeven_spread, compare_routes
from advisor.calculators.couple.breakevens import (
    BASIS_POINT,
    SPREADS,
    _Polynomial,
    _qdot_less_pay_now,
    _root,
    _shown_total,
    _sign,
    _starts,
    _totals,
)
from advisor.calculators.couple.paths import (
    discount,
    trace,
    trace_outright,
    trace_years,
    unused_exclusion,
)
from advisor.calculators.couple.routes import citizen_start, outright_start
from advisor.calculators.couple.setting import build, discount_factors
from advisor.calculators.couple.survivor import Credit, Survivor
from advisor.calculators.lean_tax import Schedule
from advisor.calculators.parameters import rate_schedule

D = Decimal
TODAY = dt.date(2026, 11, 23)


@st.composite
def comparisons(draw: st.DrawFn) -> ComparisonInput:
    """One order of deaths with a non-citizen survivor, in the US or abroad, over the model's range."""
    abroad = draw(st.booleans())
    own = D(draw(st.integers(min_value=0, max_value=30_000_000)))
    return ComparisonInput(
        estate=D(draw(st.integers(min_value=1_000_000, max_value=200_000_000))),
        death_date=TODAY.replace(year=TODAY.year + draw(st.integers(min_value=0, max_value=20))),
        valuation_date=TODAY,
        decedent_nonresident=draw(st.booleans()),
        adjusted_taxable_gifts=D(draw(st.sampled_from([0, 500_000, 3_000_000]))),
        spouse_age=draw(st.one_of(st.integers(min_value=20, max_value=100), st.integers(min_value=104, max_value=109))),
        spouse_domicile=Domicile.ABROAD if abroad else Domicile.US,
        spouse_estate=own,
        spouse_us_situs=own / 3 if abroad else D(0),
        growth=draw(st.decimals(min_value=D("-0.02"), max_value=D("0.08"), places=3)),
        income_yield=draw(st.sampled_from([D(0), D("0.02")])),
        discount_rate=draw(st.decimals(min_value=D("0.01"), max_value=D("0.10"), places=3)),
        naturalize_probability=D(0) if abroad else draw(st.sampled_from([D(0), D("0.3"), D(1)])),
        costs=draw(st.booleans()),
        bank_trustee=draw(st.booleans()),
        several_qdots_without_filer=draw(st.booleans()),
    )


ONE_ABROAD = ComparisonInput(
    estate=D(20_000_000),
    death_date=TODAY,
    valuation_date=TODAY,
    spouse_age=70,
    spouse_domicile=Domicile.ABROAD,
    spouse_estate=D(3_000_000),
    spouse_us_situs=D(1_000_000),
    growth=D("0.03"),
    income_yield=D("0.02"),
    discount_rate=D("0.056"),
)


@settings(max_examples=60, deadline=None)
@given(facts=comparisons(), rate=st.decimals(min_value=D("-0.40"), max_value=D("0.25"), places=4))
def test_a_traced_route_rediscounted_is_the_route_followed_at_that_rate(facts: ComparisonInput, rate: Decimal) -> None:
    for tails in (False, True):
        context = build(facts, tails=tails)
        other = build(facts.model_copy(update={"discount_rate": rate}), tails=tails)
        for start in _starts(context):
            assert discount(trace(context.setting, start), other.setting.v, other.setting.tails) == other.follow(start)


def _slow_spread(facts: ComparisonInput) -> Decimal | None:
    """The r - g break-even by bisecting the comparison rebuilt at every spread, as the model first did."""
    if build(facts).qdot_amount <= 0 or facts.spouse_citizen:
        return None
    low = max(D("-0.10"), D("-0.49") - facts.growth)

    def sign(spread: Decimal) -> int:
        return _sign(_qdot_less_pay_now(facts.model_copy(update={"discount_rate": facts.growth + spread})))

    spread = _root(sign, low, D("0.20"), BASIS_POINT)
    return None if spread is None else spread.quantize(BASIS_POINT, rounding=ROUND_HALF_UP)


@settings(max_examples=40, deadline=None)
@given(facts=comparisons())
def test_the_spread_break_even_is_the_one_bisecting_the_rebuilt_comparison_finds(facts: ComparisonInput) -> None:
    spread = breakeven_spread(facts)
    assert spread == _slow_spread(facts)
    full = compare_routes(facts)
    assert full.breakevens is not None and full.breakevens.rate_spread == spread


@settings(max_examples=25, deadline=None)
@given(facts=comparisons())
def test_the_sensitivity_table_is_the_comparison_rebuilt_at_each_spread(facts: ComparisonInput) -> None:
    result = compare_routes(facts)
    assert result.breakevens is not None
    if not result.breakevens.sensitivity:
        assert result.qdot_amount == 0
        return
    shown = [s for s in SPREADS if facts.growth + s > D("-0.5")]
    for row, spread in zip(result.breakevens.sensitivity, shown, strict=True):
        shifted = build(facts.model_copy(update={"discount_rate": facts.growth + spread}))
        pay_now, qdot = (shifted.follow(start) for start in _starts(shifted))
        assert row.spread == spread
        assert row.pay_now == _shown_total(pay_now, D(0))
        assert row.qdot == _shown_total(qdot, shifted.setting.naturalize_probability)
        at_given = compare_routes(facts.model_copy(update={"discount_rate": facts.growth + spread}), breakevens=False)
        assert row.pay_now == at_given.routes["pay_now"].pv_total


@settings(max_examples=40, deadline=None)
@given(facts=comparisons())
def test_a_route_traced_without_the_naturalisation_branch_costs_the_same_where_it_weighs_nothing(
    facts: ComparisonInput,
) -> None:
    """The routes trace the after-return naturalisation only where it is weighed; at a probability of 0 the
    outcomes are those of the route traced with it (as the probability break-even traces it)."""
    plain, with_tails = build(facts), build(facts, tails=True)
    probability = plain.setting.naturalize_probability
    for start in _starts(plain):
        assert plain.follow(start).at(probability) == with_tails.follow(start).at(probability)
        if probability == 0:
            assert plain.follow(start).dsue_used == with_tails.follow(start).dsue_used


@settings(max_examples=30, deadline=None)
@given(facts=comparisons(), before_return=st.sampled_from([D(0), D("0.4")]))
def test_naturalising_before_the_return_unweighed_never_changes_the_other_routes_or_the_best(
    facts: ComparisonInput, before_return: Decimal
) -> None:
    """A card leaves the route out when its probability is 0: the other routes and the best one stay."""
    facts = facts.model_copy(update={"naturalize_before_return_probability": before_return})
    full = compare_routes(facts, breakevens=False)
    without = compare_routes(facts, tuple(r for r in ROUTES if r.key != "naturalize_before_return"), breakevens=False)
    assert {k: r for k, r in full.routes.items() if k != "naturalize_before_return"} == without.routes
    if before_return == 0:
        assert without.best_route == full.best_route
        assert without.citations == full.citations


NO_SHELTER = D("-Infinity")
"""A credit's sheltered amount that shelters nothing: the survivor's tax computed in full."""


@st.composite
def survivors(draw: st.DrawFn) -> tuple[Survivor, int, Credit]:
    """A survivor of the model's range (domiciled or not, with or without a treaty's pro-rata credit), a year of
    death and a credit for it (with or without a DSUE)."""
    facts = draw(comparisons())
    if facts.spouse_domicile is Domicile.ABROAD and draw(st.booleans()):
        facts = facts.model_copy(update={"spouse_treaty": "JP", "spouse_estate": facts.spouse_estate + 1})
    survivor = build(facts).setting.survivor
    k = draw(st.integers(min_value=1, max_value=len(survivor.credits)))
    dsue = draw(st.sampled_from([D(0), D("1234567.89"), D("3000000.123456789012345678901")]))
    return survivor, k, survivor.credit(k, dsue)


def _amounts(around: Decimal) -> st.SearchStrategy[Decimal]:
    """Amounts near ``around`` and far from it, some with as many digits as the years' growth leaves."""
    near = st.decimals(min_value=-5, max_value=5, places=4).map(lambda d: around + d)
    digits = st.integers(min_value=0, max_value=10**27).map(lambda n: around * (1 + D(n).scaleb(-28)))
    far = st.integers(min_value=0, max_value=300_000_000).map(D)
    return st.one_of(near, digits, far, far.map(lambda d: d * D("1.0312345678901234567")))


@settings(max_examples=300, deadline=None)
@given(case=survivors(), data=st.data())
def test_an_amount_a_credit_shelters_is_taxed_as_the_full_computation_taxes_it(
    case: tuple[Survivor, int, Credit], data: st.DataObject
) -> None:
    survivor, k, credit = case
    amount = data.draw(_amounts(credit[1]))
    worldwide = amount * data.draw(st.sampled_from([D(1), D(3), D("1.5")]))
    assert survivor.tax(amount, k, credit, worldwide) == survivor.tax(amount, k, (credit[0], NO_SHELTER), worldwide)


def _full_after_credit(
    survivor: Survivor, estate: Decimal, worldwide: Decimal, k: int, allowed: Decimal, value: Decimal, first: Decimal
) -> Decimal:
    """The survivor's tax less the 2013 credit, both limitations computed, no amount taken as sheltered."""
    credit = (allowed, NO_SHELTER)
    gross = survivor.tax(estate, k, credit, worldwide)
    if gross <= 0 or first <= 0:
        return gross
    value = min(value, estate)
    return gross - min(first, gross - survivor.tax(estate - value, k, credit, worldwide - value))


@settings(max_examples=300, deadline=None)
@given(case=survivors(), data=st.data())
def test_the_survivors_tax_after_the_2013_credit_is_the_one_both_limitations_computed_in_full_give(
    case: tuple[Survivor, int, Credit], data: st.DataObject
) -> None:
    """The second limitation is left uncomputed where its bound decides: first taxes drawn about that bound."""
    survivor, k, credit = case
    estate = data.draw(_amounts(credit[1] + data.draw(st.sampled_from([D(0), D(2_000_000), D(40_000_000)]))))
    worldwide = estate * data.draw(st.sampled_from([D(1), D(3)]))
    value = data.draw(_amounts(estate * data.draw(st.sampled_from([D("0.3"), D("0.9"), D(1)]))))
    rest = estate - min(value, estate)
    bound = survivor.schedule.rate_at(rest) * min(value, estate)
    first = data.draw(st.one_of(_amounts(bound), st.just(D(0))))
    assert survivor.after_credit(estate, worldwide, k, credit, value, first) == _full_after_credit(
        survivor, estate, worldwide, k, credit[0], value, first
    )


@settings(max_examples=200, deadline=None)
@given(facts=comparisons(), data=st.data())
def test_a_trust_above_what_the_exclusion_leaves_leaves_no_dsue(facts: ComparisonInput, data: st.DataObject) -> None:
    s = build(facts).setting
    base = data.draw(_amounts(facts.estate / 3).filter(lambda d: d >= 0))
    room = s.decedent_exclusion - s.decedent.adjusted_taxable_gifts - base
    trust = data.draw(_amounts(room).filter(lambda d: d > room))
    assert unused_exclusion(s, base + trust) == 0


@settings(max_examples=300, deadline=None)
@given(year=st.integers(min_value=2026, max_value=2090), low=_amounts(D(1_000_000)), data=st.data())
def test_the_tentative_tax_rises_by_at_least_the_lower_amounts_rate_less_a_cent(
    year: int, low: Decimal, data: st.DataObject
) -> None:
    schedule = Schedule.of(rate_schedule(dt.date(year, 12, 31)))
    low = abs(low)
    high = data.draw(_amounts(low).filter(lambda d: d >= low))
    rise = schedule.tentative(high) - schedule.tentative(low)
    assert rise >= 0
    assert rise >= schedule.rate_at(low) * (high - low) - D("0.01")


def test_a_rate_table_with_a_gap_or_a_falling_rate_is_refused() -> None:
    table = rate_schedule(TODAY)
    gap = table.brackets[3].model_copy(update={"base_tax": table.brackets[3].base_tax + 1})
    falling = table.brackets[-1].model_copy(update={"rate": D("0.10")})
    for bracket, at in ((gap, 3), (falling, len(table.brackets) - 1)):
        brackets = (*table.brackets[:at], bracket, *table.brackets[at + 1 :])
        with pytest.raises(AssertionError, match="continuous with rising rates"):
            Schedule.of(table.model_copy(update={"brackets": brackets}))


def test_the_nonresident_credit_shelters_its_exemption_equivalent() -> None:
    survivor = build(ONE_ABROAD).setting.survivor
    allowed, sheltered = survivor.nonresident_credit
    assert (allowed, sheltered) == (D(13_000), D(60_000))
    assert survivor.schedule.tentative(sheltered) <= allowed < survivor.schedule.tentative(sheltered + 1)


@settings(max_examples=60, deadline=None)
@given(facts=comparisons(), spreads=st.lists(st.decimals(min_value=D("-0.10"), max_value=D("0.20"), places=4)))
def test_the_float_estimate_of_the_spread_sign_is_never_wrong_where_it_answers(
    facts: ComparisonInput, spreads: list[Decimal]
) -> None:
    """The polynomial in the discount factor is the Decimal comparison re-discounted at that rate, to float error
    on the sum of its terms' magnitudes; where it answers (its sign beyond its error bound), it has that sign."""
    context = build(facts, tails=True)
    s, p = context.setting, context.setting.naturalize_probability
    pay_now, qdot = (context.trace(start) for start in _starts(context))
    estimate = _Polynomial(len(s.v))
    estimate.add(qdot, s.odds, 1.0, -float(p), float(p))
    estimate.add(pay_now, s.odds, -1.0, 0.0, 0.0)
    for spread in sorted(spreads, reverse=True):
        rate = facts.growth + spread
        if rate <= D("-0.5"):
            continue
        factor = 1 / (1 + float(rate))
        estimated = estimate.sign(factor)
        v = discount_factors(rate, len(s.deaths))
        a, b0, tail, nat = _totals(discount(pay_now, v, True), discount(qdot, v, True))
        exact = b0 + p * (nat - tail) - a
        assert estimated in (0, _sign(exact))
        powers = [factor**i for i in range(len(s.v))]
        value = sum(term * power for term, power in zip(estimate.terms, powers, strict=True))
        scale = sum(size * power for size, power in zip(estimate.magnitudes, powers, strict=True))
        assert abs(value - float(exact)) <= 1e-12 * scale + 1e-6


@settings(max_examples=80, deadline=None)
@given(facts=comparisons(), gifts=st.sampled_from([D(0), D("123456.78")]), tails=st.booleans())
def test_a_route_with_nothing_in_trust_is_traced_as_year_by_year(
    facts: ComparisonInput, gifts: Decimal, tails: bool
) -> None:
    context = build(facts, tails=tails)
    s, estate = context.setting, facts.estate
    pay_now = outright_start(context, estate, gifts)
    for start in (pay_now, replace(pay_now, dsue=None), citizen_start(context, estate, gifts)):
        assert trace(s, start) == trace_outright(s, start) == trace_years(s, start)
