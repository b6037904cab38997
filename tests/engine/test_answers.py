"""Answer readers: forgiving forms, and any input whatsoever gives a value or a clean rejection."""

from __future__ import annotations

import datetime as dt
import re
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


@pytest.mark.parametrize(
    ("raw", "code"),
    [("JP", "JP"), ("jp", "JP"), ("Japan", "JP"), ("japan", "JP"), (" JAPAN ", "JP"), ("jpn", "JP"),
     ("Canada", "CA"), ("UK", "GB"), ("United Kingdom", "GB"), ("Switzerland", "CH"), ("Germany", "DE"),
     ("south korea", "KR"), ("Russia", "RU"), ("Holland", "NL"), ("U.S.", "US"), ("México", "MX"), ("mexico", "MX"),
     ("Côte d'Ivoire", "CI"), ("cote d'ivoire", "CI")],
)  # fmt: skip
@pytest.mark.parametrize("question", ["citizenship_country", "domicile_country", "spouse_citizenship_country",
                                      "spouse_domicile_country"])  # fmt: skip
def test_country_spellings(question: str, raw: str, code: str) -> None:
    flow = load_flow()
    assert flow.question(question).parse(raw) == code
    assert flow.question(question).display(code).endswith(f"({code})")


@pytest.mark.parametrize(("raw", "guess"), [("Japn", "Japan (JP)"), ("Germny", "Germany (DE)"),
                                            ("Swizerland", "Switzerland (CH)")])  # fmt: skip
def test_unknown_country_gets_did_you_mean(raw: str, guess: str) -> None:
    with pytest.raises(InputError, match=rf"did you mean {re.escape(guess)}\?") as error:
        load_flow().question("domicile_country").parse(raw)
    assert "two-letter ISO code" in str(error.value) and "'unknown'" in str(error.value)


def test_country_may_be_unknown() -> None:
    assert load_flow().question("domicile_country").parse("unknown") is None


@pytest.mark.parametrize("raw", ["€2.5m", "£300,000", "2.5m EUR", "GBP 300k", "¥500m", "₹20m"])
def test_amounts_in_other_currencies_are_refused(raw: str) -> None:
    with pytest.raises(InputError, match="amounts are in US dollars") as error:
        load_flow().question("estate_total").parse(raw)
    assert "convert it to US dollars" in str(error.value)


def test_amount_prompts_say_us_dollars() -> None:
    flow = load_flow()
    amounts = [q for q in flow.questions.values() if q.kind == "amount"]
    assert amounts and all("US dollars" in q.prompt for q in amounts)


@settings(max_examples=150, deadline=None)
@given(raw=st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans()))
def test_any_country_answer_is_a_code_or_a_clean_rejection(raw: object) -> None:
    question = load_flow().question("domicile_country")
    try:
        code = question.parse(raw)
    except InputError as error:
        message = str(error)
        code = None
    else:
        message = "two-letter ISO code"
    assert "\n" not in message and "two-letter ISO code" in message
    assert code is None or (isinstance(code, str) and len(code) == 2 and code.isupper())
