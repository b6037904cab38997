"""Flow files: the bundled interview loads; each broken fixture is refused with a message naming the
file, the state and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine import FlowError, load_flow
from advisor.engine.conditions import CONDITIONS

FIXTURES = Path(__file__).parent / "fixtures"


def test_bundled_flow_is_valid_and_uses_every_condition() -> None:
    flow = load_flow()
    used = {name for t in flow.spec.transitions for name in (*t.conditions, *t.unless)}
    assert used == set(CONDITIONS), "a condition no flow names is dead code"
    assert flow.initial == "citizenship" and flow.final_states == {"done"}


def test_contract_keys_are_question_ids() -> None:
    keys = {key for question in load_flow().questions.values() for key in question.keys}
    contract = {
        "citizenship", "domicile", "state", "age", "birth_date", "married", "spouse_citizenship",
        "spouse_domicile", "spouse_age", "spouse_birth_date", "spouse_plans_to_naturalize", "estate_total",
        "estate_us_situs", "spouse_estate_total", "prior_taxable_gifts", "owns_residence", "residence_type",
        "residence_value", "residence_basis", "residence_to_children",
    }  # fmt: skip
    assert contract <= keys


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("unknown_key.yaml", "state 'married': key 'hlep': unknown key"),
        ("unknown_condition.yaml", "state 'married': key 'conditions': transition #1: unknown condition 'is_wed'"),
        ("missing_template.yaml", "state 'married': key 'help': no template content/questions/no_such_help.md.j2"),
        ("unreachable.yaml", "state 'orphan': unreachable from the initial state"),
        ("dead_end.yaml", "state 'loop_a': cannot reach a final state"),
        ("loop.yaml", "state 'loop_b': key 'transitions': leads back to 'loop_a': a flow may not loop"),
        ("no_fallback.yaml", "state 'married': key 'transitions': the last transition out of a question must"),
        ("bad_default.yaml", "state 'married': key 'default': could not read 'lots' as an amount"),
        ("unknown_dest.yaml", "state 'married': key 'dest': transition #1: 'nowhere' is not a state"),
        ("choice_without_choices.yaml", "state 'married': choices are given for, and only for, a choice question"),
        ("not_yaml.yaml", "not valid YAML"),
    ],
)
def test_broken_flow_is_refused_with_file_state_and_key(fixture: str, expected: str) -> None:
    path = FIXTURES / fixture
    with pytest.raises(FlowError) as error:
        load_flow(path)
    message = str(error.value)
    assert message.startswith(str(path)), message
    assert expected in message, message


def test_missing_flow_file_is_named() -> None:
    with pytest.raises(FlowError, match="cannot read the flow file"):
        load_flow(FIXTURES / "absent.yaml")
