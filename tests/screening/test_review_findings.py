"""The practitioner's findings (REVIEW-advice F2, F4-F7, F10, section 3), each as a case that failed before."""

from __future__ import annotations

from decimal import Decimal as D

from advisor.content import explain
from advisor.engine.profile import Profile
from advisor.screening import screen
from tests.screening.personas import TODAY, persona


def profile(**changes: object) -> Profile:
    base: dict[str, object] = {"citizenship": "us", "domicile": "us", "state": "TX", "age": 50, "married": False,
                               "estate_total": D(5_000_000), "owns_residence": False}  # fmt: skip
    return Profile.model_validate(base | changes)


def test_f2_florida_couple_gets_no_qprt_on_federal_grounds() -> None:
    _, screening = persona("us-couple-florida-home")
    assert screening.kinds == ("no_action",)
    hit = screening.recommendations[0].rule("qprt_no_family_tax")
    assert hit is not None and hit.facts["marriage"] == "citizen_spouse"


def test_f2_same_estate_without_a_spouse_gets_the_qprt_at_the_family_saving() -> None:
    _, couple = persona("us-couple-florida-home")
    alone = {"married": False, "spouse_citizenship": None, "estate_growth": D("0.03")}
    single = screen(couple.profile.model_copy(update=alone), today=TODAY)
    assert single.kinds == ("qprt",)
    saving = single.recommendations[0].figure("federal_saving")
    grown = single.recommendations[0].figure("value_at_term_end")
    gift = single.recommendations[0].figure("gift")
    assert saving is not None and grown is not None and gift is not None
    # never more than the top rate on what leaves the estate (the old rule's figure was exactly that)
    assert 0 < saving.value <= D("0.40") * (grown.value - gift.value)


def test_f2_new_york_state_tax_is_the_argument() -> None:
    _, screening = persona("us-couple-new-york-home")
    qprt = screening.recommendations[0]
    assert qprt.kind == "qprt"
    assert qprt.figure("federal_saving").value == 0  # type: ignore[union-attr]
    assert qprt.figure("state_saving").value > 0  # type: ignore[union-attr]
    assert screening.state_tax is not None and screening.state_tax.tax is not None


def test_f4_growth_to_the_exclusion_gets_standby_qdot_provisions_and_no_contradiction() -> None:
    session, screening = persona("growing-estate-noncitizen-spouse")
    qdot = screening.recommendations[0]
    assert qdot.kind == "qdot" and qdot.standby
    assert qdot.rule("tax_projected_at_first_death") is not None
    text = explain(screening, session)["recommendations"][0]
    reason = text["reasons"][2]["text"]
    assert "$14,000,000 is within the exclusion of $15,000,000" in reason and "above" not in reason


def test_f5_no_portability_pitfall_for_a_nonresident_and_dsue_provisional_on_qdot_reports() -> None:
    _, nonresident = persona("nonresident-single-us-vacation-home")
    assert all("portability" not in r.pitfalls for r in nonresident.recommendations)
    married_nra = screen(
        profile(citizenship="non_us", domicile="abroad", state=None, estate_total=D(2_000_000),
                estate_us_situs=D(50_000), married=True, spouse_citizenship="us", spouse_estate_total=D(0)),
        today=TODAY,
    )  # fmt: skip
    assert married_nra.kinds == ("no_action",) and "portability" not in married_nra.recommendations[0].pitfalls
    _, qdot = persona("qdot-and-qprt-couple")
    assert "qdot_dsue_provisional" in qdot.recommendations[0].pitfalls
    _, abroad = persona("expat-couple")
    pitfalls = abroad.recommendations[0].pitfalls
    assert "no_dsue_for_survivor_abroad" in pitfalls and "qdot_dsue_provisional" not in pitfalls


def test_f6_naturalizing_is_offered_only_to_a_survivor_living_in_the_us() -> None:
    for name in ("expat-couple", "nonresident-owner-us-property", "nonresident-us-home-couple"):
        _, screening = persona(name)
        for r in screening.recommendations:
            assert not any(key.startswith("naturalize") for key in r.alternatives), name
    _, resident = persona("citizen-with-noncitizen-spouse")
    assert {"naturalize_before_return_planned", "naturalize_after_return"} <= set(
        resident.recommendations[0].alternatives
    )


def test_f7_spousal_gifts_run_from_this_year_and_not_for_a_nonresident_donor() -> None:
    _, screening = persona("qdot-and-qprt-couple")
    gifts = screening.recommendations[0].figure("spousal_gifts_from_now")
    annual = screening.recommendations[0].figure("noncitizen_spouse_annual_exclusion")
    assert annual is not None and annual.value == D(194_000) and annual.facts["year"] == 2026
    assert gifts is not None and gifts.value == 10 * annual.value
    _, nonresident = persona("nonresident-owner-us-property")
    qdot = nonresident.recommendations[0]
    assert qdot.figure("spousal_gifts_from_now") is None
    assert "gifts_of_intangibles_nonresident" in qdot.alternatives


def test_f10_a_headline_never_says_nothing_is_needed_while_tax_is_projected() -> None:
    for name in ("nonresident-single-us-vacation-home", "very-elderly-homeowner", "us-couple-no-home-illinois"):
        session, screening = persona(name)
        title = explain(screening, session)["recommendations"][0]["title"]
        assert title == "No QDOT or QPRT fits, but estate tax is still projected", name
    _, nra = persona("nonresident-single-us-vacation-home")
    levers = set(nra.recommendations[0].alternatives)
    assert {"us_situs_mix", "nonrecourse_debt", "gifts_of_intangibles", "treaty_relief"} <= levers


def test_no_signed_one_death_npv_and_no_alternatives_may_serve_better_anywhere() -> None:
    from tests.screening.personas import routes

    for name in routes():
        session, screening = persona(name)
        report = str(explain(screening, session))
        assert "may serve better" not in report and "Net present value of the QDOT" not in report, name
        assert all(f.name != "present_value_benefit" for r in screening.recommendations for f in r.figures)


def test_joint_property_with_a_noncitizen_spouse_is_explained() -> None:
    _, screening = persona("growing-estate-noncitizen-spouse")
    assert "joint_property_noncitizen" in screening.recommendations[0].pitfalls


def test_state_tax_on_every_route_where_the_state_has_one() -> None:
    for name in ("qdot-and-qprt-couple", "us-couple-new-york-home", "us-couple-no-home-illinois"):
        _, screening = persona(name)
        assert screening.state_tax is not None and screening.state_tax.applies, name
