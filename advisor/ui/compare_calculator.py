"""The QDOT routes over both deaths as a calculator screen: the couple model the QDOT card is built on.

Opened from an interview it starts from the card's own facts (the fields show the main ones; the rest,
such as a treaty's pro-rata credit or the survivor's US-situs part, stay as the card had them), and it
runs the same memoised comparison, so its totals are the card's.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial

from advisor.calculators.couple import ComparisonInput, ComparisonResult, Domicile
from advisor.calculators.money import (
    InputError,
    format_money,
    parse_amount,
    parse_date,
    parse_percent,
    parse_whole,
    typed_amount,
)
from advisor.engine.answers import parse_yes_no
from advisor.screening.basis import comparison
from advisor.screening.treaty import MaritalCreditParties
from advisor.ui.calculator_screen import CalculatorSpec, Evaluation, FieldSpec, Provenance
from advisor.ui.catalog import CALCULATORS

Basis = tuple[ComparisonInput, MaritalCreditParties | None]
"""The card's comparison facts and, where the card priced it, the Canadian marital credit's parties."""


def _domicile(text: str) -> Domicile:
    try:
        return Domicile(text.strip().lower())
    except ValueError:
        raise InputError(f"domicile: {text!r} is not a domicile; enter us or abroad") from None


def _yes_no(text: str) -> bool:
    return parse_yes_no(text, what="answer")


def _signed_percent(text: str) -> Decimal:
    return parse_percent(text, what="rate", low=Decimal(-49), high=Decimal(50))


def _probability(text: str) -> Decimal:
    return parse_percent(text, what="probability")


FIELDS = (
    FieldSpec("estate", "First decedent's taxable estate", parse_amount, "18m", "e.g. 18m"),
    FieldSpec("death_date", "Date of the first death", parse_date, "2026-12-01", "YYYY-MM-DD"),
    FieldSpec(
        "spouse_age",
        "Survivor's age at that death",
        lambda t: parse_whole(t, low=0, high=109, what="age", unit=" years"),
        "60",
    ),
    FieldSpec("spouse_domicile", "Survivor's domicile (us/abroad)", _domicile, "us"),
    FieldSpec("spouse_estate", "Survivor's own estate", parse_amount, "0"),
    FieldSpec("growth", "Growth % a year", _signed_percent, "0"),
    FieldSpec("discount_rate", "Discount rate %", _signed_percent, "5"),
    FieldSpec("naturalize_probability", "Chance % the survivor naturalises later", _probability, "0"),
    FieldSpec("bank_trustee", "A bank as QDOT trustee? (yes/no)", _yes_no, "no"),
    FieldSpec("costs", "Count the QDOT's costs? (yes/no)", _yes_no, "yes"),
)


def prefill(facts: ComparisonInput) -> dict[str, str]:
    """The fields as the card's facts fill them."""

    def percent(fraction: Decimal) -> str:
        return f"{(fraction * 100).normalize():f}"

    return {
        "estate": typed_amount(facts.estate),
        "death_date": facts.death_date.isoformat(),
        "spouse_age": str(facts.spouse_age),
        "spouse_domicile": facts.spouse_domicile.value,
        "spouse_estate": typed_amount(facts.spouse_estate),
        "growth": percent(facts.growth),
        "discount_rate": percent(facts.discount_rate),
        "naturalize_probability": percent(facts.naturalize_probability),
        "bank_trustee": "yes" if facts.bank_trustee else "no",
        "costs": "yes" if facts.costs else "no",
    }


def evaluate(values: Mapping[str, object], basis: Basis | None = None) -> Evaluation:
    """The routes for the facts given; with the card's basis, its other facts and routes are kept."""
    if basis is None:
        facts, marital = ComparisonInput.model_validate(dict(values)), None
    else:
        facts = ComparisonInput.model_validate({**basis[0].model_dump(), **values})
        marital = basis[1]
    return _shown(comparison(facts, marital))


def _shown(result: ComparisonResult) -> Evaluation:
    money = format_money
    lines: list[tuple[str, str, str]] = []
    for route in result.routes.values():
        name = route.title[0].upper() + route.title[1:]
        if not route.feasible:
            lines.append((f"{name}: {route.why_not}", "not open", route.basis))
            continue
        mark = "open, best" if route.key == result.best_route else "open"
        lines += [
            (name, mark, route.basis),
            (f"{name}: taxes", money(route.pv_taxes), "first-death tax, QDOT taxes and the survivor's estate tax "
             "after the 2013 credit, weighted by the survivor's year of death and discounted"),
            (f"{name}: costs", money(route.pv_costs), "the route's extra costs (assumptions below), weighted and "
             "discounted the same way"),
            (f"{name}: taxes and costs", money(route.pv_total), "the two above together (present value)"),
            (f"{name}: to the heirs", money(route.expected_to_heirs), "what reaches the heirs after the survivor's "
             "death, net of all taxes and costs, weighted and discounted"),
        ]  # fmt: skip
    best, for_heirs = result.routes[result.best_route], result.routes[result.best_route_for_heirs]
    lines += [
        (f"Best route: {best.title}", money(best.pv_total),
         "the open route with the lowest taxes and costs (present value)"),
        (f"Best for the heirs: {for_heirs.title}", money(for_heirs.expected_to_heirs),
         "the open route leaving the heirs the most, the assets growing at growth plus income"),
        ("Tax at the first death without a QDOT", money(result.tax_without_qdot),
         "everything passing outright: no marital deduction for a spouse who is not a citizen, IRC 2056(d)(1)"),
        ("Passing to the QDOT", money(result.qdot_amount), "what is above the exclusion the estate has left"),
    ]  # fmt: skip
    lines += _breakevens(result)
    return Evaluation(
        figures=[(label, value) for label, value, _ in lines],
        provenance=Provenance(
            title="QDOT routes over both deaths",
            lines=lines,
            citations=result.citations,
            notes=(*(f"assumption: {a}" for a in result.assumptions), *result.notes),
        ),
        summary=f"Best: {best.title}, {money(best.pv_total)} taxes and costs (present value) · Ctrl+B: basis",
    )


def _breakevens(result: ComparisonResult) -> list[tuple[str, str, str]]:
    b = result.breakevens
    if b is None or not b.sensitivity:
        return []
    flips = "does not flip"
    why = "where a QDOT and paying now cost the same, the other inputs as given"
    return [
        ("Break-even: chance of naturalising later",
         flips if b.naturalize_probability is None else f"{b.naturalize_probability * 100:.1f}%", why),
        ("Break-even: survivor's own estate", flips if b.spouse_estate is None else format_money(b.spouse_estate),
         why + " (searched from $0 to 4 times the estate + $50M)"),
        ("Break-even: discount rate less growth", flips if b.rate_spread is None else f"{b.rate_spread * 100:.2f}%",
         why + " (searched from -10% to +20%)"),
    ]  # fmt: skip


def spec(basis: Basis | None) -> CalculatorSpec:
    """The screen's declaration; with the card's basis, its fields are filled from it."""
    calculator = CalculatorSpec("qdot-compare", CALCULATORS["qdot-compare"], FIELDS, partial(evaluate, basis=basis))
    if basis is not None:
        calculator.prefill = prefill(basis[0])
    return calculator
