"""Screening: a pure function from a validated profile to recommendations with their reasons.

The rules (:mod:`advisor.screening.rules`) decide; this module adds the figures from the
calculators, the costs, pitfalls, next steps and alternatives that apply, and for "no action" the
single-fact changes that would change the route. Every sentence lives in content/: figures carry
the facts their basis sentence names, assumptions are keys with facts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from advisor.calculators.couple import ComparisonInput, Domicile
from advisor.calculators.couple.projection import DEFAULT_INFLATION
from advisor.calculators.parameters import Citation
from advisor.calculators.qdot_security import security_citations, security_figures
from advisor.engine.profile import Profile
from advisor.screening import basis as calc
from advisor.screening.basis import Basis, basis_for
from advisor.screening.changes import what_would_change
from advisor.screening.data import assumptions, costs, legal_basis
from advisor.screening.models import (
    Assumption,
    Change,
    CostRange,
    Fact,
    Figure,
    Kind,
    Recommendation,
    RuleHit,
    Scenario,
    Screening,
    StateTax,
)
from advisor.screening.rules import ZERO, Decision, QdotCase, QprtCase, decide, home_growth, marriage
from advisor.screening.treaty import MaritalCreditParties, marital_credit_parties, treaty_country, treaty_outlook

__all__ = [
    "Assumption",
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


def screen(profile: Profile, *, today: dt.date, projections: bool = True) -> Screening:
    """Recommendations for a profile as of a day. ``projections=False`` leaves out the two-death
    comparison of the QDOT's routes (about 1 ms per QDOT), for batch screening at speed."""
    basis = basis_for(today)
    decision = decide(profile, basis)
    recommendations = [_qdot(profile, basis, case, projections) for case in decision.qdot]
    if decision.qprt is not None:
        recommendations.append(_qprt(profile, basis, decision.qprt))
    if not recommendations:
        recommendations.append(_no_action(profile, basis, decision))
    if decision.state is not None and decision.state.applies:
        recommendations = [_with_state(r, decision.state) for r in recommendations]
    return Screening(
        profile=profile,
        today=basis.today,
        tax_year=basis.tax_year,
        recommendations=tuple(recommendations),
        state_tax=decision.state,
        notes=basis.notes,
        treaty=treaty_outlook(profile, basis.today, basis.tax_year),
    )


def _with_state(r: Recommendation, state: StateTax) -> Recommendation:
    """Every route names the state's own tax where it applies (no portability, cliffs)."""
    pitfalls = r.pitfalls if "state_tax_applies" in r.pitfalls else (*r.pitfalls, "state_tax_applies")
    return r.model_copy(update={"state_tax": state, "pitfalls": pitfalls})


def _law(rules: tuple[RuleHit, ...]) -> tuple[str, ...]:
    table = legal_basis()
    seen: dict[str, None] = {}
    for hit in rules:
        for line in table[hit.name]:
            seen[line] = None
    return tuple(seen)


def _cited(figures: list[Figure]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(c for figure in figures for c in figure.citations))


def _growth(profile: Profile, years: int) -> Assumption:
    given = "estate_growth" not in profile.assumed
    facts: dict[str, Fact] = {
        "growth": str(profile.estate_growth),
        "years": years,
        "given": given,
        "inflation": str(DEFAULT_INFLATION),
    }
    return Assumption(key="estate_growth", facts=facts)


def _comparison_facts(profile: Profile, basis: Basis, case: QdotCase) -> ComparisonInput | None:
    """The couple model's facts for this order of deaths: the death this year, or for standby
    provisions at the end of the projection (the first death is never in the past)."""
    first = case.scenario == "person_dies_first"
    age = profile.spouse_age_on(basis.today) if first else profile.age_on(basis.today)
    if age is None:
        return None
    years = case.horizon if case.standby else 0
    if age + years >= basis.table.max_age:
        return None
    planned = first and bool(profile.spouse_plans_to_naturalize) and case.survivor_in_us
    abroad = not case.survivor_in_us
    survivor_us_situs = (profile.spouse_estate_us_situs if first else profile.estate_us_situs) or ZERO
    # the pro-rata credit the rules gave the decedent's tax (a verified treaty row), on the same gross estates
    pro_rata = (case.projected_tax if case.standby else case.tax).treaty
    share = pro_rata.pro_rata if pro_rata is not None else None
    return ComparisonInput(
        estate=case.projected_estate if case.standby else case.taxable_estate,
        death_date=basis.today.replace(year=basis.today.year + years) if years else basis.today,
        valuation_date=basis.today,
        decedent_nonresident=case.nonresident,
        adjusted_taxable_gifts=case.gifts,
        treaty=pro_rata.country if pro_rata is not None and share is not None else None,
        worldwide_estate=share.worldwide_gross_estate if share is not None else None,
        spouse_age=age + years,
        spouse_domicile=Domicile.ABROAD if abroad else Domicile.US,
        spouse_estate=(profile.spouse_estate_total or ZERO) if first else profile.estate_total,
        spouse_us_situs=survivor_us_situs if abroad else ZERO,
        spouse_treaty=treaty_country(profile, "your_spouse" if first else "you", basis.today) if abroad else None,
        growth=profile.estate_growth,
        discount_rate=basis.rate.value,
        naturalize_probability=assumptions().qdot.naturalize_probability_if_planned if planned else ZERO,
    )


def _comparison_figures(
    facts: ComparisonInput, assumed: list[Assumption], marital: MaritalCreditParties | None
) -> list[Figure]:
    result = calc.comparison(facts, marital, breakevens=False)
    first_rows = {c.parameter: c for c in reversed(result.citations)}
    cited = tuple(c for c in result.citations if first_rows[c.parameter] == c)
    figures = [
        Figure(name="route_cost", value=route.pv_total, unit="money",
               facts={"route": key, "best": key == result.best_route}, citations=cited)
        for key, route in result.routes.items()
        if route.feasible and key != "naturalize_before_return"
    ]  # fmt: skip
    spread = calc.spread_breakeven(facts)
    if spread is not None:
        assumed_spread = str(facts.discount_rate - facts.growth)
        figures.append(Figure(name="breakeven_spread", value=spread, unit="rate",
                              facts={"assumed": assumed_spread}))  # fmt: skip
    assumed.append(
        Assumption(
            key="comparison",
            facts={
                "growth": str(facts.growth),
                "discount": str(facts.discount_rate),
                "naturalize_probability": str(facts.naturalize_probability),
                "survivor_in_us": facts.spouse_domicile is Domicile.US,
                "inherited_us_situs": str(facts.inherited_us_situs),
                "inflation": str(facts.inflation),
            },
        )
    )
    return figures


def _qdot(profile: Profile, basis: Basis, case: QdotCase, projections: bool) -> Recommendation:
    tax = case.tax if not case.standby else case.projected_tax
    left = max(ZERO, tax.exclusion_amount - tax.adjusted_taxable_gifts)
    to_qdot = max(ZERO, (case.projected_estate if case.standby else case.taxable_estate) - left)
    first = case.scenario == "person_dies_first"
    donor_nonresident = profile.nonresident_not_citizen if first else profile.spouse_nonresident_not_citizen
    foreign = min(profile.foreign_real_estate, to_qdot) if first else ZERO
    secured = security_figures(to_qdot)
    figures = [
        Figure(name="taxable_estate", value=case.taxable_estate, unit="money",
               facts={"who": "you" if first else "your spouse", "nonresident": case.nonresident}),
        Figure(name="tax_without_qdot", value=case.tax.net_estate_tax, unit="money",
               facts={"year": basis.tax_year, "nonresident": case.nonresident,
                      "treaty": case.tax.treaty is not None and case.tax.treaty.pro_rata is not None},
               citations=case.tax.citations),
    ]  # fmt: skip
    if case.projected_estate > case.taxable_estate:
        figures += [
            Figure(name="projected_estate", value=case.projected_estate, unit="money",
                   facts={"growth": str(profile.estate_growth), "years": case.horizon}),
            Figure(name="projected_tax_without_qdot", value=case.projected_tax.net_estate_tax, unit="money",
                   facts={"nonresident": case.nonresident}, citations=case.projected_tax.citations),
        ]  # fmt: skip
    figures += [
        Figure(name="amount_to_qdot", value=to_qdot, unit="money", facts={"projected": case.standby},
               citations=tax.citations),
        Figure(name="marginal_rate", value=tax.marginal_rate, unit="rate", citations=tax.citations[:1]),
    ]  # fmt: skip
    if secured.over_threshold:
        figures.append(
            Figure(name="bond_amount", value=secured.bond_amount, unit="money", citations=security_citations())
        )  # fmt: skip
    annual = basis.noncitizen_spouse_exclusion
    years = assumptions().qdot.gift_years
    if not donor_nonresident:
        figures += [
            Figure(name="noncitizen_spouse_annual_exclusion", value=annual.value, unit="money",
                   facts={"year": basis.tax_year}, citations=(annual.citation,)),
            Figure(name="spousal_gifts_from_now", value=annual.value * years, unit="money",
                   facts={"years": years, "year": basis.tax_year}),
        ]  # fmt: skip
    pitfalls = ["qdot_disqualification", "qdot_principal_distributions", "qdot_tax_at_survivor_death"]
    pitfalls += ["qdot_annual_return", "qdot_security_large" if secured.over_threshold else "qdot_security_small"]
    if foreign > 0 and not secured.over_threshold:
        pitfalls.append("qdot_foreign_real_estate")
    if profile.retirement_accounts > 0 and first:
        pitfalls.append("qdot_retirement_accounts")
    if not case.nonresident:
        pitfalls.append("qdot_dsue_provisional" if case.survivor_in_us else "no_dsue_for_survivor_abroad")
    if profile.joint_property > 0:
        pitfalls.append("joint_property_noncitizen")
    next_steps = ["cross_border_attorney", "choose_us_trustee", "update_estate_documents"]
    if case.nonresident:
        next_steps.append("inventory_us_situs")
    alternatives: list[str] = []
    if case.survivor_in_us:
        planned = first and profile.spouse_plans_to_naturalize
        alternatives += ["naturalize_before_return_planned" if planned else "naturalize_before_return"]
        alternatives.append("naturalize_after_return")
    alternatives.append("gifts_of_intangibles_nonresident" if donor_nonresident else "annual_gifts_to_spouse")
    alternatives += ["spouse_assigns_to_qdot", "pay_tax_now"]
    assumed = [Assumption(key="death_this_year", facts={"year": basis.tax_year})]
    if case.projected_estate > case.taxable_estate or case.standby:
        assumed.append(_growth(profile, case.horizon))
    compared = _comparison_facts(profile, basis, case) if projections else None
    marital = marital_credit_parties(profile, basis.today) if first and compared is not None else None
    if compared is not None:
        figures += _comparison_figures(compared, assumed, marital)
    elif projections:
        assumed.append(Assumption(key="survivor_age_unknown"))
    if not first:
        assumed.append(Assumption(key="spouse_gifts_not_asked"))
    if not donor_nonresident:
        assumed.append(Assumption(key="gifts_at_this_years_amount", facts={"year": basis.tax_year, "years": years}))
    return Recommendation(
        kind="qdot",
        scenario=case.scenario,
        standby=case.standby,
        rules=case.hits,
        figures=tuple(figures),
        costs=costs("qdot"),
        pitfalls=tuple(pitfalls),
        next_steps=tuple(next_steps),
        alternatives=tuple(alternatives),
        citations=_cited(figures),
        legal_basis=_law(case.hits),
        assumptions=tuple(assumed),
        comparison=compared,
        marital_credit=marital,
    )


def _qprt(profile: Profile, basis: Basis, case: QprtCase) -> Recommendation:
    assert profile.residence_value is not None
    row = case.chosen
    couple = marriage(profile)
    figures = [
        Figure(name="residence_value", value=profile.residence_value, unit="money"),
        Figure(name="suggested_term", value=Decimal(row.term), unit="years"),
        Figure(name="section_7520_rate", value=basis.rate.value, unit="rate",
               facts={"month": f"{basis.rate_month:%Y-%m}"}, citations=(basis.rate.citation,)),
        Figure(name="gift", value=row.gift, unit="money", citations=case.sweep.citations),
        Figure(name="survival_probability", value=row.survival_probability, unit="probability",
               facts={"term": row.term}),
        Figure(name="value_at_term_end", value=row.home_at_term_end, unit="money",
               facts={"growth": str(home_growth(profile)), "term": row.term,
                      "given": "estate_growth" not in profile.assumed}),
        Figure(name="family_tax_without_qprt", value=row.tax_without, unit="money",
               facts={"marriage": couple, "term": row.term}),
        Figure(name="family_tax_with_qprt", value=row.tax_with, unit="money", facts={"marriage": couple}),
        Figure(name="federal_saving", value=row.federal_saving, unit="money"),
    ]  # fmt: skip
    if row.state_saving:
        figures.append(Figure(name="state_saving", value=row.state_saving, unit="money"))
    if row.lost_step_up is not None:
        figures.append(Figure(name="lost_step_up_cost", value=row.lost_step_up, unit="money"))
    figures += [
        Figure(name="qprt_costs", value=row.costs, unit="money", facts={"term": row.term}),
        Figure(name="expected_net_value", value=row.expected_net_value, unit="money"),
    ]
    figures += [
        Figure(name="term_net_value", value=other.expected_net_value, unit="money", facts={"term": other.term})
        for other in case.sweep.rows
        if other.term != row.term
    ]
    pitfalls = ["qprt_death_during_term", "qprt_lost_step_up", "qprt_gst", "qprt_rent_after_term", "qprt_sale"]
    if profile.residence_mortgage:
        pitfalls.append("qprt_mortgage")
    if profile.residence_type == "vacation":
        pitfalls.append("qprt_vacation_use")
    if profile.married and (profile.spouse_citizenship == "non_us" or profile.citizenship == "non_us"):
        pitfalls.append("qprt_with_qdot")
    assumed = [
        Assumption(key="home_growth", facts={"growth": str(home_growth(profile)),
                                             "given": "estate_growth" not in profile.assumed}),
        Assumption(key="second_death_at_term_end", facts={"marriage": couple, "inflation": str(DEFAULT_INFLATION)}),
        Assumption(key="valuation_month",
                   facts={"today": basis.today.isoformat(), "month": f"{basis.rate_month:%Y-%m}"}),
        Assumption(key="costs_midpoint"),
    ]  # fmt: skip
    if profile.residence_basis is None:
        assumed.append(Assumption(key="home_basis_unknown"))
    return Recommendation(
        kind="qprt",
        rules=case.hits,
        figures=tuple(figures),
        costs=costs("qprt"),
        pitfalls=tuple(pitfalls),
        next_steps=("appraise_home", "term_with_attorney", "deal_with_mortgage", "plan_after_term"),
        alternatives=("outright_gift_of_home", "sale_to_grantor_trust", "keep_home"),
        citations=_cited(figures),
        legal_basis=_law(case.hits),
        assumptions=tuple(assumed),
    )


def _no_action(profile: Profile, basis: Basis, decision: Decision) -> Recommendation:
    found = decision.exposure
    assert found is not None, "a full decision measures the exposure"
    own = decision.own_tax
    couple = found.measured == "second_death"
    figures = [
        Figure(name="taxable_estate", value=found.estate, unit="money",
               facts={"who": "couple" if couple else "you", "nonresident": profile.nonresident_not_citizen}),
        Figure(name="exclusion_left", value=max(ZERO, found.exclusion - profile.prior_taxable_gifts), unit="money",
               facts={"year": basis.tax_year, "couple": couple, "nonresident": profile.nonresident_not_citizen,
                      "treaty": own.treaty is not None and own.treaty.pro_rata is not None},
               citations=own.citations),
        Figure(name="federal_tax_now", value=found.tax_now, unit="money", facts={"couple": couple},
               citations=own.citations),
    ]  # fmt: skip
    if found.projected_estate != found.estate:
        figures += [
            Figure(name="projected_estate", value=found.projected_estate, unit="money",
                   facts={"growth": str(profile.estate_growth), "years": decision.horizon}),
            Figure(name="projected_federal_tax", value=found.projected_tax, unit="money", facts={"couple": couple}),
        ]  # fmt: skip
    state = decision.state
    if state is not None and state.tax is not None:
        figures.append(
            Figure(name="state_estate_tax", value=state.tax, unit="money",
                   facts={"state": state.name, "couple": couple}, citations=state.citations)
        )  # fmt: skip
    taxed = found.taxable or (state is not None and state.applies)
    pitfalls = ["review_when_things_change"]
    if profile.married and not profile.nonresident_not_citizen and not profile.spouse_nonresident_not_citizen:
        pitfalls.append("portability")
    if profile.joint_property > 0:
        pitfalls.append("joint_property_noncitizen")
    alternatives: list[str] = []
    if found.taxable and profile.nonresident_not_citizen:
        alternatives = ["us_situs_mix", "nonrecourse_debt", "gifts_of_intangibles", "treaty_relief", "life_insurance"]
    elif found.taxable:
        alternatives = ["lifetime_gifts", "charitable_planning", "liquidity_planning"]
    if state is not None and state.applies and couple:
        alternatives.append("state_credit_shelter")
    assumed = [Assumption(key="death_this_year", facts={"year": basis.tax_year})]
    if found.projected_estate != found.estate:
        assumed.append(_growth(profile, decision.horizon))
    if couple:
        assumed.append(Assumption(key="second_death_couple", facts={"year": basis.tax_year}))
    return Recommendation(
        kind="no_action",
        rules=decision.no_action,
        figures=tuple(figures),
        costs=costs("no_action"),
        pitfalls=tuple(pitfalls),
        next_steps=("estate_attorney_review",) if taxed else ("keep_documents_current",),
        alternatives=tuple(alternatives),
        citations=_cited(figures),
        legal_basis=_law(decision.no_action),
        assumptions=tuple(assumed),
        what_would_change=tuple(what_would_change(profile, basis, decision)),
    )
