"""``calc qdot-tax`` and the QDOT tax screen: the tax of one Form 706-QDT."""

from __future__ import annotations

from collections.abc import Mapping

from advisor.calculators.money import format_money
from advisor.calculators.qdot_tax import QdotTaxInput, QdotTaxResult, compute_qdot_tax
from advisor.presentation.inputs import inputs_of
from advisor.presentation.model import Calculator, Line, Presentation
from advisor.presentation.wording import text

KEY = "qdot-tax"


def compute(values: Mapping[str, object]) -> QdotTaxResult:
    return compute_qdot_tax(QdotTaxInput.model_validate(values))


def present(result: QdotTaxResult) -> Presentation:
    return Presentation(
        title=text(KEY, "title", death_date=result.death_date.isoformat()),
        lines=[Line(line.label, format_money(line.amount, cents=True), line.basis) for line in result.lines],
        summary=text(KEY, "summary", tax=format_money(result.qdot_tax, cents=True)),
        citations=result.citations,
        notes=result.notes,
    )


CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(
        QdotTaxInput,
        KEY,
        ui={
            "decedent_taxable_estate": "15m",
            "death_date": "2026-02-01",
            "distributions": "1m",
            "hardship": "0",
            "prior_taxable": "0",
            "property_at_death": "0",
            "marital_deduction": "0",
            "charitable_deduction": "0",
            "highest_rate": "no",
        },
        percent=("highest_rate_override",),
        flags={"highest_rate_override": "highest-rate-percent"},
    ),
    compute=compute,
    present=present,
)
