"""flows/ and content/ are found inside an installed package first, beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.resources import data_dir, find

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_uses_the_top_level_folders() -> None:
    assert data_dir("flows") == ROOT / "flows" and data_dir("content") == ROOT / "content"


def test_installed_package_folder_wins(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "advisor"
    (package / "flows").mkdir(parents=True)
    (tmp_path / "site-packages" / "flows").mkdir()
    assert find("flows", package) == package / "flows"


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="content/"):
        find("content", tmp_path / "advisor")
