"""``calc qdot-security``: the security a QDOT must give for the tax (the command line only)."""

from __future__ import annotations

from collections.abc import Mapping

from advisor.calculators.money import format_money
from advisor.calculators.qdot_security import SecurityInput, SecurityResult, security_requirements
from advisor.presentation.inputs import inputs_of
from advisor.presentation.model import Calculator, Line, Presentation
from advisor.presentation.wording import text

KEY = "qdot-security"


def compute(values: Mapping[str, object]) -> SecurityResult:
    return security_requirements(SecurityInput.model_validate(values))


def present(result: SecurityResult) -> Presentation:
    money = format_money
    lines = [
        Line(text(KEY, "aggregate_value"), money(result.aggregate_value)),
        Line(text(KEY, "residence_exclusion"), money(result.residence_exclusion)),
        Line(text(KEY, "value_for_threshold"), money(result.value_for_threshold)),
        Line(text(KEY, "over_threshold"), text(KEY, "answer_yes" if result.over_threshold else "answer_no")),
        Line(text(KEY, "bond_amount"), money(result.bond_amount, cents=True)),
        Line(text(KEY, "foreign_real_property_share"), f"{result.foreign_real_property_share * 100:.2f}%"),
    ]
    lines += [
        Line(text(KEY, "meets", name=a.name), text(KEY, "answer_yes" if a.satisfies else "answer_no"), a.detail)
        for a in result.arrangements
    ]
    summary = (
        text(KEY, "summary_bond", amount=money(result.bond_amount, cents=True))
        if result.over_threshold
        else text(KEY, "summary_none")
    )
    return Presentation(
        title=text(KEY, "title"), lines=lines, summary=summary, citations=result.citations, notes=result.notes
    )


CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(SecurityInput, KEY, ui={}, flags={"trust_value": "value", "trust_fmv": "fmv"}),
    compute=compute,
    present=present,
)
