"""Batch and session benchmarks.

1. Answers files screened into Markdown reports per second by ``estate-advisor batch``, run as its own
   process as a user runs it (target >= 1,000/s on this machine's cores, full reports), at several
   batch sizes: the cost per file should not grow with the batch (the curve), and the parent
   process's peak memory should stay flat (target <= 200 MB at 100,000 files). Each size is run
   ``--repeat`` times; min, median and max are printed. The package's bytecode is compiled first, as
   installing it does (this checkout's environment sets PYTHONDONTWRITEBYTECODE, which would otherwise
   compile every module of the package at each run's start). Each run writes its reports into a folder
   of its own, and nothing is deleted until the last run is done (where the disk has room): on this
   machine's file system, files made just after thousands were deleted cost up to a fifth more CPU for
   about half a minute (the kernel's ext4 ``recently_deleted`` in a profile), which would charge one
   run's cleanup to the next.
2. The median time to save one accepted answer (target <= 5 ms, commit included: the same
   one-transaction write the app makes, with SQLite's synchronous=FULL).

Run: .venv/bin/python bench/batch.py [--dir DIR] [--sizes 1000,10000,100000] [--repeat 3] [--no-projection]
(DIR: a directory on the disk to measure; default a temp dir)
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from interview import clients

from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore

ROOT = Path(__file__).resolve().parents[1]
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


def write_clients(folder: Path, count: int) -> None:
    """``count`` distinct answers files, as JSON: the personas with their amounts varied, and each estate
    ``number`` dollars larger, so that no two files are the same person however many there are (no result
    can be reused from an earlier file)."""
    folder.mkdir(parents=True)
    for number, answers in enumerate(clients(count)):
        answers["estate_total"] = str(int(str(answers["estate_total"])) + number)
        (folder / f"client-{number:06d}.json").write_text(json.dumps(answers, default=str), encoding="utf-8")


def peak_rss_mb(pid: int, stop: threading.Event, peaks: list[float]) -> None:
    """Poll one process's resident memory (not its workers') until ``stop``; append the peak in MB."""
    peak = 0
    while not stop.wait(0.05):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            break
        line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), None)
        if line is not None:
            peak = max(peak, int(line.split()[1]))
    peaks.append(peak / 1024)


@dataclass(frozen=True)
class Run:
    """One ``estate-advisor batch`` process: its wall time, the CPU time it and its workers used, its parent's
    peak memory and its closing line (how many files were screened and failed)."""

    seconds: float
    cpu: float
    peak_mb: float
    said: str


def cpu_of_children() -> float:
    """User + system seconds of every finished child process (and theirs: the batch's workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(inputs: Path, out: Path, extra: list[str]) -> Run:
    """One ``estate-advisor batch`` process over ``inputs`` into the new folder ``out``, as a user runs it."""
    argv = [sys.executable, "-m", "advisor", "batch", str(inputs), "--out", str(out), *extra]
    cpu = cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stop, peaks = threading.Event(), list[float]()
    watcher = threading.Thread(target=peak_rss_mb, args=(proc.pid, stop, peaks))
    watcher.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    watcher.join()
    assert proc.returncode in (0, 2), f"the batch itself failed: {err[-500:]}"
    said = err.strip().splitlines()[-1].removeprefix("estate-advisor: ").split(";")[0]
    return Run(elapsed, cpu_of_children() - cpu, peaks[0], said)


BYTES_PER_FILE = 20_000
"""Disk a file takes, its answers and one run's report (a report is 5-10 KB, in 4 KB blocks), with room to spare."""


def keeps_every_run(directory: Path, sizes: list[int], repeat: int) -> bool:
    """Whether the disk holds every run's reports until the end (else each run's are deleted after it)."""
    needed = sum(sizes) * (repeat + 1) * BYTES_PER_FILE
    return shutil.disk_usage(directory).free > 2 * needed


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes): what else was running while this measured."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def batch_curve(directory: Path, sizes: list[int], repeat: int, projections: bool) -> Iterator[str]:
    """Files per second and the parent's peak memory at each batch size, then the curve of cost per file."""
    label = "full reports" if projections else "without the two-death comparison, --no-projection"
    extra = [] if projections else ["--no-projection"]
    cores = len(os.sched_getaffinity(0))
    yield f"Batch, answers files to Markdown reports through `estate-advisor batch` ({label}, {cores} cores):"
    keep = keeps_every_run(directory, sizes, repeat)
    if not keep:
        yield "  (too little disk to keep every run's reports: each run's go after it, and the next run pays for that)"
    curve = []
    with tempfile.TemporaryDirectory(dir=directory) as work:
        for size in sizes:
            inputs = Path(work) / f"in-{size}"
            write_clients(inputs, size)
            before = load()
            runs = []
            for run in range(repeat):
                out = Path(work) / f"out-{size}-{run}"
                runs.append(run_batch(inputs, out, extra))
                if not keep:
                    shutil.rmtree(out)
            rates = sorted(size / run.seconds for run in runs)
            per_file = statistics.median(1e6 * run.seconds / size for run in runs)
            cpu = statistics.median(1e6 * run.cpu / size for run in runs)
            curve.append((per_file, cpu))
            memory = max(run.peak_mb for run in runs)
            yield (
                f"  {size:>7,} files: {rates[0]:,.0f} / {statistics.median(rates):,.0f} / {rates[-1]:,.0f} files/s "
                f"(min / median / max of {repeat}); {per_file:,.0f} µs per file; parent peak memory {memory:,.0f} MB; "
                f"{runs[-1].said}; CPU {cpu:,.0f} µs per file, all processes (at most {cores * 1e6 / cpu:,.0f} files/s "
                f"on {cores} free cores); load {before} before, {load()} after"
            )
    walls, cpus = [wall for wall, _ in curve], [cpu for _, cpu in curve]
    yield (
        f"  cost per file by batch size: {' -> '.join(f'{cost:,.0f}' for cost in walls)} µs of wall time "
        f"(largest / smallest {walls[-1] / walls[0]:.2f}x), {' -> '.join(f'{cost:,.0f}' for cost in cpus)} µs of CPU "
        f"({cpus[-1] / cpus[0]:.2f}x)"
    )
    yield "  (targets: >= 1,000 files/s; the same cost per file at every size; parent <= 200 MB at 100,000)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()), help="where the files are made")
    parser.add_argument("--sizes", default="1000,10000,100000", help="batch sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size")
    parser.add_argument("--no-projection", action="store_true", help="screen without the deferral projection")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    compileall.compile_dir(ROOT / "advisor", quiet=1)
    for line in batch_curve(args.dir, sizes, args.repeat, not args.no_projection):
        print(line, flush=True)
    print(answer_save(args.dir))


if __name__ == "__main__":
    main()
