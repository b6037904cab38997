"""Answer readers: forgiving forms, and any input whatsoever gives a value or a clean rejection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.calculators.money import InputError
from advisor.engine import load_flow

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("raw", ["2.5m", "$2,500,000", "2.5 million", "2500k", 2500000, "2,500,000.00"])
def test_amount_forms_are_the_same(raw: object) -> None:
    assert load_flow().question("estate_total").parse(raw) == Decimal("2500000.00")


@pytest.mark.parametrize(
    ("question", "raw", "value"),
    [
        ("married", "Yes", True),
        ("married", " n ", False),
        ("married", True, True),
        ("citizenship", "Non-US", "non_us"),
        ("citizenship", "green card", "non_us"),
        ("domicile", "Abroad", "abroad"),
        ("state", "ny", "NY"),
        ("state", "New York", "NY"),
        ("state", "district of columbia", "DC"),
        ("age", "62", 62),
        ("age", 62.0, 62),
        ("age", "1960-05-01", dt.date(1960, 5, 1)),
        ("estate_growth", "3%", Decimal("0.03")),
        ("residence_basis", "unknown", None),
        ("residence_type", "second home", "vacation"),
    ],
)
def test_forgiving_forms(question: str, raw: object, value: object) -> None:
    assert load_flow().question(question).parse(raw, today=TODAY) == value


@pytest.mark.parametrize(
    ("question", "raw", "says"),
    [
        ("estate_total", "abc", "2.5m"),
        ("estate_total", "-5", "zero or more"),
        ("estate_total", "1e400", "2.5m"),
        ("estate_total", "", "an empty answer"),
        ("age", "300", "0 to 120"),
        ("age", "62.5", "whole"),
        ("age", 62.5, "whole"),
        ("age", float("nan"), "whole"),
        ("age", "2030-01-01", "future"),
        ("age", True, "not an age"),
        ("married", "maybe", "yes or no"),
        ("citizenship", "martian", "us, non_us"),
        ("state", "PR", "two-letter"),
        ("estate_growth", "90", "-10% to 25%"),
        ("estate_total", True, "2.5m"),
        ("residence_value", "unknown", "2.5m"),
        ("residence_basis", "lots", "'unknown'"),
    ],
)
def test_rejections_say_what_is_accepted(question: str, raw: object, says: str) -> None:
    with pytest.raises(InputError) as error:
        load_flow().question(question).parse(raw, today=TODAY)
    assert says in str(error.value)
    assert str(error.value).startswith(question)


ANY_INPUT = st.one_of(
    st.text(),
    st.text(alphabet="0123456789.,-$kmKMb eE%/"),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(raw=ANY_INPUT)
def test_any_input_is_a_value_or_a_clean_rejection(raw: object) -> None:
    for question in load_flow().questions.values():
        message = None
        try:
            question.parse(raw, today=TODAY)
        except InputError as error:
            message = str(error)
        assert message is None or (message.startswith(question.id) and "\n" not in message)
