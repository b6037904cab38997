"""Latency of the app where people wait, driven in-process through Textual's Pilot (headless).

1. Last answer -> recommendation cards on screen (target <= 100 ms), and the time until the screen
   shows that work is under way (the moving bar and "screening them…").
2. Review closed after a changed answer -> the updated recommendations on screen (target <= 100 ms).
3. HTML report export, from the command to the file written (target <= 300 ms).
4. Calculator open -> its figures on screen (target <= 100 ms), for each calculator, and the time until
   its form and "Computing…" are on screen (the figures come from a worker).

Each run starts a fresh app in this process, as the command starts it (``terminal_app``, which
keeps the garbage collector off what start-up loads); "cold" is the first run (modules and
templates not yet loaded, as for a person's first recommendation), "warm" the median of the later
runs. The clock stops when the screen has processed its messages and been laid out and rendered
once. The last answer is given once the app's warm-up is done (an example screening, run while a
person answers, which loads the screening and its templates): it is done long before anyone's last
answer, so for that figure "cold" means only the cards' own text not yet rendered.

Run: .venv/bin/python bench/app_latency.py (``--calculators``: only part 4)
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input, OptionList  # noqa: E402

from advisor.answers_file import load_answers_file, personas  # noqa: E402
from advisor.cli.app import terminal_app  # noqa: E402
from advisor.engine import Session  # noqa: E402
from advisor.recording import SessionRecorder  # noqa: E402
from advisor.store import SessionStore  # noqa: E402
from advisor.ui.app import AdvisorApp  # noqa: E402
from advisor.ui.calculator_screen import CalculatorScreen  # noqa: E402
from advisor.ui.cards import RecommendationCard  # noqa: E402
from advisor.ui.catalog import CALCULATORS  # noqa: E402

RUNS = 7
PERSONA = "qdot-and-qprt-couple"
"""Two recommendations (a QDOT with its deferral projection, and a QPRT): the slowest screening."""


async def rendered(pilot: Pilot[Any]) -> None:
    """Process what is pending and render one frame now, as the next refresh would."""
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


async def until(pilot: Pilot[Any], done: Callable[[], bool], timeout: float = 10.0, *, settle: bool = True) -> None:
    """Wait for ``done``, then render a frame; with ``settle``, once everything pending is processed (without,
    the frame shows the screen as it stands: a calculator's figures, before the fields it mounts after them)."""
    start = time.perf_counter()
    while not done():
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the screen did not get there")
        await asyncio.sleep(0.0005)
    if settle:
        await rendered(pilot)
    else:
        pilot.app.screen._on_timer_update()


def cards(app: AdvisorApp) -> int:
    return len(app.screen.query(RecommendationCard))


async def last_answer(answers: dict[str, object]) -> tuple[float, float]:
    """Seconds from the last answer to (the progress shown, the cards on screen)."""
    full = Session.from_answers(answers, defaults=True)
    last = full.path[-1]
    app = terminal_app(Session.from_answers({k: v for k, v in answers.items() if k != last}, defaults=True), None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the warm-up
        assert app.session.current is not None and app.session.current.id == last
        start = time.perf_counter()
        question = app.session.current
        if question.kind in {"choice", "yes_no"}:
            await app.screen.submit(full.answers[last])
        else:
            field = app.screen.query_one("#answer-input", Input)
            field.value = str(answers[last])
            await field.action_submit()
        await rendered(pilot)
        progress = time.perf_counter() - start
        await until(pilot, lambda: cards(app) > 0)
        return progress, time.perf_counter() - start


async def review_closed(answers: dict[str, object], esc: Literal["done", "soon", "at_once"] = "done") -> float:
    """Seconds from closing Review (with one answer changed) to the updated cards on screen.

    The answer is changed as a person changes it, in the edit dialog, and Review closed once the
    screening that change starts is done (a few milliseconds; a person takes longer to press Esc).
    ``soon``: Esc comes right after the edit is saved, the screening under way; ``at_once``: the answer
    is changed behind the dialog's back, so the screening starts only when Review closes (the path of
    an Esc pressed before the screening is done, at its slowest).

    Esc is sent as the terminal sends it, as the last answer is given above: ``Pilot.press`` returns
    only after the process has been idle for two 20 ms spells, which put 70-90 ms on this figure
    (an Esc that changes nothing measured 90 ms that way)."""
    app = terminal_app(Session.from_answers(answers, defaults=True), None)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: cards(app) > 0)
        before = [card.source for card in app.screen.query(RecommendationCard)]

        def updated() -> bool:
            """The cards show the new recommendations (replaced, or updated in place and no longer dimmed)."""
            shown = list(app.screen.query(RecommendationCard))
            return bool(shown) and not any(card.has_class("stale") or card.source in before for card in shown)

        await pilot.press("ctrl+r")
        await pilot.pause()
        review = app.screen
        if esc == "at_once":
            app.session.edit("estate_total", "30m")
        else:
            listed = app.screen.query_one("#answers", OptionList)
            listed.highlighted = [item.question_id for item in app.session.review()].index("estate_total")
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#answer-input", Input).value = "30m"
            app.post_message(events.Key("enter", "\r"))
            await until(pilot, lambda: app.screen is review, settle=False)
            if esc == "done":
                await app.workers.wait_for_complete()
                await pilot.pause()
        chat = app.chat
        start = time.perf_counter()
        app.post_message(events.Key("escape", None))  # as the terminal sends it
        await until(pilot, lambda: app.screen is chat and updated())
        return time.perf_counter() - start


async def html_export(answers: dict[str, object]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore.open(Path(folder))
        session = Session.from_answers(answers, defaults=True)
        app = terminal_app(session, SessionRecorder.start(store, session))
        reports = Path(folder) / "reports"
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: cards(app) > 0)
            start = time.perf_counter()
            app.export_report("html")
            await until(pilot, lambda: any(reports.glob("*.html")))
            elapsed = time.perf_counter() - start
        store.close()
        return elapsed


async def calculator_open(answers: dict[str, object], key: str, shown: list[float]) -> float:
    """Seconds from opening a calculator to the frame that shows its figures; ``shown`` gets the seconds to
    the first frame of its form (with the figures when they were quick, else "Computing…")."""
    app = terminal_app(Session.from_answers(answers, defaults=True), None)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: cards(app) > 0)  # opened from the palette once the results are shown
        start = time.perf_counter()
        app.open_calculator(key)
        await until(pilot, lambda: isinstance(app.screen, CalculatorScreen) and app.screen.is_mounted, settle=False)
        shown.append(time.perf_counter() - start)
        await until(pilot, lambda: isinstance(app.screen, CalculatorScreen) and app.screen.evaluation is not None,
                    settle=False)  # fmt: skip
        return time.perf_counter() - start


async def calculator_work(answers: dict[str, object], key: str) -> int:
    """Python function calls from opening a calculator to its figures on screen (cProfile): the work itself,
    which other load on the machine does not change, as it changes every time."""
    app = terminal_app(Session.from_answers(answers, defaults=True), None)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: cards(app) > 0)
        await pilot.pause()
        profile = cProfile.Profile()
        profile.enable()
        app.open_calculator(key)
        while not (isinstance(app.screen, CalculatorScreen) and app.screen.evaluation is not None):
            await asyncio.sleep(0.02)  # a coarse wait: a busy one would count its own calls
        await rendered(pilot)
        profile.disable()
        return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


async def series(measure: Callable[[], Awaitable[float]]) -> tuple[float, list[float]]:
    """The cold first run and the warm runs after it."""
    cold = await measure()
    warm = [await measure() for _ in range(RUNS - 1)]
    return cold, warm


def show(what: str, target_ms: float, cold: float, warm: list[float]) -> None:
    figures = [cold, *warm]
    print(
        f"{what}: cold {cold * 1000:.0f} ms, warm median {statistics.median(warm) * 1000:.0f} ms "
        f"(min {min(figures) * 1000:.0f}, max {max(figures) * 1000:.0f}; target <= {target_ms:.0f} ms)"
    )


async def main() -> None:
    answers = load_answers_file(personas()[PERSONA])
    progress: list[float] = []

    async def answer() -> float:
        shown, total = await last_answer(answers)
        progress.append(shown)
        return total

    show(f"last answer -> recommendations ({PERSONA})", 100, *await series(answer))
    print(f"  ... progress on screen after {statistics.median(progress) * 1000:.1f} ms (median)")
    show("review closed -> updated recommendations", 100, *await series(lambda: review_closed(answers)))
    show("  ... Esc right after the edit", 100, *await series(lambda: review_closed(answers, "soon")))
    show("  ... the screening started by Esc", 100, *await series(lambda: review_closed(answers, "at_once")))
    show("HTML report export", 300, *await series(lambda: html_export(answers)))
    await calculators(answers)


async def calculators(answers: dict[str, object]) -> None:
    for key in CALCULATORS:
        shown: list[float] = []
        opened = await series(lambda key=key, shown=shown: calculator_open(answers, key, shown))
        show(f"calculator open: {key}", 100, *opened)
        print(
            f"  ... form on screen after {statistics.median(shown) * 1000:.0f} ms (median; min "
            f"{min(shown) * 1000:.0f}, max {max(shown) * 1000:.0f})"
        )
        await calculator_work(answers, key)  # warm
        work = [await calculator_work(answers, key) for _ in range(3)]
        print(
            f"  ... work: {statistics.median(work) / 1000:.0f}k function calls (min {min(work) / 1000:.0f}k, "
            f"max {max(work) / 1000:.0f}k)"
        )


if __name__ == "__main__":
    asyncio.run(calculators(load_answers_file(personas()[PERSONA])) if "--calculators" in sys.argv else main())
