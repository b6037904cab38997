"""Screening rules at their edges, figures against the calculators, and what would change the answer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.engine import Session
from advisor.engine.profile import Profile
from advisor.screening import screen
from tests.screening.personas import TODAY, persona

D = Decimal


def profile(**changes: object) -> Profile:
    base: dict[str, object] = {
        "citizenship": "us",
        "domicile": "us",
        "state": "TX",
        "age": 60,
        "married": False,
        "estate_total": D(5_000_000),
        "owns_residence": False,
    }
    return Profile.model_validate({**base, **changes})


def test_qdot_tax_is_the_calculators_tax_with_no_marital_deduction() -> None:
    _, screening = persona("qdot-and-qprt-couple")
    qdot = screening.recommendations[0]
    expected = compute_estate_tax(EstateTaxInput(taxable_estate=D(28_000_000), year=2026)).net_estate_tax
    tax = qdot.figure("tax_without_qdot")
    assert tax is not None and tax.value == expected == D("5200000.00")
    assert any("Rev. Proc. 2025-32" in c.source for c in tax.citations)
    assert qdot.figure("amount_to_qdot").value == D(13_000_000)  # type: ignore[union-attr]


def test_qdot_threshold_is_the_exclusion_left() -> None:
    married = {"married": True, "spouse_citizenship": "non_us", "spouse_domicile": "us", "spouse_age": 55,
               "spouse_estate_total": D(0)}  # fmt: skip
    at = screen(profile(estate_total=D(15_000_000), **married), today=TODAY)
    above = screen(profile(estate_total=D(15_000_001), **married), today=TODAY)
    gifts = screen(profile(estate_total=D(14_000_000), prior_taxable_gifts=D(2_000_000), **married), today=TODAY)
    assert at.kinds == ("no_action",) and above.kinds == ("qdot",) and gifts.kinds == ("qdot",)


def test_nonresident_threshold_is_60000_of_us_property() -> None:
    married = {"married": True, "spouse_citizenship": "non_us", "spouse_domicile": "abroad", "spouse_age": 55,
               "spouse_estate_total": D(0), "spouse_estate_us_situs": D(0)}  # fmt: skip
    nra = {"citizenship": "non_us", "domicile": "abroad", "state": None, "estate_total": D(5_000_000)}
    assert screen(profile(**nra, estate_us_situs=D(60_000), **married), today=TODAY).kinds == ("no_action",)
    assert screen(profile(**nra, estate_us_situs=D(60_001), **married), today=TODAY).kinds == ("qdot",)


def test_both_orders_of_death_are_considered() -> None:
    _, screening = persona("noncitizen-couple-in-us")
    assert [r.scenario for r in screening.recommendations] == ["person_dies_first", "spouse_dies_first"]
    _, spouse_first = persona("noncitizen-with-taxable-citizen-spouse")
    assert spouse_first.recommendations[0].scenario == "spouse_dies_first"
    tax = spouse_first.recommendations[0].figure("tax_without_qdot")
    assert tax is not None and tax.value == D("2800000.00")  # 40% of the $7M above $15M


def test_citizen_spouse_means_no_qdot() -> None:
    married = {"married": True, "spouse_citizenship": "us", "spouse_estate_total": D(0)}
    assert screen(profile(estate_total=D(40_000_000), **married), today=TODAY).kinds == ("no_action",)


def test_qprt_needs_value_heirs_tax_and_a_likely_term() -> None:
    home = {"owns_residence": True, "residence_type": "principal", "residence_value": D(3_000_000),
            "residence_to_children": True, "estate_total": D(20_000_000)}  # fmt: skip
    assert screen(profile(**home), today=TODAY).kinds == ("qprt",)
    assert screen(profile(**{**home, "residence_value": D(999_999)}), today=TODAY).kinds == ("no_action",)
    assert screen(profile(**{**home, "residence_to_children": False}), today=TODAY).kinds == ("no_action",)
    small = screen(profile(**{**home, "estate_total": D(5_000_000)}), today=TODAY)
    assert small.kinds == ("no_action",) and small.recommendations[0].rule("qprt_no_family_tax") is not None
    old = screen(profile(**{**home, "age": 91}), today=TODAY)
    assert old.kinds == ("no_action",)
    hit = old.recommendations[0].rule("qprt_not_worth_it")
    assert hit is not None and D(str(hit.facts["survival_probability"])) < D("0.5")


def test_qprt_at_the_1m_threshold_is_considered_and_below_it_is_not() -> None:
    home = {"owns_residence": True, "residence_type": "principal", "residence_to_children": True,
            "estate_total": D(20_000_000), "residence_basis": D(900_000)}  # fmt: skip
    assert screen(profile(**home, residence_value=D(1_000_000)), today=TODAY).kinds == ("qprt",)
    assert screen(profile(**home, residence_value=D("999999.99")), today=TODAY).kinds == ("no_action",)


def test_growth_makes_a_future_taxable_estate_count_for_the_qprt() -> None:
    home = {"owns_residence": True, "residence_type": "principal", "residence_value": D(2_000_000),
            "residence_to_children": True, "estate_total": D(10_000_000), "age": 50}  # fmt: skip
    assert screen(profile(**home), today=TODAY).kinds == ("no_action",)
    grown = screen(profile(**home, estate_growth=D("0.06")), today=TODAY)
    assert grown.kinds == ("qprt",)


def test_qprt_figures_come_from_the_calculator_at_the_latest_published_rate() -> None:
    _, screening = persona("us-couple-valuable-home")
    qprt = screening.recommendations[0]
    rate = qprt.figure("section_7520_rate")
    assert rate is not None and rate.value == D("0.056") and rate.citations[0].effective == "2026-10"
    assert [(n.key, n.facts["month"]) for n in screening.notes] == [("rate_month_missing", "2026-11")]
    term = qprt.figure("suggested_term")
    survival = qprt.figure("survival_probability")
    assert term is not None and survival is not None
    assert survival.value >= D("0.5")
    assert qprt.figure("lost_step_up_cost") is not None
    values = {f.facts["term"]: f.value for f in qprt.figures if f.name == "term_net_value"}
    best = qprt.figure("expected_net_value")
    assert best is not None and values and all(best.value >= v for v in values.values())


def test_screening_in_a_covered_month_uses_that_months_rate_without_a_note() -> None:
    _, session_screening = persona("us-couple-valuable-home")
    screening = screen(session_screening.profile, today=dt.date(2026, 7, 15))
    rate = screening.recommendations[0].figure("section_7520_rate")
    assert rate is not None and rate.value == D("0.052") and not screening.notes


def test_what_would_change_is_ranked_and_each_change_really_flips() -> None:
    _, screening = persona("modest-estate")
    changes = screening.recommendations[0].what_would_change
    assert [c.fact for c in changes][:1] == ["state"]
    assert [c.size for c in changes] == sorted(c.size for c in changes)
    _, illinois = persona("us-couple-no-home-illinois")
    flips = illinois.recommendations[0].what_would_change
    assert ("spouse_citizenship", ("qdot",)) in [(c.fact, c.kinds) for c in flips]


def test_every_recommendation_carries_costs_citations_and_law() -> None:
    for name in ("qdot-and-qprt-couple", "modest-estate", "elderly-homeowner"):
        _, screening = persona(name)
        for r in screening.recommendations:
            assert r.costs and r.citations and r.legal_basis and r.pitfalls and r.assumptions


def test_qdot_routes_and_security_come_from_the_calculators() -> None:
    from advisor.calculators.couple import ComparisonInput, compare_routes

    session, screening = persona("qdot-and-qprt-couple")
    qdot = screening.recommendations[0]
    expected = compare_routes(
        ComparisonInput(estate=D(28_000_000), death_date=TODAY, valuation_date=TODAY, spouse_age=57,
                        spouse_estate=D(3_000_000), discount_rate=D("0.056"))
    )  # fmt: skip
    shown = {f.facts["route"]: f.value for f in qdot.figures if f.name == "route_cost"}
    assert shown == {k: r.pv_total for k, r in expected.routes.items() if r.feasible and k in shown}
    assert {"pay_now", "qdot"} <= set(shown)
    best = [f.facts["route"] for f in qdot.figures if f.name == "route_cost" and f.facts["best"]]
    assert best == [expected.best_route]
    assert qdot.figure("bond_amount").value == D("8450000.00")  # type: ignore[union-attr]  # 65% of $13M
    assert "qdot_security_large" in qdot.pitfalls and "qdot_foreign_real_estate" not in qdot.pitfalls
    fast = screen(session.profile(), today=TODAY, projections=False).recommendations[0]
    assert fast.figure("route_cost") is None and fast.figure("tax_without_qdot") is not None


def test_small_qdot_has_the_foreign_real_estate_limit_and_no_bond() -> None:
    married = {"married": True, "spouse_citizenship": "non_us", "spouse_domicile": "us", "spouse_age": 55,
               "spouse_estate_total": D(0), "foreign_real_estate": D(500_000)}  # fmt: skip
    qdot = screen(profile(estate_total=D(16_000_000), **married), today=TODAY).recommendations[0]
    assert qdot.figure("amount_to_qdot").value == D(1_000_000)  # type: ignore[union-attr]
    assert qdot.figure("bond_amount") is None
    assert {"qdot_security_small", "qdot_foreign_real_estate"} <= set(qdot.pitfalls)


def test_a_cheap_home_in_a_small_estate_is_screened_without_error() -> None:
    """'What would change' tries the home at the QPRT floor; the estate then holds at least that home."""
    answers = {
        "citizenship": "us", "domicile": "us", "state": "FL", "age": 60, "married": False,
        "estate_total": "600000", "prior_taxable_gifts": "0", "owns_residence": True,
        "residence_type": "principal", "residence_value": "500000", "residence_basis": "200000",
        "residence_to_children": True,
    }  # fmt: skip
    session = Session.from_answers(answers, today=TODAY, defaults=True)
    screening = screen(session.profile(), today=TODAY)
    assert [r.kind for r in screening.recommendations] == ["no_action"]
