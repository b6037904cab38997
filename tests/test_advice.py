"""The one application service: every source of answers gives the same advice, on the day it is given."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from advisor.advice import AdviceOptions, advise, persona_advice
from advisor.answers_file import load_answers_file, personas
from advisor.calculators.money import InputError
from advisor.cli import main
from advisor.engine import Session

D = Decimal

TODAY = dt.date(2026, 11, 23)


def test_file_answers_and_session_give_the_same_report() -> None:
    path = personas()["qdot-and-qprt-couple"]
    answers = load_answers_file(path)
    session = Session.from_answers(answers, today=TODAY, defaults=True)
    reports = {advise(source, today=TODAY).render("md") for source in (path, answers, session)}
    assert len(reports) == 1
    assert f"Prepared {TODAY.isoformat()}" in reports.pop()


def test_the_day_given_is_the_day_screened() -> None:
    """Ages from a birth date are measured on the screening day, not on the day the process started."""
    answers = dict(load_answers_file(personas()["elderly-homeowner"]), birth_date="1950-11-24")
    before = advise(answers, today=dt.date(2026, 5, 1))
    after = advise(answers, today=dt.date(2027, 5, 1))
    assert before.screening.today == dt.date(2026, 5, 1) and after.screening.today == dt.date(2027, 5, 1)
    assert before.session.profile().age_on(before.today) == 75
    assert after.session.profile().age_on(after.today) == 76
    assert json.loads(after.render("json"))["date"] == "2027-05-01"


def test_options_are_named_and_reach_the_screening() -> None:
    path = personas()["expat-couple"]
    full = advise(path, today=TODAY)
    fast = advise(path, today=TODAY, options=AdviceOptions(projections=False))
    names = {f.name for f in full.screening.recommendations[0].figures}
    fast_names = {f.name for f in fast.screening.recommendations[0].figures}
    assert fast_names < names


def test_unfinished_or_invalid_answers_are_refused_with_the_question() -> None:
    with pytest.raises(InputError, match=r"^domicile: not answered yet \(.*\?\)$"):
        advise({"citizenship": "us"}, today=TODAY)
    with pytest.raises(InputError, match=r"^invalid answer: citizenship"):
        advise({"citizenship": "martian"}, today=TODAY)


def test_every_persona_is_advised_on_one_day() -> None:
    advice = persona_advice(TODAY, AdviceOptions(projections=False))
    assert set(advice) == set(personas())
    assert {a.screening.today for a in advice.values()} == {TODAY}


def test_batch_screens_every_file_on_the_run_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("advisor.cli.batch.today", lambda: dt.date(2027, 1, 4))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("modest-estate", "expat-couple"):
        (folder / f"{name}.yaml").write_bytes(personas()[name].read_bytes())
    assert main(["batch", str(folder), "--out", str(tmp_path / "out"), "--format", "json", "--no-projection"]) == 0
    days = {json.loads(p.read_text(encoding="utf-8"))["date"] for p in (tmp_path / "out").glob("*.json")}
    assert days == {"2027-01-04"}


def _calculator_values(key: str, advice_prefill: dict[str, dict[str, str]]) -> dict[str, object]:
    from advisor.ui.calculators import calculators

    spec = calculators(advice_prefill)[key]
    values: dict[str, object] = {}
    for field in spec.fields:
        text = spec.prefill.get(field.name, field.default)
        values[field.name] = field.parse(text) if text else None
    return values


def test_a_calculator_opened_from_the_card_shows_the_cards_figures() -> None:
    """One set of assumptions: the QPRT screen gets the card's term, rate, growth and day, so its gift and
    survival are the card's; the deferral screen's first death is today, never in the past."""
    from advisor.calculators.qprt import QprtInput, compute_qprt

    advice = advise(personas()["qdot-and-qprt-couple"], today=TODAY)
    prefill = advice.calculator_prefill()
    values = _calculator_values("qprt", prefill)
    result = compute_qprt(QprtInput(**{k: v for k, v in values.items() if v is not None}))
    card = next(r for r in advice.screening.recommendations if r.kind == "qprt")
    assert result.gift == card.figure("gift").value  # type: ignore[union-attr]
    assert result.survival_probability == card.figure("survival_probability").value  # type: ignore[union-attr]
    deferral = _calculator_values("qdot-deferral", prefill)
    assert deferral["death_date"] == TODAY and deferral["growth"] == 0


def test_growth_the_client_gave_is_the_growth_used_even_zero() -> None:
    answers = dict(load_answers_file(personas()["us-couple-valuable-home"]), estate_growth="0%")
    card = advise(answers, today=TODAY).screening.recommendations[0]
    grown = card.figure("value_at_term_end")
    assert grown is not None and grown.facts["growth"] == "0" and grown.value == D(4_000_000)
    assumed = advise(personas()["us-couple-valuable-home"], today=TODAY).screening.recommendations[0]
    assert assumed.figure("value_at_term_end").facts["growth"] == "0.03"  # type: ignore[union-attr]
