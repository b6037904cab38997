"""Where the data folders live: ``advisor/flows`` and ``advisor/content`` in an installed wheel, the
top-level ``flows/`` and ``content/`` in a source checkout. Everything that reads them asks here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

Folder = Literal["flows", "content"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(folder: Folder) -> Path:
    """The folder inside the installed package if it is there, else the one beside the package."""
    return find(folder, _PACKAGE)


def find(folder: Folder, package: Path) -> Path:
    for candidate in (package / folder, package.parent / folder):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {folder}/ folder is neither in {package} nor beside it; reinstall estate-advisor")
