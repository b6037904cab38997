"""The session database as a file SQLite writes: where it lives, the checks before anything writes to it, one
connection and its transactions, SQLite's errors in words. What the file holds, and the queries on it, are
:mod:`advisor.store`'s.

The store trusts nothing it has not checked: a new file is built aside and renamed into place, so a file
without our ``application_id`` is someone else's; a file that is empty, foreign, from a newer version, damaged
(``PRAGMA quick_check``) or whose write-ahead log would drop committed transactions is refused before anything
writes to it (see :mod:`advisor.store_file`). Every commit first checks the file is still the one opened (not
removed or replaced under the running app). WAL journaling and a busy timeout let two app instances share the
file; ``PRAGMA user_version`` versions the schema, and migrations run in order (:mod:`advisor.store_schema`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Self
from urllib.parse import quote

import platformdirs

from advisor.resources import DATA_DIR_ENV
from advisor.store_file import APPLICATION_ID, BUSY_TIMEOUT_MS, explain, header_problem, identity, wal_problem
from advisor.store_schema import SCHEMA_VERSION, create, migrate

APP_NAME = "estate-advisor"
DATABASE_NAME = "sessions.sqlite3"


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


class DatabaseLostError(StoreError):
    """The database file was removed or replaced while the app was running."""


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$ESTATE_ADVISOR_DATA_DIR`` if set, else the user's data directory for the app."""
    env = os.environ if env is None else env
    override = env.get(DATA_DIR_ENV, "").strip()
    return Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME))


class Database:
    """One connection to the session database, opened only after its file is checked; a subclass's methods
    each run in one short transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._identity = identity(path)
        """The file's (device, inode) when opened; every commit checks it is still the same."""

    @classmethod
    def open(cls, data_dir: Path | None = None) -> Self:
        """Open (creating if need be) the database in a data directory readable by its owner only."""
        directory = default_data_dir() if data_dir is None else data_dir
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise StoreError(f"cannot create the data directory {directory}: {error.strerror}") from None
        path = directory / DATABASE_NAME
        try:
            if not os.path.lexists(path):
                create(path)
            version = _check(path)
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except OSError as error:
            raise StoreError(f"cannot open the session database {path}: {error.strerror or error}") from None
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the session database {path}: {explain(error, path)}") from None
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
                migrate(db)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors as one line that says what to do."""
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(explain(error, self.path)) from None

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
        raise _refused(path, f"is not a readable session database ({explain(error, path)})") from None
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
