"""``calc estate-tax`` and the federal estate tax screen: one decedent's tax by year of death."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from advisor.calculators.estate_tax import EstateTaxInput, EstateTaxResult, compute_estate_tax
from advisor.calculators.money import format_money
from advisor.presentation.inputs import inputs_of
from advisor.presentation.model import Calculator, Line, Presentation
from advisor.presentation.numbers import percent
from advisor.presentation.wording import text

KEY = "estate-tax"
TREATY = (
    "treaty",
    "worldwide_gross_estate",
    "us_gross_estate",
    "marital_credit_property",
    "spouse_residence",
    "decedent_residence",
    "canadian_citizen_in_couple",
    "qdot_elected",
)
"""The inputs of a treaty claim, shown together in ``--help``."""


def compute(values: Mapping[str, object]) -> EstateTaxResult:
    """The tax; a date of death without a year gives its year."""
    facts = dict(values)
    death_date = facts.get("death_date")
    if facts.get("year") is None and isinstance(death_date, dt.date):
        facts["year"] = death_date.year
    return compute_estate_tax(EstateTaxInput.model_validate(facts))


def present(result: EstateTaxResult) -> Presentation:
    lines = [Line(line.label, format_money(line.amount, cents=True), line.basis) for line in result.lines]
    lines.append(Line(text(KEY, "marginal_rate"), percent(result.marginal_rate), text(KEY, "marginal_rate_basis")))
    notes: list[str] = []
    if result.treaty is not None:
        treaty = result.treaty
        notes.append(
            text(KEY, "treaty_article", message=treaty.message, article=treaty.article)
            if treaty.article
            else text(KEY, "treaty", message=treaty.message)
        )
        notes += [text(KEY, "not_computed", provision=other) for other in treaty.other_provisions]
    who = text(KEY, "nonresident" if result.nonresident else "resident")
    return Presentation(
        title=text(KEY, "title", year=result.year, who=who),
        lines=lines,
        summary=text(KEY, "summary", net=format_money(result.net_estate_tax)),
        citations=result.citations,
        notes=notes,
    )


CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(
        EstateTaxInput,
        KEY,
        ui={
            "taxable_estate": "20m",
            "year": "2026",
            "adjusted_taxable_gifts": "0",
            "gift_tax_payable": "0",
            "dsue": "0",
            "nonresident": "no",
        },
        flags={"worldwide_gross_estate": "worldwide-estate"},
    ),
    compute=compute,
    present=present,
    exclusive=(("year", "death_date"),),
    groups={"treaty": TREATY},
)
