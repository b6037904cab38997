"""The first question reaches the screen without loading what it does not need (bench/startup.py
measures the time; this keeps the heavy libraries from creeping back into the start-up path)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from advisor.cli import app, build_parser, parse_args

HEAVY = ("pydantic", "jinja2", "yaml", "transitions", "sqlite3", "advisor.store", "advisor.screening")

FIRST_FRAME = """
import sys
from advisor.cli import parse_args
args = parse_args(["--no-save"])
from advisor.content import ui_text
from advisor.engine import Session
from advisor.ui.app import AdvisorApp
session = Session()
question = session.current
assert question is not None and question.prompt and question.help and ui_text("welcome")
assert session.progress[0] == 0
AdvisorApp(session)
print(" ".join(name for name in {heavy!r} if name in sys.modules))
"""


def test_first_question_needs_none_of_the_heavy_libraries() -> None:
    code = FIRST_FRAME.format(heavy=HEAVY)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "", f"loaded before the first question: {proc.stdout.strip()}"


def test_answers_move_the_interview_without_loading_the_state_machine() -> None:
    """Sessions walk the flow by its machine's rule (checked against transitions in tests/engine)."""
    code = (
        "import sys; from advisor.engine import Session; s = Session(); "
        "assert s.answer('us').accepted and s.answer('us').accepted; print(s.current.id, 'transitions' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["state", "False"]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--no-save"],
        ["--plain", "--no-save"],
        ["--resume"],
        ["--resume", "Jane Doe"],
        ["--client", "Jane", "--data-dir", "/tmp/sessions"],
        ["--no-s"],
    ],
)
def test_the_app_s_own_options_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    """The usual start skips the commands' parsers; what it reads is what the full parser would."""
    assert vars(parse_args(argv)) == vars(build_parser(argv).parse_args(argv))
    assert parse_args(argv).handler is app.run


@pytest.mark.parametrize("argv", [["calc", "--help"], ["--help"], ["--nonsense"], ["sessions"], ["--data-dir"]])
def test_anything_more_goes_to_the_full_parser(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Help, commands and mistakes are the full parser's: its help and its one-line errors."""
    try:
        args = parse_args(argv)
    except SystemExit:
        out, err = capsys.readouterr()
        assert "estate-advisor" in out + err
    else:
        assert args.handler is not app.run


SCREEN_THEN_DUE_DATE = """
import datetime as dt, sys
from advisor.advice import advise
from advisor.resources import data_dir
advise(data_dir("content") / "personas" / "modest-estate.yaml", today=dt.date(2026, 11, 23)).render("md")
before = "holidays" in sys.modules
from advisor.calculators.qdot_due_dates import DueDateInput, Event, due_dates
due = due_dates(DueDateInput(event=Event.death, date=dt.date(2026, 1, 16))).due_date
print(before, "holidays" in sys.modules, due)
"""


def test_the_holidays_library_loads_only_when_a_due_date_is_asked_for() -> None:
    """Importing it costs ~45 ms of every batch's and command's start; a screening without a QDOT needs no date."""
    proc = subprocess.run([sys.executable, "-c", SCREEN_THEN_DUE_DATE], capture_output=True, text=True, check=True)
    # 16 October 2026 (9 months after the death) is a Friday and no holiday
    assert proc.stdout.split() == ["False", "True", "2026-10-16"]
