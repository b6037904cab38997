"""mypy is part of the test run: the package type-checks under --strict, the tests under mypy's defaults.

The settings live in pyproject.toml ([tool.mypy]); the cache (.mypy_cache, git-ignored) keeps a
re-run to a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_clean() -> None:
    from mypy import api

    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            str(ROOT / "advisor"),
            str(ROOT / "tests"),
        ]
    )
    assert status == 0, stdout + stderr
