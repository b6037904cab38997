"""The session store: answers survive, sessions list, rename, copy and delete, client names stay plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.store import SessionNotFoundError, SessionStore
from advisor.store_database import StoreError


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
