"""``estate-advisor batch``: screen many answers files, one report each plus a summary table.

A bad file is reported by name with its error and the run carries on; files that are not answers
files are skipped with the reason; the summary is always written. The exit status says whether any
file failed (2) or none did (0). Files are screened on every core by :func:`advisor.batch.screen_answers`,
a pure function of each file; results stream back, so the run's memory does not grow with the number
of files.

Nothing is written over an input or an existing file without ``--force`` (never over an input), through
a symbolic link, or outside ``--out``; nothing is read through a link that leaves the input folder.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import stat
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from advisor.advice import AdviceOptions
from advisor.answers_file import MAX_BYTES
from advisor.batch import Format, Job, Result, screen_answers
from advisor.calculators.money import InputError
from advisor.cli.batch_summary import Row, Summary
from advisor.day import today
from advisor.files import FileWriteError, is_within, output_folder, output_stream, write_output

ANSWERS_SUFFIXES = (".json", ".yaml", ".yml")
SUMMARIES = ("summary.md", "summary.csv")
CHUNK = 32
"""Files per task sent to a worker: enough to make the hand-over cheap, few enough to keep all busy."""
IN_FLIGHT = 4
"""Tasks waiting per worker: keeps the workers fed while holding only a few files' bytes in memory."""
PARALLEL_FROM = 2 * CHUNK
"""Below this many files one process is quicker than starting workers."""


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Screen many answers files: one report each, a summary table, and the files that failed."
    parser.add_argument("inputs", nargs="+", type=Path, metavar="DIR_OR_FILE", help="answers files or folders of them")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the reports and summary")
    parser.add_argument("--format", choices=("md", "html", "json"), default="md", help="report format (default md)")
    parser.add_argument(
        "--no-projection", action="store_true", help="leave out the QDOT deferral projection (much faster)"
    )
    parser.add_argument("--force", action="store_true", help="replace reports and a summary already in --out")
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="processes that screen files (default: one per core this process may use)"
    )
    parser.set_defaults(handler=run)


# --- finding the files -------------------------------------------------------------------------


def find_files(inputs: Iterable[Path], out: Path) -> Iterator[tuple[Path, str | None]]:
    """Every file named or found (recursively, in a stable order) in a named folder, with the reason it is
    skipped (None for an answers file to screen). Links are followed only within their input folder, and
    the output folder is never read as input."""
    for path in inputs:
        if path.is_dir():
            yield from _walk(path, path, out)
        else:
            yield path, _not_answers(path, path.parent)


def _walk(folder: Path, root: Path, out: Path) -> Iterator[tuple[Path, str | None]]:
    """A folder's files by name, then its links to folders, then each subfolder the same way (the order of
    ``os.walk``). One listing of the folder says which entries are plain files, so a plain file costs no call
    to the file system of its own; a folder that cannot be listed is passed over, as ``os.walk`` does."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        if _is_folder(entry):
            if not _same(Path(entry.path), out):
                folders.append(entry)
        else:
            path = Path(entry.path)
            yield path, _not_answers(path, root, entry)
    for entry in folders:
        if entry.is_symlink():
            yield Path(entry.path), "a link to a folder; not followed"
    for entry in folders:
        if not entry.is_symlink():
            yield from _walk(Path(entry.path), root, out)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _not_answers(path: Path, root: Path, entry: os.DirEntry[str] | None = None) -> str | None:
    """Why ``path`` is not read as an answers file, or None if it is one; ``entry``: its folder's listing of it."""
    if path.suffix.lower() not in ANSWERS_SUFFIXES:
        return f"not an answers file (answers files end in {', '.join(ANSWERS_SUFFIXES)})"
    if path.name.startswith("."):
        return "a hidden file"
    if entry is not None and entry.is_file(follow_symlinks=False):
        return None
    if path.is_symlink() and not is_within(path, root):
        return f"a link to a file outside {root}; not followed"
    try:
        status = path.stat()
    except OSError:
        return None  # an answers file that cannot be read fails, named with the reason, when it is read
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file"
    return None


def _same(path: Path, other: Path) -> bool:
    try:
        return path.exists() and other.exists() and path.samefile(other)
    except OSError:
        return False


def report_names(files: Iterable[Path], fmt: Format) -> Iterator[str]:
    """One report name per file, from its name, made unique when two files share one and never a summary's."""
    seen: set[str] = set(SUMMARIES)
    for path in files:
        base, number = path.stem, 1
        name = f"{base}.{fmt}"
        while name in seen:
            number += 1
            name = f"{base}-{number}.{fmt}"
        seen.add(name)
        yield name


# --- screening ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Task:
    """A job and where its report goes (the source is named so the report never replaces it); a file that
    could not be read has its error instead of a job."""

    job: Job | None
    source: Path
    target: Path
    out: Path
    force: bool
    error: str | None = None


def run_tasks(tasks: list[Task]) -> list[Row]:
    """Screen and write a chunk of files (in a worker process, or here for a small batch)."""
    return [_run_task(task) for task in tasks]


def _run_task(task: Task) -> Row:
    source = str(task.source)
    if task.job is None:
        return Row(source, error=task.error)
    try:
        result = screen_answers(task.job)
    except Exception as error:  # one file's unforeseen problem must not end the others' run
        result = Result(error=f"{source}: cannot be screened ({type(error).__name__}: {_first_line(error)})")
    if result.report is None:
        return Row(source, error=result.error, skipped=result.skipped)
    try:
        # Reports are made again by running again: no fsync each (it cost more than the screening).
        write_output(task.target, result.report, force=task.force, folder=task.out, inputs=[task.source], durable=False)
    except FileWriteError as error:
        return Row(source, error=str(error))
    return Row(source, report=task.target.name, route=result.route, figures=result.figures)


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or [""])[0][:200]


def _answers_files(args: argparse.Namespace) -> Iterator[Path]:
    """The answers files to screen, found again each time they are needed rather than held in a list (a
    batch's memory stays flat however many files it has)."""
    return (path for path, reason in find_files(args.inputs, args.out) if reason is None)


def _tasks(args: argparse.Namespace) -> Iterator[Task]:
    """A task per file, its bytes read only when the task is about to be sent (streaming)."""
    day, options = today(), AdviceOptions(projections=not args.no_projection)
    files, copy = itertools.tee(_answers_files(args))
    names = report_names(copy, args.format)
    for source, name in zip(files, names, strict=True):
        target = args.out / name
        try:
            data = _read(source)
        except OSError as error:
            failure = f"{source}: cannot read the answers file ({error.strerror or error})"
            yield Task(None, source, target, args.out, args.force, error=failure)
            continue
        job = Job(str(source), data, source.suffix, source.stem, day, options, args.format)
        yield Task(job, source, target, args.out, args.force)


def _read(source: Path) -> bytes:
    """The file's bytes, never through a link swapped in since it was found (O_NOFOLLOW on the last step)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    target = source.resolve() if source.is_symlink() else source
    handle = os.open(target, flags)
    with os.fdopen(handle, "rb", buffering=0) as stream:
        # Read by the file's size, not by the bound: a buffer of the bound for every file cost more than the
        # reading. At most the bound and a byte more is read (the reader names a file past its bound).
        data, want = b"", min(os.fstat(handle).st_size, MAX_BYTES) + 1
        while want > 0 and (chunk := stream.read(want)):
            data += chunk
            want = MAX_BYTES + 1 - len(data)
        return data


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def screened(tasks: Iterator[Task], total: int, workers: int) -> Iterator[Row]:
    """Rows in file order, screened on ``workers`` processes with only a few chunks in flight (``total``: the
    number of files, or any number from ``PARALLEL_FROM`` up when there are at least so many)."""
    if total < PARALLEL_FROM or workers == 1:
        for chunk in _chunks(tasks, CHUNK):
            yield from run_tasks(chunk)
        return
    # The first file is screened here, so the forked workers start with the flow, the parameters and the
    # compiled templates loaded instead of each loading them again; one file loads them, and every file
    # more screened here would be screened with the other core idle.
    yield from run_tasks([next(tasks)])
    import multiprocessing

    gc.freeze()  # what the first file loaded stays shared with the workers, never rescanned by a collection
    context = multiprocessing.get_context("fork")
    pending: deque[Future[list[Row]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in _chunks(tasks, CHUNK):
            pending.append(pool.submit(run_tasks, chunk))
            if len(pending) >= workers * IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


GC_THRESHOLD = 20_000
"""Allocations between young-generation collections in a batch (Python's default is 700), set for the whole run
and inherited by the workers. A file's screening makes thousands of short-lived Decimals and dicts, nearly all
freed by reference counting, so the default collects many times a file for almost nothing; at this threshold a
process's extra memory stays a few MB."""


def run(args: argparse.Namespace) -> int:
    previous = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *previous[1:])
    try:
        return _run(args)
    finally:
        gc.set_threshold(*previous)  # as it was for whoever called (a test, a notebook)


def _run(args: argparse.Namespace) -> int:
    workers = args.jobs if args.jobs is not None else len(os.sched_getaffinity(0))
    if workers < 1:
        raise InputError(f"--jobs {workers}: give at least 1 process")
    # Only a progress bar needs the whole count; otherwise it is needed only as far as the choice of processes.
    total = sum(1 for _ in itertools.islice(_answers_files(args), None if sys.stderr.isatty() else PARALLEL_FROM))
    if not total:
        raise InputError(f"no answers files ({', '.join(ANSWERS_SUFFIXES)}) in {', '.join(map(str, args.inputs))}")
    output_folder(args.out)
    summaries = [args.out / name for name in SUMMARIES]
    taken = [path for path in summaries if os.path.lexists(path)]
    if taken and not args.force:
        raise InputError(f"{taken[0]}: already exists; add --force to replace it or choose another --out")

    def say(line: str) -> None:
        print(f"estate-advisor: {line}", file=sys.stderr)

    def inputs() -> Iterator[Path]:
        return (path for path, _ in find_files(args.inputs, args.out))

    with (
        output_stream(summaries[0], force=args.force, folder=args.out, inputs=inputs()) as md,
        output_stream(summaries[1], force=args.force, folder=args.out, inputs=inputs()) as csv_stream,
    ):
        summary = Summary(md, csv_stream)
        for path, reason in find_files(args.inputs, args.out):
            if reason is not None:
                summary.add(Row(str(path), skipped=reason), say)
        for row in _progress(screened(_tasks(args), total, workers), total):
            summary.add(row, say)
    say(
        f"{summary.screened} screened, {summary.failed} failed, {summary.skipped} skipped; reports and "
        f"summary.md / summary.csv in {args.out}"
    )
    return 2 if summary.failed else 0


def _progress(rows: Iterator[Row], total: int) -> Iterator[Row]:
    """The rows, with a progress bar on a terminal."""
    if not sys.stderr.isatty():
        yield from rows
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("screening", total=total)
        for row in rows:
            yield row
            progress.advance(task)
