"""Persona coverage: which bundled example people reach each route and each named rule.

A teaching aid (every decision path has someone to show it with) and a check that the personas
exercise the whole screening.
"""

from __future__ import annotations

from advisor.screening.data import legal_basis
from advisor.screening.models import Screening


def coverage(screenings: dict[str, Screening]) -> dict[str, list[str]]:
    """Route (``route:kind[:scenario]``) or rule (``rule:name``) -> the personas that reach it; every
    named rule is listed, with no personas when none reaches it."""
    table: dict[str, list[str]] = {f"rule:{name}": [] for name in legal_basis()}
    for name, screening in sorted(screenings.items()):
        for r in screening.recommendations:
            reached = [f"route:{r.kind}" + (f":{r.scenario}" if r.scenario else "")]
            reached += [f"rule:{hit.name}" for hit in r.rules]
            for key in reached:
                names = table.setdefault(key, [])
                if name not in names:
                    names.append(name)
    return dict(sorted(table.items(), key=lambda item: (not item[0].startswith("route:"), item[0])))
