"""What the screens look like, pinned as SVG snapshots (pinned Textual, fixed size, no cursor blink,
a fixed date). After a deliberate change of look: pytest tests/ui/test_snapshots.py --snapshot-update,
then read the report it writes before committing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from advisor.answers_file import load_answers_file, personas
from advisor.engine import Session
from advisor.ui.app import AdvisorApp

TODAY = dt.date(2026, 11, 23)
SMALL = (80, 24)
LARGE = (100, 32)
Compare = Callable[..., bool]


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursor, nothing still moving, every worker (the screening) done and shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()
    await pilot.pause()


def app_with(answers: dict[str, object] | None = None) -> AdvisorApp:
    return AdvisorApp(Session.from_answers(answers or {}, today=TODAY, defaults=True))


def test_first_question(snap_compare: Compare) -> None:
    assert snap_compare(app_with(), terminal_size=SMALL, run_before=steady)


def test_rejected_amount(snap_compare: Compare) -> None:
    answers = {"citizenship": "us", "domicile": "us", "state": "NY", "age": 64, "married": False}

    async def reject(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # the chat, the app's first screen, is composed once the app is ready
        pilot.app.screen.query_one("#answer-input", Input).value = "a lot"
        await pilot.press("enter")
        await steady(pilot)

    assert snap_compare(app_with(answers), terminal_size=SMALL, run_before=reject)


def test_review_screen(snap_compare: Compare) -> None:
    answers = load_answers_file(personas()["us-couple-valuable-home"])
    assert snap_compare(app_with(answers), press=["ctrl+r"], terminal_size=LARGE, run_before=steady)


def test_recommendation(snap_compare: Compare) -> None:
    answers = load_answers_file(personas()["expat-couple"])
    assert snap_compare(app_with(answers), terminal_size=LARGE, run_before=steady)


def test_qprt_screen_with_chart(snap_compare: Compare) -> None:
    answers = load_answers_file(personas()["us-couple-valuable-home"])

    async def open_qprt(pilot: Pilot[Any]) -> None:
        pilot.app.open_calculator("qprt")  # type: ignore[attr-defined]
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app_with(answers), terminal_size=(120, 40), run_before=open_qprt)


def test_deferral_screen_at_80_columns(snap_compare: Compare) -> None:
    answers = load_answers_file(personas()["expat-couple"])

    async def open_deferral(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        pilot.app.open_calculator("qdot-deferral")  # type: ignore[attr-defined]
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app_with(answers), terminal_size=SMALL, run_before=open_deferral)


def test_deferral_basis_at_80_columns(snap_compare: Compare) -> None:
    answers = load_answers_file(personas()["expat-couple"])

    async def open_basis(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        pilot.app.open_calculator("qdot-deferral")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+b")
        await steady(pilot)

    assert snap_compare(app_with(answers), terminal_size=SMALL, run_before=open_basis)


def test_qprt_screen_and_basis_in_the_light_theme(snap_compare: Compare) -> None:
    answers = load_answers_file(personas()["us-couple-valuable-home"])

    async def light_basis(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await steady(pilot)
        pilot.app.open_calculator("qprt")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+b")
        await steady(pilot)

    assert snap_compare(app_with(answers), terminal_size=SMALL, run_before=light_basis)
