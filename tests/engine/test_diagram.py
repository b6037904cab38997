"""The decision graph in Mermaid: a snapshot (so any flow change shows in review), ids no renderer
mistakes for keywords, every branch in words, the routes with their rules, and a person's path."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from advisor.engine import load_flow
from advisor.engine.conditions import CONDITIONS
from advisor.engine.diagram import PATH_STYLE, edges, mermaid
from advisor.engine.words import words
from advisor.screening.data import legal_basis
from tests.screening.personas import persona

GOLDEN = Path(__file__).parent / "golden" / "interview.mmd"

MERMAID_KEYWORDS = {
    # Words Mermaid's flowchart grammar reads as keywords (an id spelled so breaks or silently drops
    # the line), and the diagram types and state-diagram words (the old graph lost `state --> age`).
    *("graph", "flowchart", "flowchart-elk", "subgraph", "end", "direction", "style", "classdef", "class"),
    *("linkstyle", "click", "call", "href", "callback", "default", "interpolate", "acctitle", "accdescr"),
    *("tb", "td", "bt", "rl", "lr", "state", "statediagram", "statediagram-v2", "note", "as", "fork", "join"),
    *("choice", "concurrent", "title", "sequencediagram", "classdiagram", "erdiagram", "journey", "gantt"),
}
ID = r"[A-Za-z][A-Za-z0-9_]*"
NODE = re.compile(rf"^    ({ID})(\[\"|\{{\{{\"|\(\")")
EDGE = re.compile(rf"^    ({ID})(?: -- (\"[^\"]*\"))? --> ({ID})$")


def node_ids(text: str) -> set[str]:
    ids = {match.group(1) for line in text.splitlines() if (match := NODE.match(line))}
    for line in text.splitlines():
        if match := EDGE.match(line):
            ids |= {match.group(1), match.group(3)}
    return ids


def test_mermaid_snapshot() -> None:
    text = mermaid(load_flow())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_no_id_is_a_mermaid_keyword_or_reads_as_an_edge_end() -> None:
    text = mermaid(load_flow())
    ids = node_ids(text)
    assert len(ids) == len(load_flow().questions) + 1 + 3  # questions, the screening, three routes
    for node in ids:
        assert node.lower() not in MERMAID_KEYWORDS, node
        assert node[0].lower() not in {"o", "x"}, f"{node}: after an arrow, o and x draw circle and cross ends"
    body = text.split("flowchart TD\n", 1)[1]
    for line in body.splitlines():
        styled = line.startswith(("    classDef ", "    class ", "    linkStyle "))
        assert NODE.match(line) or EDGE.match(line) or styled, line


def test_every_branch_is_drawn_with_its_conditions_in_words() -> None:
    flow = load_flow()
    text = mermaid(flow)
    assert 'q_domicile -- "lives in the US" --> q_state' in text
    assert 'q_estate_total -- "not a citizen and lives abroad" --> q_estate_us_situs' in text
    assert "q_residence_to_children --> screening" in text
    drawn = edges(flow, {})
    assert sum(1 for edge in drawn if edge.source.startswith("q_")) == sum(len(t) for t in flow.transitions.values())
    labels = re.findall(r'"([^"]*)"', text.split("flowchart TD\n", 1)[1])
    for label in labels:
        assert "_" not in label, f"an id leaked into a label: {label}"
    assert "next" not in labels


def test_the_routes_and_every_named_rule_are_drawn() -> None:
    text = mermaid(load_flow())
    for kind in ("qdot", "qprt", "no_action"):
        assert f'screening -- "{words().routes[kind].when}" --> r_{kind}' in text
    drawn_rules = {rule for route in words().routes.values() for rule in route.rules}
    assert drawn_rules == set(legal_basis())
    assert "<b>No action</b>" in text and words().rules["no_tax_projected"] in text


def test_words_cover_every_question_and_condition() -> None:
    flow = load_flow()
    said = words()
    assert set(said.questions) == set(flow.questions)
    assert set(said.conditions) == {*CONDITIONS, "otherwise"}
    assert set(said.routes) == {"qdot", "qprt", "no_action"}
    assert set(said.scenarios) == {"person_dies_first", "spouse_dies_first"}


@pytest.mark.parametrize("name", ["modest-estate", "qdot-and-qprt-couple"])
def test_the_persons_path_and_routes_are_drawn_thick(name: str) -> None:
    session, screening = persona(name)
    routes: dict[str, set[str]] = {}
    for recommendation in screening.recommendations:
        routes.setdefault(recommendation.kind, set()).update(hit.name for hit in recommendation.rules)
    flow = load_flow()
    text = mermaid(flow, session.answers, routes)
    (lit_line,) = [line for line in text.splitlines() if line.startswith("    class ")]
    lit = set(lit_line.split()[1].split(","))
    assert lit == {f"q_{q}" for q in session.path} | {"screening"} | {f"r_{kind}" for kind in routes}
    assert f"classDef path fill:#ffe082,color:#000,{PATH_STYLE}" in text
    (links,) = [line for line in text.splitlines() if line.startswith("    linkStyle ")]
    taken = [int(i) for i in links.split()[1].split(",")]
    drawn = edges(flow, session.answers, routes)
    # One edge out of every answered question, then one per route reached.
    assert [drawn[i].source for i in taken] == [f"q_{q}" for q in session.path] + ["screening"] * len(routes)
    for fired in routes.values():
        for rule in fired:
            assert f"✔ {words().rules[rule]}" in text


def test_a_part_way_path_lights_the_open_question_not_the_screening() -> None:
    flow = load_flow()
    text = mermaid(flow, {"citizenship": "us", "domicile": "us"}, current="state")
    (lit_line,) = [line for line in text.splitlines() if line.startswith("    class ")]
    assert lit_line.split()[1].split(",") == ["q_citizenship", "q_domicile", "q_state"]
