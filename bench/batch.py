"""Batch and session benchmarks: prints answers files screened into Markdown reports per second by
``estate-advisor batch`` (target >= 1,000/s on this machine's 2 cores; with and without the QDOT
deferral projection) and the median time to save one accepted answer (target <= 5 ms, commit
included: the same one-transaction write the app makes, with SQLite's synchronous=FULL).

Each figure is a function returning its line; FIGURES lists them in the order they are printed.

Run: .venv/bin/python bench/batch.py [--dir DIR]   (DIR: a directory on the disk to measure; default a temp dir)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore

ANSWERS_SAVED = 1_000
BASE = ["us", "us", "NY", "64"]
"""An interview up to the age question, whose answer is then changed and saved again and again."""


def answer_save(directory: Path) -> str:
    """Median and 95th percentile of SessionRecorder.answered over 1,000 answers into a fresh store."""
    with tempfile.TemporaryDirectory(dir=directory) as data_dir:
        store = SessionStore.open(Path(data_dir))
        session, recorder = Session(), SessionRecorder(store, client_name="Benchmark")
        for raw in BASE:
            question = session.current
            assert question is not None and session.answer(raw).accepted
            recorder.answered(session, question)
        age = session.flow.questions["age"]
        times = []
        for k in range(ANSWERS_SAVED):
            assert session.edit("age", 20 + k % 80).accepted
            start = time.perf_counter()
            recorder.answered(session, age)
            times.append(time.perf_counter() - start)
        store.close()
    median = statistics.median(times) * 1000
    p95 = statistics.quantiles(times, n=20)[-1] * 1000
    return (
        f"Save one answer ({ANSWERS_SAVED:,} saves, commit included): median {median:.2f} ms, "
        f"p95 {p95:.2f} ms (target <= 5 ms)"
    )


BATCH_FILES = 4_000


def batch_reports(directory: Path) -> str:
    """Reports per second of the batch command over distinct clients (the personas, amounts varied)."""
    import contextlib
    import io
    import json

    from interview import clients

    from advisor.cli import main as cli

    lines = []
    with tempfile.TemporaryDirectory(dir=directory) as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        for number, answers in enumerate(clients(BATCH_FILES)):
            (inputs / f"client-{number:05d}.json").write_text(json.dumps(answers, default=str), encoding="utf-8")
        for label, extra in (("without the deferral projection", ["--no-projection"]), ("full reports", [])):
            start = time.perf_counter()
            with contextlib.redirect_stderr(io.StringIO()):
                code = cli(["batch", str(inputs), "--out", str(Path(folder) / "out"), *extra])
            elapsed = time.perf_counter() - start
            assert code == 0, "every generated client must screen"
            lines.append(f"{BATCH_FILES / elapsed:,.0f} reports/s {label}")
    return f"Batch, {BATCH_FILES:,} answers files to Markdown reports: " + "; ".join(lines) + " (target >= 1,000/s)"


FIGURES: list[Callable[[Path], str]] = [batch_reports, answer_save]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()), help="where the test store is made")
    args = parser.parse_args()
    for figure in FIGURES:
        print(figure(args.dir))


if __name__ == "__main__":
    main()
