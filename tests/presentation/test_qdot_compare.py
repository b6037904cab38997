"""The routes' presentation: when the best route and the best for the heirs differ, why is said beside them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from advisor.presentation import qdot_compare
from advisor.presentation.model import Presentation

EXPAT = {
    "estate": Decimal("18000000"),
    "spouse_age": 55,
    "spouse_domicile": "abroad",
    "spouse_estate": Decimal("2000000"),
    "growth": Decimal("0"),
    "today": dt.date(2026, 11, 23),
}
"""The expat couple's routes screen: a QDOT costs least in present value, paying now leaves the heirs more."""


def presented(**facts: object) -> Presentation:
    return qdot_compare.present(qdot_compare.compute({**EXPAT, **facts}))


def labels(shown: Presentation) -> list[str]:
    return [line.label for line in shown.lines]


def test_the_two_bests_differ_and_the_line_below_them_says_why() -> None:
    compared = qdot_compare.compute({**EXPAT, "discount_rate": Decimal("0.056")})
    result = compared.result
    assert result.best_route != result.best_route_for_heirs
    shown = qdot_compare.present(compared)
    at = next(i for i, label in enumerate(labels(shown)) if label.startswith("Best route:"))
    heirs, why = shown.lines[at + 1 : at + 3]
    assert heirs.label.startswith("Best for the heirs:")
    assert why.value == "" and why.basis  # a remark beside the figures, with its basis
    short = {"pay_now": "Pay now", "qdot": "QDOT"}
    assert f"'{short[result.best_route]}' costs least in present value at the 5.6% discount rate" in why.label
    assert f"'{short[result.best_route_for_heirs]}' leaves the heirs the most" in why.label
    assert "growing at 0%" in why.label
    assert why.label in [label for label, _ in shown.figures]  # on the screen, not only with the basis


def test_the_same_best_route_for_both_measures_needs_no_explanation() -> None:
    compared = qdot_compare.compute(EXPAT)  # no discount rate: the growth (r = g), where the measures agree
    assert compared.result.best_route == compared.result.best_route_for_heirs
    assert not any(label.startswith("Why two bests") for label in labels(qdot_compare.present(compared)))


def test_json_keeps_its_shape() -> None:
    compared = qdot_compare.compute({**EXPAT, "discount_rate": Decimal("0.056")})
    payload = qdot_compare.payload(compared)
    assert payload["death_date"] == "2026-11-23"
    assert set(payload) == {"death_date", *compared.result.model_dump()}
