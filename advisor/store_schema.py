"""The session database's schema: its migrations in order, and a new file built whole beside its place.

``PRAGMA user_version`` counts the migrations a file has had; each runs once, inside a write transaction.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import suppress
from pathlib import Path

from advisor.files import place_new
from advisor.store_file import APPLICATION_ID

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


def migrate(db: sqlite3.Connection) -> None:
    """Run the migrations the file has not had yet (inside the caller's write transaction)."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(current, SCHEMA_VERSION):
        for statement in MIGRATIONS[number]:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number + 1}")


def create(path: Path) -> None:
    """A new, migrated, owner-only database built beside ``path`` and linked into place whole, so a file
    at ``path`` is always either complete or not ours. If another instance created it first, theirs stays."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".sessions-", suffix=".new")
    os.close(handle)  # mkstemp makes it 0600 whatever the umask
    try:
        db = sqlite3.connect(temporary, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            migrate(db)
            db.execute("COMMIT")
        finally:
            db.close()
        with suppress(FileExistsError):
            place_new(Path(temporary), path)
    finally:
        for leftover in (temporary, f"{temporary}-wal", f"{temporary}-shm"):
            with suppress(FileNotFoundError):
                os.unlink(leftover)
