"""Comparing the routes for one order of deaths, and the couple over both orders."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from advisor.calculators.couple.breakevens import find_breakevens
from advisor.calculators.couple.models import (
    Breakevens,
    ComparisonInput,
    ComparisonResult,
    CoupleInput,
    CoupleResult,
    Domicile,
    OrderResult,
    RouteResult,
    Spouse,
)
from advisor.calculators.couple.projection import death_probabilities, survival
from advisor.calculators.couple.routes import ROUTES, Route, outright_start, planned_gifts
from advisor.calculators.couple.setting import Context, assumptions, build
from advisor.calculators.money import to_cents

ZERO = Decimal(0)
ONE = Decimal(1)
HALF = Decimal("0.5")


def compare_routes(
    facts: ComparisonInput, routes: tuple[Route, ...] = ROUTES, *, breakevens: bool = True
) -> ComparisonResult:
    """Every route for this order of deaths, the cheapest feasible one, and (optionally) the break-evens."""
    context = build(facts)
    results = {route.key: route.evaluate(context, route) for route in routes}
    feasible = [r for r in results.values() if r.feasible]
    best = min(feasible, key=lambda r: r.pv_total)
    for_heirs = max(feasible, key=lambda r: r.expected_to_heirs)
    citations = list(context.citations)
    if "spousal_gifts" in results:
        citations += planned_gifts(context)[2]
    return ComparisonResult(
        routes=results,
        best_route=best.key,
        best_route_for_heirs=for_heirs.key,
        dsue_available_to_survivor=best.dsue_available,
        qdot_amount=context.qdot_amount,
        tax_without_qdot=outright_start(context, facts.estate).first_tax,
        breakevens=(find_breakevens(context) if context.qdot_amount > 0 and not facts.spouse_citizen else Breakevens())
        if breakevens
        else None,
        assumptions=assumptions(context),
        citations=tuple(dict.fromkeys(citations)),
        notes=_notes(context, results),
    )


def _notes(context: Context, results: dict[str, RouteResult]) -> tuple[str, ...]:
    """The law behind the comparison that the routes alone do not say. Why the best route and the best for the heirs
    differ is the presentation's to say: the result names both."""
    facts, s = context.facts, context.setting
    notes = []
    if facts.decedent_nonresident:
        notes.append(
            "the first decedent was a nonresident not a citizen: no portability election, so no DSUE "
            "(Reg. 20.2010-2(a)(5), estates eligible to make the election; text not re-read here)"
        )
    elif not s.survivor.domiciled:
        credit = (
            "the greater of the $13,000 credit and the treaty's pro-rata credit (IRC 2102(b)(3)(A))"
            if s.survivor.pro_rata
            else "the $13,000 credit"
        )
        notes.append(
            "a survivor who is a nonresident not a citizen cannot use a DSUE (Reg. 20.2010-3(e)); only US-situs "
            f"property is taxed at the survivor's death, with {credit} (IRC 2101-2102)"
        )
    elif "qdot" in results and results["qdot"].feasible:
        notes.append(
            "with a QDOT the DSUE is provisional: redetermined after the last QDOT event, the QDOT amounts using the "
            "unused exclusion first (Reg. 20.2010-2(c)(4)), usable from then or from naturalisation (Reg. "
            "20.2010-3(c)(3), the QDOT rule; its subparagraphs not re-read here); the portability election must "
            "still be made on a timely "
            "Form 706"
        )
    treaty = s.decedent.treaty
    if treaty is not None:
        share = treaty.pro_rata
        notes.append(
            f"the first decedent: {treaty.message}"
            + (
                f" ({treaty.article}): the greater of $13,000 and {share.applicable_credit_amount:,.2f} x "
                f"{share.us_gross_estate:,.2f} / {share.worldwide_gross_estate:,.2f} = {share.pro_rata:,.2f}, "
                "in every route"
                if share is not None
                else ""
            )
        )
    if context.survivor_treaty is not None:
        notes.append(f"the survivor: {context.survivor_treaty.message}")
    if facts.several_qdots_without_filer:
        notes.append("several QDOTs without a designated filer: QDOT tax at the highest rate (IRC 2056A(b)(2)(C))")
    return tuple(notes)


def compare_couple(facts: CoupleInput, routes: tuple[Route, ...] = ROUTES) -> CoupleResult:
    """Both orders of death weighted by the two lives (independent, Table 2010CM). In each order the first
    death is placed at its expected year given that order, the estates grown to it at g; the routes are
    then compared for the survivor, and the present values brought back to the valuation date."""
    orders = []
    totals: dict[str, Decimal] = {route.key: ZERO for route in routes}
    heirs: dict[str, Decimal] = {route.key: ZERO for route in routes}
    v = ONE / (ONE + facts.discount_rate)
    for name, first, second in (("first", facts.first, facts.second), ("second", facts.second, facts.first)):
        probability, years = _order(first.age, second.age)
        if probability == 0:
            continue
        comparison = compare_routes(_one_order(facts, first, second, years), routes, breakevens=False)
        orders.append(
            OrderResult(first_to_die=name, probability=probability, years_to_first_death=years, comparison=comparison)
        )
        fallback = comparison.routes[comparison.best_route]
        for key, route in comparison.routes.items():
            used = route if route.feasible else fallback
            totals[key] += probability * v**years * used.pv_total
            heirs[key] += probability * v**years * used.expected_to_heirs
    weight = sum((order.probability for order in orders), ZERO)
    expected = {key: to_cents(total / weight) for key, total in totals.items()}
    return CoupleResult(
        orders=tuple(orders),
        expected_pv_total=expected,
        expected_to_heirs={key: to_cents(total / weight) for key, total in heirs.items()},
        best_route=min(expected, key=lambda key: expected[key]),
    )


@lru_cache(maxsize=4096)
def _order(first_age: int, second_age: int) -> tuple[Decimal, int]:
    """P(the first dies before the second; a death in the same year counts half) and the expected year of
    that first death given the order, rounded to a whole year (at least 1)."""
    first = death_probabilities("2010CM", first_age)
    second = death_probabilities("2010CM", second_age)
    probability = weighted = ZERO
    for k, q in enumerate(first, start=1):
        other = survival("2010CM", second_age, k) + (second[k - 1] * HALF if k <= len(second) else ZERO)
        probability += q * other
        weighted += k * q * other
    if probability == 0:
        return ZERO, 1
    return probability, max(1, int((weighted / probability).quantize(ONE, rounding=ROUND_HALF_UP)))


def _one_order(facts: CoupleInput, first: Spouse, second: Spouse, years: int) -> ComparisonInput:
    grow = (ONE + facts.growth) ** years
    death = _years_later(facts.valuation_date, years)
    worldwide = None if first.worldwide_estate is None else to_cents(first.worldwide_estate * grow)
    return ComparisonInput(
        estate=to_cents(first.estate * grow),
        death_date=death,
        valuation_date=facts.valuation_date,
        decedent_nonresident=not first.citizen and first.domicile is Domicile.ABROAD,
        adjusted_taxable_gifts=first.adjusted_taxable_gifts,
        treaty=first.treaty,
        worldwide_estate=worldwide if first.treaty is not None else None,
        spouse_age=min(109, second.age + years),
        spouse_domicile=second.domicile,
        spouse_citizen=second.citizen,
        spouse_estate=to_cents((second.worldwide_estate or second.estate) * grow),
        spouse_us_situs=to_cents(second.estate * grow),  # abroad: the US-situs part
        spouse_treaty=second.treaty,
        growth=facts.growth,
        income_yield=facts.income_yield,
        discount_rate=facts.discount_rate,
        inflation=facts.inflation,
        naturalize_probability=facts.naturalize_probability,
        bank_trustee=facts.bank_trustee,
        costs=facts.costs,
    )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)
