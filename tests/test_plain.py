"""Plain mode: the interview on stdin/stdout, one line per event, every answer saved at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from advisor.store import SessionStore


def run_plain(tmp_path: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor", "--plain", "--data-dir", str(tmp_path), *extra],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_plain_interview_answers_rejects_helps_and_goes_back(tmp_path: Path) -> None:
    proc = run_plain(tmp_path, ["1", "?", "2", "back", "1", "ny", "sixty", "64"], "--client", "Plain Pat")
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in out, "no escape sequences in plain mode"
    assert "Question 1 of about" in out and "  1. US citizen" in out
    assert "Why we ask: " in out
    assert "Noted: New York (NY)" in out
    assert "Not accepted: could not read 'sixty' as an age" in out
    assert "Noted: 64 years" in out
    assert "--resume" in out.splitlines()[-1]
    store = SessionStore.open(tmp_path)
    [record] = store.list()
    assert record.client_name == "Plain Pat"
    assert store.answers(record.id) == {"citizenship": "us", "domicile": "us", "state": "NY", "age": 64}


def test_plain_resume_continues_where_it_stopped(tmp_path: Path) -> None:
    run_plain(tmp_path, ["1", "1", "NY"])
    proc = run_plain(tmp_path, ["70", "quit"], "--resume")
    assert proc.returncode == 0, proc.stderr
    first_question = next(line for line in proc.stdout.splitlines() if line.startswith("Question"))
    assert "How old are you?" in first_question
    store = SessionStore.open(tmp_path)
    [record] = store.list()
    assert store.answers(record.id)["age"] == 70


def test_resume_without_sessions_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_plain(tmp_path, [], "--resume")
    assert proc.returncode == 2
    assert (
        proc.stderr.strip()
        == "estate-advisor: error: there is no saved session to resume yet; start one with estate-advisor"
    )


def test_a_reader_that_goes_away_stops_plain_mode_quietly(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor", "--plain", "--data-dir", str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(input="us\nus\n", timeout=60)
    assert proc.returncode == 1 and err == ""


def test_plain_interview_ends_with_the_recommendations(tmp_path: Path) -> None:
    answers = ["1", "1", "TX", "50", "2", "1m", "0", "3", "2"]
    proc = run_plain(tmp_path, answers)
    assert proc.returncode == 0, proc.stderr
    assert "All questions answered. The recommendations follow." in proc.stdout
    assert "## 1. No estate planning structure needed now" in proc.stdout
    assert "What would change the answer" in proc.stdout
