"""The calculators' wording, one YAML file a calculator in ``content/calculators/``: titles, field labels,
line labels and basis sentences with ``{named}`` places for the figures."""

from __future__ import annotations

from functools import cache
from typing import Any

from advisor.resources import data_dir, read_yaml


@cache
def wording(key: str) -> dict[str, Any]:
    """The wording of the calculator ``key`` (``content/calculators/<key>.yaml``), read once."""
    path = data_dir("content") / "calculators" / f"{key}.yaml"
    loaded = read_yaml(path)
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a mapping of wording")
    return loaded


def text(key: str, name: str, /, **figures: object) -> str:
    """One sentence of the calculator's ``text:`` section, its ``{places}`` filled with the figures."""
    template: str = wording(key)["text"][name]
    return template.format(**figures) if figures else template
