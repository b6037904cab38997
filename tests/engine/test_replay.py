"""Replaying an answers file at speed gives the session that answering each question in turn gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.calculators.money import InputError, parse_amount
from advisor.engine import Session, load_flow
from advisor.engine.spec import Flow, Question
from advisor.resources import compiled_interview
from tests.answer_sets import answer_sets

TODAY = dt.date(2026, 11, 23)
KEYS = sorted({key for question in load_flow().questions.values() for key in question.keys})
VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(-5, 200),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.sampled_from(["us", "non_us", "abroad", "yes", "no", "5m", "60", "1960-02-03", "3%", "NY", "unknown", 1, 0]),
)


def state(session: Session) -> tuple[object, ...]:
    return (
        list(session._given.items()),
        list(session._answers.items()),
        session._assumed,
        session.rejections,
        session._state,
    )


def answered_in_turn(answers: Mapping[str, object], *, defaults: bool) -> Session:
    """Each question in turn, as a person answers it (:meth:`Session.answer`'s path), read afresh by a flow of
    its own (no answer remembered), the flow's default where the file leaves a question out."""
    session = Session(Flow(compiled_interview()), today=TODAY)
    while (question := session.current) is not None:
        keys = [key for key in question.keys if key in answers]
        if len(keys) > 1:
            session.rejections[question.id] = f"{question.id}: give {' or '.join(question.keys)}, not both"
            break
        if not keys:
            if not (defaults and question.has_default):
                break
            session._store(question, question.default)
            session._assumed.add(question.id)
            continue
        outcome = session._accept(question, answers[keys[0]], date_only=keys[0] != question.id)
        if not outcome.accepted:
            session.rejections[question.id] = outcome.message or question.id
            break
    return session


@settings(max_examples=300, deadline=None)
@given(answers=st.dictionaries(st.sampled_from(KEYS), VALUES) | answer_sets(), defaults=st.booleans())
def test_replay_is_the_session_of_answering_in_turn(answers: dict[str, object], defaults: bool) -> None:
    """Same answers in the same order, same defaults taken, same rejection, same place; twice, so that the
    second replay reads remembered answers."""
    slow = state(answered_in_turn(answers, defaults=defaults))
    for _ in range(2):
        assert state(Session.from_answers(answers, today=TODAY, defaults=defaults)) == slow


@settings(max_examples=300, deadline=None)
@given(question_id=st.sampled_from(sorted(load_flow().questions)), raw=VALUES, date_only=st.booleans())
def test_a_remembered_answer_is_read_as_a_fresh_one(question_id: str, raw: object, date_only: bool) -> None:
    """1, True and "1" are remembered apart; whatever is read twice reads as it did the first time."""
    question = load_flow().questions[question_id]
    fresh = Flow(compiled_interview()).questions[question_id]

    def read(q: Question) -> object:
        try:
            return q.parse(raw, today=TODAY, date_only=date_only)
        except InputError as error:
            return ("rejected", str(error))

    first = read(question)
    assert read(question) == first == read(fresh)
    assert type(read(question)) is type(read(fresh))


@settings(max_examples=200, deadline=None)
@given(raw=st.from_regex(r"\A[0-9]{1,20}\Z") | st.text(alphabet="0123456789²٣ ,.$km", max_size=18))
def test_an_amount_in_plain_digits_reads_as_the_full_reader_reads_it(raw: str) -> None:
    question = load_flow().questions["estate_total"]

    def read(parse: Callable[[], object]) -> object:
        try:
            return parse()
        except InputError as error:
            return ("rejected", str(error))

    assert read(lambda: question._read(raw, TODAY, False)) == read(lambda: parse_amount(raw, what="estate_total"))
