"""Shared test fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.store import SessionStore

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The team's reference data beside the project (tests may read it; the product never does)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    """A session store in a fresh folder, closed after the test."""
    opened = SessionStore.open(tmp_path)
    yield opened
    opened.close()
