"""Interview sessions in SQLite: every accepted answer is committed the moment it is given.

One database file holds all sessions (client name, times, flow version, status), the latest answer
to each question and an append-only transcript. WAL journaling and a busy timeout let two app
instances share the file; ``PRAGMA user_version`` versions the schema, and migrations run in order.
A file that is not a database of ours, or is from a newer version, is refused and never
overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict

from advisor.resources import DATA_DIR_ENV

APP_NAME = "estate-advisor"
DATABASE_NAME = "sessions.sqlite3"
BUSY_TIMEOUT_MS = 5000

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: sessions, their answers and transcripts
    (
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            client_name TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            flow_version TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('in_progress', 'complete'))
        )""",
        """CREATE TABLE answers (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            value TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (session_id, question_id)
        )""",
        """CREATE TABLE transcript (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            speaker TEXT NOT NULL CHECK (speaker IN ('advisor', 'person')),
            text TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        )""",
        "CREATE INDEX sessions_by_update ON sessions(updated_at)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

Status = Literal["in_progress", "complete"]
STATUS_SHOWN: dict[str, str] = {"in_progress": "in progress", "complete": "complete"}
Speaker = Literal["advisor", "person"]


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


class SessionNotFoundError(StoreError):
    pass


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


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$ESTATE_ADVISOR_DATA_DIR`` if set, else the user's data directory for the app."""
    env = os.environ if env is None else env
    override = env.get(DATA_DIR_ENV, "").strip()
    return Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME))


def local_time(moment: dt.datetime) -> str:
    """A stored (UTC) time as the user's local wall-clock time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class SessionStore:
    """Sessions in one SQLite file; each method is one short transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, data_dir: Path | None = None) -> SessionStore:
        """Open (creating if need be) the database in a data directory readable by its owner only."""
        directory = default_data_dir() if data_dir is None else data_dir
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise StoreError(f"cannot create the data directory {directory}: {error.strerror}") from None
        path = directory / DATABASE_NAME
        fresh = not path.exists()
        if fresh:
            # Create the file owner-only before SQLite writes to it, so it is never readable by others.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the session database {path}: {error}") from None
        store = cls(connection, path)
        store._prepare()
        os.chmod(path, 0o600)
        return store

    def _prepare(self) -> None:
        """Check the file is ours and current, then migrate; refuse anything else without writing."""
        try:
            # One read transaction: another instance migrating a fresh file at the same moment must not be
            # seen half-way (version 0 from before its commit, its tables from after).
            self._db.execute("BEGIN")
            try:
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            finally:
                self._db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(
                f"{self.path} is not a readable session database ({error}); it was left untouched. "
                f"Move it aside, or start on a fresh file with --data-dir or {DATA_DIR_ENV}"
            ) from None
        if version > SCHEMA_VERSION:
            self._db.close()
            raise StoreError(
                f"{self.path} was written by a newer version of estate-advisor (schema {version}, this version "
                f"reads up to {SCHEMA_VERSION}); it was left untouched. Upgrade estate-advisor, or start on a "
                f"fresh file with --data-dir or {DATA_DIR_ENV}"
            )
        if version == 0 and tables:
            self._db.close()
            raise StoreError(
                f"{self.path} holds tables that are not estate-advisor sessions; it was left untouched. "
                f"Start on a fresh file with --data-dir or {DATA_DIR_ENV}"
            )
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        with self.transaction() as db:
            # Read the version again under the write lock: another instance may have migrated meanwhile.
            current = db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(current, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so concurrent writers wait, not fail.
        Calls inside an open transaction join it, so several changes can be committed as one."""
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

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
        row = self._db.execute(_SELECT_SESSIONS + " WHERE s.id = ? GROUP BY s.id", (session_id,)).fetchone()
        if row is None:
            raise SessionNotFoundError(f"no session {session_id!r}; 'estate-advisor sessions' lists them")
        return _record(row)

    def list(self, client: str | None = None) -> list[SessionRecord]:
        """Sessions, most recently updated first; ``client`` filters by a part of the client name."""
        query = _SELECT_SESSIONS
        params: tuple[str, ...] = ()
        if client:
            query += " WHERE s.client_name LIKE ? ESCAPE '\\'"
            params = ("%" + client.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",)
        query += " GROUP BY s.id ORDER BY s.updated_at DESC"
        return [_record(row) for row in self._db.execute(query, params)]

    def latest(self) -> SessionRecord | None:
        sessions = self.list()
        return sessions[0] if sessions else None

    def rename(self, session_id: str, client_name: str | None) -> SessionRecord:
        self._update(session_id, "client_name = ?", (_clean_name(client_name),))
        return self.get(session_id)

    def set_status(self, session_id: str, status: Status) -> None:
        self._update(session_id, "status = ?", (status,))

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
        now = _now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO answers (session_id, question_id, value, answered_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (session_id, question_id) DO UPDATE SET value = excluded.value, "
                "answered_at = excluded.answered_at",
                (session_id, question_id, json.dumps(value), now),
            )
            db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (now, session_id))

    def forget_answer(self, session_id: str, question_id: str) -> None:
        """Drop a saved answer (an age replaced by a birth date is one answer under another key)."""
        with self.transaction() as db:
            db.execute("DELETE FROM answers WHERE session_id = ? AND question_id = ?", (session_id, question_id))

    def answers(self, session_id: str) -> dict[str, object]:
        """Every answer saved for a session, keyed by question id, in the order they were first given."""
        self.get(session_id)
        rows = self._db.execute(
            "SELECT question_id, value FROM answers WHERE session_id = ? ORDER BY rowid", (session_id,)
        )
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
            db.execute(
                "INSERT INTO transcript (session_id, seq, at, speaker, text) VALUES "
                "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM transcript WHERE session_id = ?), ?, ?, ?)",
                (session_id, session_id, _now(), speaker, text),
            )

    def transcript(self, session_id: str) -> list[TranscriptEntry]:
        rows = self._db.execute(
            "SELECT at, speaker, text FROM transcript WHERE session_id = ? ORDER BY seq", (session_id,)
        )
        return [
            TranscriptEntry(at=dt.datetime.fromisoformat(at), speaker=speaker, text=text) for at, speaker, text in rows
        ]


_SELECT_SESSIONS = (
    "SELECT s.id, s.client_name, s.created_at, s.updated_at, s.flow_version, s.status, COUNT(a.question_id) "
    "FROM sessions s LEFT JOIN answers a ON a.session_id = s.id"
)


def _record(row: tuple[object, ...]) -> SessionRecord:
    session_id, name, created, updated, flow_version, status, count = row
    return SessionRecord(
        id=str(session_id),
        client_name=None if name is None else str(name),
        created_at=dt.datetime.fromisoformat(str(created)),
        updated_at=dt.datetime.fromisoformat(str(updated)),
        flow_version=str(flow_version),
        status=status,  # type: ignore[arg-type]
        answer_count=int(count),  # type: ignore[call-overload]
    )


def _clean_name(name: str | None) -> str | None:
    """Client names are plain text of at most 200 characters; blank means none."""
    if name is None:
        return None
    cleaned = " ".join(name.split())
    if len(cleaned) > 200:
        raise ClientNameError(f"a client name has at most 200 characters, got {len(cleaned)}")
    return cleaned or None
