"""Comparing two meetings of a client: answers, route and figures that changed."""

from __future__ import annotations

import datetime as dt

from advisor.answers_file import load_answers_file, personas
from advisor.session_diff import diff_sessions, render_diff

TODAY = dt.date(2026, 11, 23)


def test_changed_estate_changes_answers_and_figures_not_route() -> None:
    first = load_answers_file(personas()["expat-couple"])
    second = dict(first, estate_total="25m")
    diff = diff_sessions(first, second, today=TODAY)
    assert [(d.before, d.after) for d in diff.answers] == [("$18,000,000", "$25,000,000")]
    assert diff.route_before == diff.route_after == ("qdot",)
    tax = next(d for d in diff.figures if d.item.endswith("Estate tax at a first death this year without a QDOT"))
    assert (tax.before, tax.after) == ("$1,200,000", "$4,000,000")


def test_route_change_and_questions_no_longer_asked() -> None:
    first = load_answers_file(personas()["expat-couple"])
    second = dict(first, spouse_citizenship="us")
    for key in ("spouse_domicile", "spouse_plans_to_naturalize", "spouse_age"):
        second.pop(key, None)
    diff = diff_sessions(first, second, today=TODAY)
    assert diff.route_before == ("qdot",) and diff.route_after == ("no_action",)
    assert any(d.after is None for d in diff.answers), "questions the new route skips show as not asked"
    text = render_diff(diff, ("March", "November"))
    assert "**Route:** qdot → no_action" in text and "not asked" in text


def test_same_answers_say_nothing_changed() -> None:
    answers = load_answers_file(personas()["modest-estate"])
    diff = diff_sessions(answers, answers, today=TODAY)
    assert diff.unchanged
    assert "Nothing changed" in render_diff(diff, ("a", "b"))


def test_unfinished_interview_has_no_route() -> None:
    diff = diff_sessions({"citizenship": "us"}, load_answers_file(personas()["modest-estate"]), today=TODAY)
    assert diff.route_before is None and diff.route_after == ("no_action",)
    assert "interview not finished → no_action" in render_diff(diff, ("a", "b"))
