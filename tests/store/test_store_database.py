"""The session database file: private, in WAL mode at the current schema, bad files refused and left untouched,
and two writers at once waiting for each other instead of failing or corrupting it."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.store import SessionStore
from advisor.store_database import DATABASE_NAME, StoreError, default_data_dir
from advisor.store_schema import SCHEMA_VERSION
from tests.store.bad_database import BadDatabase, write_bad_database


def test_database_file_is_owner_only(tmp_path: Path) -> None:
    SessionStore.open(tmp_path / "data").close()
    mode = (tmp_path / "data" / DATABASE_NAME).stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) & 0o077 == 0


def test_wal_and_schema_version(tmp_path: Path) -> None:
    SessionStore.open(tmp_path).close()
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("damage", "refusal"),
    [
        ("not_a_database", r"is not an SQLite database; it was left untouched.*--data-dir"),
        ("newer_version", r"newer version of estate-advisor .*; it was left untouched.*--data-dir"),
    ],
)
def test_a_bad_file_is_refused_and_untouched(tmp_path: Path, damage: BadDatabase, refusal: str) -> None:
    path = tmp_path / DATABASE_NAME
    before = write_bad_database(path, damage)
    with pytest.raises(StoreError, match=refusal):
        SessionStore.open(tmp_path)
    assert path.read_bytes() == before


def test_foreign_database_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        db.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not estate-advisor sessions"):
        SessionStore.open(tmp_path)


def test_data_dir_from_environment(tmp_path: Path) -> None:
    assert default_data_dir({"ESTATE_ADVISOR_DATA_DIR": str(tmp_path)}) == tmp_path
    assert default_data_dir({}).name == "estate-advisor"


WRITER = """
import sys
from pathlib import Path
from advisor.store import SessionStore
store = SessionStore.open(Path(sys.argv[1]))
for n in range(100):
    record = store.create(flow_version="1", client_name=f"{sys.argv[2]}-{n}")
    store.save_answer(record.id, "age", n)
store.close()
"""


def test_concurrent_writers_do_not_corrupt(tmp_path: Path) -> None:
    SessionStore.open(tmp_path).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), name], stderr=subprocess.PIPE)
        for name in ("left", "right")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
    store = SessionStore.open(tmp_path)
    sessions = store.list()
    assert len(sessions) == 200 and all(s.answer_count == 1 for s in sessions)
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
