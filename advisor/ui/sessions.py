"""Saved interviews: find one by client name, open it where it stopped, rename, duplicate or delete it."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label
from textual.worker import get_current_worker

from advisor.calculators.money import InputError
from advisor.day import today
from advisor.engine.words import words
from advisor.store import STATUS_SHOWN, SessionNotFoundError, SessionRecord, SessionStore, local_time
from advisor.store_database import StoreError
from advisor.ui.messages import OpenSession, SessionRenamed

SHOWN = 100
"""Sessions listed at once, most recent first; the filter finds the others (the store pages in SQLite)."""

ROUTES: dict[tuple[str, str], str] = {}
"""The route of each complete session screened so far, by (id, time of its last change): screening takes
milliseconds per session, so it is done once, off the event loop, and kept until the answers change."""


def route_of(answers: dict[str, object]) -> str:
    """A complete session's routes in words, as the interview would screen it today (each kind once, so the
    list fits 80 columns; the session itself says which death each recommendation is for)."""
    from advisor.advice import advise

    try:
        screening = advise(answers, today=today()).screening
    except InputError:
        return "cannot be screened"
    return words().routes_of(((r.kind, r.scenario) for r in screening.recommendations), short=True)


def _route_key(record: SessionRecord) -> tuple[str, str]:
    return record.id, record.updated_at.isoformat()


class ConfirmScreen(ModalScreen[bool]):
    """Asks before something that cannot be undone; only the explicit button says yes (Cancel has focus)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Label(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, variant="error", id="confirm")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_cancel(self) -> None:
        self.dismiss(False)


class RenameScreen(ModalScreen[str | None]):
    """A new client name for a session; dismisses with None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-dialog", classes="dialog"):
            yield Label(f"Client name for session {self.record.id}", id="rename-prompt")
            yield Input(self.record.client_name or "", placeholder="e.g. Ana Lima (empty for none)", id="client-name")
            yield Label("Enter saves · Esc cancels", classes="hint")

    @on(Input.Submitted, "#client-name")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SessionsScreen(Screen[None]):
    """Every saved session, most recent first; the filter box narrows them by client name."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("slash", "find", "Find", key_display="/"),
        Binding("r", "rename", "Rename"),
        Binding("d", "duplicate", "Duplicate"),
        Binding("delete", "delete", "Delete"),
    ]

    def __init__(self, store: SessionStore | None, open_id: str | None) -> None:
        super().__init__(id="sessions")
        self.store = store
        """None when the app runs with --no-save."""
        self.open_id = open_id
        """The session the interview is saving to, if any."""

    def compose(self) -> ComposeResult:
        yield Header()
        if self.store is None:
            yield Label(
                "Sessions are not being saved: the app was started with --no-save. "
                "Start estate-advisor without --no-save to save interviews and open them here.",
                id="sessions-status",
            )
        else:
            yield Input(placeholder="find a client by name", id="filter")
            yield Label("", id="sessions-status", markup=False)
            yield DataTable(id="session-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Sessions"
        if self.store is None:
            return
        table = self.query_one("#session-table", DataTable)
        table.add_column("client")
        table.add_column("status")
        table.add_column("route", key="route")
        table.add_column("updated")
        table.add_column("answers")
        table.add_column("id")
        self.refresh_sessions()
        table.focus()

    def refresh_sessions(self, select: str | None = None) -> None:
        """Reload from the store (another instance may have changed it), keeping or moving the cursor."""
        assert self.store is not None
        table = self.query_one("#session-table", DataTable)
        keep = select or self.selected_id()
        text = self.query_one("#filter", Input).value.strip()
        records = self.store.list(text or None, limit=SHOWN)
        table.clear()
        for record in records:
            status = STATUS_SHOWN[record.status] + (" · open now" if record.id == self.open_id else "")
            route = ROUTES.get(_route_key(record), "screening…" if record.status == "complete" else "not yet")
            table.add_row(
                Text(record.client_name or "unnamed client"),  # a name is text, never markup
                status,
                route,
                local_time(record.updated_at),
                str(record.answer_count),
                record.id,
                key=record.id,
            )
        unscreened = [r for r in records if r.status == "complete" and _route_key(r) not in ROUTES]
        if unscreened:
            self.fill_routes(unscreened)
        ids = [record.id for record in records]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        if len(records) == SHOWN:
            total = self.store.count(text or None)
            message = f"The {SHOWN} most recent of {total} sessions; type a client name to find others."
        elif records:
            message = "Enter opens the highlighted session where it stopped."
        elif text:
            message = f"No client name contains {text!r}."
        else:
            message = "No saved sessions yet: an interview is saved here from its first answer."
        self.query_one("#sessions-status", Label).update(message)

    @work(thread=True, exclusive=True, group="routes")
    def fill_routes(self, records: list[SessionRecord]) -> None:
        """Screen the listed complete sessions one by one and show each route as it is known (a thread
        of its own with its own connection: SQLite connections stay in the thread that opened them)."""
        assert self.store is not None
        worker = get_current_worker()
        store = SessionStore.open(self.store.path.parent)
        try:
            for record in records:
                if worker.is_cancelled:
                    return
                try:
                    route = route_of(store.answers(record.id))
                except SessionNotFoundError:
                    continue
                ROUTES[_route_key(record)] = route
                self.app.call_from_thread(self._show_route, record.id, route)
        finally:
            store.close()

    def _show_route(self, session_id: str, route: str) -> None:
        table = self.query_one("#session-table", DataTable)
        if session_id in table.rows:
            table.update_cell(session_id, "route", route, update_width=True)

    def selected_id(self) -> str | None:
        table = self.query_one("#session-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected(self) -> SessionRecord | None:
        """The highlighted session as stored now, or None (with a notice) when nothing is highlighted."""
        if self.store is None:
            return None
        session_id = self.selected_id()
        if session_id is None:
            self.notify("No session is highlighted.", severity="warning")
            return None
        try:
            return self.store.get(session_id)
        except SessionNotFoundError:
            self.notify("That session was deleted elsewhere (another window or the command line).", severity="warning")
            self.refresh_sessions()
            return None

    # --- finding and opening ------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.refresh_sessions()

    @on(Input.Submitted, "#filter")
    def _to_table(self) -> None:
        """Enter in the filter box opens the only session it matches, else moves to the list to choose."""
        table = self.query_one("#session-table", DataTable)
        if table.row_count == 1:
            self.post_message(OpenSession(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)))
            return
        table.focus()

    def action_find(self) -> None:
        if self.store is not None:
            self.query_one("#filter", Input).focus()

    @on(DataTable.RowSelected, "#session-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        # The app opens it: opening removes this screen, which cannot await its own removal.
        self.post_message(OpenSession(str(event.row_key.value)))

    # --- changing -----------------------------------------------------------------------------

    def action_rename(self) -> None:
        record = self._selected()
        if record is None:
            return

        def renamed(name: str | None) -> None:
            if name is None or self.store is None:
                return
            try:
                updated = self.store.rename(record.id, name)
            except StoreError as error:  # a name too long, or a store that cannot be written
                self.notify(f"Not renamed: {error}.", severity="error", markup=False)
                return
            self.post_message(SessionRenamed(updated))
            self.refresh_sessions(select=updated.id)

        self.app.push_screen(RenameScreen(record), renamed)

    def action_duplicate(self) -> None:
        record = self._selected()
        if record is None or self.store is None:
            return
        try:
            copy = self.store.duplicate(record.id, client_name=f"{record.client_name or 'unnamed client'} (copy)")
        except StoreError as error:
            self.notify(f"Not copied: {error}.", severity="error", markup=False)
            return
        self.refresh_sessions(select=copy.id)
        self.notify(f"Copied to {copy.client_name} (session {copy.id}); Enter opens it, r renames it.")

    def action_delete(self) -> None:
        record = self._selected()
        if record is None:
            return
        if record.id == self.open_id:
            self.notify(
                "This session is open in the interview; open another session or start a new interview first.",
                severity="warning",
            )
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.store is not None:
                try:
                    self.store.delete(record.id)
                except StoreError as error:
                    self.notify(f"Not deleted: {error}.", severity="error", markup=False)
                    return
                self.refresh_sessions()
                self.notify(f"Deleted {record.label}.", markup=False)

        self.app.push_screen(
            ConfirmScreen(f"Delete {record.label}? Its answers and transcript cannot be recovered.", "Delete"),
            confirmed,
        )

    def action_close(self) -> None:
        """Escape in the filter box returns to the list; on the list it leaves the screen."""
        if self.store is not None and self.focused is self.query_one("#filter", Input):
            self.query_one("#session-table", DataTable).focus()
            return
        self.dismiss()
