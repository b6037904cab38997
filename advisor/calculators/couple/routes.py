"""The routes for a survivor who is not a US citizen (REVIEW-advice 5.3-5.6). A route is data (key, title,
basis) and a function from the shared context to its result; another route (a treaty election, say)
is one more :class:`Route` in the tuple passed to :func:`advisor.calculators.couple.compare_routes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from advisor.calculators.couple.models import ComparisonInput, Domicile, RouteResult
from advisor.calculators.couple.paths import Outcome, Start, unused_exclusion
from advisor.calculators.couple.projection import yearly_amount
from advisor.calculators.couple.setting import Context, default_qdot_amount
from advisor.calculators.couple.survivor import cents
from advisor.calculators.money import format_money
from advisor.calculators.parameters import Citation
from advisor.calculators.qdot_due_dates import DueDateInput, Event, due_dates

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class Route:
    """A route: its key in the results, its title and legal basis, and the function that prices it."""

    key: str
    title: str
    basis: str
    evaluate: Callable[[Context, Route], RouteResult]


def outright_start(context: Context, estate: Decimal, gifts: Decimal = ZERO) -> Start:
    """Everything passes outright: no marital deduction for a non-citizen (IRC 2056(d)(1)(A)); for a citizen
    survivor the full deduction (IRC 2056(a)) and no 2013 credit (no tax fell on the property)."""
    s = context.setting
    if context.facts.spouse_citizen:
        return citizen_start(context, estate, gifts)
    tax = s.decedent(estate)
    dsue = unused_exclusion(context.setting, estate)
    return Start(first_tax=tax, outright=estate - tax, decedent_base=estate, dsue=dsue, gifts=gifts)


def citizen_start(context: Context, estate: Decimal, gifts: Decimal = ZERO) -> Start:
    s = context.setting
    tax = s.decedent(ZERO)
    return Start(
        first_tax=tax,
        outright=estate - tax,
        dsue=unused_exclusion(context.setting, ZERO),
        credit_first_tax=False,
        gifts=gifts,
    )


def qdot_start(context: Context, estate: Decimal, amount: Decimal, gifts: Decimal = ZERO) -> Start:
    """The QDOT takes ``amount`` with the marital deduction (IRC 2056(d)(2)(A)); the rest passes outright."""
    base = estate - amount
    tax = context.setting.decedent(base)
    return Start(first_tax=tax, outright=base - tax, trust=amount, decedent_base=base, dsue=None, gifts=gifts)


def result(
    route: Route,
    outcome: Outcome,
    start: Start,
    probability: Decimal,
    *,
    title: str | None = None,
    notes: tuple[str, ...] = (),
) -> RouteResult:
    taxes, costs, heirs = outcome.at(probability)
    return RouteResult(
        key=route.key,
        title=title or route.title,
        feasible=True,
        pv_taxes=cents(taxes),
        pv_costs=cents(costs),
        pv_total=cents(taxes) + cents(costs),
        expected_to_heirs=cents(heirs),
        tax_at_first_death=start.first_tax,
        dsue_available=outcome.dsue_used or (probability > 0 and outcome.nat_dsue_used),
        basis=route.basis,
        notes=notes,
    )


def infeasible(route: Route, why: str) -> RouteResult:
    return RouteResult(key=route.key, title=route.title, feasible=False, why_not=why, basis=route.basis)


def pay_now(context: Context, route: Route) -> RouteResult:
    start = outright_start(context, context.facts.estate)
    return result(route, context.follow(start), start, ZERO)


def qdot(context: Context, route: Route) -> RouteResult:
    facts = context.facts
    if facts.spouse_citizen:
        return infeasible(route, "the survivor is a US citizen: the marital deduction needs no QDOT (IRC 2056(a))")
    if context.qdot_amount <= 0:
        why = (
            "the QDOT amount given is $0"
            if facts.qdot_amount is not None
            else "nothing is above the exclusion the estate has left: no tax to defer"
        )
        return infeasible(route, why)
    start = qdot_start(context, facts.estate, context.qdot_amount)
    notes: tuple[str, ...] = ()
    if facts.spouse_domicile is Domicile.ABROAD and facts.naturalize_probability > 0:
        notes = (
            "naturalisation after the return is not weighed for a survivor who stays abroad: citizenship needs "
            "years of US residence first; a survivor who moves here and naturalises with no taxable distribution "
            "made would still end the QDOT tax (IRC 2056A(b)(12)(B))",
        )
    return result(route, context.follow(start), start, context.setting.naturalize_probability, notes=notes)


def naturalize_before_return(context: Context, route: Route) -> RouteResult:
    facts = context.facts
    if facts.spouse_citizen:
        return infeasible(route, "the survivor is already a US citizen")
    if facts.spouse_domicile is Domicile.ABROAD:
        return infeasible(
            route,
            "the survivor must be a US resident at all times after the death (IRC 2056(d)(4)(B)); "
            "a survivor domiciled abroad cannot meet it",
        )
    start = citizen_start(context, facts.estate)
    success = context.follow(start)
    fallback = min((r for r in (pay_now(context, route), qdot(context, route)) if r.feasible), key=_cost)
    p = facts.naturalize_before_return_probability
    s_taxes, s_costs, s_heirs = success.at(ZERO)
    taxes = cents(p * s_taxes + (ONE - p) * fallback.pv_taxes)
    costs = cents(p * s_costs + (ONE - p) * fallback.pv_costs)
    deadline = _extended_due_date(facts.death_date)
    return RouteResult(
        key=route.key,
        title=route.title,
        feasible=True,
        pv_taxes=taxes,
        pv_costs=costs,
        pv_total=taxes + costs,
        expected_to_heirs=cents(p * s_heirs + (ONE - p) * fallback.expected_to_heirs),
        tax_at_first_death=start.first_tax,
        weighed=p > 0,
        dsue_available=success.dsue_used,
        basis=route.basis,
        notes=(
            f"if the survivor is a citizen when the return is made (an early return counts as made on its extended "
            f"due date, {deadline.isoformat()}; a late one on the day filed, Reg. 20.2056A-1(b)): "
            f"taxes and costs {format_money(s_taxes + s_costs)} against {format_money(fallback.pv_total)} otherwise",
            f"weighted at a {p * 100:g}% chance of citizenship in time; otherwise the better of paying now and a QDOT "
            "by assignment (IRC 2056(d)(2)(B))"
            if p > 0
            else "not weighed: no chance of citizenship in time was given; with one, the route is weighted against the "
            "better of paying now and a QDOT by assignment (IRC 2056(d)(2)(B))",
        ),
    )


def spousal_gifts(context: Context, route: Route) -> RouteResult:
    facts = context.facts
    if facts.spouse_citizen:
        return infeasible(route, "gifts to a citizen spouse have the unlimited marital deduction (IRC 2523(a))")
    moved, years, _ = planned_gifts(context)
    if moved <= 0:
        return infeasible(route, "no whole year before the assumed first death is left to make gifts in")
    estate = max(ZERO, facts.estate - moved)
    moved = facts.estate - estate
    choices = [("pay now", outright_start(context, estate, moved))]
    amount = default_qdot_amount(context.setting.decedent, estate)
    if facts.qdot_amount is not None:
        amount = min(facts.qdot_amount, estate)
    if amount > 0:
        choices.append(("a QDOT", qdot_start(context, estate, amount, moved)))
    return min(
        (
            result(route, context.follow(s), s, _probability(context, s), title=_title(facts, years, then))
            for then, s in choices
        ),
        key=_cost,
    )


def planned_gifts(context: Context) -> tuple[Decimal, int, tuple[Citation, ...]]:
    """IRC 2523(i) gifts from today's year to the year before the death, each at that year's indexed amount,
    grown to the death at g; with a nonresident donor, the US intangibles given now, outside US gift tax
    (IRC 2501(a)(2), 2511(a)) and so without the ceiling."""
    facts = context.facts
    start = (facts.valuation_date or facts.death_date).year
    growth = context.setting.trust_growth
    moved, citations = ZERO, []
    for year in range(start, facts.death_date.year):
        cited = yearly_amount("noncitizen_spouse_annual_exclusion", year, facts.inflation)
        citations.append(cited.citation)
        moved += cited.value * growth ** (facts.death_date.year - year)
    moved += facts.nonresident_gift_intangibles * growth ** (facts.death_date.year - start)
    return moved, facts.death_date.year - start, tuple(citations)


def _title(facts: ComparisonInput, years: int, then: str) -> str:
    parts = []
    if facts.nonresident_gift_intangibles:
        parts.append(f"US intangibles of {format_money(facts.nonresident_gift_intangibles)} given now")
    if years:
        parts.append(f"yearly 2523(i) gifts for {years} year{'s' * (years != 1)} from now")
    return f"{' and '.join(parts)}, then {then} on the rest"


@lru_cache(maxsize=64)
def _extended_due_date(death: dt.date) -> dt.date:
    """Nine months after the death and the 6-month extension to file (the same rule as Form 706-QDT's)."""
    return due_dates(DueDateInput(event=Event.death, date=death, extension=True)).extended_due_date


def _probability(context: Context, start: Start) -> Decimal:
    return context.setting.naturalize_probability if start.trust > 0 else ZERO


def _cost(route: RouteResult) -> Decimal:
    return route.pv_total


ROUTES: tuple[Route, ...] = (
    Route(
        "pay_now",
        "pay the tax now: everything outright to the survivor",
        "IRC 2056(d)(1)(A): no marital deduction for a non-citizen survivor; the tax paid is a 2013 credit in the "
        "survivor's estate without the phase-down (IRC 2056(d)(3); Reg. 20.2056A-7(b))",
        pay_now,
    ),
    Route(
        "qdot",
        "a QDOT for what is above the exclusion",
        "IRC 2056(d)(2)(A), 2056A(b): the tax is deferred to the survivor's death and credited there (Reg. "
        "20.2056A-7(a)); the DSUE is redetermined after the last QDOT event (Reg. 20.2010-2(c)(4)); naturalisation "
        "after the return ends the QDOT tax (IRC 2056A(b)(12))",
        qdot,
    ),
    Route(
        "naturalize_before_return",
        "the survivor becomes a citizen before the return is made",
        "IRC 2056(d)(4): the marital deduction is allowed if the survivor is a citizen before the return is made "
        "and was a US resident at all times after the death; Reg. 20.2056A-1(b)",
        naturalize_before_return,
    ),
    Route(
        "spousal_gifts",
        "yearly gifts to the spouse under IRC 2523(i)",
        "IRC 2523(i)(2): present-interest gifts to a non-citizen spouse up to the yearly amount are not taxable "
        "gifts (Reg. 25.2523(i)-1(c)); a nonresident's gifts of intangibles are outside US gift tax (IRC 2501(a)(2))",
        spousal_gifts,
    ),
)
