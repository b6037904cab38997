"""The recorder: what a resumed session asks next, and answers saved under their one key."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore

MARRIED_TO_NON_CITIZEN = ["us", "us", "NY", "62", "yes", "non_us", "mexico", "us"]
"""Answers up to spouse_plans_to_naturalize, a question with a flow default."""


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    opened = SessionStore.open(tmp_path)
    yield opened  # type: ignore[misc]
    opened.close()


def record_answers(store: SessionStore, answers: list[str]) -> SessionRecorder:
    session, recorder = Session(), SessionRecorder(store)
    for raw in answers:
        question = session.current
        assert question is not None and session.answer(raw).accepted
        recorder.answered(session, question)
    return recorder


def test_resume_asks_a_question_with_a_default_that_was_not_reached(store: SessionStore) -> None:
    record_answers(store, MARRIED_TO_NON_CITIZEN)
    session, recorder = SessionRecorder.resume(store, None)
    assert session.current is not None and session.current.id == "spouse_plans_to_naturalize"
    assert recorder.record is not None and recorder.record.answer_count == len(MARRIED_TO_NON_CITIZEN)


def test_a_persona_with_defaults_resumes_complete_and_so_does_its_copy(store: SessionStore) -> None:
    answers = {"citizenship": "us", "domicile": "us", "state": "CA", "age": 50, "married": False}
    answers |= {"estate_total": "2m", "owns_residence": False}
    loaded = Session.from_answers(answers, defaults=True)
    assert loaded.is_complete and "prior_taxable_gifts" in loaded.assumed
    started = SessionRecorder.start(store, loaded)
    assert started.record is not None and started.record.status == "complete"
    session, _ = SessionRecorder.resume(store, started.record.id)
    assert session.is_complete and session.answers == loaded.answers
    copy = store.duplicate(started.record.id)
    assert copy.status == "complete"
    assert SessionRecorder.resume(store, copy.id)[0].answers == loaded.answers


def test_an_age_replaced_by_a_birth_date_is_saved_under_one_key(store: SessionStore) -> None:
    recorder = record_answers(store, ["us", "us", "NY", "62"])
    assert recorder.record is not None
    session, recorder = SessionRecorder.resume(store, recorder.record.id)
    outcome = session.edit("age", "1960-05-01")
    assert outcome.accepted
    recorder.answered(session, session.flow.questions["age"])
    saved = store.answers(recorder.record.id)  # type: ignore[union-attr]
    assert "age" not in saved and saved["birth_date"] == "1960-05-01"
