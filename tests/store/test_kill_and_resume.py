"""Nothing is lost: real interviews killed with SIGKILL, resumed, shared by two processes, or refused a bad file.

Each test drives ``estate-advisor --plain`` through pipes and waits for concrete lines, for as long as the
processes work (:mod:`tests.store.processes`): plain mode prints ``Noted:`` only after the answer is committed,
so every ``Noted:`` seen before a kill must survive it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Literal

import pytest

from advisor.engine import Session
from advisor.store import SessionStore
from advisor.store_database import DATABASE_NAME
from tests.store.bad_database import BadDatabase, write_bad_database
from tests.store.processes import PlainProcess, run_command

pytestmark = pytest.mark.slow

ANSWERS = ["us", "us", "NY", "64", "yes", "non_us", "MX", "us", "no", "60", "20m", "1m", "0", "3"]
"""A US citizen married to a non-citizen; answers 8 and 12 are questions with a flow default."""
KILL_AFTER = [1, 4, 7, 11]
"""Kill points: after the first answer, mid-way, and just before each question that has a default."""


def expected_after(count: int) -> Session:
    """The interview as it stands after the first ``count`` answers, asked one by one."""
    session = Session()
    for raw in ANSWERS[:count]:
        assert session.answer(raw).accepted, raw
    return session


def saved_answers(data_dir: Path) -> dict[str, object]:
    store = SessionStore.open(data_dir)
    try:
        [record] = store.list()
        return store.answers(record.id)
    finally:
        store.close()


def integrity(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / DATABASE_NAME) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


Moment = Literal["right_after_accept", "waiting_for_input", "while_answering"]


@pytest.mark.parametrize("moment", ["right_after_accept", "waiting_for_input", "while_answering"])
def test_killed_interviews_resume_with_every_accepted_answer(tmp_path: Path, moment: Moment) -> None:
    done = 0
    for kill_at in KILL_AFTER:
        process = PlainProcess(tmp_path, *(["--resume"] if done else ["--client", "Kill Test"]))
        question = process.wait_for("Question ")
        assert expected_after(done).current.prompt in question  # type: ignore[union-attr]
        for raw in ANSWERS[done:kill_at]:
            process.answer(raw)
        if moment == "waiting_for_input":
            process.wait_for("Question ")
        elif moment == "while_answering":
            process.send(ANSWERS[kill_at])
        process.kill()
        saved = saved_answers(tmp_path)
        accepted = expected_after(kill_at).to_answers()
        if moment == "while_answering" and saved != accepted:
            # The answer in flight when the process died may have been committed, but then all of it.
            kill_at += 1
            accepted = expected_after(kill_at).to_answers()
        assert saved == accepted
        done = kill_at
    resumed = PlainProcess(tmp_path, "--resume")
    assert expected_after(done).current.prompt in resumed.wait_for("Question ")  # type: ignore[union-attr]
    assert resumed.finish() == 0
    assert integrity(tmp_path) == "ok"


def test_killed_before_the_first_answer_leaves_nothing_to_resume(tmp_path: Path) -> None:
    process = PlainProcess(tmp_path)
    process.wait_for("Question 1 ")
    process.kill()
    again = PlainProcess(tmp_path, "--resume")
    assert again.finish() == 2
    store = SessionStore.open(tmp_path)
    assert store.list() == []
    store.close()


def test_two_instances_share_one_database(tmp_path: Path) -> None:
    ana, bo = PlainProcess(tmp_path, "--client", "Ana"), PlainProcess(tmp_path, "--client", "Bo")
    for raw in ANSWERS:
        ana.send(raw)
        bo.send(raw)
        ana.wait_for("Noted: ")
        bo.wait_for("Noted: ")
    assert ana.finish() == 0 and bo.finish() == 0
    assert integrity(tmp_path) == "ok"
    store = SessionStore.open(tmp_path)
    records = {record.client_name: record for record in store.list()}
    assert set(records) == {"Ana", "Bo"}
    expected = expected_after(len(ANSWERS)).to_answers()
    assert all(store.answers(record.id) == expected for record in records.values())
    store.close()


@pytest.mark.parametrize("damage", ["not_a_database", "newer_version"])
@pytest.mark.parametrize("mode", [["--plain"], []], ids=["plain", "tui"])
def test_a_bad_database_is_refused_untouched_and_a_fresh_one_works(
    tmp_path: Path, damage: BadDatabase, mode: list[str]
) -> None:
    bad_dir, fresh_dir = tmp_path / "bad", tmp_path / "fresh"
    bad_dir.mkdir()
    path = bad_dir / DATABASE_NAME
    before = write_bad_database(path, damage)
    refused = run_command([sys.executable, "-m", "advisor", *mode, "--data-dir", str(bad_dir)])
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith(f"estate-advisor: error: {path}") and "--data-dir" in refused.stderr
    assert path.read_bytes() == before
    fresh = PlainProcess(fresh_dir)
    fresh.answer("us")
    assert fresh.finish() == 0
    assert saved_answers(fresh_dir) == {"citizenship": "us"}
    assert path.read_bytes() == before
