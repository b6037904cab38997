"""Session database files the store must refuse and leave untouched, made one way for every test that needs one."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

from advisor.store_schema import SCHEMA_VERSION

BadDatabase = Literal["not_a_database", "newer_version"]


def write_bad_database(path: Path, kind: BadDatabase) -> bytes:
    """A file at ``path`` that is not SQLite, or an SQLite file of a newer schema; its bytes, to check later
    that nothing touched them."""
    if kind == "not_a_database":
        path.write_bytes(b"this is not a database" * 100)
    else:
        with sqlite3.connect(path) as db:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return path.read_bytes()
