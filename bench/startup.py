"""Start-up and answer latency of the TUI.

1. Time from process start to the first question on screen, for the app and, side by side in the
   same run (alternated), for a bare Textual app that shows one line (target ratio <= 1.3). Each
   process runs in a pseudo-terminal, as in a real terminal, and the clock stops when the text is on
   the screen. The package's bytecode is compiled first, as installing it does (this checkout's
   environment sets PYTHONDONTWRITEBYTECODE, which would otherwise compile the app's modules on
   every start while Textual's own come precompiled).
2. Time from submitting an answer to the next question rendered (target <= 16 ms median), for the
   interview as shipped and for a synthetic interview with four times as many questions (each
   question followed by three copies of itself), driven in-process through Textual's Pilot: the
   clock runs from the chat screen receiving the answer (its ``submit``) until the engine has moved
   on, the answer and the next question are mounted, and the screen has been laid out and rendered
   once (no idle-waiting or frame-rate sleeps counted). The last answer, which leads to the
   recommendation, is not counted.

Min, median and max are printed for every figure. Run: .venv/bin/python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import pty
import select
import statistics
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.engine.spec import Flow

ROOT = Path(__file__).resolve().parents[1]
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


def startup(runs: int) -> tuple[list[float], list[float]]:
    """Seconds to the first question, and to a bare Textual app's line, alternating runs."""
    compileall.compile_dir(ROOT / "advisor", quiet=1)
    app, bare = [], []
    for _ in range(runs):
        bare.append(time_to_text([sys.executable, "-c", BARE_APP], b"bare textual app ready"))
        app.append(time_to_text(APP, FIRST_QUESTION))
    return app, bare


TYPED = {
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
"""Answers to the typed questions (the picked ones take the first option), by question id."""
COPY = "_copy"


def widened_flow(copies: int) -> Flow:
    """The shipped interview with each question followed by ``copies - 1`` copies of itself: the same
    routes, ``copies`` times as many questions on each."""
    from advisor.engine.spec import Flow
    from advisor.resources import compiled_interview

    compiled = compiled_interview()
    flow = compiled["flow"]
    states, transitions = [], []
    for state in flow["states"]:
        if state.get("final"):
            states.append(state)
            continue
        names = [state["name"], *(f"{state['name']}{COPY}{n}" for n in range(2, copies + 1))]
        states += [{**state, "name": name} for name in names]
        transitions += [{"source": a, "dest": b} for a, b in pairwise(names)]
        transitions += [{**t, "source": names[-1]} for t in flow["transitions"] if t["source"] == state["name"]]
    return Flow({**compiled, "flow": {**flow, "states": states, "transitions": transitions}})


async def answer_latencies(flow: Flow | None, count: int) -> list[float]:
    """Seconds from the chat receiving an answer to the next question laid out and rendered, over whole
    interviews (the last answer, which leads to the recommendation, is not counted)."""
    from textual.widgets import Input, OptionList

    from advisor.cli.app import terminal_app
    from advisor.engine import Session
    from advisor.ui.chat import ChatScreen

    times: list[float] = []
    submit = ChatScreen.submit

    async def timed_submit(screen: ChatScreen, raw: object) -> None:
        start = time.perf_counter()
        await submit(screen, raw)
        screen._on_timer_update()  # lay out and render now, as the next frame would
        if screen.session.current is not None:
            times.append(time.perf_counter() - start)

    ChatScreen.submit = timed_submit  # type: ignore[method-assign]
    try:
        while len(times) < count:
            app = terminal_app(Session(flow), None)  # as the command starts it
            async with app.run_test(size=(100, 32)) as pilot:
                await pilot.pause()
                while (question := app.session.current) is not None:
                    before = len(app.screen.query_one("#transcript").children)
                    if question.kind in {"choice", "yes_no"}:
                        app.screen.query_one("#options", OptionList).action_select()
                    else:
                        field = app.screen.query_one("#answer-input", Input)
                        field.value = TYPED[question.id.split(COPY)[0]]
                        await field.action_submit()
                    await pilot.pause()
                    shown = len(app.screen.query_one("#transcript").children) > before
                    assert shown, f"nothing shown after {question.id}"
    finally:
        ChatScreen.submit = submit  # type: ignore[method-assign]
    return times


def spread(values: list[float], unit: float = 1000) -> str:
    """min / median / max, in ms."""
    return f"{min(values) * unit:.1f} / {statistics.median(values) * unit:.1f} / {max(values) * unit:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="start-ups of each app (alternated)")
    args = parser.parse_args()
    app, bare = startup(args.runs)
    ratios = sorted(a / b for a, b in zip(app, bare, strict=True))
    print(
        f"Start-up to the first question, ms (min / median / max of {args.runs}): app {spread(app)}, "
        f"bare Textual app {spread(bare)}; ratio of medians {statistics.median(app) / statistics.median(bare):.2f}, "
        f"of each alternated pair {ratios[0]:.2f} / {statistics.median(ratios):.2f} / {ratios[-1]:.2f} "
        "(target <= 1.3)"
    )
    import asyncio

    from advisor.engine import load_flow

    for label, flow in (("the interview", None), ("four times the questions", widened_flow(4))):
        questions = len((flow or load_flow()).questions)
        latencies = asyncio.run(answer_latencies(flow, 40 if flow is None else 120))
        p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
        print(
            f"Answer to next question rendered, {label} ({questions} questions), ms (min / median / max of "
            f"{len(latencies)}): {spread(latencies)}, p95 {p95:.1f} (target <= 16 median)"
        )


if __name__ == "__main__":
    main()
