"""Client names are text, never Rich markup: a name like ``[/]`` or ``[bold]`` shows as typed and crashes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore
from advisor.ui.app import AdvisorApp
from advisor.ui.sessions import ConfirmScreen, SessionsScreen

NAMES = ["[/]", "[bold red]Ana[/bold red]", "[link=https://attacker.example]x[/link]", "[@click=app.quit]q[/]"]


@pytest.mark.parametrize("name", NAMES)
async def test_a_markup_like_client_name_shows_as_typed(tmp_path: Path, name: str) -> None:
    store = SessionStore.open(tmp_path)
    record = store.import_answers({"citizenship": "us"}, flow_version="2026.11-1", client_name=name)
    app = AdvisorApp(Session(), SessionRecorder(store))
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        table = app.screen.query_one("#session-table", DataTable)
        assert str(table.get_row_at(0)[0]) == name
        await pilot.press("delete")  # the confirmation names the client too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert name in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code in (None, 0) and store.get(record.id).client_name == name
    store.close()
