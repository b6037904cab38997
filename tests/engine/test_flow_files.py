"""Flow files: the bundled interview loads; each broken fixture is refused with a message naming the
file, the state and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.compiled_flow import compiled_text, interview_source
from advisor.engine import Flow, FlowError, load_flow
from advisor.engine.conditions import CONDITIONS
from advisor.engine.flow_file import read_flow_file
from advisor.resources import COMPILED_INTERVIEW

FIXTURES = Path(__file__).parent / "fixtures"


def test_bundled_flow_is_valid_and_uses_every_condition() -> None:
    flow = load_flow()
    used = {name for t in flow.all_transitions for name in (*t.conditions, *t.unless)}
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
        read_flow_file(path)
    message = str(error.value)
    assert message.startswith(str(path)), message
    assert expected in message, message


def test_missing_flow_file_is_named() -> None:
    with pytest.raises(FlowError, match="cannot read the flow file"):
        read_flow_file(FIXTURES / "absent.yaml")


def test_shipped_interview_is_compiled_from_its_sources() -> None:
    """The precompiled interview the app starts from is exactly the flow file and question templates
    compiled now (rebuild with ``python -m advisor.compiled_flow``)."""
    assert COMPILED_INTERVIEW.read_text(encoding="utf-8") == compiled_text(interview_source())


def test_compiled_interview_asks_what_the_templates_say() -> None:
    import json

    from advisor.compiled_flow import question_text

    flow = Flow(json.loads(compiled_text(interview_source())))
    assert [q.id for q in flow.questions.values()] == [q.id for q in load_flow().questions.values()]
    for question in load_flow().questions.values():
        text = question_text(question.help_key)
        assert (question.prompt, question.help) == (text.prompt, text.help) and question.prompt
    assert load_flow().question("estate_growth").default == 0
    assert load_flow().question("state").has_default and load_flow().question("state").default is None
