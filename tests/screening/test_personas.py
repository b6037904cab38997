"""Every bundled persona takes its expected route and fires its expected rules; together they reach
every route and every named rule (the persona coverage table)."""

from __future__ import annotations

import pytest

from advisor.screening.data import legal_basis
from tests.screening.personas import persona, persona_files, routes

ROUTES = routes()


def test_every_persona_file_has_an_expected_route() -> None:
    assert {path.stem for path in persona_files()} == set(ROUTES)
    assert len(ROUTES) >= 8


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_persona_route_and_rules(name: str) -> None:
    _, screening = persona(name)
    expected = ROUTES[name]
    assert list(screening.kinds) == expected["kinds"]
    fired = {hit.name for r in screening.recommendations for hit in r.rules}
    assert fired == set(expected["rules"])


def coverage() -> dict[str, list[str]]:
    """Route or rule -> the personas that reach it."""
    table: dict[str, list[str]] = {}
    for name in sorted(ROUTES):
        _, screening = persona(name)
        for r in screening.recommendations:
            table.setdefault(f"route:{r.kind}" + (f":{r.scenario}" if r.scenario else ""), []).append(name)
            for hit in r.rules:
                table.setdefault(f"rule:{hit.name}", []).append(name)
    return table


def test_persona_coverage_reaches_every_route_and_every_rule() -> None:
    table = coverage()
    routes_needed = {"route:qdot:person_dies_first", "route:qdot:spouse_dies_first", "route:qprt", "route:no_action"}
    rules_needed = {f"rule:{name}" for name in legal_basis()}
    missing = (routes_needed | rules_needed) - set(table)
    assert not missing, f"no persona reaches {sorted(missing)}"
