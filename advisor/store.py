"""Interview sessions in SQLite: every accepted answer is committed the moment it is given.

One database file holds all sessions (client name, times, flow version, status), the latest answer
to each question and an append-only transcript. Every change to a session's answers bumps its
``revision``, so a second window on the same session is refused instead of silently overwriting the
first. The file itself, its checks and its transactions are :mod:`advisor.store_database`'s; SQLite
errors become a ``StoreError`` with one line saying what to do.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import uuid
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.store_database import Database, StoreError

Status = Literal["in_progress", "complete"]
STATUS_SHOWN: dict[str, str] = {"in_progress": "in progress", "complete": "complete"}
Speaker = Literal["advisor", "person"]


class SessionNotFoundError(StoreError):
    pass


class SessionChangedError(StoreError):
    """The session's answers were changed by another window since this one read them."""


class ClientNameError(StoreError):
    """A client name the store does not accept (bad input, not a broken database)."""


class SessionRecord(BaseModel):
    """One saved interview: who it is for, when, and how far it got."""

    model_config = ConfigDict(frozen=True)

    id: str
    client_name: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    flow_version: str
    status: Status
    answer_count: int = 0
    revision: int = 0
    """How many changes the session's answers have had; a writer that read an older one is refused."""

    @property
    def label(self) -> str:
        """``session 3f2a… (Ana Lima, 7 answers)``: how messages to the user name a session."""
        answers = "1 answer" if self.answer_count == 1 else f"{self.answer_count} answers"
        return f"session {self.id} ({self.client_name or 'unnamed client'}, {answers})"


class TranscriptEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    at: dt.datetime
    speaker: Speaker
    text: str


def local_time(moment: dt.datetime) -> str:
    """A stored (UTC) time as the user's local wall-clock time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class SessionStore(Database):
    """Sessions in one SQLite file; each method is one short transaction."""

    # --- sessions ---------------------------------------------------------------------------

    def create(self, *, flow_version: str, client_name: str | None = None) -> SessionRecord:
        session_id = uuid.uuid4().hex[:12]
        now = _now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, client_name, created_at, updated_at, flow_version, status) "
                "VALUES (?, ?, ?, ?, ?, 'in_progress')",
                (session_id, _clean_name(client_name), now, now, flow_version),
            )
        return self.get(session_id)

    def get(self, session_id: str) -> SessionRecord:
        with self._errors():
            row = self._db.execute(_SELECT_SESSIONS + " WHERE s.id = ?", (session_id,)).fetchone()
        if row is None:
            raise SessionNotFoundError(f"no session {session_id!r}; 'estate-advisor sessions' lists them")
        return _record(row)

    def list(self, client: str | None = None, *, limit: int | None = None, offset: int = 0) -> list[SessionRecord]:
        """Sessions, most recently updated first, ``limit`` of them from ``offset`` (a page of the sessions
        screen); ``client`` filters by a part of the client name. Read through the update-time index, so a
        page costs the same with ten sessions or ten thousand."""
        where, params = _client_filter(client)
        query = f"{_SELECT_SESSIONS}{where} ORDER BY s.updated_at DESC LIMIT ? OFFSET ?"
        with self._errors():
            rows = self._db.execute(query, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [_record(row) for row in rows]

    def count(self, client: str | None = None) -> int:
        """How many sessions ``list`` would give without a limit."""
        where, params = _client_filter(client)
        with self._errors():
            return int(self._db.execute(f"SELECT COUNT(*) FROM sessions s{where}", params).fetchone()[0])

    def latest(self) -> SessionRecord | None:
        sessions = self.list(limit=1)
        return sessions[0] if sessions else None

    def rename(self, session_id: str, client_name: str | None) -> SessionRecord:
        self._update(session_id, "client_name = ?", (_clean_name(client_name),))
        return self.get(session_id)

    def set_status(self, session_id: str, status: Status) -> None:
        self._update(session_id, "status = ?, revision = revision + 1", (status,))

    def delete(self, session_id: str) -> None:
        with self.transaction() as db:
            if db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount == 0:
                raise SessionNotFoundError(f"no session {session_id!r}")

    def duplicate(self, session_id: str, client_name: str | None = None) -> SessionRecord:
        """A new session with the same answers and status (not the transcript), e.g. to try a 'what if'."""
        original = self.get(session_id)
        name = client_name if client_name is not None else original.client_name
        with self.transaction():
            copy = self.create(flow_version=original.flow_version, client_name=name)
            self._db.execute(
                "INSERT INTO answers (session_id, question_id, value, answered_at) "
                "SELECT ?, question_id, value, answered_at FROM answers WHERE session_id = ?",
                (copy.id, session_id),
            )
            self.set_status(copy.id, original.status)
        return self.get(copy.id)

    def _update(self, session_id: str, assignment: str, params: tuple[object, ...]) -> None:
        with self.transaction() as db:
            cursor = db.execute(
                f"UPDATE sessions SET {assignment}, updated_at = ? WHERE id = ?", (*params, _now(), session_id)
            )
            if cursor.rowcount == 0:
                raise SessionNotFoundError(f"no session {session_id!r}")

    # --- answers ----------------------------------------------------------------------------

    def save_answer(self, session_id: str, question_id: str, value: object) -> None:
        """Commit one accepted answer (JSON-serialisable, in the answers-file format)."""
        with self.transaction() as db:
            self._update(session_id, "revision = revision + 1", ())
            db.execute(
                "INSERT INTO answers (session_id, question_id, value, answered_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (session_id, question_id) DO UPDATE SET value = excluded.value, "
                "answered_at = excluded.answered_at",
                (session_id, question_id, json.dumps(value), _now()),
            )

    def forget_answer(self, session_id: str, question_id: str) -> None:
        """Drop a saved answer (an age replaced by a birth date is one answer under another key)."""
        with self.transaction() as db:
            if db.execute(
                "DELETE FROM answers WHERE session_id = ? AND question_id = ?", (session_id, question_id)
            ).rowcount:
                self._update(session_id, "revision = revision + 1", ())

    def expect_revision(self, session_id: str, revision: int) -> None:
        """Refuse (inside a write transaction) to change a session that another window changed or deleted
        since this one read it at ``revision``."""
        with self._errors():
            row = self._db.execute("SELECT revision FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise _deleted(session_id)
        if row[0] != revision:
            raise SessionChangedError(
                f"session {session_id} was changed in another window since this one opened it, and this answer "
                f"would overwrite that window's; reopen the session to see both (estate-advisor --resume {session_id})"
            )

    def answers(self, session_id: str) -> dict[str, object]:
        """Every answer saved for a session, keyed by question id, in the order they were first given."""
        self.get(session_id)
        with self._errors():
            rows = self._db.execute(
                "SELECT question_id, value FROM answers WHERE session_id = ? ORDER BY rowid", (session_id,)
            ).fetchall()
        return {question_id: json.loads(value) for question_id, value in rows}

    def import_answers(
        self, answers: Mapping[str, object], *, flow_version: str, client_name: str | None = None
    ) -> SessionRecord:
        """A new session holding the answers of an answers file."""
        with self.transaction():
            record = self.create(flow_version=flow_version, client_name=client_name)
            for question_id, value in answers.items():
                self.save_answer(record.id, question_id, value)
        return self.get(record.id)

    # --- transcript -------------------------------------------------------------------------

    def append_transcript(self, session_id: str, speaker: Speaker, text: str) -> None:
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                raise _deleted(session_id)
            db.execute(
                "INSERT INTO transcript (session_id, seq, at, speaker, text) VALUES "
                "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM transcript WHERE session_id = ?), ?, ?, ?)",
                (session_id, session_id, _now(), speaker, text),
            )

    def transcript(self, session_id: str) -> builtins.list[TranscriptEntry]:
        with self._errors():
            rows = self._db.execute(
                "SELECT at, speaker, text FROM transcript WHERE session_id = ? ORDER BY seq", (session_id,)
            ).fetchall()
        return [
            TranscriptEntry(at=dt.datetime.fromisoformat(at), speaker=speaker, text=text) for at, speaker, text in rows
        ]


_SELECT_SESSIONS = (
    "SELECT s.id, s.client_name, s.created_at, s.updated_at, s.flow_version, s.status, s.revision, "
    "(SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id) FROM sessions s"
)
"""One row per session; the answer count is a lookup in the answers' primary key, per row returned."""


def _client_filter(client: str | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause matching a part of the client name, taken literally (``%`` and ``_`` are not wildcards)."""
    if not client:
        return "", ()
    escaped = client.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return " WHERE s.client_name LIKE ? ESCAPE '\\'", (f"%{escaped}%",)


def _record(row: tuple[str, str | None, str, str, str, Status, int, int]) -> SessionRecord:
    """A row of ``_SELECT_SESSIONS``; the table's CHECK constraint keeps ``status`` to the two values."""
    session_id, name, created, updated, flow_version, status, revision, count = row
    return SessionRecord(
        id=session_id,
        client_name=name,
        created_at=dt.datetime.fromisoformat(created),
        updated_at=dt.datetime.fromisoformat(updated),
        flow_version=flow_version,
        status=status,
        answer_count=count,
        revision=revision,
    )


def _deleted(session_id: str) -> SessionNotFoundError:
    return SessionNotFoundError(
        f"session {session_id} was deleted (in another window?), so nothing more is saved to it"
    )


def _clean_name(name: str | None) -> str | None:
    """Client names are plain text of at most 200 characters; blank means none."""
    if name is None:
        return None
    cleaned = " ".join(name.split())
    if len(cleaned) > 200:
        raise ClientNameError(f"a client name has at most 200 characters, got {len(cleaned)}")
    return cleaned or None
