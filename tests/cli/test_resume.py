"""``estate-advisor --resume NAME_OR_ID``: a client name or the start of an id finds the session; an
ambiguous one lists the matches; quitting says how to continue."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.cli.app import how_to_resume, session_matching
from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionNotFoundError, SessionStore

PART_WAY = {"citizenship": "us", "domicile": "us", "state": "CA", "age": 50}


def saved(store: SessionStore, client: str | None) -> str:
    return store.import_answers(PART_WAY, flow_version="2026.11-1", client_name=client).id


def test_by_part_of_the_client_name_any_case(store: SessionStore) -> None:
    ana = saved(store, "Ana Lima")
    saved(store, "Bruno Costa")
    assert session_matching(store, "lima").id == ana
    assert session_matching(store, "ANA").id == ana


def test_by_the_start_of_the_id(store: SessionStore) -> None:
    # names without the letters a-f, so an id's hex prefix never also matches a name
    first = saved(store, "Joy Porto")
    second = saved(store, "Joy Quinn")
    prefix = next(first[:n] for n in range(1, 13) if not second.startswith(first[:n]))
    assert session_matching(store, prefix).id == first
    assert session_matching(store, first).id == first


def test_ambiguous_lists_the_matches(store: SessionStore) -> None:
    saved(store, "Ana Lima")
    saved(store, "Ana Souza")
    with pytest.raises(SessionNotFoundError) as caught:
        session_matching(store, "ana")
    message = str(caught.value)
    assert "'ana' matches 2 saved sessions" in message
    assert "Ana Lima" in message and "Ana Souza" in message


def test_no_match_is_one_line_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: SessionStore
) -> None:
    saved(store, "Ana Lima")
    assert main(["--resume", "nobody", "--plain", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no saved session" in err and "'nobody'" in err


def test_plain_resume_by_name_continues_where_it_stopped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: SessionStore
) -> None:
    saved(store, "Ana Lima")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    main(["--resume", "ana", "--plain", "--data-dir", str(tmp_path)])
    assert "Are you married?" in capsys.readouterr().out


def test_quitting_says_how_to_resume(store: SessionStore) -> None:
    session = Session.from_answers(PART_WAY)
    recorder = SessionRecorder.start(store, session, client_name="Ana Lima")
    assert recorder.record is not None
    message = how_to_resume(recorder)
    assert "Ana Lima, 4 answers" in message
    assert message.endswith(f"estate-advisor --resume {recorder.record.id}")
    assert how_to_resume(None) == "Not saved (--no-save): nothing to resume."
