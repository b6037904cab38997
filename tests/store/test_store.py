"""The session store: answers survive, files are private, bad files are refused and left untouched."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.store import (
    DATABASE_NAME,
    SCHEMA_VERSION,
    SessionNotFoundError,
    SessionStore,
    StoreError,
    default_data_dir,
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    opened = SessionStore.open(tmp_path)
    yield opened  # type: ignore[misc]
    opened.close()


def test_answers_saved_and_updated(store: SessionStore) -> None:
    record = store.create(flow_version="1", client_name="  Ana   Lima ")
    assert record.client_name == "Ana Lima" and record.status == "in_progress"
    store.save_answer(record.id, "citizenship", "us")
    store.save_answer(record.id, "estate_total", "2.5m")
    store.save_answer(record.id, "citizenship", "non_us")
    assert store.answers(record.id) == {"citizenship": "non_us", "estate_total": "2.5m"}
    assert store.get(record.id).answer_count == 2
    assert store.get(record.id).updated_at > record.updated_at


def test_answers_visible_to_a_second_connection_at_once(tmp_path: Path, store: SessionStore) -> None:
    record = store.create(flow_version="1")
    store.save_answer(record.id, "age", 70)
    other = SessionStore.open(tmp_path)
    assert other.answers(record.id) == {"age": 70}
    other.close()


def test_list_filters_by_client_and_orders_by_update(store: SessionStore) -> None:
    first = store.create(flow_version="1", client_name="Maria Garcia")
    second = store.create(flow_version="1", client_name="John 100%_Smith")
    store.save_answer(first.id, "age", 50)
    assert [r.id for r in store.list()] == [first.id, second.id]
    assert [r.id for r in store.list("garcia")] == [first.id]
    assert [r.id for r in store.list("100%_")] == [second.id]
    assert store.list("%x") == []  # a literal percent sign, not a wildcard
    assert store.latest() is not None and store.latest().id == first.id  # type: ignore[union-attr]


def test_rename_duplicate_delete(store: SessionStore) -> None:
    record = store.create(flow_version="1", client_name="A")
    store.save_answer(record.id, "married", True)
    assert store.rename(record.id, "B").client_name == "B"
    copy = store.duplicate(record.id, client_name="B (what if)")
    assert copy.id != record.id and store.answers(copy.id) == {"married": True}
    store.delete(record.id)
    with pytest.raises(SessionNotFoundError, match="sessions"):
        store.get(record.id)
    assert store.answers(copy.id) == {"married": True}
    with pytest.raises(SessionNotFoundError):
        store.delete(record.id)


def test_import_answers_and_transcript(store: SessionStore) -> None:
    record = store.import_answers({"citizenship": "us", "age": 61}, flow_version="1", client_name="C")
    assert store.answers(record.id) == {"citizenship": "us", "age": 61}
    store.append_transcript(record.id, "advisor", "Are you a US citizen?")
    store.append_transcript(record.id, "person", "yes")
    assert [(e.speaker, e.text) for e in store.transcript(record.id)] == [
        ("advisor", "Are you a US citizen?"),
        ("person", "yes"),
    ]


def test_hostile_client_name_stored_as_plain_text(store: SessionStore) -> None:
    name = "<script>alert(1)</script> {{ 7*7 }} '; DROP TABLE sessions; --"
    record = store.create(flow_version="1", client_name=name)
    assert store.get(record.id).client_name == name
    assert len(store.list()) == 1


def test_overlong_client_name_rejected(store: SessionStore) -> None:
    with pytest.raises(StoreError, match="at most 200 characters"):
        store.create(flow_version="1", client_name="x" * 201)


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


def test_corrupt_file_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(StoreError, match=r"is not an SQLite database; it was left untouched.*--data-dir"):
        SessionStore.open(tmp_path)
    assert path.read_bytes() == garbage


def test_newer_version_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
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
