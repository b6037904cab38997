"""``estate-advisor sessions``: what each action prints, what it changes in the store, and how it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from advisor.cli import main
from advisor.engine import Session
from advisor.resources import DATA_DIR_ENV
from advisor.store import SessionRecord, SessionStore, local_time
from advisor.store_database import DATABASE_NAME
from tests.store.bad_database import BadDatabase, write_bad_database

COMPLETE = {"citizenship": "us", "domicile": "us", "state": "CA", "age": 50, "married": False}
COMPLETE |= {"estate_total": "2m", "prior_taxable_gifts": 0, "estate_growth": 3, "owns_residence": False}
HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"


def saved(store: SessionStore, client: str | None, answers: dict[str, object]) -> SessionRecord:
    return store.import_answers(answers, flow_version="2026.11-1", client_name=client)


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["sessions", *argv, "--data-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_each_session_in_local_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore
) -> None:
    ana = saved(store, "Ana Lima", {"citizenship": "us", "domicile": "us"})
    saved(store, "Bo Chen", {"citizenship": "non_us"})
    code, out, _ = run(capsys, tmp_path, "--client", "lima")
    assert code == 0
    header, _rule, row, blank, footer = out.splitlines()
    assert blank == ""
    assert header.split() == ["id", "client", "created", "updated", "status", "answers"]
    assert row.split()[:3] == [ana.id, "Ana", "Lima"]
    assert local_time(ana.created_at) in row and row.rstrip().endswith("in progress        2")
    assert footer.startswith(f"1 session in {store.path}")
    assert "Bo Chen" not in out


def test_list_json_and_empty_list(capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore) -> None:
    code, out, _ = run(capsys, tmp_path)
    assert code == 0 and out.startswith("No saved sessions yet in ")
    record = saved(store, "Ana", {"citizenship": "us"})
    code, out, _ = run(capsys, tmp_path, "--json")
    [listed] = json.loads(out)
    assert code == 0
    assert listed["id"] == record.id and listed["client_name"] == "Ana" and listed["answer_count"] == 1
    assert listed["status"] == "in_progress"
    code, out, _ = run(capsys, tmp_path, "--client", "nobody")
    assert out.startswith("No saved sessions for clients matching 'nobody'")


def test_data_dir_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: SessionStore
) -> None:
    saved(store, "From the environment", {})
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert main(["sessions"]) == 0
    assert "From the environment" in capsys.readouterr().out


def test_rename_and_duplicate(capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore) -> None:
    record = saved(store, "Ana", {"citizenship": "us", "domicile": "us"})
    code, out, _ = run(capsys, tmp_path, "rename", record.id, "Ana Lima")
    assert code == 0 and out == f"Renamed session {record.id} to Ana Lima.\n"
    assert store.get(record.id).client_name == "Ana Lima"
    code, out, _ = run(capsys, tmp_path, "duplicate", record.id, "--client", "Ana (what if)")
    copy = next(r for r in store.list() if r.id != record.id)
    assert code == 0 and copy.id in out and "Ana (what if), 2 answers" in out
    assert store.answers(copy.id) == store.answers(record.id)
    code, _, err = run(capsys, tmp_path, "rename", record.id, "x" * 201)
    assert code == 2 and err == "estate-advisor: error: a client name has at most 200 characters, got 201\n"


def test_delete_needs_yes(capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore) -> None:
    record = saved(store, "Ana", {"citizenship": "us"})
    code, out, err = run(capsys, tmp_path, "delete", record.id)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "add --yes to delete it" in err and "Ana, 1 answer" in err
    assert store.get(record.id) == record
    code, out, _ = run(capsys, tmp_path, "delete", record.id, "--yes")
    assert code == 0 and out.startswith(f"Deleted session {record.id}")
    assert store.list() == []


def test_unknown_session_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for action in (["rename", "nope", "X"], ["delete", "nope", "--yes"], ["transcript", "nope"]):
        code, out, err = run(capsys, tmp_path, *action)
        assert code == 2 and out == "" and err.startswith("estate-advisor: error: no session 'nope'")
        assert err.count("\n") == 1


def test_export_import_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore) -> None:
    original = Session.from_answers(COMPLETE)
    record = saved(store, "Ana", original.to_answers())
    exported = tmp_path / "ana.json"
    code, _, err = run(capsys, tmp_path, "export", record.id, "--answers", str(exported))
    assert code == 0 and f"to {exported}" in err
    assert json.loads(exported.read_text()) == store.answers(record.id)
    code, out, _ = run(capsys, tmp_path, "import", str(exported), "--client", "Ana again")
    assert code == 0 and out.rstrip().endswith("complete")
    copy = next(r for r in store.list() if r.id != record.id)
    assert copy.client_name == "Ana again" and copy.status == "complete"
    assert Session.from_answers(store.answers(copy.id)).answers == original.answers
    code, out, _ = run(capsys, tmp_path, "export", copy.id, "--answers", "-")
    assert json.loads(out) == json.loads(exported.read_text())


def test_import_of_a_part_way_file_says_where_resume_continues(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore
) -> None:
    partial = tmp_path / "partial.yaml"
    partial.write_text(
        "citizenship: us\ndomicile: us\nstate: NY\nage: 62\nmarried: yes\n"
        "spouse_citizenship: non_us\nspouse_citizenship_country: Mexico\nspouse_domicile: us\nestate_total: 5m\n"
    )
    code, out, err = run(capsys, tmp_path, "import", str(partial))
    assert code == 0
    assert out.rstrip().endswith("continues at: Does your spouse plan to become a US citizen?")
    assert err == (
        "note: not imported, as they are off this person's route or after the first unanswered question: estate_total\n"
    )
    [record] = store.list()
    assert record.answer_count == 8 and record.status == "in_progress"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"citizenship": "us", "domicile": "mars"}', "domicile: 'mars' is not one of the answers"),
        ('{"citizenship": "us", "domicle": "us"}', "answers: unknown question 'domicle'; did you mean 'domicile'?"),
        ('{"citizenship": ', "not valid JSON (line 1, column 17"),
    ],
)
def test_import_of_a_bad_file_is_refused_by_question(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, out, err = run(capsys, tmp_path, "import", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"estate-advisor: error: {bad}: {message}") and err.count("\n") == 1
    assert store.list() == []


def test_transcript_shows_what_the_client_typed_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore
) -> None:
    record = saved(store, HOSTILE, {})
    store.append_transcript(record.id, "advisor", "Are you a citizen of the **United States**?")
    store.append_transcript(record.id, "person", HOSTILE)
    store.append_transcript(record.id, "person", "1. not a list")
    out_file = tmp_path / "transcript.md"
    code, out, _ = run(capsys, tmp_path, "transcript", record.id, "--out", str(out_file))
    assert code == 0 and out == ""
    markdown = out_file.read_text()
    assert markdown.startswith("# Interview transcript: ")
    html = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "<strong>United States</strong>" in html, "the advisor's own Markdown still renders"
    assert "<ol" not in html and "1. not a list" in html
    assert "general guidance, not legal or tax advice" in html


@pytest.mark.parametrize("damage", ["not_a_database", "newer_version"])
def test_a_bad_database_is_reported_and_left_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, damage: BadDatabase
) -> None:
    path = tmp_path / DATABASE_NAME
    before = write_bad_database(path, damage)
    code, out, err = run(capsys, tmp_path)
    assert code == 1 and out == ""
    assert err.startswith(f"estate-advisor: error: {path}") and "--data-dir" in err and err.count("\n") == 1
    assert path.read_bytes() == before
