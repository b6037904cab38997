"""``estate-advisor batch``: screen many answers files, one report each plus a summary table.

A bad file is reported by name with its error and the run carries on; the exit status says
whether any file failed (2) or none did (0). Files are screened in parallel on every core.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.advice import AdviceOptions, advise, today
from advisor.calculators.money import InputError
from advisor.calculators.parameters import MissingParameterError

Format = Literal["md", "html", "json"]
ANSWERS_SUFFIXES = (".json", ".yaml", ".yml")
KEY_FIGURES = (
    "tax_without_qdot",
    "projected_tax_without_qdot",
    "gift",
    "expected_net_value",
    "federal_tax_now",
    "state_estate_tax",
)
"""The figures the summary table shows for each file, where its recommendations have them."""
PARALLEL_FROM = 64
"""Below this many files one process is quicker than starting workers."""


class Outcome(BaseModel):
    """What became of one answers file."""

    model_config = ConfigDict(frozen=True)

    source: str
    report: str | None = None
    route: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    error: str | None = None


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Screen many answers files: one report each, a summary table, and the files that failed."
    parser.add_argument("inputs", nargs="+", type=Path, metavar="DIR_OR_FILE", help="answers files or folders of them")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the reports and summary")
    parser.add_argument("--format", choices=("md", "html", "json"), default="md", help="report format (default md)")
    parser.add_argument(
        "--no-projection", action="store_true", help="leave out the QDOT deferral projection (much faster)"
    )
    parser.set_defaults(handler=run)


def answers_files(inputs: Iterable[Path]) -> list[Path]:
    """Every answers file named or found (recursively) in a named folder, in a stable order."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in ANSWERS_SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files


Job = tuple[Path, Path, Format, dt.date, AdviceOptions]
"""One file to screen: source, report path, format, the run's screening day and options."""


def screen_file(source: Path, target: Path, fmt: Format, day: dt.date, options: AdviceOptions) -> Outcome:
    """Screen one file and write its report; every problem becomes the outcome's error."""
    try:
        advice = advise(source, today=day, options=options)
        report = advice.explained
        target.write_text(advice.render(fmt, client=source.stem), encoding="utf-8")
    except (InputError, MissingParameterError) as error:
        return Outcome(source=str(source), error=str(error))
    except OSError as error:
        return Outcome(source=str(source), error=f"{target}: cannot write the report ({error.strerror})")
    figures = tuple(
        f"{figure['label']}: {figure['display']}"
        for recommendation in report["recommendations"]
        for figure in recommendation["figures"]
        if figure["name"] in KEY_FIGURES
    )
    return Outcome(
        source=str(source),
        report=target.name,
        route=tuple(r["kind"] for r in report["recommendations"]),
        figures=figures,
    )


def _screen_job(job: Job) -> Outcome:
    return screen_file(*job)


def report_names(files: Sequence[Path], fmt: Format) -> list[str]:
    """One report name per file, from its name, made unique when two files share one."""
    names: list[str] = []
    seen: set[str] = set()
    for path in files:
        base, number = path.stem, 1
        name = f"{base}.{fmt}"
        while name in seen:
            number += 1
            name = f"{base}-{number}.{fmt}"
        seen.add(name)
        names.append(name)
    return names


def summary_csv(outcomes: Sequence[Outcome]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["file", "client", "route", "key figures", "report", "error"])
    for o in outcomes:
        client = Path(o.source).stem
        writer.writerow([o.source, client, " + ".join(o.route), "; ".join(o.figures), o.report or "", o.error or ""])
    return buffer.getvalue()


def summary_markdown(outcomes: Sequence[Outcome]) -> str:
    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = ["| file | client | route | key figures | report |", "|---|---|---|---|---|"]
    for o in outcomes:
        route = " + ".join(o.route) if o.error is None else f"**failed**: {o.error}"
        lines.append(
            f"| {cell(o.source)} | {cell(Path(o.source).stem)} | {cell(route)} | {cell('; '.join(o.figures))} "
            f"| {cell(o.report or '')} |"
        )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    files = answers_files(args.inputs)
    if not files:
        raise InputError(f"no answers files ({', '.join(ANSWERS_SUFFIXES)}) in {', '.join(map(str, args.inputs))}")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"--out {args.out}: cannot create the folder ({error.strerror})") from None
    day, options = today(), AdviceOptions(projections=not args.no_projection)
    jobs: list[Job] = [
        (source, args.out / name, args.format, day, options)
        for source, name in zip(files, report_names(files, args.format), strict=True)
    ]
    outcomes = _run_jobs(jobs)
    (args.out / "summary.csv").write_text(summary_csv(outcomes), encoding="utf-8")
    (args.out / "summary.md").write_text(summary_markdown(outcomes), encoding="utf-8")
    failed = [o for o in outcomes if o.error is not None]
    for outcome in failed:
        print(f"estate-advisor: {outcome.error}", file=sys.stderr)
    print(
        f"{len(outcomes) - len(failed)} screened, {len(failed)} failed; reports and summary.md / summary.csv "
        f"in {args.out}",
        file=sys.stderr,
    )
    return 2 if failed else 0


def _run_jobs(jobs: Sequence[Job]) -> list[Outcome]:
    """Screen every job, on every core for a large batch, with a progress bar on a terminal."""
    from rich.progress import Progress

    workers = os.cpu_count() or 1
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("screening", total=len(jobs))
        if len(jobs) < PARALLEL_FROM or workers == 1:
            outcomes = []
            for job in jobs:
                outcomes.append(_screen_job(job))
                progress.advance(task)
            return outcomes
        # The first file is screened here, so the forked workers start with the flow, the parameters
        # and the compiled templates already loaded instead of each loading them again.
        outcomes = [_screen_job(jobs[0])]
        progress.advance(task)
        rest = jobs[1:]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for outcome in pool.map(_screen_job, rest, chunksize=max(1, len(rest) // (workers * 8))):
                outcomes.append(outcome)
                progress.advance(task)
            return outcomes
