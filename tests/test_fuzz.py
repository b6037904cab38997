"""Fuzz: whatever answers file, command line or typed line comes in, the result is exit 0 or 2 with one message,
never a traceback. Budgets are small and fixed so the suite stays fast; the seeds vary from run to run."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.cli import main
from advisor.engine import Session, load_flow
from advisor.plain import PlainInterview
from advisor.store import DATA_DIR_ENV

QUESTIONS = [*load_flow().questions, "birth_date", "spouse_birth_date", "client"]
BUDGET = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**30, max_value=10**60)
    | st.floats()
    | st.decimals(allow_nan=False).map(str)
    | st.text(max_size=20)
    | st.sampled_from(["us", "NY", "yes", "2m", "$1,000,000", "²", "١٢", "1960-02-30", "-5", "1e999", "[/]"])
    | st.dates()
    | st.datetimes()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
answers = st.dictionaries(st.sampled_from(QUESTIONS) | st.text(max_size=12), values, max_size=14)


@st.composite
def answers_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, content): answers as YAML or JSON, or raw bytes under either name."""
    kind = draw(st.sampled_from(["yaml", "json", "bytes"]))
    if kind == "bytes":
        return draw(st.sampled_from([".yaml", ".json"])), draw(st.binary(max_size=300))
    data = draw(answers)
    if kind == "json":
        return ".json", json.dumps(data, default=str).encode()
    return ".yaml", yaml.safe_dump(data, allow_unicode=draw(st.booleans())).encode()


@contextlib.contextmanager
def sandbox() -> Iterator[Path]:
    """A scratch folder as the current directory and the data directory, for one example."""
    with tempfile.TemporaryDirectory() as folder:
        before, env = Path.cwd(), os.environ.get(DATA_DIR_ENV)
        os.chdir(folder)
        os.environ[DATA_DIR_ENV] = folder
        try:
            yield Path(folder)
        finally:
            os.chdir(before)
            if env is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = env


def run(argv: list[str]) -> tuple[int, str]:
    """main() in process: its exit status and stderr; any exception other than SystemExit fails the test."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, err.getvalue()


def assert_one_message(code: int, err: str) -> None:
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("estate-advisor"), err


@BUDGET
@given(file=answers_files(), command=st.sampled_from(["interview", "import", "diagram"]))
def test_any_answers_file_is_a_report_or_one_message(file: tuple[str, bytes], command: str) -> None:
    suffix, content = file
    with sandbox() as folder:
        path = folder / f"answers{suffix}"
        path.write_bytes(content)
        argv = {
            "interview": ["interview", "--answers", str(path), "--no-projection", "--today", "2026-11-23"],
            "import": ["sessions", "import", str(path)],
            "diagram": ["flow", "diagram", "--answers", str(path)],
        }[command]
        assert_one_message(*run(argv))


OPTIONS = [
    "--answers", "--out", "--force", "--format", "--client", "--today", "--json", "--persona", "--estate",
    "--spouse-age", "--term", "--rate", "--value", "--age", "--year", "--date", "--data-dir", "--yes", "-",
]  # fmt: skip
COMMANDS = [
    ["interview"], ["flow", "diagram"], ["personas"], ["sessions"], ["sessions", "export"], ["sessions", "rename"],
    ["sessions", "delete"], ["sessions", "transcript"], ["sessions", "diff"], ["calc", "estate-tax"], ["calc", "qprt"],
    ["calc", "qdot-tax"], ["calc", "qdot-due-date"], ["calc", "qdot-6166"], ["calc", "qdot-stock-value"],
]  # fmt: skip
words = st.sampled_from(OPTIONS) | st.text(max_size=12) | st.sampled_from(["1960-02-30", "²", "9" * 5000, "md"])


@BUDGET
@given(command=st.sampled_from(COMMANDS), rest=st.lists(words, max_size=8))
def test_any_command_line_is_a_result_or_one_message(command: list[str], rest: list[str]) -> None:
    with sandbox():
        assert_one_message(*run([*command, *rest]))


@BUDGET
@given(lines=st.lists(st.text(max_size=15) | st.sampled_from(["?", "back", "1", "2", "²", "99", "yes"]), max_size=20))
def test_any_typed_lines_in_plain_mode_are_answered_line_by_line(lines: list[str]) -> None:
    text = "".join(line.replace("\n", " ").replace("\r", " ") + "\n" for line in lines)
    out = io.StringIO()
    code = PlainInterview(Session(today=dt.date(2026, 11, 23)), io.StringIO(text), out).run()
    assert code == 0
    assert "Traceback" not in out.getvalue()
