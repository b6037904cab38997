"""Treaties in the screening: the pro-rata credit in the figures, the treaty box before them, older answers
files that screen as before, and the Canadian marital credit beside the QDOT."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from advisor.answers_file import load_answers_file, personas
from advisor.content import explain, render_report
from advisor.engine import Session
from advisor.screening import Screening, screen
from advisor.screening.basis import basis_for
from advisor.screening.rules import decide

D = Decimal
TODAY = dt.date(2026, 11, 23)
KENJI = {
    key: value
    for key, value in load_answers_file(personas()["nonresident-treaty-japan"]).items()
    if not key.endswith("_country")
}
"""Tokyo; $2.5m US-situs of $10m worldwide; as written before the interview asked for countries."""
JAPAN = {"citizenship_country": "Japan", "domicile_country": "jp", "spouse_citizenship_country": "JP",
         "spouse_domicile_country": "japan"}  # fmt: skip


def screened(answers: dict[str, object]) -> tuple[Session, Screening]:
    session = Session.from_answers(answers, today=TODAY, defaults=True)
    assert session.is_complete, (session.current, session.rejections)
    return session, screen(session.profile(), today=TODAY)


def test_kenji_in_japan_owes_nothing_and_gets_no_qdot() -> None:
    session, screening = screened({**KENJI, **JAPAN})
    assert screening.kinds == ("no_action",)
    own = screening.recommendations[0].figure("federal_tax_now")
    assert own is not None and own.value == 0
    assert any("Japan" in c.parameter for c in own.citations)
    box = explain(screening, session)["treaty"]
    assert box[0] == "Your country of domicile is Japan, which has an estate tax treaty with the US."
    assert "Applied in the figures below" in box[1] and "2102(b)(3)(A)" in box[1]


def test_older_answers_file_screens_as_before_and_says_so() -> None:
    session, screening = screened(KENJI)
    assert screening.kinds == ("qdot",)
    tax = screening.recommendations[0].figure("tax_without_qdot")
    assert tax is not None and tax.value == D("932800")
    report = render_report(screening, session)
    box_at, figures_at = report.index("## Estate tax treaties"), report.index("### Figures")
    assert box_at < figures_at
    assert "No estate tax treaty was considered for your country of domicile" in report


@pytest.mark.parametrize(("country", "says"), [("Mexico", "no estate tax treaty with the US"),
                                               ("Norway", "not verified against the treaty text")])  # fmt: skip
def test_non_treaty_and_unverified_countries_keep_todays_figures(country: str, says: str) -> None:
    session, screening = screened({**KENJI, "domicile_country": country, "citizenship_country": country})
    assert screening.kinds == ("qdot",)
    assert screening.recommendations[0].figure("tax_without_qdot").value == D("932800")  # type: ignore[union-attr]
    assert any(says in line for line in explain(screening, session)["treaty"])


def test_partly_sheltered_qdot_uses_the_treaty_tax() -> None:
    # Switzerland, $10m US of $40m: 3,945,800 - 5,945,800 / 4 = 2,459,350
    answers = {**KENJI, "estate_total": "40m", "estate_us_situs": "10m", "domicile_country": "CH"}
    _, screening = screened(answers)
    assert screening.kinds == ("qdot",)
    qdot = screening.recommendations[0]
    assert qdot.figure("tax_without_qdot").value == D("2459350")  # type: ignore[union-attr]
    # what is left of the pro-rata credit's exemption equivalent: 1,000,000 + (1,486,450 - 345,800) / 40%
    assert qdot.figure("amount_to_qdot").value == D("10000000") - D("3851625")  # type: ignore[union-attr]


def test_spouse_domiciled_in_germany_leaves_no_tax_at_the_spouses_death() -> None:
    # spouse's $2m US of $10m: 5,945,800 x 0.2 = 1,189,160 > tax on $2m of 745,800
    answers = {"citizenship": "non_us", "citizenship_country": "DE", "domicile": "us", "state": "FL", "age": 60,
               "married": True, "spouse_citizenship": "non_us", "spouse_citizenship_country": "DE",
               "spouse_domicile": "abroad", "spouse_domicile_country": "Germany", "spouse_age": 58,
               "estate_total": "1m", "spouse_estate_total": "10m", "spouse_estate_us_situs": "2m",
               "owns_residence": False}  # fmt: skip
    _, with_treaty = screened(answers)
    _, without = screened({k: v for k, v in answers.items() if k != "spouse_domicile_country"})
    assert [r.scenario for r in without.recommendations] == ["spouse_dies_first"]
    assert without.recommendations[0].figure("tax_without_qdot").value == D("732800")  # type: ignore[union-attr]
    assert with_treaty.kinds == ("no_action",)


CANADIANS = {"citizenship": "non_us", "citizenship_country": "CA", "domicile": "abroad", "domicile_country": "CA",
             "age": 62, "married": True, "spouse_citizenship": "non_us", "spouse_citizenship_country": "CA",
             "spouse_domicile": "abroad", "spouse_domicile_country": "Canada", "spouse_age": 60,
             "estate_total": "40m", "estate_us_situs": "10m", "spouse_estate_total": "1m",
             "spouse_estate_us_situs": "0", "owns_residence": False}  # fmt: skip


def test_canadian_marital_credit_shown_beside_the_qdot() -> None:
    # pro-rata credit 1,486,450; tax 2,459,350; marital credit = lesser of 1,486,450 and 2,459,350
    session, screening = screened(CANADIANS)
    assert screening.kinds == ("qdot",)
    route = screening.treaty.marital_credit  # type: ignore[union-attr]
    assert route is not None
    assert (route.tax_without, route.credit, route.tax_with_credit) == (D("2459350"), D("1486450"), D("972900"))
    box = " ".join(explain(screening, session)["treaty"])
    assert "$2,459,350 to $972,900" in box and "Reg. 20.2056A-1(c)" in box and "never both" in box


def test_no_canadian_marital_credit_for_a_spouse_living_in_france() -> None:
    _, screening = screened({**CANADIANS, "spouse_domicile_country": "France"})
    assert screening.treaty is not None and screening.treaty.marital_credit is None


def test_foreign_real_estate_named_with_local_law_advice() -> None:
    session, screening = screened({**KENJI, **JAPAN, "foreign_real_estate": "3m"})
    box = " ".join(explain(screening, session)["treaty"])
    assert "$3,000,000 of real estate outside the US" in box and "QPRT" in box and "that country's law" in box


def test_us_family_at_home_gets_no_treaty_box() -> None:
    answers = {"citizenship": "us", "domicile": "us", "state": "TX", "age": 60, "married": False,
               "estate_total": "20m", "owns_residence": False}  # fmt: skip
    session, screening = screened(answers)
    assert explain(screening, session)["treaty"] == []
    assert "Estate tax treaties" not in render_report(screening, session)


def test_us_citizen_with_a_canadian_spouse_sees_the_marital_credit_route() -> None:
    answers = {"citizenship": "us", "domicile": "us", "state": "NY", "age": 60, "married": True,
               "spouse_citizenship": "non_us", "spouse_citizenship_country": "Canada", "spouse_domicile": "us",
               "spouse_age": 58, "estate_total": "20m", "spouse_estate_total": "0",
               "owns_residence": False}  # fmt: skip
    session, screening = screened(answers)
    assert screening.kinds[0] == "qdot"
    route = screening.treaty.marital_credit  # type: ignore[union-attr]
    assert route is not None and (route.tax_without, route.tax_with_credit) == (D("2000000"), D("0"))
    box = " ".join(explain(screening, session)["treaty"])
    assert "from $2,000,000 to $0" in box and "XXIX B(2)" not in box
    _, mexican = screened({**answers, "spouse_citizenship_country": "Mexico"})
    assert mexican.treaty is not None and mexican.treaty.marital_credit is None
    # the QDOT card's two-death comparison prices the treaty election beside paying now and the QDOT
    costs = {f.facts["route"]: f for f in screening.recommendations[0].figures if f.name == "route_cost"}
    assert {"pay_now", "qdot", "canadian_marital_credit"} <= set(costs)
    assert costs["canadian_marital_credit"].value < costs["qdot"].value
    assert "canadian_marital_credit" not in {
        f.facts["route"] for f in mexican.recommendations[0].figures if f.name == "route_cost"
    }


def test_us_citizen_in_canada_each_provision_once_and_none_claimed_for_an_unscreened_estate() -> None:
    answers = {"citizenship": "us", "domicile": "abroad", "domicile_country": "Canada", "age": 60, "married": True,
               "spouse_citizenship": "non_us", "spouse_citizenship_country": "CA", "spouse_domicile": "abroad",
               "spouse_domicile_country": "CA", "spouse_age": 58, "estate_total": "20m",
               "spouse_estate_total": "0", "owns_residence": False}  # fmt: skip
    session, screening = screened(answers)
    box = explain(screening, session)["treaty"]
    assert sum("Art. XXIX B(8)" in line for line in box) == 1
    assert not any(line.startswith("Applied in the figures below") for line in box)  # the spouse's estate is not asked
    assert any("from $2,000,000 to $0" in line for line in box)  # a US citizen with a spouse living in Canada


def test_projected_estate_of_a_treaty_nonresident_keeps_the_treaty_credit() -> None:
    # Grown at 5% to Kenji's median lifetime, in a year past the data, the US part and the worldwide estate grow
    # alike: the pro-rata share of the indexed exclusion's credit still applies, so the projected tax is smaller
    # than without the treaty; no tax today, some on the projected estate: a QDOT kept ready (standby).
    basis = basis_for(TODAY)
    with_treaty = decide(screened({**KENJI, **JAPAN, "estate_growth": "5%"})[1].profile, basis)
    without = decide(screened({**KENJI, "estate_growth": "5%"})[1].profile, basis)
    [case], [plain] = with_treaty.qdot, without.qdot
    assert case.standby and not plain.standby
    assert case.projected_tax.treaty is not None and case.projected_tax.treaty.status == "applied"
    assert 0 < case.projected_tax.net_estate_tax < plain.projected_tax.net_estate_tax


def test_the_couple_comparison_uses_the_treaty_credit_the_rules_gave() -> None:
    # Switzerland, $10m US of $40m: the comparison's first-death tax is the treaty's 2,459,350, not the Code's
    # 3,932,800, so the QDOT defers only that; the route costs shown are the comparison's
    from advisor.calculators.couple import compare_routes
    from advisor.screening import _comparison_facts

    answers = {**KENJI, "estate_total": "40m", "estate_us_situs": "10m", "domicile_country": "CH"}
    session, screening = screened(answers)
    profile, basis = session.profile(), basis_for(TODAY)
    case = decide(profile, basis).qdot[0]
    facts = _comparison_facts(profile, basis, case)
    assert facts is not None and (facts.treaty, facts.worldwide_estate) == ("CH", D("40000000"))
    result = compare_routes(facts, breakevens=False)
    assert result.tax_without_qdot == D("2459350") and result.qdot_amount == D("6148375")
    shown = {f.facts["route"]: f.value for f in screening.recommendations[0].figures if f.name == "route_cost"}
    assert shown["pay_now"] == result.routes["pay_now"].pv_total


def test_canadian_marital_credit_priced_for_a_nonresident_who_dies_first() -> None:
    # the Canadian resident's pro-rata credit is known, so the route is open in the comparison: the marital credit
    # (1,486,450) leaves 972,900 at the first death
    _, screening = screened(CANADIANS)
    first = next(r for r in screening.recommendations if r.scenario == "person_dies_first")
    routes = {f.facts["route"] for f in first.figures if f.name == "route_cost"}
    assert "canadian_marital_credit" in routes
