"""The QDOT routes over both deaths, opened from an interview: the card's own facts and figures at 80x24."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from advisor.advice import advise
from advisor.answers_file import personas
from advisor.engine import Session
from advisor.ui.app import AdvisorApp
from advisor.ui.calculator_screen import CalculatorScreen, read_fields
from advisor.ui.calculators import calculators
from tests.ui.screen_text import from_palette, lines_while_scrolling, settle, shown_beside


async def test_opened_from_the_expat_couple_it_shows_the_cards_route_totals() -> None:
    advice = advise(personas()["expat-couple"], today=dt.date.today())
    [card] = [r for r in advice.explained["recommendations"] if r["kind"] == "qdot"]
    totals = {f["facts"]["route"]: f for f in card["figures"] if f["name"] == "route_cost"}
    assert totals  # the card compares routes for this persona
    [facts] = [r.comparison for r in advice.screening.recommendations if r.comparison is not None]
    app = AdvisorApp(Session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for command in ("persona expat", "routes over both"):
            await from_palette(pilot, command)
            await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CalculatorScreen) and screen.evaluation is not None
        typed = {name: screen.query_one(f"#field-{name}", Input).value for name in ("estate", "spouse_age")}
        assert typed == {"estate": f"{facts.estate:,.0f}", "spouse_age": str(facts.spouse_age)}
        assert screen.query_one("#field-death_date", Input).value == facts.death_date.isoformat()
        await pilot.press("f2")
        seen = await lines_while_scrolling(pilot)
        rows = [(label, value) for label, value in screen.evaluation.figures if label.endswith(": taxes and costs")]
        for label, value in rows:
            assert shown_beside(seen, label, value), f"{label!r} is not shown with {value!r}"
        shown = {value for _, value in rows}
        assert {figure["display"] for figure in totals.values()} <= shown
        [best] = [figure for figure in totals.values() if figure["facts"]["best"]]
        assert best["display"] in screen.evaluation.summary
        # The best route and the best for the heirs differ for this couple: why is said right below them.
        pages = [seen[at : at + 24] for at in range(0, len(seen), 24)]
        panes = [[line.split("│", 1)[-1].strip() for line in page] for page in pages]
        pane = next(pane for pane in panes if any(line.startswith("Best for the heirs:") for line in pane))
        heirs = next(i for i, line in enumerate(pane) if line.startswith("Best for the heirs:"))
        below = " ".join(" ".join(pane[heirs:]).split())
        assert below.index("Best for the heirs:") < below.index("Why two bests:")
        assert (
            "leaves the heirs the most" in below and "the two agree when the discount rate is the assets' own" in below
        )


@pytest.mark.parametrize("name", list(personas()))
def test_every_persona_card_and_its_routes_screen_agree(name: str) -> None:
    advice = advise(personas()[name], today=dt.date.today())
    basis = advice.comparison_basis()
    cards = [r for r in advice.explained["recommendations"] if r["kind"] == "qdot"]
    if basis is None:
        assert not any(f["name"] == "route_cost" for card in cards for f in card["figures"])
        return
    spec = calculators(advice.calculator_prefill(), basis)["qdot-compare"]
    values, errors = read_fields(spec.fields, spec.prefill)
    assert not errors
    shown = dict(spec.evaluate(values).figures)
    card = cards[-1]  # the card the other calculators are filled from
    totals = [f["display"] for f in card["figures"] if f["name"] == "route_cost"]
    assert totals and set(totals) <= {value for label, value in shown.items() if label.endswith(": taxes and costs")}
