"""Texts benchmark: what a report's wording and layout cost per answers file, and what the templates cost
a new process before its first report.

1. Per file, in one process: ``explain`` (every text of the screening rendered) and ``render_explained``
   (the Markdown and the HTML report), over clients screened beforehand (the personas with their amounts
   varied, as bench/interview.py makes them), after a warm-up. Process time, one figure per round.
2. Per process: seconds from the start of a fresh interpreter to its first Markdown report, with the
   templates as shipped (compiled to Python) and compiled from content/ at the first rendering as before,
   alternated. The package's bytecode is compiled first, as installing it does.

Min, median and max are printed for every figure. Run: .venv/bin/python bench/texts.py [--clients N] [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from interview import TODAY, clients

from advisor.advice import Advice, AdviceOptions, advise
from advisor.content import explain, render_explained

ROOT = Path(__file__).resolve().parents[1]

FIRST_REPORT = """
import time
start = time.perf_counter()
import datetime as dt, sys
sys.path.insert(0, "bench")
from interview import clients
import advisor.content
if {from_source}:
    advisor.content.environment = advisor.content.source_environment
from advisor.advice import advise
advice = advise(clients(1)[0], today=dt.date(2026, 11, 23))
assert advice.render("md").startswith("# Estate screening")
print(time.perf_counter() - start)
"""


def screened(count: int) -> list[Advice]:
    """``count`` distinct clients screened (their texts not yet rendered)."""
    out = []
    for number, answers in enumerate(clients(count)):
        answers["estate_total"] = str(int(str(answers["estate_total"])) + number)
        out.append(advise(json.loads(json.dumps(answers, default=str)), today=TODAY, options=AdviceOptions()))
    return out


def per_file(count: int, rounds: int) -> dict[str, list[float]]:
    """Milliseconds per file of each part, one figure per round; each round explains clients not seen before,
    as a batch does (a text rendered once per facts is not rendered again for a client seen before)."""
    advices = screened(count * (rounds + 1))
    for advice in advices[:count]:
        render_explained(explain(advice.screening, advice.session))
    gc.collect()
    gc.freeze()  # the clients held for the benchmark are not what a batch's collector walks
    times: dict[str, list[float]] = {"explain": [], "render md": [], "render html": []}
    for round_ in range(1, rounds + 1):
        clients = advices[round_ * count : (round_ + 1) * count]
        start = time.process_time()
        explained = [explain(advice.screening, advice.session) for advice in clients]
        times["explain"].append((time.process_time() - start) * 1000 / count)
        for fmt in ("md", "html"):
            start = time.process_time()
            for report in explained:
                render_explained(report, fmt)  # type: ignore[arg-type]
            times[f"render {fmt}"].append((time.process_time() - start) * 1000 / count)
    gc.unfreeze()
    return times


def first_report(runs: int) -> dict[str, list[float]]:
    """Seconds from a fresh interpreter to its first report, alternating shipped and source templates."""
    compileall.compile_dir(ROOT / "advisor", quiet=1)
    times: dict[str, list[float]] = {"compiled templates": [], "templates from content/": []}
    for _ in range(runs):
        for label, from_source in (("compiled templates", False), ("templates from content/", True)):
            code = FIRST_REPORT.format(from_source=from_source)
            out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
            times[label].append(float(out.stdout))
    return times


def show(title: str, times: dict[str, list[float]], unit: str) -> None:
    print(title)
    for label, values in times.items():
        print(
            f"  {label:24s} min {min(values):.3f}  median {statistics.median(values):.3f}  max {max(values):.3f} {unit}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    times = per_file(args.clients, args.rounds)
    times["explain + render md"] = [e + r for e, r in zip(times["explain"], times["render md"], strict=True)]
    show(f"per answers file ({args.clients} clients, {args.rounds} rounds)", times, "ms")
    show(f"start of a process to its first report ({args.runs} runs each, alternated)", first_report(args.runs), "s")


if __name__ == "__main__":
    main()
