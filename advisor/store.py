"""Interview sessions in SQLite: every accepted answer is committed the moment it is given.

One database file holds all sessions (client name, times, flow version, status), the latest answer
to each question and an append-only transcript. WAL journaling and a busy timeout let two app
instances share the file; ``PRAGMA user_version`` versions the schema, and migrations run in order.

The store trusts nothing it has not checked: a new file is built aside and renamed into place, so a
file without our ``application_id`` is someone else's; a file that is empty, foreign, from a newer
version, damaged (``PRAGMA quick_check``) or whose write-ahead log would drop committed transactions is
refused before anything writes to it (see ``store_file``). Every commit first checks the file is still
the one opened (not removed or replaced under the running app), and every change to a session's answers
bumps its ``revision``, so a second window on the same session is refused instead of silently
overwriting the first. SQLite errors become a ``StoreError`` with one line saying what to do.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import platformdirs
from pydantic import BaseModel, ConfigDict

from advisor.files import place_new
from advisor.resources import DATA_DIR_ENV
from advisor.store_file import APPLICATION_ID, header_problem, identity, wal_problem

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
    # 2: the file says it is ours; each session counts the changes to its answers (two windows, one session)
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        "ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
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


class SessionChangedError(StoreError):
    """The session's answers were changed by another window since this one read them."""


class DatabaseLostError(StoreError):
    """The database file was removed or replaced while the app was running."""


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
        self._identity = identity(path)
        """The file's (device, inode) when opened; every commit checks it is still the same."""

    @classmethod
    def open(cls, data_dir: Path | None = None) -> SessionStore:
        """Open (creating if need be) the database in a data directory readable by its owner only."""
        directory = default_data_dir() if data_dir is None else data_dir
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise StoreError(f"cannot create the data directory {directory}: {error.strerror}") from None
        path = directory / DATABASE_NAME
        try:
            if not os.path.lexists(path):
                _create(path)
            version = _check(path)
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except OSError as error:
            raise StoreError(f"cannot open the session database {path}: {error.strerror or error}") from None
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the session database {path}: {_explain(error, path)}") from None
        store = cls(connection, path)
        try:
            store._prepare(version)
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self, version: int) -> None:
        """Settings for this connection, then any migration (under the write lock: another instance may
        have migrated meanwhile). A file already current is not written, so a read-only one still lists."""
        with self._errors():
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            with self.transaction() as db:
                _migrate(db)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors as one line that says what to do."""
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(_explain(error, self.path)) from None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so concurrent writers wait, not fail.
        Calls inside an open transaction join it, so several changes can be committed as one. Before the
        commit, the file must still be the one opened: a commit to a removed or replaced file would be lost."""
        if self._db.in_transaction:
            yield self._db
            return
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
        try:
            with self._errors():
                yield self._db
            self._check_identity()
            with self._errors():
                self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
            raise

    def _check_identity(self) -> None:
        now = identity(self.path)
        if now != self._identity:
            how = "removed" if now is None else "replaced by another file"
            raise DatabaseLostError(
                f"the session database {self.path} was {how} while estate-advisor was running, "
                "so nothing more can be saved to it"
            )

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


def _record(row: tuple[object, ...]) -> SessionRecord:
    session_id, name, created, updated, flow_version, status, revision, count = row
    return SessionRecord(
        id=str(session_id),
        client_name=None if name is None else str(name),
        created_at=dt.datetime.fromisoformat(str(created)),
        updated_at=dt.datetime.fromisoformat(str(updated)),
        flow_version=str(flow_version),
        status=status,  # type: ignore[arg-type]
        answer_count=int(count),  # type: ignore[call-overload]
        revision=int(revision),  # type: ignore[call-overload]
    )


def _migrate(db: sqlite3.Connection) -> None:
    """Run the migrations the file has not had yet (inside the caller's write transaction)."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(current, SCHEMA_VERSION):
        for statement in MIGRATIONS[number]:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number + 1}")


def _create(path: Path) -> None:
    """A new, migrated, owner-only database built beside ``path`` and linked into place whole, so a file
    at ``path`` is always either complete or not ours. If another instance created it first, theirs stays."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".sessions-", suffix=".new")
    os.close(handle)  # mkstemp makes it 0600 whatever the umask
    try:
        db = sqlite3.connect(temporary, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            _migrate(db)
            db.execute("COMMIT")
        finally:
            db.close()
        with suppress(FileExistsError):
            place_new(Path(temporary), path)
    finally:
        for leftover in (temporary, f"{temporary}-wal", f"{temporary}-shm"):
            with suppress(FileNotFoundError):
                os.unlink(leftover)


def _deleted(session_id: str) -> SessionNotFoundError:
    return SessionNotFoundError(
        f"session {session_id} was deleted (in another window?), so nothing more is saved to it"
    )


def _refused(path: Path, problem: str) -> StoreError:
    return StoreError(
        f"{path} {problem}; it was left untouched. Move it aside, or start on a fresh file with --data-dir "
        f"or {DATA_DIR_ENV}"
    )


def _check(path: Path) -> int:
    """The file's schema version, after checking (read-only, so nothing is changed) that it is ours,
    whole and not newer than this version; otherwise a StoreError saying why and that it is untouched."""
    problem = header_problem(path) or wal_problem(Path(f"{path}-wal"))
    if problem:
        raise _refused(path, problem)
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise _refused(path, f"cannot be opened ({error})") from None
    try:
        db.execute("BEGIN")  # one snapshot: a concurrent first migration is never seen half-way
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        damage = [" ".join(str(row[0]).split()) for row in db.execute("PRAGMA quick_check(3)")]
        db.execute("COMMIT")
    except sqlite3.Error as error:
        raise _refused(path, f"is not a readable session database ({_explain(error, path)})") from None
    finally:
        db.close()
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer version of estate-advisor (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}); it was left untouched. Upgrade estate-advisor, or start on a "
            f"fresh file with --data-dir or {DATA_DIR_ENV}"
        )
    ours = application_id == APPLICATION_ID or (application_id == 0 and version == 1 and "sessions" in tables)
    if not ours:
        what = (
            "holds tables that are not estate-advisor sessions" if tables else "is an empty database of another program"
        )
        raise _refused(path, what)
    if damage != ["ok"]:
        raise _refused(path, f"is damaged (SQLite's check: {'; '.join(damage)})")
    return int(version)


def _explain(error: sqlite3.Error, path: Path) -> str:
    """What an SQLite error means for the person using the app, in one line."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return (
            f"the session database {path} is busy: another estate-advisor has held it for over "
            f"{BUSY_TIMEOUT_MS // 1000} s; close the other window or try again"
        )
    if "readonly" in text or "read-only" in text:
        return f"the session database {path} is read-only; check its permissions, or save elsewhere with --data-dir"
    if "full" in text:
        return f"the disk holding {path} is full; free some space, or save elsewhere with --data-dir"
    if "malformed" in text or "not a database" in text:
        return f"the session database {path} is damaged ({text}); move it aside and start a fresh one with --data-dir"
    return f"the session database {path} cannot be used ({text})"


def _clean_name(name: str | None) -> str | None:
    """Client names are plain text of at most 200 characters; blank means none."""
    if name is None:
        return None
    cleaned = " ".join(name.split())
    if len(cleaned) > 200:
        raise ClientNameError(f"a client name has at most 200 characters, got {len(cleaned)}")
    return cleaned or None
