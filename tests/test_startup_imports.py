"""The first question reaches the screen without loading what it does not need (bench/startup.py
measures the time; this keeps the heavy libraries from creeping back into the start-up path)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "jinja2", "yaml", "transitions", "sqlite3", "advisor.store", "advisor.screening")

FIRST_FRAME = """
import sys
from advisor.cli import build_parser
args = build_parser(["--no-save"]).parse_args(["--no-save"])
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
