"""Interview benchmark: answers files -> routed Markdown reports per second through the batch job
(:func:`advisor.batch.screen_answers`, no file I/O: the ceiling of ``estate-advisor batch``), and the
median engine time per answer.

Clients are the bundled personas with their amounts varied, so each one is a distinct person (no
result is reused from an earlier client). Reports are produced on one core and then on every core.

Run: .venv/bin/python bench/interview.py [--clients N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import statistics
import time
from decimal import Decimal

import yaml

from advisor.advice import AdviceOptions
from advisor.batch import Job, screen_answers
from advisor.engine import Session
from advisor.resources import data_dir

TODAY = dt.date(2026, 11, 23)
AMOUNTS = ("estate_total", "estate_us_situs", "spouse_estate_total", "spouse_estate_us_situs", "residence_value")


def clients(count: int) -> list[dict[str, object]]:
    """``count`` answers files: the personas with their amounts scaled by 0.80 to 1.20."""
    folder = data_dir("content") / "personas"
    personas = [yaml.safe_load(path.read_text()) for path in sorted(folder.glob("*.yaml")) if path.stem != "routes"]
    out = []
    for number in range(count):
        answers = dict(personas[number % len(personas)])
        scale = Decimal("0.80") + Decimal(number % 401) / 1000
        for key in AMOUNTS:
            if key in answers:
                amount = Decimal(str(answers[key]).replace("m", "e6").replace("k", "e3"))
                answers[key] = str((amount * scale).quantize(Decimal(1)))
        out.append(answers)
    return out


def report(answers: dict[str, object], projections: bool = True) -> int:
    data = json.dumps(answers, default=str).encode()
    result = screen_answers(Job("client.json", data, ".json", "client", TODAY, AdviceOptions(projections), "md"))
    assert result.report is not None, result.error
    return len(result.report)


def reports(batch: list[dict[str, object]], projections: bool = True) -> int:
    return sum(report(answers, projections) for answers in batch)


def per_second(batch: list[dict[str, object]], processes: int, projections: bool) -> float:
    start = time.perf_counter()
    if processes == 1:
        reports(batch, projections)
    else:
        chunks = [(batch[i::processes], projections) for i in range(processes)]
        with multiprocessing.get_context("fork").Pool(processes, initializer=report, initargs=(batch[0],)) as pool:
            start = time.perf_counter()
            pool.starmap(reports, chunks)
    return len(batch) / (time.perf_counter() - start)


def median_answer_seconds(batch: list[dict[str, object]]) -> float:
    """Median time of one Session.answer() call, over every answer of the batch typed one by one."""
    times = []
    for answers in batch:
        session = Session(today=TODAY)
        while (question := session.current) is not None:
            key = next((key for key in question.keys if key in answers), None)
            raw = answers[key] if key is not None else question.default
            start = time.perf_counter()
            session.answer(raw)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4000)
    args = parser.parse_args()
    batch = clients(args.clients)
    reports(batch[:50], projections=False)  # warm the caches a running batch job has: flow, templates, parameters
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"clients: {len(batch)} (personas with varied amounts), report format: Markdown")
    for projections, label in ((False, "screening reports (no two-death comparison, --no-projection)"),
                               (True, "full reports (with the two-death comparison of a QDOT's routes)")):  # fmt: skip
        one = per_second(batch, 1, projections)
        many = per_second(batch, cores, projections)
        print(f"{label}: 1 process {one:,.0f}/s ({1000 / one:.2f} ms each), {cores} processes {many:,.0f}/s")
    answer = median_answer_seconds(batch[:500])
    print(f"median engine time per answer (Session.answer): {answer * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
