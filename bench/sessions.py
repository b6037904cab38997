"""Sessions benchmark: 10,000 saved sessions, and how long people wait on them.

Figures (median and min–max of repeated runs; targets from the performance issue):
- open the store: the checks at open (header, write-ahead log, quick_check on a read-only connection);
- resume the latest session (target ≤ 5 ms): the latest record, its answers, the interview rebuilt;
- the sessions screen open (target ≤ 200 ms): the screen mounted in the app (headless) with its table filled;
- a filter keystroke (target ≤ 50 ms): the table refilled for one more character in the filter;
- the store calls behind them, and listing every session at once (what the screen did before paging).

Run: .venv/bin/python bench/sessions.py [--sessions N] [--repeat R]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input

from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore
from advisor.ui.app import AdvisorApp
from advisor.ui.sessions import SHOWN, SessionsScreen

ANSWERS: dict[str, object] = {
    "citizenship": "us", "domicile": "us", "state": "NY", "age": 64, "married": True, "spouse_citizenship": "non_us",
    "spouse_domicile": "us", "spouse_plans_to_naturalize": False, "spouse_age": 60, "estate_total": "20m",
}  # fmt: skip
FIRST = ["Ana", "Bo", "Chen", "Dara", "Eli", "Femi", "Gil", "Hana", "Ivo", "Jun", "Kai", "Lena", "Mira", "Noor"]
TYPED = "lima 1"
"""What the filter benchmark types, one character at a time."""
LAST = ["Lima", "Chen", "Garcia", "Smith", "Okafor", "Novak", "Silva", "Tanaka", "Rossi", "Kim", "Haddad"]


def fill(folder: Path, count: int) -> None:
    """``count`` sessions of ten answers and twenty transcript lines each, in one transaction."""
    store = SessionStore.open(folder)
    with store.transaction():
        for number in range(count):
            name = f"{FIRST[number % len(FIRST)]} {LAST[number // len(FIRST) % len(LAST)]} {number}"
            record = store.import_answers(ANSWERS, flow_version="2026.11-1", client_name=name)
            for line in range(20):
                store.append_transcript(record.id, "advisor" if line % 2 else "person", f"line {line} of {name}")
    store.close()


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


async def screen_times(folder: Path, repeat: int) -> tuple[list[float], list[float]]:
    """(open, keystroke) times in ms in the real app, headless. Timed around the app's own work (mounting the
    screen with its table filled; the filter's refill for one more character), not Pilot's key delivery,
    which alone takes 80-200 ms per key on a loaded 2-core machine."""
    store = SessionStore.open(folder)
    app = AdvisorApp(Session(), SessionRecorder(store))
    opened, typed = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(repeat):
            start = time.perf_counter()
            await app.push_screen(SessionsScreen(store, None))
            assert app.screen.query_one(DataTable).row_count == SHOWN
            opened.append((time.perf_counter() - start) * 1000)
            screen = app.screen
            assert isinstance(screen, SessionsScreen)
            box = screen.query_one(Input)
            for end in range(1, len(TYPED) + 1):
                with box.prevent(Input.Changed):
                    box.value = TYPED[:end]
                start = time.perf_counter()
                screen.refresh_sessions()
                typed.append((time.perf_counter() - start) * 1000)
            await app.pop_screen()
            await pilot.pause()
    store.close()
    return opened, typed


def line(label: str, times: list[float], target: str = "") -> None:
    spread = f"{min(times):8.2f} – {max(times):8.2f}"
    print(f"{label:<48} {statistics.median(times):8.2f} ms  ({spread})  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        start = time.perf_counter()
        fill(folder, args.sessions)
        size = (folder / "sessions.sqlite3").stat().st_size / 2**20
        print(f"{args.sessions:,} sessions ({size:.1f} MB) written in {time.perf_counter() - start:.1f} s\n")
        print(f"{'':<48} {'median':>11}  {'(min – max)':>23}  target")
        line("open the store (all checks)", timed(lambda: SessionStore.open(folder).close(), args.repeat))
        store = SessionStore.open(folder)
        resume = timed(lambda: SessionRecorder.resume(store, None), args.repeat)
        line("resume the latest (record, answers, interview)", resume, "≤ 5 ms")
        line("  store: latest() + answers()", timed(lambda: store.answers(store.latest().id), args.repeat))  # type: ignore[union-attr]
        page = timed(lambda: (store.list(limit=SHOWN), store.count()), args.repeat)
        line(f"  store: list(limit={SHOWN}) + count()", page)
        line(f"  store: list(client={TYPED!r}, limit)", timed(lambda: store.list(TYPED, limit=SHOWN), args.repeat))
        line("  store: list() of every session (before paging)", timed(store.list, max(3, args.repeat // 3)))
        store.close()
        opened, typed = asyncio.run(screen_times(folder, max(3, args.repeat // 3)))
        line("sessions screen open (mounted, table filled)", opened, "≤ 200 ms")
        line("filter keystroke (table refilled)", typed, "≤ 50 ms")


if __name__ == "__main__":
    main()
