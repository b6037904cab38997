"""Start-up and answer latency of the TUI.

1. Time from process start to the first question on screen, for the app and, side by side in the
   same run, for a bare Textual app that shows one line (target ratio <= 1.3). Each process runs
   in a pseudo-terminal, as in a real terminal, and the clock stops when the text is on the screen.
2. Median time from submitting an answer to the next question rendered (target <= 16 ms), driven
   in-process through Textual's Pilot: the clock runs from the submit until every widget of the
   screen has processed its pending messages and the screen has been laid out and rendered once
   (no idle-waiting or frame-rate sleeps are counted).

Run: .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import os
import pty
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")
Bare().run()
"""


def time_to_text(argv: list[str], marker: bytes, timeout: float = 30.0) -> float:
    """Seconds from spawning the process in a 120x40 pseudo-terminal until ``marker`` appears on it."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = {**os.environ, "COLUMNS": "120", "LINES": "40", "TERM": "xterm-256color"}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True)
    os.close(slave)
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s; last output: {seen[-300:]!r}")
    finally:
        proc.kill()
        proc.wait()
        os.close(master)


FIRST_QUESTION = b"Are you a citizen of the United States?"
APP = [sys.executable, "-m", "advisor", "--no-save"]


def startup() -> tuple[float, float]:
    """Median seconds to the first question, and to a bare Textual app's line, alternating runs."""
    app, bare = [], []
    for _ in range(RUNS):
        bare.append(time_to_text([sys.executable, "-c", BARE_APP], b"bare textual app ready"))
        app.append(time_to_text(APP, FIRST_QUESTION))
    return statistics.median(app), statistics.median(bare)


async def answer_latencies(count: int = 40) -> list[float]:
    """Seconds from submitting an answer to the next question on screen, over a whole interview."""
    from textual.widgets import Input, OptionList

    from advisor.engine import Session
    from advisor.ui.app import AdvisorApp

    times: list[float] = []
    while len(times) < count:
        app = AdvisorApp(Session())
        answers = {
            "age": "64",
            "state": "NY",
            "estate_total": "20m",
            "estate_us_situs": "1m",
            "spouse_estate_total": "1m",
            "spouse_estate_us_situs": "0",
            "prior_taxable_gifts": "0",
            "estate_growth": "3",
            "foreign_real_estate": "0",
            "retirement_accounts": "0",
            "spouse_age": "60",
            "residence_value": "3m",
            "residence_mortgage": "0",
            "residence_basis": "1m",
        }
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            while (question := app.session.current) is not None:
                before = len(app.screen.query_one("#transcript").children)
                start = time.perf_counter()
                if question.kind in {"choice", "yes_no"}:
                    app.screen.query_one("#options", OptionList).action_select()
                else:
                    field = app.screen.query_one("#answer-input", Input)
                    field.value = answers[question.id]
                    await field.action_submit()
                await pilot._wait_for_screen()
                app.screen._on_timer_update()  # lay out and render now, as the next frame would
                elapsed = time.perf_counter() - start
                await pilot.pause()
                shown = len(app.screen.query_one("#transcript").children) > before
                times.append(elapsed)
                assert shown, f"no new message after answering {question.id}"
    return times


def main() -> None:
    app, bare = startup()
    print(
        f"start-up to first question: app {app * 1000:.0f} ms, bare Textual app {bare * 1000:.0f} ms, "
        f"ratio {app / bare:.2f} (target <= 1.3), median of {RUNS} runs each"
    )
    import asyncio

    latencies = asyncio.run(answer_latencies())
    print(
        f"answer to next question rendered: median {statistics.median(latencies) * 1000:.1f} ms "
        f"over {len(latencies)} answers (target <= 16 ms)"
    )


if __name__ == "__main__":
    main()
