"""Screening: a pure function from a validated profile to recommendations with their reasons.

The rules (:mod:`advisor.screening.rules`) decide; this module adds the figures from the
calculators, the costs, pitfalls, next steps and alternatives that apply, and for "no action" the
single-fact changes that would change the route. All wording lives in content/.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from advisor.calculators.parameters import Citation
from advisor.calculators.qdot_deferral import DeferralInput
from advisor.calculators.qdot_security import SecurityInput
from advisor.calculators.qprt import QprtInput
from advisor.engine.profile import Profile
from advisor.screening import basis as calc
from advisor.screening.basis import Basis, basis_for
from advisor.screening.changes import what_would_change
from advisor.screening.data import assumptions, costs, legal_basis
from advisor.screening.models import (
    Change,
    CostRange,
    Figure,
    Kind,
    Recommendation,
    RuleHit,
    Scenario,
    Screening,
    StateTax,
)
from advisor.screening.rules import ZERO, Decision, QdotCase, QprtCase, decide
from advisor.screening.treaty import treaty_outlook

__all__ = [
    "Change",
    "CostRange",
    "Figure",
    "Kind",
    "Recommendation",
    "RuleHit",
    "Scenario",
    "Screening",
    "StateTax",
    "screen",
]


def screen(profile: Profile, *, today: dt.date | None = None, projections: bool = True) -> Screening:
    """Recommendations for a profile, as of a day (default: today). ``projections=False`` leaves out the
    QDOT deferral projection (about 10 ms per QDOT, memoised), for batch screening at speed."""
    basis = basis_for(today or dt.date.today())
    decision = decide(profile, basis)
    recommendations = [_qdot(profile, basis, case, projections) for case in decision.qdot]
    if decision.qprt is not None:
        recommendations.append(_qprt(profile, basis, decision.qprt, decision))
    if not recommendations:
        recommendations.append(_no_action(profile, basis, decision))
    return Screening(
        profile=profile,
        today=basis.today,
        tax_year=basis.tax_year,
        recommendations=tuple(recommendations),
        state_tax=decision.state,
        notes=basis.notes,
        treaty=treaty_outlook(profile, basis.today, basis.tax_year),
    )


def percent(fraction: Decimal) -> str:
    """``0.03 -> 3%`` for the basis lines."""
    return f"{(fraction * 100).normalize():f}%"


def _law(rules: tuple[RuleHit, ...]) -> tuple[str, ...]:
    table = legal_basis()
    seen: dict[str, None] = {}
    for hit in rules:
        for line in table[hit.name]:
            seen[line] = None
    return tuple(seen)


def _unique(citations: list[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(citations))


def _qdot(profile: Profile, basis: Basis, case: QdotCase, projections: bool) -> Recommendation:
    tax = case.tax
    left = max(ZERO, tax.exclusion_amount - tax.adjusted_taxable_gifts)
    to_qdot = max(ZERO, case.taxable_estate - left)
    annual = basis.noncitizen_spouse_exclusion
    years_of_gifts = Decimal(math.ceil(to_qdot / annual.value)) if annual.value else ZERO
    who = "you" if case.scenario == "person_dies_first" else "your spouse"
    foreign = min(profile.foreign_real_estate, to_qdot) if case.scenario == "person_dies_first" else ZERO
    secured = calc.security(SecurityInput(trust_value=to_qdot, foreign_real_property=foreign))
    figures = [
        Figure(
            name="taxable_estate",
            value=case.taxable_estate,
            unit="money",
            basis=f"the estate {who} would leave"
            + (" (US-situs part only, IRC 2103)" if case.nonresident else " (worldwide, IRC 2031)"),
        ),
        Figure(
            name="tax_without_qdot",
            value=tax.net_estate_tax,
            unit="money",
            basis=f"compute_estate_tax: no marital deduction for a non-citizen spouse (IRC 2056(d)), "
            f"exclusion of {basis.tax_year}" + (", non-resident credit (IRC 2102)" if case.nonresident else ""),
            citations=tax.citations,
        ),
        Figure(
            name="amount_to_qdot",
            value=to_qdot,
            unit="money",
            basis="the estate above the exclusion left (exclusion less lifetime taxable gifts): what would have to "
            "pass to the QDOT to defer all of the tax",
            citations=tax.citations,
        ),
        Figure(
            name="marginal_rate",
            value=tax.marginal_rate,
            unit="rate",
            basis="rate on the next dollar of the estate (IRC 2001(c))",
            citations=tax.citations[:1],
        ),
    ]
    if secured.over_threshold:
        figures.append(
            Figure(name="bond_amount", value=secured.bond_amount, unit="money",
                   basis="security_requirements: bond or letter of credit without a bank trustee, on the amount "
                   "to the QDOT", citations=secured.citations)
        )  # fmt: skip
    assumed = [
        "The tax is computed as if death occurred this year, on today's estate, with no deductions other than the "
        "marital deduction that is disallowed."
    ]
    if case.scenario == "spouse_dies_first":
        assumed.append("Your spouse's lifetime taxable gifts were not asked; none are assumed.")
    survivor = (
        profile.spouse_age_on(basis.today) if case.scenario == "person_dies_first" else profile.age_on(basis.today)
    )
    if projections and survivor is not None and survivor < basis.table.max_age:
        figures += _deferral_figures(profile, basis, case, survivor, assumed)
    elif projections:
        assumed.append("The surviving spouse's age is not known, so what the deferral is worth is not projected.")
    figures += [
        Figure(
            name="noncitizen_spouse_annual_exclusion",
            value=annual.value,
            unit="money",
            basis=f"IRC 2523(i)(2), {basis.tax_year}",
            citations=(annual.citation,),
        ),
        Figure(
            name="years_of_gifts_to_move_excess",
            value=years_of_gifts,
            unit="years",
            basis="amount to the QDOT divided by the yearly exclusion for gifts to a non-citizen spouse, rounded up "
            "(at today's exclusion; it is indexed for inflation)",
        ),
    ]
    pitfalls = [
        "qdot_disqualification",
        "qdot_principal_distributions",
        "qdot_tax_at_survivor_death",
        "qdot_annual_return",
    ]
    pitfalls.append("qdot_security_large" if secured.over_threshold else "qdot_security_small")
    if foreign > 0 and not secured.over_threshold:
        pitfalls.append("qdot_foreign_real_estate")
    if profile.retirement_accounts > 0:
        pitfalls.append("qdot_retirement_accounts")
    next_steps = ["cross_border_attorney", "choose_us_trustee", "update_estate_documents"]
    if case.nonresident:
        next_steps.append("inventory_us_situs")
    alternatives = ["naturalize_before_return", "annual_gifts_to_spouse", "spouse_assigns_to_qdot", "pay_tax_now"]
    if case.scenario == "person_dies_first" and profile.spouse_plans_to_naturalize:
        alternatives.remove("naturalize_before_return")
        alternatives.insert(0, "naturalize_before_return_planned")
    citations = [c for figure in figures for c in figure.citations]
    return Recommendation(
        kind="qdot",
        scenario=case.scenario,
        rules=case.hits,
        figures=tuple(figures),
        costs=costs("qdot"),
        pitfalls=tuple(pitfalls),
        next_steps=tuple(next_steps),
        alternatives=tuple(alternatives),
        citations=_unique(citations),
        legal_basis=_law(case.hits),
        assumptions=tuple(assumed),
    )


def _deferral_figures(
    profile: Profile, basis: Basis, case: QdotCase, survivor_age: int, assumed: list[str]
) -> list[Figure]:
    """What the QDOT buys, from project_deferral on the screening's assumptions."""
    rules = assumptions().qdot
    explicit = basis.basic_exclusion.value if basis.tax_year != basis.today.year and not case.nonresident else None
    result = calc.deferral(
        DeferralInput(
            gross_estate=case.taxable_estate,
            adjusted_taxable_gifts=case.gifts,
            death_date=basis.today,
            nonresident=case.nonresident,
            exclusion_amount=explicit,
            spouse_age=survivor_age,
            discount_rate=basis.rate.value,
            growth=rules.trust_growth,
            income_yield=rules.income_yield,
        )
    )
    assumed.append(
        f"Deferral projection: the trust grows {percent(rules.trust_growth)} a year and pays out "
        f"{percent(rules.income_yield)} as income, no principal is distributed, amounts are discounted at the "
        f"section 7520 rate for {basis.rate_month:%Y-%m}; " + "; ".join(result.assumptions) + "."
    )
    naturalising, giving, _ = result.alternatives
    basis_text = f"project_deferral: survivor aged {survivor_age}, every year of death weighted by Table 2010CM"
    return [
        Figure(name="expected_tax_with_qdot", value=result.expected_tax_with_qdot, unit="money",
               basis=basis_text + "; undiscounted", citations=result.citations),
        Figure(name="present_value_benefit", value=result.present_value_benefit, unit="money",
               basis=basis_text + "; present value of the tax without a QDOT less that of the taxes and costs with "
               "it", citations=result.citations),
        Figure(name="survivor_life_expectancy", value=result.life_expectancy, unit="years",
               basis=f"Table 2010CM, age {survivor_age}", citations=result.citations),
        Figure(name="naturalising_benefit", value=naturalising.present_value_benefit, unit="money",
               basis=naturalising.basis),
        Figure(name="gifts_benefit", value=giving.present_value_benefit, unit="money", basis=giving.name),
    ]  # fmt: skip


def _qprt(profile: Profile, basis: Basis, case: QprtCase, decision: Decision) -> Recommendation:
    rules = assumptions().qprt
    assert profile.residence_value is not None
    common = {
        "fmv": profile.residence_value,
        "valuation_date": basis.today,
        "rate": basis.rate.value,
        "growth": rules.residence_growth,
        "basis": profile.residence_basis,
    }
    who = {"birth_date": profile.birth_date} if profile.birth_date is not None else {"age": profile.age}
    result = calc.qprt(QprtInput(term=case.term, **who, **common))
    shorter_terms = [t for t in rules.candidate_terms if t < case.term]
    p = result.projection
    figures = [
        Figure(name="residence_value", value=profile.residence_value, unit="money", basis="your answer"),
        Figure(
            name="own_estate_tax",
            value=decision.own_tax.net_estate_tax,
            unit="money",
            basis=f"compute_estate_tax on your own estate, exclusion of {basis.tax_year}, no marital deduction",
            citations=decision.own_tax.citations,
        ),
        Figure(name="suggested_term", value=Decimal(case.term), unit="years", basis="longest candidate term survived "
               f"with probability of at least {rules.min_survival_probability} (content/assumptions.yaml)"),
        Figure(name="section_7520_rate", value=result.rate, unit="rate", basis=f"month {basis.rate_month:%Y-%m}",
               citations=(basis.rate.citation,)),
        Figure(name="survival_probability", value=result.survival_probability, unit="probability",
               basis=f"Table {result.table}, age {result.age}, {case.term} years", citations=result.citations),
        Figure(name="gift", value=result.gift, unit="money", basis="compute_qprt: value x remainder factor "
               "(with reversion), whole dollars", citations=result.citations),
        Figure(name="value_at_term_end", value=p.value_at_term_end, unit="money",
               basis=f"value grown at {percent(rules.residence_growth)} a year (assumption)"),
        Figure(name="estate_tax_saved_if_survives", value=p.estate_tax_saved_if_survives, unit="money",
               basis=f"{percent(p.estate_tax_rate)} of (value at term end - gift)"),
        Figure(name="expected_estate_tax_saved", value=p.expected_estate_tax_saved, unit="money",
               basis="weighted by the probability of surviving the term"),
    ]  # fmt: skip
    if p.lost_step_up_cost is not None:
        figures.append(
            Figure(name="lost_step_up_cost", value=p.lost_step_up_cost, unit="money",
                   basis=f"{percent(p.capital_gains_rate)} of (value at term end - your basis)")
        )  # fmt: skip
    figures.append(
        Figure(name="expected_net_saving", value=p.expected_net_saving, unit="money",
               basis="expected tax saved less the lost step-up, before the costs below")
    )  # fmt: skip
    if shorter_terms:
        short = calc.qprt(QprtInput(term=shorter_terms[0], **who, **common))
        figures += [
            Figure(name="shorter_term", value=Decimal(short.term), unit="years", basis="the next shorter candidate"),
            Figure(name="shorter_term_gift", value=short.gift, unit="money", basis="compute_qprt",
                   citations=short.citations),
            Figure(name="shorter_term_survival", value=short.survival_probability, unit="probability",
                   basis=f"Table {short.table}"),
        ]  # fmt: skip
    pitfalls = ["qprt_death_during_term", "qprt_lost_step_up", "qprt_gst", "qprt_rent_after_term", "qprt_sale"]
    if profile.residence_mortgage:
        pitfalls.append("qprt_mortgage")
    if profile.residence_type == "vacation":
        pitfalls.append("qprt_vacation_use")
    if profile.married and profile.spouse_citizenship == "non_us":
        pitfalls.append("qprt_with_qdot")
    citations = [c for figure in figures for c in figure.citations]
    assumed = [
        f"The home's value grows {percent(rules.residence_growth)} a year; the estate tax saved is at the top rate.",
        f"Valuation in {basis.today:%B %Y} at the section 7520 rate for {basis.rate_month:%Y-%m}.",
    ]
    if profile.residence_basis is None:
        assumed.append("Your basis in the home is not known, so the cost of the lost step-up is not estimated.")
    return Recommendation(
        kind="qprt",
        rules=case.hits,
        figures=tuple(figures),
        costs=costs("qprt"),
        pitfalls=tuple(pitfalls),
        next_steps=("appraise_home", "term_with_attorney", "deal_with_mortgage", "plan_after_term"),
        alternatives=("outright_gift_of_home", "sale_to_grantor_trust", "keep_home"),
        citations=_unique(citations),
        legal_basis=_law(case.hits),
        assumptions=tuple(assumed),
    )


def _no_action(profile: Profile, basis: Basis, decision: Decision) -> Recommendation:
    own = decision.own_tax
    figures = [
        Figure(name="taxable_estate", value=decision.own_base, unit="money",
               basis="your answer" + (" (US-situs part)" if profile.nonresident_not_citizen else "")),
        Figure(name="exclusion_left", value=max(ZERO, own.exclusion_amount - own.adjusted_taxable_gifts),
               unit="money", basis=f"exclusion of {basis.tax_year} less lifetime taxable gifts",
               citations=own.citations),
        Figure(name="own_estate_tax", value=own.net_estate_tax, unit="money",
               basis="compute_estate_tax on your own estate, no marital deduction", citations=own.citations),
    ]  # fmt: skip
    if decision.projected_estate != decision.own_base:
        figures.append(
            Figure(name="projected_estate", value=decision.projected_estate, unit="money",
                   basis=f"grown at {percent(profile.estate_growth)} a year for {decision.horizon} years "
                   "(median remaining lifetime, Table 2010CM)")
        )  # fmt: skip
    changes = what_would_change(profile, basis, decision)
    pitfalls = ["review_when_things_change"]
    if profile.married:
        pitfalls.append("portability")
    if decision.state is not None and decision.state.applies:
        pitfalls.append("state_tax_applies")
    return Recommendation(
        kind="no_action",
        rules=decision.no_action,
        figures=tuple(figures),
        costs=costs("no_action"),
        pitfalls=tuple(pitfalls),
        next_steps=("keep_documents_current",),
        alternatives=(),
        citations=_unique([c for figure in figures for c in figure.citations]),
        legal_basis=_law(decision.no_action),
        assumptions=("The tax is computed as if death occurred this year, on today's estate.",),
        what_would_change=tuple(changes),
    )
