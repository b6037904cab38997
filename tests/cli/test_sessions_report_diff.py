"""`sessions export --report` and `sessions diff`: a client's report and what changed since last time."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answers_file import load_answers_file, personas
from advisor.cli import main
from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore

HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"


def saved(data_dir: Path, answers: dict[str, object], client: str) -> str:
    store = SessionStore.open(data_dir)
    record = SessionRecorder.start(store, Session.from_answers(answers, defaults=True), client_name=client).record
    assert record is not None
    store.close()
    return record.id


def test_export_report_html_and_markdown_escape_the_client(tmp_path: Path) -> None:
    session_id = saved(tmp_path, load_answers_file(personas()["expat-couple"]), HOSTILE)
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    assert main(["sessions", "--data-dir", str(tmp_path), "export", session_id, "--report", str(html)]) == 0
    assert main(["sessions", "--data-dir", str(tmp_path), "export", session_id, "--report", str(md)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in page and "<script>alert" not in page
    text = md.read_text(encoding="utf-8")
    assert text.startswith(r"# Estate screening for \<script\>alert(1)\</script\> \{\{ 7\*7 \}\}")
    assert "qualified domestic trust" in text


def test_export_report_of_an_unfinished_session_says_how_to_continue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = saved(tmp_path, {"citizenship": "us"}, "Ana")
    code = main(["sessions", "--data-dir", str(tmp_path), "export", session_id, "--report", str(tmp_path / "r.md")])
    assert code == 2
    assert "is not finished (next question: Where is your permanent home" in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()


def test_diff_between_two_meetings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = load_answers_file(personas()["expat-couple"])
    first = saved(tmp_path, answers, "Dana (March)")
    second = saved(tmp_path, dict(answers, spouse_citizenship="us"), "Dana (November)")
    assert main(["sessions", "--data-dir", str(tmp_path), "diff", first, second]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# What changed: session {first} (Dana (March), ")
    assert "**Route:** qdot → no_action" in out
    assert "| Is your spouse a US citizen? | Not a US citizen | US citizen |" in out


def test_diff_with_an_unknown_session_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = saved(tmp_path, {"citizenship": "us"}, "Ana")
    assert main(["sessions", "--data-dir", str(tmp_path), "diff", first, "nope"]) == 2
    assert "no session 'nope'" in capsys.readouterr().err
