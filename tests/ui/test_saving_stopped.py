"""The app when its session database goes away mid-interview: it says so once, stops claiming "saved", keeps
the answers, and the palette saves them to a file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore
from advisor.store_database import DATABASE_NAME
from advisor.ui.app import AdvisorApp


async def test_database_removed_mid_interview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = SessionStore.open(tmp_path / "data")
    app = AdvisorApp(Session(), SessionRecorder(store))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # US citizen: saved
        await pilot.pause()
        assert app.sub_title.endswith("✔ saved")
        (tmp_path / "data" / DATABASE_NAME).unlink()
        await pilot.press("enter")  # lives in the United States: not saved
        await pilot.pause()
        assert "NOT SAVED" in app.sub_title
        [notice] = [n for n in app._notifications if "Not saved" in n.message]
        assert "was removed while estate-advisor was running" in notice.message
        assert "Save the answers to a file" in notice.message
        app.save_answers_file()
        await pilot.pause()
    [saved] = list(tmp_path.glob("estate-answers-*.json"))
    assert json.loads(saved.read_text(encoding="utf-8")) == {"citizenship": "us", "domicile": "us"}
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    store.close()


async def test_sessions_screen_actions_on_a_removed_database_are_one_notice(tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    store.import_answers({"citizenship": "us"}, flow_version="2026.11-1", client_name="Ana")
    app = AdvisorApp(Session(), SessionRecorder(store))
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        (tmp_path / DATABASE_NAME).unlink()
        await pilot.press("d")  # duplicate: a write the store refuses
        await pilot.pause()
        [notice] = [n for n in app._notifications if n.message.startswith("Not copied: ")]
        assert "was removed while estate-advisor was running" in notice.message
        assert app.is_running
    store.close()
