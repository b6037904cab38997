"""``calc qdot-compare`` and the routes screen: a survivor who is not a US citizen, each route (pay now, a
QDOT, naturalising, 2523(i) gifts, the Canadian marital credit) followed to the survivor's death.

Opened from an interview, the screen starts from the QDOT card's own facts and runs the same memoised
comparison (:func:`advisor.screening.basis.comparison`), so its totals are the card's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.couple import ROUTES, ComparisonInput, ComparisonResult, Domicile, compare_routes
from advisor.calculators.couple.treaty_route import canadian_marital_credit_route
from advisor.calculators.money import InputError, format_money, typed_amount
from advisor.calculators.parameters import mortality_tables
from advisor.presentation.inputs import ISO_COUNTRY, inputs_of
from advisor.presentation.model import Calculator, Line, Presentation, Table
from advisor.presentation.numbers import percent
from advisor.presentation.wording import text, wording

if TYPE_CHECKING:
    from advisor.screening.treaty import MaritalCreditParties

KEY = "qdot-compare"
Basis = tuple[ComparisonInput, "MaritalCreditParties | None"]
"""The card's comparison facts and, where the card priced it, the Canadian marital credit's parties."""


class CanadianMaritalCredit(BaseModel):
    """Art. XXIX B(3)-(4) of the Canadian treaty priced as one more route, elected instead of a QDOT."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    canadian_marital_credit: bool = False
    """Add the route."""
    spouse_residence: str | None = Field(default=None, pattern=ISO_COUNTRY)
    """Survivor's country of residence (default: US with --spouse-domicile us)."""
    canadian_citizen_in_couple: bool = False
    """The decedent or the survivor is a Canadian citizen (needed when both live in the US)."""


class Compared(BaseModel):
    """The routes, and the facts they were compared for (the first death they start from among them)."""

    model_config = ConfigDict(frozen=True)

    result: ComparisonResult
    facts: ComparisonInput


def compute(values: Mapping[str, object]) -> Compared:
    """The command line's comparison: the first death today or later (a past date is taken as today), the
    discount rate the growth unless given, and the Canadian marital credit's route when asked for."""
    facts = {name: value for name, value in values.items() if name in ComparisonInput.model_fields}
    canadian = CanadianMaritalCredit.model_validate(
        {name: value for name, value in values.items() if name in CanadianMaritalCredit.model_fields}
    )
    today = values["today"]
    assert isinstance(today, dt.date)
    death = facts.get("death_date", today)
    assert isinstance(death, dt.date)
    notes, assumptions = [], []
    if death < today:
        notes.append(text(KEY, "past_death", death_date=death.isoformat()))
        death = today
    if "discount_rate" not in facts:
        facts["discount_rate"] = facts.get("growth", Decimal(0))
        assumptions.append(text(KEY, "discount_is_growth"))
    facts.setdefault("spouse_estate", facts.get("spouse_us_situs", Decimal(0)))
    model = ComparisonInput.model_validate({**facts, "death_date": death, "valuation_date": today})
    routes = ROUTES
    if canadian.canadian_marital_credit:
        residence = canadian.spouse_residence or ("US" if model.spouse_domicile is Domicile.US else None)
        if residence is None:
            raise InputError(text(KEY, "residence_needed"))
        routes = (*ROUTES, canadian_marital_credit_route(
            spouse_residence=residence, canadian_citizen_in_couple=canadian.canadian_citizen_in_couple
        ))  # fmt: skip
    result = compare_routes(model, routes)
    result = result.model_copy(
        update={"assumptions": (*result.assumptions, *assumptions), "notes": (*notes, *result.notes)}
    )
    return Compared(result=result, facts=model)


def from_card(values: Mapping[str, object], basis: Basis | None = None) -> Presentation:
    """The screen's routes for the facts given; with the card's basis, its other facts and routes are kept."""
    from advisor.screening.basis import comparison  # the screening's memo, loaded by the app only

    if basis is None:
        facts, marital = ComparisonInput.model_validate(dict(values)), None
    else:
        facts = ComparisonInput.model_validate({**basis[0].model_dump(), **values})
        marital = basis[1]
    return present(Compared(result=comparison(facts, marital), facts=facts))


def payload(compared: Compared) -> dict[str, object]:
    """``--json``: the first death's date and the result, without ``why_not`` on the open routes."""
    data = compared.result.model_dump(mode="json")
    for route in data["routes"].values():
        if route["feasible"]:
            del route["why_not"]
    return {"death_date": compared.facts.death_date.isoformat(), **data}


def present(compared: Compared) -> Presentation:
    result, money, short = compared.result, format_money, wording(KEY)["routes"]
    lines: list[Line] = []
    for route in result.routes.values():
        title = route.title[0].upper() + route.title[1:]
        if not route.feasible:
            lines.append(Line(text(KEY, "not_open", route=title, why_not=route.why_not), text(KEY, "not_open_value"),
                              route.basis))  # fmt: skip
            continue
        if not route.weighed:
            lines.append(Line(text(KEY, "not_weighed", route=title), text(KEY, "not_weighed_value"), route.basis))
            continue
        name = short.get(route.key, title)
        lines += [
            Line(title, text(KEY, "open_best" if route.key == result.best_route else "open"), route.basis),
            Line(text(KEY, "taxes", route=name), money(route.pv_taxes), text(KEY, "taxes_basis")),
            Line(text(KEY, "costs", route=name), money(route.pv_costs), text(KEY, "costs_basis")),
            Line(text(KEY, "total", route=name), money(route.pv_total), text(KEY, "total_basis")),
            Line(text(KEY, "heirs", route=name), money(route.expected_to_heirs), text(KEY, "heirs_basis")),
        ]
    best, for_heirs = result.routes[result.best_route], result.routes[result.best_route_for_heirs]
    dsue = text(KEY, "answer_yes" if result.dsue_available_to_survivor else "answer_no")
    lines += [
        Line(text(KEY, "best", route=best.title), money(best.pv_total), text(KEY, "best_basis")),
        Line(text(KEY, "best_for_heirs", route=for_heirs.title), money(for_heirs.expected_to_heirs),
             text(KEY, "best_for_heirs_basis")),
        *_why_two_bests(compared),
        Line(text(KEY, "tax_without_qdot"), money(result.tax_without_qdot), text(KEY, "tax_without_qdot_basis")),
        Line(text(KEY, "qdot_amount"), money(result.qdot_amount), text(KEY, "qdot_amount_basis")),
        Line(text(KEY, "dsue"), dsue, text(KEY, "dsue_basis"), detail=True),
        *_breakevens(result),
    ]  # fmt: skip
    return Presentation(
        title=text(KEY, "title", death_date=compared.facts.death_date.isoformat()),
        lines=lines,
        summary=text(KEY, "summary", route=best.title, total=money(best.pv_total)),
        citations=result.citations,
        notes=(
            *result.notes,
            *(text(KEY, "route_note", route=r.key, note=note) for r in result.routes.values() for note in r.notes),
        ),
        assumptions=result.assumptions,
        tables=_tables(result),
    )


def _why_two_bests(compared: Compared) -> list[Line]:
    """Beside the best route and the best for the heirs, when they differ, why: each is measured its own way."""
    result, facts, short = compared.result, compared.facts, wording(KEY)["routes"]
    if result.best_route == result.best_route_for_heirs:
        return []
    best, for_heirs = result.routes[result.best_route], result.routes[result.best_route_for_heirs]
    why = text(
        KEY,
        "bests_differ",
        best=short.get(best.key, best.title),
        heirs=short.get(for_heirs.key, for_heirs.title),
        discount=percent(facts.discount_rate),
        growth=percent(facts.growth + facts.income_yield),
    )
    return [Line(why, "", text(KEY, "bests_differ_basis"))]


def _breakevens(result: ComparisonResult) -> list[Line]:
    b = result.breakevens
    if b is None or not b.sensitivity:
        return []
    flips, why = text(KEY, "does_not_flip"), text(KEY, "breakeven_basis")
    return [
        Line(text(KEY, "naturalize_breakeven"),
             flips if b.naturalize_probability is None else f"{b.naturalize_probability * 100:.1f}%", why),
        Line(text(KEY, "estate_breakeven"), flips if b.spouse_estate is None else format_money(b.spouse_estate),
             why + text(KEY, "estate_breakeven_basis")),
        Line(text(KEY, "spread_breakeven"), flips if b.rate_spread is None else f"{b.rate_spread * 100:.2f}%",
             why + text(KEY, "spread_breakeven_basis")),
    ]  # fmt: skip


def _tables(result: ComparisonResult) -> list[Table]:
    """Every route's figures side by side (by key, as ``--json`` names them), and the r - g sensitivity."""
    money, words = format_money, wording(KEY)["text"]
    routes = [
        (route.key + (" *" if route.key == result.best_route else ""),
         *((money(route.pv_taxes), money(route.pv_costs), money(route.pv_total), money(route.expected_to_heirs))
           if route.feasible and route.weighed
           else ("-", "-", "-", words["not_weighed_value" if route.feasible else "not_open_value"])))
        for route in result.routes.values()
    ]  # fmt: skip
    tables = [Table(words["routes_table"], words["routes_header"], routes, "lrrrr")]
    b = result.breakevens
    if b is not None and b.sensitivity:
        rows = [(f"{row.spread * 100:+g}%", money(row.pay_now), money(row.qdot)) for row in b.sensitivity]
        tables.append(Table(words["sensitivity_table"], words["sensitivity_header"], rows))
    return tables


def prefill(facts: ComparisonInput) -> dict[str, str]:
    """The screen's fields as the card's facts fill them."""

    def typed_percent(fraction: Decimal) -> str:
        return f"{(fraction * 100).normalize():f}"

    return {
        "estate": typed_amount(facts.estate),
        "death_date": facts.death_date.isoformat(),
        "spouse_age": str(facts.spouse_age),
        "spouse_domicile": facts.spouse_domicile.value,
        "spouse_estate": typed_amount(facts.spouse_estate),
        "growth": typed_percent(facts.growth),
        "discount_rate": typed_percent(facts.discount_rate),
        "naturalize_probability": typed_percent(facts.naturalize_probability),
        "bank_trustee": "yes" if facts.bank_trustee else "no",
        "costs": "yes" if facts.costs else "no",
    }


PERCENT = ("inherited_us_situs", "growth", "income_yield", "discount_rate", "inflation", "naturalize_probability",
           "naturalize_before_return_probability", "bank_fee", "bond_premium")  # fmt: skip
CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(
        ComparisonInput,
        KEY,
        ui={
            "estate": "18m",
            "death_date": "2026-12-01",
            "spouse_age": "60",
            "spouse_domicile": "us",
            "spouse_estate": "0",
            "growth": "0",
            "discount_rate": "5",
            "naturalize_probability": "0",
            "bank_trustee": "no",
            "costs": "yes",
        },
        percent=PERCENT,
        choices={"table": sorted(mortality_tables())},
        flags={
            "decedent_nonresident": "nonresident",
            "nonresident_gift_intangibles": "gift-intangibles",
            "several_qdots_without_filer": "several-qdots",
        },
        skip=("valuation_date", "spouse_citizen"),
        optional=("death_date", "discount_rate"),
    )
    + inputs_of(CanadianMaritalCredit, KEY, ui={}),
    compute=compute,
    present=present,
    payload=payload,
    groups={
        "treaty": ("treaty", "worldwide_estate", "spouse_treaty"),
        "canadian": ("canadian_marital_credit", "spouse_residence", "canadian_citizen_in_couple"),
    },
    dated=True,
)
