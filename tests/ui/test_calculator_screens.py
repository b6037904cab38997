"""Calculator screens: prefilled, recalculating live, the command line's messages, provenance, charts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static
from textual_plotext import PlotextPlot

from advisor.ui.calculator_screen import CalculatorScreen, CalculatorSpec, ProvenanceScreen
from advisor.ui.calculators import calculators
from tests.ui.screen_text import settle

CSS = Path(__file__).resolve().parents[2] / "advisor" / "ui" / "app.tcss"


class Harness(App[None]):
    CSS_PATH = str(CSS)

    def __init__(self, spec: CalculatorSpec) -> None:
        super().__init__()
        self.spec = spec

    def on_mount(self) -> None:
        self.push_screen(CalculatorScreen(self.spec))


def figures(screen: CalculatorScreen) -> dict[str, str]:
    """The figures the screen shows (as computed; the on-screen text is checked in test_calculator_layout)."""
    assert screen.evaluation is not None
    return dict(screen.evaluation.figures)


@asynccontextmanager
async def opened(
    spec: CalculatorSpec, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[Pilot[Any], CalculatorScreen]]:
    """The calculator's screen, open and computed."""
    app = Harness(spec)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CalculatorScreen)
        yield pilot, screen


async def enter(pilot: Pilot[Any], screen: CalculatorScreen, name: str, text: str) -> None:
    """Type ``text`` into the field ``name`` and let the screen recompute."""
    screen.query_one(f"#field-{name}", Input).value = text
    await settle(pilot)


def text_of(screen: CalculatorScreen, selector: str) -> str:
    """The text of the status line (``#status``) or a field's message (``#error-<name>``)."""
    return str(screen.query_one(selector, Static).render())


async def test_estate_tax_recalculates_as_you_type() -> None:
    async with opened(calculators()["estate-tax"], (100, 40)) as (pilot, screen):
        assert figures(screen)["Net estate tax"] == "$2,000,000.00"
        await enter(pilot, screen, "taxable_estate", "25m")
        assert figures(screen)["Net estate tax"] == "$4,000,000.00"


async def test_bad_amount_shows_the_cli_message_and_keeps_last_figures() -> None:
    async with opened(calculators()["estate-tax"], (100, 40)) as (pilot, screen):
        await enter(pilot, screen, "taxable_estate", "lots")
        assert "could not read 'lots'" in text_of(screen, "#error-taxable_estate")
        assert screen.query_one("#error-taxable_estate", Label).has_class("shown")
        assert figures(screen)["Net estate tax"] == "$2,000,000.00"
        assert screen.query_one("#results").has_class("stale")


async def test_year_without_data_says_what_to_do() -> None:
    async with opened(calculators()["estate-tax"], (100, 40)) as (pilot, screen):
        await enter(pilot, screen, "year", "2031")
        assert "2031 is not in the data" in text_of(screen, "#status")


async def test_prefilled_from_the_interview() -> None:
    async with opened(calculators({"qprt": {"fmv": "3m", "age": "70"}})["qprt"]) as (_pilot, screen):
        assert screen.query_one("#field-fmv", Input).value == "3m"
        assert figures(screen)["Mortality table"] == "2010CM"


async def test_qprt_chart_and_provenance() -> None:
    async with opened(calculators()["qprt"]) as (pilot, screen):
        assert screen.query_one("#chart", PlotextPlot).display
        assert figures(screen)["Best term by expected net saving"].endswith("years")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ProvenanceScreen)
        texts = " ".join(str(w.render()) for w in pilot.app.screen.query(Static))
        assert "section 7520 rate" in texts and "Table 2010CM" in texts
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, CalculatorScreen)


async def test_qdot_tax_screen_recomputes_the_decedents_tax() -> None:
    async with opened(calculators()["qdot-tax"]) as (pilot, screen):
        # 2026 death, $15M taxable estate (exactly the basic exclusion): $1M of distributions is taxed at 40%.
        assert figures(screen)["Line 12 Net estate tax (QDOT tax)"] == "$400,000.00"
        await enter(pilot, screen, "hardship", "2m")
        assert "hardship" in text_of(screen, "#status").lower()


async def test_qdot_deferral_screen_has_a_chart_and_alternatives() -> None:
    async with opened(calculators({"qdot-deferral": {"spouse_age": "60"}})["qdot-deferral"]) as (_pilot, screen):
        shown = figures(screen)
        assert shown["Tax at the first death without a QDOT"] == "$4,000,000"
        assert any(label.startswith("Alternative: ") for label in shown)
        assert screen.query_one("#chart", PlotextPlot).display


async def test_due_date_screen_moves_to_the_next_business_day() -> None:
    async with opened(calculators()["qdot-due-date"]) as (pilot, screen):
        shown = figures(screen)
        # The instructions' example: death June 14, 2025 -> due March 14, 2026, a Saturday.
        assert shown["Due date"] == "Sat 2026-03-14"
        assert shown["Next business day (IRC 7503)"] == "Mon 2026-03-16"
        await enter(pilot, screen, "event", "birthday")
        assert "enter one of distribution, death, disqualification" in text_of(screen, "#error-event")


async def test_the_calculation_runs_in_a_worker_and_says_so_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    spec = calculators()["estate-tax"]
    real = spec.evaluate
    released = threading.Event()

    def slow(values: object) -> object:
        released.wait(10)  # a slow calculation: it ends when the test has read the screen
        return real(values)  # type: ignore[arg-type]

    monkeypatch.setattr(spec, "evaluate", slow)
    app = Harness(spec)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalculatorScreen)
        assert text_of(screen, "#status") == "Computing…" and screen.evaluation is None
        await pilot.press("end", "x")  # typing goes on while it computes: 20mx cannot be read
        released.set()
        await settle(pilot)
        assert screen.evaluation is None  # the calculation for 20m was dropped for the newer text
        assert "unknown unit 'mx' in '20mx'" in text_of(screen, "#error-taxable_estate")
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.evaluation is not None and dict(screen.evaluation.figures)["Net estate tax"] == "$2,000,000.00"
