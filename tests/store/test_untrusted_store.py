"""What the store cannot trust, on real processes: its file removed or replaced under a running interview,
the same session in two windows or deleted in another, a damaged write-ahead log or page, empty and foreign
files, a full disk. Each ends in one clear line, never a traceback, never a lost answer shown as saved."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from advisor.store import SessionStore
from advisor.store_database import DATABASE_NAME, StoreError
from advisor.store_file import APPLICATION_ID, WAL_FRAME_HEADER_SIZE, WAL_HEADER_SIZE
from tests.store.processes import PlainProcess, run_command

pytestmark = pytest.mark.slow


def files_of(data_dir: Path) -> dict[str, bytes]:
    """The database's content: the main file and a non-empty log (-shm is an index SQLite rebuilds; an empty
    -wal, which SQLite's read-only check may create, holds nothing)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(data_dir.iterdir())
        if not p.name.endswith("-shm") and (p.stat().st_size or not p.name.endswith("-wal"))
    }


def refused_by_the_cli(data_dir: Path, reason: str) -> None:
    """``estate-advisor sessions`` on the file: exit 1, one line naming the file and the reason, untouched."""
    before = files_of(data_dir)
    proc = run_command([sys.executable, "-m", "advisor", "sessions", "--data-dir", str(data_dir)])
    assert proc.returncode == 1, proc.stdout
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert reason in proc.stderr and "left untouched" in proc.stderr, proc.stderr
    assert files_of(data_dir) == before


def test_database_removed_mid_interview_stops_saving_and_offers_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plain = PlainProcess(data, "--client", "Ana")
    plain.answer("us")
    for name in (DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"):
        (data / name).unlink(missing_ok=True)
    plain.send("us")
    stopped = plain.wait_for("Saving stopped: ")
    assert f"the session database {data / DATABASE_NAME} was removed" in stopped
    assert plain.wait_for("Accepted, not saved: ") == "Accepted, not saved: In the United States"
    plain.send("NY")
    plain.wait_for("Accepted, not saved: New York")
    plain.send("quit")
    plain.wait_for("Type a file name to save the answers to")
    kept = tmp_path / "kept.json"
    plain.send(str(kept))
    plain.wait_for(f"Saved the answers to {kept}")
    assert plain.finish() == 0
    assert not any(line.startswith("Noted:") for line in plain.seen[plain.seen.index(stopped) :])
    assert json.loads(kept.read_text(encoding="utf-8")) == {"citizenship": "us", "domicile": "us", "state": "NY"}
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_database_replaced_mid_interview_is_not_written_and_answers_are_printed_at_the_end(tmp_path: Path) -> None:
    plain = PlainProcess(tmp_path)
    plain.answer("us")
    path = tmp_path / DATABASE_NAME
    copy = tmp_path / "copy"
    shutil.copyfile(path, copy)
    os.replace(copy, path)  # same content, another file: what a restore from backup or a sync tool does
    before = path.read_bytes()
    plain.send("us")
    assert "was replaced by another file" in plain.wait_for("Saving stopped: ")
    plain.proc.stdin.close()  # type: ignore[union-attr]
    start = plain.wait_for("Input ended; the answers, as an answers file:")
    plain.wait_for("}")
    assert plain.exit_status() == 0
    printed = "\n".join(plain.seen[plain.seen.index(start) + 1 :])
    assert json.loads(printed) == {"citizenship": "us", "domicile": "us"}
    assert path.read_bytes() == before
    plain.close()


def test_the_same_session_in_two_windows_refuses_the_stale_one(tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    record = store.import_answers({"citizenship": "us"}, flow_version="2026.11-1", client_name="Ana")
    store.close()
    first, second = PlainProcess(tmp_path, "--resume", record.id), PlainProcess(tmp_path, "--resume", record.id)
    for window in (first, second):
        window.wait_for("Question 2")
    first.answer("abroad")
    second.send("us")
    line = second.wait_for("Saving stopped: ")
    assert f"session {record.id} was changed in another window" in line and "--resume" in line
    second.send("quit")
    second.wait_for("Type a file name")
    second.send("")
    assert first.finish() == 0 and second.finish() == 0
    store = SessionStore.open(tmp_path)
    assert store.answers(record.id) == {"citizenship": "us", "domicile": "abroad"}
    store.close()


def test_a_session_deleted_in_another_window_is_one_line(tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    record = store.import_answers({"citizenship": "us"}, flow_version="2026.11-1")
    store.close()
    plain = PlainProcess(tmp_path, "--resume", record.id)
    plain.wait_for("Question 2")
    deleted = run_command(
        [sys.executable, "-m", "advisor", "sessions", "delete", record.id, "--yes", "--data-dir", str(tmp_path)]
    )
    assert deleted.returncode == 0 and deleted.stdout.startswith("Deleted session"), deleted.stderr
    plain.send("us")
    assert f"session {record.id} was deleted" in plain.wait_for("Saving stopped: ")
    assert plain.finish() == 0
    assert "Traceback" not in "\n".join(plain.seen)


def database_with_wal(data_dir: Path, answers: int) -> Path:
    """A database whose last ``answers`` commits are only in its write-ahead log (the writer was killed)."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from advisor.store import SessionStore\n"
        "store = SessionStore.open(Path(sys.argv[1]))\n"
        "record = store.create(flow_version='1', client_name='Wal')\n"
        f"for n in range({answers}):\n"
        "    store.save_answer(record.id, f'q{n}', n)\n"
        "os._exit(0)\n"  # no close: no checkpoint, the commits stay in the WAL
    )
    run_command([sys.executable, "-c", code, str(data_dir)]).check_returncode()
    wal = data_dir / f"{DATABASE_NAME}-wal"
    assert wal.stat().st_size > WAL_HEADER_SIZE
    return wal


def test_a_flipped_bit_in_the_wal_is_refused_untouched(tmp_path: Path) -> None:
    wal = database_with_wal(tmp_path, 12)
    data = bytearray(wal.read_bytes())
    data[WAL_HEADER_SIZE + WAL_FRAME_HEADER_SIZE + 100] ^= 0x01  # inside the first frame's page
    wal.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="write-ahead log is damaged at frame 1"):
        SessionStore.open(tmp_path)
    refused_by_the_cli(tmp_path, "write-ahead log is damaged")


def test_a_damaged_wal_header_is_refused(tmp_path: Path) -> None:
    wal = database_with_wal(tmp_path, 3)
    data = bytearray(wal.read_bytes())
    data[20] ^= 0x80  # the header's salt-2: its checksum no longer matches
    wal.write_bytes(bytes(data))
    refused_by_the_cli(tmp_path, "write-ahead log has a damaged header")


def test_a_wal_cut_in_the_middle_of_its_last_frame_keeps_every_earlier_commit(tmp_path: Path) -> None:
    """A crash while a transaction was being written: that transaction never committed; the rest is there."""
    wal = database_with_wal(tmp_path, 5)
    with wal.open("r+b") as stream:
        stream.truncate(wal.stat().st_size - 100)
    store = SessionStore.open(tmp_path)
    [record] = store.list()
    assert store.answers(record.id) == {f"q{n}": n for n in range(4)}
    store.close()


def test_a_damaged_page_is_refused_untouched(tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    for n in range(300):
        store.import_answers({"citizenship": "us", "age": n}, flow_version="1", client_name=f"Client {n}")
    store.close()
    path = tmp_path / DATABASE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page : 3 * page + 64] = b"\xff" * 64  # a b-tree page header overwritten
    path.write_bytes(bytes(data))
    refused_by_the_cli(tmp_path, "is damaged")


@pytest.mark.parametrize("content", [b"", b"\x00"], ids=["empty", "one-byte"])
def test_empty_and_one_byte_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(content)
    refused_by_the_cli(tmp_path, "too short to be a session database")


def test_foreign_sqlite_files_are_refused_untouched(tmp_path: Path) -> None:
    other, empty = tmp_path / "other", tmp_path / "empty"
    other.mkdir()
    empty.mkdir()
    with sqlite3.connect(other / DATABASE_NAME) as db:
        db.execute("PRAGMA application_id = 1234")
        db.execute("CREATE TABLE sessions (id TEXT)")  # even with our table names
    refused_by_the_cli(other, "another application (application id 0x4d2)")
    with sqlite3.connect(empty / DATABASE_NAME) as db:
        db.execute("PRAGMA user_version = 0")
        db.execute("CREATE TABLE t (x)")
        db.execute("DROP TABLE t")
    refused_by_the_cli(empty, "an empty database of another program")


def test_a_new_database_carries_our_application_id(tmp_path: Path) -> None:
    SessionStore.open(tmp_path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_NAME]  # no temporary left behind
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_database_of_the_previous_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    from advisor.store_schema import MIGRATIONS

    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute(
            "INSERT INTO sessions VALUES ('abc', 'Old', '2026-01-01T00:00:00+00:00', "
            "'2026-01-01T00:00:00+00:00', '1', 'in_progress')"
        )
        db.execute("PRAGMA user_version = 1")
    store = SessionStore.open(tmp_path)
    assert store.get("abc").client_name == "Old" and store.get("abc").revision == 0
    store.close()
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_lock_held_too_long_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("advisor.store_database.BUSY_TIMEOUT_MS", 200)  # how long the store's connection waits
    monkeypatch.setattr("advisor.store_file.BUSY_TIMEOUT_MS", 200)  # what the error message says it waited
    store = SessionStore.open(tmp_path)
    record = store.create(flow_version="1")
    holder = sqlite3.connect(tmp_path / DATABASE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match=r"is busy: another estate-advisor has held it for over 0 s"):
            store.save_answer(record.id, "age", 60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.save_answer(record.id, "age", 60)
    assert store.answers(record.id) == {"age": 60}
    store.close()


FULL_DISK = """
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from advisor.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_file_size_limit_mid_interview_stops_saving_with_one_line(tmp_path: Path) -> None:
    """What a full disk does to the write-ahead log, reproduced with RLIMIT_FSIZE (no mount needed)."""
    SessionStore.open(tmp_path).close()
    limit = (tmp_path / DATABASE_NAME).stat().st_size + 3 * 4096
    answers = ["us", "us", "NY", "64", "yes", "non_us", "us", "no", "60", "20m", "1m", "0", "3"]
    proc = run_command(
        [sys.executable, "-c", FULL_DISK, str(limit), "--plain", "--data-dir", str(tmp_path)], "\n".join(answers) + "\n"
    )
    assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    [stopped] = [line for line in lines if line.startswith("Saving stopped: ")]
    assert "the session database" in stopped
    noted = [line for line in lines if line.startswith("Noted: ")]
    assert noted, "some answers fit before the limit"
    store = SessionStore.open(tmp_path)
    [record] = store.list()
    assert len(store.answers(record.id)) == len(noted)  # every answer shown as noted is on disk, no more
    store.close()


def test_a_read_only_database_is_one_line(tmp_path: Path) -> None:
    """As root a chmod does not stop writes, so SQLite's own read-only switch stands in for the file's mode."""
    store = SessionStore.open(tmp_path)
    record = store.create(flow_version="1")
    store._db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match=r"is read-only; check its permissions, or save elsewhere with --data-dir"):
        store.save_answer(record.id, "age", 60)
    assert store.answers(record.id) == {}  # reading still works
    store.close()
