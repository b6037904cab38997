"""Where the data folders live: ``advisor/flows`` and ``advisor/content`` in an installed wheel, the
top-level ``flows/`` and ``content/`` in a source checkout. Everything that reads them asks here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal

Folder = Literal["flows", "content"]
DATA_DIR_ENV = "ESTATE_ADVISOR_DATA_DIR"
"""The environment variable naming the folder of saved sessions (the store's; here so that the
command line can name it without loading the store)."""

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


COMPILED_INTERVIEW = _PACKAGE / "interview.json"
"""The interview as shipped: the checked flow, its question texts and the app's fixed messages, compiled
from flows/ and content/ by :mod:`advisor.compiled_flow` (the tests check it is not stale)."""


@cache
def compiled_interview() -> dict[str, Any]:
    """The compiled interview, read once per process."""
    interview: dict[str, Any] = json.loads(COMPILED_INTERVIEW.read_text(encoding="utf-8"))
    return interview


COMPILED_TEMPLATES = _PACKAGE / "content_compiled"
"""The templates reports, cards and transcripts render, compiled to Python modules from content/ by
:mod:`advisor.compiled_templates` (the tests check they are not stale)."""


def read_yaml(path: Path) -> Any:
    """A data file of ours in YAML, parsed by libyaml where PyYAML was built with it (several times faster than
    the pure-Python parser, the same data: both build it with the safe constructor)."""
    import yaml

    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
