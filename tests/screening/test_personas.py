"""Every bundled persona takes its expected route and fires its expected rules; together they reach
every route and every named rule (the persona coverage table)."""

from __future__ import annotations

import pytest

from advisor.screening.coverage import coverage
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


def test_persona_coverage_reaches_every_route_and_every_rule() -> None:
    table = coverage({name: persona(name)[1] for name in ROUTES})
    routes_needed = {"route:qdot:person_dies_first", "route:qdot:spouse_dies_first", "route:qprt", "route:no_action"}
    rules_needed = {f"rule:{name}" for name in legal_basis()}
    missing = {key for key in routes_needed | rules_needed if not table.get(key)}
    assert not missing, f"no persona reaches {sorted(missing)}"
