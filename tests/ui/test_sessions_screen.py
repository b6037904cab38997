"""The sessions screen through Pilot: what it lists, and what each action does to the store and the app."""

from __future__ import annotations

import re

from textual.widgets import DataTable, Input, Label

from advisor.answers_file import load_answers_file, personas
from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionRecord, SessionStore, local_time
from advisor.ui.app import AdvisorApp
from advisor.ui.chat import ChatScreen
from advisor.ui.sessions import ConfirmScreen, RenameScreen, SessionsScreen
from advisor.ui.transcript import PersonMessage
from tests.ui.screen_text import from_palette, screen_text, settle

SIZE = (110, 32)


def saved(store: SessionStore, client: str, answers: dict[str, object]) -> SessionRecord:
    return store.import_answers(answers, flow_version="2026.11-1", client_name=client)


def new_app(store: SessionStore) -> AdvisorApp:
    return AdvisorApp(Session(), SessionRecorder(store))


def screen(app: AdvisorApp) -> SessionsScreen:
    assert isinstance(app.screen, SessionsScreen), app.screen
    return app.screen


def rows(app: AdvisorApp) -> list[list[str]]:
    table = screen(app).query_one("#session-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def status(app: AdvisorApp) -> str:
    return str(screen(app).query_one("#sessions-status", Label).render())


async def highlight(app: AdvisorApp, session_id: str) -> None:
    table = screen(app).query_one("#session-table", DataTable)
    table.move_cursor(row=table.get_row_index(session_id))


async def test_ctrl_o_lists_sessions_and_the_filter_finds_a_client(store: SessionStore) -> None:
    ana = saved(store, "Ana Lima", {"citizenship": "us", "domicile": "us"})
    saved(store, "Bo Chen", {"citizenship": "non_us"})
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert [row[0] for row in rows(app)] == ["Bo Chen", "Ana Lima"]
        assert rows(app)[1][1:] == ["in progress", "not yet", local_time(ana.updated_at), "2", ana.id]
        await pilot.press("slash", *"lima")
        await pilot.pause()
        assert [row[0] for row in rows(app)] == ["Ana Lima"]
        await pilot.press(*"zz")
        await pilot.pause()
        assert rows(app) == [] and status(app) == "No client name contains 'limazz'."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen), "escape in the filter box returns to the list"
        assert isinstance(app.focused, DataTable)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)


async def test_palette_entry_opens_the_screen(store: SessionStore) -> None:
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await from_palette(pilot, "Sessions")
        await pilot.pause()
        assert rows(app) == []
        assert status(app).startswith("No saved sessions yet")


async def test_open_resumes_the_session_and_saves_to_it(store: SessionStore) -> None:
    ana = saved(store, "Ana Lima", {"citizenship": "us", "domicile": "us", "state": "NY"})
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.session.answers["state"] == "NY" and app.session.current.id == "age"  # type: ignore[union-attr]
        assert [str(m.render()) for m in app.screen.query(PersonMessage)][-1] == "New York (NY)"
        assert app.sub_title == f"Ana Lima · session {ana.id} · ✔ saved"
        app.screen.query_one("#answer-input", Input).value = "64"
        await pilot.press("enter")
        await pilot.pause()
    assert store.answers(ana.id)["age"] == 64
    assert len(store.list()) == 1, "no new session was created"


async def test_rename_updates_the_store_the_list_and_the_saved_indicator(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us"})
    app = AdvisorApp(*SessionRecorder.resume(store, ana.id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert rows(app)[0][1] == "in progress · open now"
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RenameScreen)
        field = app.screen.query_one("#client-name", Input)
        assert field.value == "Ana"
        field.value = "Ana Lima"
        await pilot.press("enter")
        await pilot.pause()
        assert rows(app)[0][0] == "Ana Lima"
        assert app.sub_title.startswith("Ana Lima · session")
    assert store.get(ana.id).client_name == "Ana Lima"


async def test_rename_cancelled_changes_nothing(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us"})
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "r")
        await pilot.pause()
        app.screen.query_one("#client-name", Input).value = "Someone else"
        await pilot.press("escape")
        await pilot.pause()
        assert rows(app)[0][0] == "Ana"
    assert store.get(ana.id).client_name == "Ana"


async def test_duplicate_copies_the_answers_and_selects_the_copy(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us", "domicile": "abroad"})
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "d")
        await pilot.pause()
        [copy] = [record for record in store.list() if record.id != ana.id]
        assert store.answers(copy.id) == store.answers(ana.id) and copy.client_name == "Ana (copy)"
        assert [row[0] for row in rows(app)] == ["Ana (copy)", "Ana"]
        assert len(rows(app)) == 2 and screen(app).selected_id() == copy.id


async def test_delete_asks_first_and_cancel_keeps_the_session(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us"})
    bo = saved(store, "Bo", {"citizenship": "us"})
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        await highlight(app, ana.id)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Delete session {ana.id} (Ana, 1 answer)?" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("enter")  # Cancel has the focus: Enter alone never deletes
        await pilot.pause()
        assert len(rows(app)) == 2 and store.get(ana.id) == ana
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert [row[5] for row in rows(app)] == [bo.id]
    assert [record.id for record in store.list()] == [bo.id]


async def test_the_open_session_cannot_be_deleted(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us"})
    app = AdvisorApp(*SessionRecorder.resume(store, ana.id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "delete")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        assert any("open in the interview" in str(n.message) for n in app._notifications)
    assert store.get(ana.id) == ana


async def test_without_saving_the_screen_says_so() -> None:
    app = AdvisorApp(Session(), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert status(app).startswith("Sessions are not being saved: the app was started with --no-save.")
        assert not screen(app).query("#session-table")
        assert app.sub_title == "not saved (--no-save)"


async def test_new_interview_after_opening_a_session_switches_the_saved_indicator(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us"})
    app = AdvisorApp(*SessionRecorder.resume(store, ana.id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"New interview")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.session.answers == {}
        assert app.recorder is not None and app.recorder.record is not None
        assert app.recorder.record.id != ana.id and ana.id not in app.sub_title
        await pilot.press("enter")
        await pilot.pause()
    assert store.answers(app.recorder.record.id) == {"citizenship": "us"}
    assert store.get(ana.id) == ana


async def test_a_session_deleted_elsewhere_is_reported_not_crashed_on(store: SessionStore) -> None:
    ana = saved(store, "Ana", {"citizenship": "us"})
    app = new_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        store.delete(ana.id)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen) and rows(app) == []
        assert any("deleted elsewhere" in str(n.message) for n in app._notifications)


COMPLETE = {"citizenship": "us", "domicile": "us", "state": "TX", "age": 50, "married": False}
COMPLETE |= {"estate_total": "1m", "prior_taxable_gifts": 0, "estate_growth": "3%", "owns_residence": False}


async def test_route_column_and_enter_in_the_filter_opens_the_only_match(store: SessionStore) -> None:
    done = saved(store, "Ana Lima", COMPLETE)
    store.set_status(done.id, "complete")
    saved(store, "Bo Chen", {"citizenship": "us"})
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await settle(pilot)
        routes = {row[0]: row[2] for row in rows(app)}
        assert routes == {"Ana Lima": "No action", "Bo Chen": "not yet"}
        assert re.search(r"Ana Lima +complete +No action +\d{4}-\d\d-\d\d \d\d:\d\d +9 +" + done.id, screen_text(app))
        await pilot.press("slash", *"bo", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ChatScreen)
        assert app.recorder is not None and app.recorder.record is not None
        assert app.recorder.record.client_name == "Bo Chen"


async def test_a_session_with_two_routes_fits_80_columns_whole(store: SessionStore) -> None:
    """A QDOT for either death and a QPRT: the route names each kind once, so the id still shows at 80x24."""
    answers = Session.from_answers(load_answers_file(personas()["qdot-and-qprt-couple"]), defaults=True).to_answers()
    both = saved(store, "Priya Rao", answers)
    store.set_status(both.id, "complete")
    app = new_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert rows(app)[0][2] == "QDOT + QPRT"
        assert re.search(
            r"Priya Rao +complete +QDOT \+ QPRT +\d{4}-\d\d-\d\d \d\d:\d\d +\d+ +" + both.id, screen_text(app)
        )
