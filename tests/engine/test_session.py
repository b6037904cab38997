"""Driving sessions: every route, back, edits that keep later answers, answers files round trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import AnswersError, IncompleteError, Session, load_flow

TODAY = dt.date(2026, 11, 23)

US_SINGLE = ["us", "us", "ca", "50", "no", "2m", "0", "0", "no"]
NON_CITIZEN_COUPLE = [
    "us", "us", "NY", "62", "yes", "non_us", "France", "abroad", "fr", "no", "58",
    "20m", "1m", "0", "0", "0", "0", "0", "yes", "principal", "3m", "0", "unknown", "yes",
]  # fmt: skip


def drive(answers: list[str]) -> Session:
    session = Session(today=TODAY)
    for raw in answers:
        outcome = session.answer(raw)
        assert outcome.accepted, (session.path, raw, outcome.message)
    return session


def test_unmarried_person_is_never_asked_about_a_spouse() -> None:
    session = drive(US_SINGLE)
    assert session.is_complete and session.current is None
    assert session.path == [
        "citizenship", "domicile", "state", "age", "married", "estate_total",
        "prior_taxable_gifts", "estate_growth", "owns_residence",
    ]  # fmt: skip
    assert not any(question_id.startswith("spouse") for question_id in session.path)
    assert session.progress == (9, 9)


def test_us_citizen_married_to_a_non_citizen_gets_the_spouse_and_asset_questions() -> None:
    session = drive(NON_CITIZEN_COUPLE)
    assert session.is_complete
    assert session.path[4:11] == [
        "married",
        "spouse_citizenship",
        "spouse_citizenship_country",
        "spouse_domicile",
        "spouse_domicile_country",
        "spouse_plans_to_naturalize",
        "spouse_age",
    ]
    assert {"foreign_real_estate", "retirement_accounts", "residence_basis"} <= set(session.path)
    profile = session.profile()
    assert profile.spouse_citizenship == "non_us" and profile.residence_basis is None
    assert profile.spouse_citizenship_country == "FR" and profile.spouse_domicile_country == "FR"
    assert profile.citizenship_country is None and profile.domicile_country is None
    assert profile.estate_total == Decimal("20000000.00")


def test_non_resident_is_asked_for_us_situs_and_skips_the_state() -> None:
    session = drive(
        ["non_us", "JP", "abroad", "japan", "55", "yes", "non_us", "Japan", "abroad", "jp", "no", "50", "4m", "3m",
         "2m", "1.5m"]
    )  # fmt: skip
    assert "state" not in session.path
    assert session.path[:4] == ["citizenship", "citizenship_country", "domicile", "domicile_country"]
    assert session.path[-4:] == ["estate_total", "estate_us_situs", "spouse_estate_total", "spouse_estate_us_situs"]
    assert session.current is not None and session.current.id == "prior_taxable_gifts"


def test_non_citizen_with_citizen_spouse_is_asked_the_spouse_age_and_estate_but_not_domicile() -> None:
    session = drive(["non_us", "MX", "us", "tx", "60", "yes", "us", "70", "2m"])
    assert "spouse_domicile" not in session.path and "domicile_country" not in session.path
    assert session.path[-2:] == ["spouse_age", "estate_total"]
    assert session.current is not None and session.current.id == "spouse_estate_total"


def test_every_married_person_is_asked_the_spouse_estate_and_joint_property_with_a_non_citizen() -> None:
    session = drive(NON_CITIZEN_COUPLE)
    assert "spouse_estate_total" in session.path and "joint_property" in session.path
    assert "spouse_estate_us_situs" not in session.path
    citizens = drive(["us", "us", "fl", "60", "yes", "us", "14m", "2m", "0", "0", "no"])
    assert citizens.is_complete and "spouse_estate_total" in citizens.path and "joint_property" not in citizens.path


def test_rejected_answer_leaves_the_session_unchanged_and_says_what_is_accepted() -> None:
    session = drive(US_SINGLE[:5])
    before = (session.path, session.answers, session.current)
    for raw, accepted in [("abc", "2.5m"), ("-5", "zero or more"), ("1e400", "2.5m"), ("", "2.5m")]:
        outcome = session.answer(raw)
        assert not outcome.accepted and accepted in (outcome.message or "")
        assert (session.path, session.answers, session.current) == before


def test_age_of_300_and_unknown_state_are_rejected() -> None:
    session = drive(["us", "us"])
    assert "two-letter" in (session.answer("ZZ").message or "")
    session.answer("new york")
    outcome = session.answer("300")
    assert not outcome.accepted and "0 to 120" in (outcome.message or "")


def test_part_cannot_exceed_the_whole() -> None:
    session = drive(["non_us", "unknown", "abroad", "unknown", "55", "no", "1m"])
    outcome = session.answer("2m")
    assert not outcome.accepted and "at most $1,000,000" in (outcome.message or "")


def test_the_home_cannot_be_worth_more_than_the_whole_estate() -> None:
    """The estate counts the home, and the QPRT screening takes the home out of it: a home above the estate was
    once screened into a negative rest of the estate and failed with a validation error."""
    session = drive(["us", "us", "ny", "70", "no", "1m", "0", "0", "yes", "primary"])
    assert session.current is not None and session.current.id == "residence_value"
    outcome = session.answer("3m")
    assert not outcome.accepted and "at most $1,000,000" in (outcome.message or "")
    assert "than the $1,000,000 given for 'Estate, worldwide'" in outcome.for_person(
        session.flow.questions["residence_value"]
    )
    assert session.answer("900k").accepted and session.current is not None
    assert session.current.id == "residence_mortgage"


def test_back_reopens_the_previous_question_and_keeps_its_answer() -> None:
    session = drive(US_SINGLE[:3])
    assert session.back()
    assert session.current is not None and session.current.id == "state"
    assert session.given("state") == "CA" and session.path == ["citizenship", "domicile"]
    assert session.back() and session.back()
    assert not session.back()
    assert session.current is not None and session.current.id == "citizenship"


def test_answer_after_back_reroutes_keeping_later_answers() -> None:
    session = drive(US_SINGLE)
    while session.current is None or session.current.id != "age":
        assert session.back()
    assert session.answer("51").accepted
    assert (
        session.is_complete
        and session.answers["age"] == 51
        and session.answers["estate_total"] == Decimal("2000000.00")
    )


def test_edit_keeps_every_later_answer_that_still_applies() -> None:
    session = drive(NON_CITIZEN_COUPLE)
    before = session.answers
    assert session.edit("estate_total", "25m").accepted
    assert session.is_complete
    after = session.answers
    assert after["estate_total"] == Decimal("25000000.00")
    assert {k: v for k, v in after.items() if k != "estate_total"} == {
        k: v for k, v in before.items() if k != "estate_total"
    }


def test_edit_that_removes_a_branch_sets_its_answers_aside_and_brings_them_back() -> None:
    session = drive(NON_CITIZEN_COUPLE)
    assert session.edit("married", "no").accepted
    assert session.is_complete and not any(q.startswith("spouse") for q in session.path)
    assert "foreign_real_estate" not in session.path and session.answers["residence_value"] == Decimal("3000000.00")
    assert session.edit("married", "yes").accepted
    assert session.is_complete and session.answers["spouse_age"] == 58


def test_edit_that_opens_a_new_branch_stops_at_its_first_question() -> None:
    session = drive(US_SINGLE)
    assert session.edit("married", "yes").accepted
    assert session.current is not None and session.current.id == "spouse_citizenship"
    for raw in ("non_us", "CA", "us", "yes"):
        assert session.answer(raw).accepted
    assert session.answer("48").accepted
    # the estate answer is kept; the spouse's estate, new on this branch, is next
    assert session.current is not None and session.current.id == "spouse_estate_total"
    assert session.answers["estate_total"] == Decimal("2000000.00")


def test_edit_dropping_a_part_above_a_smaller_whole_reasks_it() -> None:
    session = drive(["non_us", "de", "abroad", "Germany", "55", "no", "3m", "2m", "0", "0", "no"])
    assert session.is_complete
    assert session.edit("estate_total", "1m").accepted
    assert session.current is not None and session.current.id == "estate_us_situs"


def test_edit_rejects_unknown_off_route_and_invalid() -> None:
    session = drive(US_SINGLE)
    assert not session.edit("nope", "x").accepted
    assert "not on the current route" in (session.edit("spouse_age", "50").message or "")
    before = session.answers
    assert not session.edit("estate_total", "lots").accepted and session.answers == before


def test_review_lists_prompt_and_displayed_answer() -> None:
    session = drive(US_SINGLE)
    review = {item.question_id: item for item in session.review()}
    assert review["estate_total"].answer == "$2,000,000"
    assert review["married"].answer == "No" and review["state"].answer == "California (CA)"
    assert review["citizenship"].prompt.startswith("Are you a citizen")


def test_profile_of_an_incomplete_interview_names_the_open_question() -> None:
    with pytest.raises(IncompleteError, match="domicile"):
        drive(["us"]).profile()


def test_answers_file_round_trip_and_defaults() -> None:
    session = drive(NON_CITIZEN_COUPLE)
    written = session.to_answers()
    again = Session.from_answers(written, today=TODAY)
    assert again.is_complete and again.answers == session.answers and again.to_answers() == written
    defaults = (
        "prior_taxable_gifts", "estate_growth", "residence_basis", "state", "spouse_age", "residence_type",
        "spouse_citizenship_country", "spouse_domicile_country",
    )  # fmt: skip
    minimal = {k: v for k, v in written.items() if k not in defaults}
    defaulted = Session.from_answers(minimal, today=TODAY, defaults=True)
    assert defaulted.is_complete
    assert defaulted.assumed == set(defaults)
    assert defaulted.answers["state"] is None and defaulted.answers["residence_type"] == "principal"
    assert Session.from_answers(defaulted.to_answers(), today=TODAY).answers == defaulted.answers


def test_resuming_a_saved_session_never_skips_a_question() -> None:
    saved = drive(NON_CITIZEN_COUPLE[:13]).to_answers()
    resumed = Session.from_answers(saved, today=TODAY)
    assert resumed.current is not None and resumed.current.id == "prior_taxable_gifts" and not resumed.assumed


def test_answers_file_birth_date_key_and_both_keys() -> None:
    answers = {"citizenship": "us", "domicile": "us", "state": "ny", "birth_date": "1960-05-01"}
    session = Session.from_answers(answers, today=TODAY)
    assert session.answers["age"] == dt.date(1960, 5, 1)
    both = Session.from_answers({**answers, "age": 66}, today=TODAY)
    assert "not both" in both.rejections["age"]
    wrong = Session.from_answers({**answers, "birth_date": 66}, today=TODAY)
    assert "not a date" in wrong.rejections["age"]


def test_answers_file_stops_at_first_missing_and_reports_rejections() -> None:
    session = Session.from_answers({"citizenship": "us", "domicile": "mars"}, today=TODAY)
    assert session.current is not None and session.current.id == "domicile"
    assert "domicile" in session.rejections and "abroad" in session.rejections["domicile"]
    missing = Session.from_answers({"citizenship": "us"}, today=TODAY)
    assert missing.current is not None and missing.current.id == "domicile" and not missing.rejections


def test_answers_file_with_unknown_key_names_it() -> None:
    with pytest.raises(AnswersError, match="'estate_totl'; did you mean 'estate_total'"):
        Session.from_answers({"citizenship": "us", "estate_totl": "1m"})


def test_off_route_keys_are_ignored() -> None:
    session = Session.from_answers(
        {"citizenship": "us", "domicile": "us", "state": "fl", "age": 40, "married": False, "spouse_age": 41,
         "estate_total": "1m", "owns_residence": False},
        today=TODAY,
        defaults=True,
    )  # fmt: skip
    assert session.is_complete and "spouse_age" not in session.answers


def test_sessions_share_the_loaded_flow() -> None:
    assert Session().flow is load_flow()


ANSWER_VALUES = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.floats())


@settings(max_examples=200, deadline=None)
@given(answers=st.dictionaries(st.sampled_from(sorted({k for q in load_flow().questions.values() for k in q.keys})),
                               ANSWER_VALUES))  # fmt: skip
def test_any_answers_file_replays_or_stops_cleanly(answers: dict[str, object]) -> None:
    session = Session.from_answers(answers, today=TODAY, defaults=True)
    assert session.is_complete or session.current is not None
    for message in session.rejections.values():
        assert "\n" not in message
    if session.is_complete:
        session.profile()


ROUTING_VALUES = ANSWER_VALUES | st.sampled_from(["us", "non_us", "abroad", True, False, "5m", 60])
"""Answers that lead somewhere: the choices, yes and no, an amount and an age among arbitrary values."""


@settings(max_examples=300, deadline=None)
@given(answers=st.dictionaries(st.sampled_from(sorted({k for q in load_flow().questions.values() for k in q.keys})),
                               ROUTING_VALUES))  # fmt: skip
def test_sessions_move_as_the_transitions_machine_of_the_flow_does(answers: dict[str, object]) -> None:
    """The session walks the flow itself (Flow.next_state); the machine built from the same file with
    ``transitions`` takes every step the same way."""
    from transitions import Machine

    session = Session.from_answers(answers, today=TODAY, defaults=True)
    flow = session.flow

    class Position:
        state: str

    position = Position()
    Machine(model=position, **flow.machine_config())  # type: ignore[arg-type]
    route = session.answers
    given: dict[str, object] = {}
    for question_id in session.path:
        assert position.state == question_id
        given[question_id] = route[question_id]
        position.next(given)  # type: ignore[attr-defined]
    current = session.current
    assert position.state == (current.id if current is not None else next(iter(flow.final_states)))


def test_every_persona_walks_as_the_transitions_machine_does() -> None:
    """Whole routes to the final state, one per persona, agree with the machine step by step."""
    from transitions import Machine

    from advisor.answers_file import load_answers_file, personas

    for path in personas().values():
        session = Session.from_answers(load_answers_file(path), today=TODAY, defaults=True)
        assert session.is_complete, path.name

        class Position:
            state: str

        position = Position()
        Machine(model=position, **session.flow.machine_config())  # type: ignore[arg-type]
        given: dict[str, object] = {}
        for question_id, value in session.answers.items():
            assert position.state == question_id, path.name
            given[question_id] = value
            position.next(given)  # type: ignore[attr-defined]
        assert position.state in session.flow.final_states
