"""The calculators the app offers as screens: fields, evaluation, chart and provenance of each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from advisor.calculators.actuarial import age_at_nearest_birthday
from advisor.calculators.money import (
    InputError,
    format_money,
    parse_amount,
    parse_date,
    parse_percent,
    parse_whole,
    typed_amount,
)
from advisor.calculators.qdot_deferral import DeferralInput, project_deferral
from advisor.engine import Session
from advisor.engine.answers import parse_yes_no
from advisor.presentation import estate_tax, qdot_due_dates, qdot_tax, qprt
from advisor.presentation.inputs import Input
from advisor.presentation.model import Calculator, Chart, Series
from advisor.ui import compare_calculator
from advisor.ui.calculator_screen import CalculatorSpec, Evaluation, FieldSpec, Provenance
from advisor.ui.catalog import CALCULATORS
from advisor.ui.compare_calculator import Basis


def _yes_no(text: str) -> bool:
    """The interview's yes/no reader; an empty field keeps its meaning of no."""
    return parse_yes_no(text or "no", what="answer")


def _amount(text: str) -> Decimal:
    return parse_amount(text)


def _percent(text: str) -> Decimal:
    return parse_percent(text)


def _rate(text: str) -> Decimal:
    value = parse_percent(text, what="rate")
    if value <= 0:
        raise InputError("rate: the rate must be above 0% (a percent such as 5.2)")
    return value


def _pct(value: Decimal) -> str:
    return f"{float(value) * 100:.4g}%"


DEFERRAL_FIELDS = (
    FieldSpec("gross_estate", "First decedent's gross estate", _amount, "25m"),
    FieldSpec("deductions", "Debts and expenses", _amount, "0"),
    FieldSpec("death_date", "Date of the first death", parse_date, "2026-03-01", "YYYY-MM-DD"),
    FieldSpec("spouse_age", "Surviving spouse's age", lambda t: parse_whole(t, low=0, high=109, what="age"), "70"),
    FieldSpec("growth", "Trust growth % a year", _percent, "3"),
    FieldSpec("income_yield", "Income paid out % a year", _percent, "3"),
    FieldSpec("principal_distributions", "Principal paid out a year", _amount, "0"),
    FieldSpec("discount_rate", "Discount rate %", _rate, "5"),
)


def evaluate_deferral(values: Mapping[str, Any]) -> Evaluation:
    result = project_deferral(DeferralInput(**values))
    money = format_money
    lines = [
        (
            "Passing to the QDOT",
            money(result.qdot_amount),
            "the estate after debts and expenses above the exclusion it has left, so that no tax is due at the "
            "first death; deductible only in a QDOT, IRC 2056(d)(2)(A)",
        ),
        (
            "Tax at the first death without a QDOT",
            money(result.tax_without_qdot),
            "estate tax with no marital deduction for a spouse who is not a citizen, IRC 2056(d)(1), "
            "less the unified credit, IRC 2010",
        ),
        (
            "Tax at the first death with the QDOT",
            money(result.tax_at_first_death_with_qdot),
            "estate tax on what does not pass to the QDOT, IRC 2001 and 2010",
        ),
        (
            "Security",
            f"bond of {money(result.bond_amount)}" if result.bond_required else "no bond needed",
            "a bond or letter of credit for a QDOT above the security threshold without a US bank as trustee, "
            "Regulations section 20.2056A-2(d); threshold and share in the parameter rows below",
        ),
        (
            "Spouse's life expectancy",
            f"{float(result.life_expectancy):.1f} years",
            "complete expectation of life at the spouse's age, from the mortality table in the rows below",
        ),
        (
            "Expected tax with the QDOT (all death years)",
            money(result.expected_tax_with_qdot),
            "tax at the first death plus the QDOT taxes on distributions and at the spouse's death, IRC 2056A(b), "
            "weighted by the chance of the spouse dying in each year",
        ),
        (
            "Present value: tax without a QDOT",
            money(result.present_value_tax_without_qdot),
            "the tax without a QDOT, discounted one year at the discount rate",
        ),
        (
            "Present value: taxes with the QDOT",
            money(result.present_value_tax_with_qdot),
            "each year's taxes discounted from the end of their year, weighted by the chance of death that year",
        ),
        (
            "Present value: costs",
            money(result.present_value_costs),
            "trustee fee, bond premium and return preparation (assumptions below), discounted and weighted "
            "the same way",
        ),
        (
            "Present value of deferring the first-death tax (first death only)",
            money(result.present_value_benefit),
            "present value of the tax without a QDOT less those of the taxes and costs with it",
        ),
    ]
    lines += [(f"Alternative: {alt.name}", money(alt.present_value_benefit), alt.basis) for alt in result.alternatives]
    years = result.years
    chart = Chart(
        title="Trust value and QDOT tax by year ($ thousands)",
        x_label="years after the first death",
        series=(
            Series("trust value", [y.year for y in years], [float(y.value_end) / 1000 for y in years]),
            Series(
                "QDOT tax if the spouse dies that year",
                [y.year for y in years],
                [float(y.tax_if_spouse_dies) / 1000 for y in years],
            ),
        ),
    )
    return Evaluation(
        figures=[(label, value) for label, value, _ in lines],
        provenance=Provenance(
            title="QDOT deferral projection",
            lines=lines,
            citations=result.citations,
            notes=(*(f"assumption: {a}" for a in result.assumptions), *result.notes),
        ),
        chart=chart,
        summary=f"Deferring the first-death tax: {format_money(result.present_value_benefit)} (present value, "
        "first death only; calc qdot-compare follows both deaths) · Ctrl+B: basis",
    )


def presented(calculator: Calculator[Any], fields: Sequence[Input] | None = None) -> CalculatorSpec:
    """The screen of a calculator presented by :mod:`advisor.presentation`: its fields for the app."""
    shown = calculator.ui_inputs if fields is None else fields
    return CalculatorSpec(calculator.key, CALCULATORS[calculator.key], shown, calculator.evaluate)


def calculators(
    prefill: Mapping[str, Mapping[str, str]] | None = None, comparison: Basis | None = None
) -> dict[str, CalculatorSpec]:
    """Every calculator screen, keyed by name, with the interview's facts filled in where known
    (``comparison``: the QDOT card's own facts for the routes over both deaths)."""
    prefill = prefill or {}
    specs = [
        CalculatorSpec(
            "estate-tax", CALCULATORS["estate-tax"], estate_tax.CALCULATOR.ui_inputs, estate_tax.CALCULATOR.evaluate
        ),
        presented(qprt.CALCULATOR, qprt.ui_inputs()),
        presented(qdot_tax.CALCULATOR),
        CalculatorSpec("qdot-deferral", CALCULATORS["qdot-deferral"], DEFERRAL_FIELDS, evaluate_deferral),
        presented(qdot_due_dates.CALCULATOR),
    ]
    for spec in specs:
        spec.prefill = dict(prefill.get(spec.key, {}))
    specs.insert(4, compare_calculator.spec(comparison))
    return {spec.key: spec for spec in specs}


def _typed(value: object) -> str:
    """An interview answer as it would be typed into a calculator field."""
    return typed_amount(value) if isinstance(value, Decimal) else str(value)


def prefill_from(session: Session) -> dict[str, dict[str, str]]:
    """Calculator fields filled from the interview's answers, where the interview has them."""
    answers = session.answers
    estate: dict[str, str] = {}
    qprt: dict[str, str] = {}
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
            qprt[field] = _typed(answers[key])
    for field, key in (("age", "age"), ("second_age", "spouse_age")):
        value = answers.get(key)
        if isinstance(value, dt.date):
            value = age_at_nearest_birthday(value, session.today)
        if isinstance(value, int):
            qprt[field] = str(value)
    growth = answers.get("estate_growth")
    if isinstance(growth, Decimal):
        qprt["growth"] = f"{growth * 100:f}"
    deferral: dict[str, str] = {}
    if answers.get("estate_total") is not None:
        deferral["gross_estate"] = _typed(answers["estate_total"])
    spouse_age = answers.get("spouse_age")
    if isinstance(spouse_age, dt.date):
        spouse_age = age_at_nearest_birthday(spouse_age, session.today)
    if isinstance(spouse_age, int):
        deferral["spouse_age"] = str(spouse_age)
    if isinstance(answers.get("estate_growth"), Decimal):
        deferral["growth"] = qprt["growth"]
    return {"estate-tax": estate, "qprt": qprt, "qdot-deferral": deferral}
