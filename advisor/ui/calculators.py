"""The calculators the app offers as screens: fields, evaluation, chart and provenance of each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from advisor.calculators.actuarial import age_at_nearest_birthday
from advisor.calculators.money import typed_amount
from advisor.engine import Session
from advisor.presentation import estate_tax, qdot_compare, qdot_deferral, qdot_due_dates, qdot_tax, qprt
from advisor.presentation.inputs import Input
from advisor.presentation.model import Calculator
from advisor.ui.calculator_screen import CalculatorSpec
from advisor.ui.catalog import CALCULATORS


def presented(calculator: Calculator[Any], fields: Sequence[Input] | None = None) -> CalculatorSpec:
    """The screen of a calculator presented by :mod:`advisor.presentation`: its fields for the app."""
    shown = calculator.ui_inputs if fields is None else fields
    return CalculatorSpec(calculator.key, CALCULATORS[calculator.key], shown, calculator.evaluate)


def calculators(
    prefill: Mapping[str, Mapping[str, str]] | None = None, comparison: qdot_compare.Basis | None = None
) -> dict[str, CalculatorSpec]:
    """Every calculator screen, keyed by name, with the interview's facts filled in where known
    (``comparison``: the QDOT card's own facts for the routes over both deaths)."""
    prefill = prefill or {}
    specs = [
        presented(estate_tax.CALCULATOR),
        presented(qprt.CALCULATOR, qprt.ui_inputs()),
        presented(qdot_tax.CALCULATOR),
        presented(qdot_deferral.CALCULATOR),
        presented(qdot_due_dates.CALCULATOR),
    ]
    for spec in specs:
        spec.prefill = dict(prefill.get(spec.key, {}))
    routes = qdot_compare.CALCULATOR
    specs.insert(
        4,
        CalculatorSpec(
            routes.key,
            CALCULATORS[routes.key],
            routes.ui_inputs,
            partial(qdot_compare.from_card, basis=comparison),
            {} if comparison is None else qdot_compare.prefill(comparison[0]),
        ),
    )
    return {spec.key: spec for spec in specs}


def _typed(value: object) -> str:
    """An interview answer as it would be typed into a calculator field."""
    return typed_amount(value) if isinstance(value, Decimal) else str(value)


def prefill_from(session: Session) -> dict[str, dict[str, str]]:
    """Calculator fields filled from the interview's answers, where the interview has them."""
    answers = session.answers
    estate: dict[str, str] = {}
    residence: dict[str, str] = {}
    nonresident = answers.get("citizenship") == "non_us" and answers.get("domicile") == "abroad"
    taxable = answers.get("estate_us_situs") if nonresident else answers.get("estate_total")
    if taxable is not None:
        estate["taxable_estate"] = _typed(taxable)
    if answers.get("prior_taxable_gifts") is not None:
        estate["adjusted_taxable_gifts"] = _typed(answers["prior_taxable_gifts"])
    estate["nonresident"] = "yes" if nonresident else "no"
    estate["year"] = str(session.today.year)
    for field, key in (("fmv", "residence_value"), ("basis", "residence_basis")):
        if answers.get(key) is not None:
            residence[field] = _typed(answers[key])
    for field, key in (("age", "age"), ("second_age", "spouse_age")):
        value = answers.get(key)
        if isinstance(value, dt.date):
            value = age_at_nearest_birthday(value, session.today)
        if isinstance(value, int):
            residence[field] = str(value)
    growth = answers.get("estate_growth")
    if isinstance(growth, Decimal):
        residence["growth"] = f"{growth * 100:f}"
    deferral: dict[str, str] = {}
    if answers.get("estate_total") is not None:
        deferral["gross_estate"] = _typed(answers["estate_total"])
    spouse_age = answers.get("spouse_age")
    if isinstance(spouse_age, dt.date):
        spouse_age = age_at_nearest_birthday(spouse_age, session.today)
    if isinstance(spouse_age, int):
        deferral["spouse_age"] = str(spouse_age)
    if isinstance(answers.get("estate_growth"), Decimal):
        deferral["growth"] = residence["growth"]
    return {"estate-tax": estate, "qprt": residence, "qdot-deferral": deferral}
