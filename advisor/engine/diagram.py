"""The decision graph as a Mermaid flowchart, for teaching: questions by short labels, conditions in
words, the screening's routes (QDOT, QPRT, no action) with the named rules that lead to them, and a
person's path drawn thick and coloured so it reads on a projector.

Node ids are the flow's ids with a prefix (``q_`` questions, ``r_`` routes, ``screening``), so none is
a Mermaid keyword (``end``, ``state``, ``class``…) and none starts with the ``o`` or ``x`` that Mermaid
reads as an edge end. Every label is quoted.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from advisor.engine.spec import Flow, passes
from advisor.engine.words import Words, words

SCREENING = "screening"
PATH_STYLE = "stroke:#c62828,stroke-width:5px"
"""The person's path: thick dark red, visible in both light and dark renderers and on a projector."""


@dataclass(frozen=True)
class Edge:
    """An arrow of the graph between two Mermaid ids, labelled in words."""

    source: str
    dest: str
    label: str
    taken: bool = False


def question_id(question: str) -> str:
    return f"q_{question}"


def route_id(kind: str) -> str:
    return f"r_{kind}"


def _label(text: str) -> str:
    """A quoted Mermaid label (a double quote inside is written as an entity)."""
    return '"' + text.replace('"', "#quot;") + '"'


def edges(flow: Flow, answers: dict[str, object], routes: Collection[str] = ()) -> list[Edge]:
    """Every transition of the flow in words, then the screening's routes; ``taken`` marks the
    person's path (the transition each answered question took, and the routes reached)."""
    said = words()
    out = []
    for source, transitions in flow.transitions.items():
        taken_dest = flow.next_state(source, answers) if source in answers else None
        for transition in transitions:
            final = transition.dest in flow.final_states
            dest = SCREENING if final else question_id(transition.dest)
            taken = transition.dest == taken_dest and passes(transition, answers)
            label = said.transition(transition.conditions, transition.unless) if len(transitions) > 1 else ""
            out.append(Edge(question_id(source), dest, label, taken))
    for kind, route in said.routes.items():
        out.append(Edge(SCREENING, route_id(kind), route.when, kind in routes))
    return out


def _route_node(said: Words, kind: str, fired: Collection[str]) -> str:
    """A route with its named rules, one a line; the rules that fired for the person are ticked."""
    route = said.routes[kind]
    rules = "<br/>".join(f"{'✔' if rule in fired else '•'} {said.rules[rule]}" for rule in route.rules)
    return f"{route_id(kind)}({_label(f'<b>{route.name}</b><br/>{rules}')})"


def mermaid(
    flow: Flow,
    answers: dict[str, object] | None = None,
    routes: Mapping[str, Collection[str]] | None = None,
    current: str | None = None,
) -> str:
    """The decision graph; with answers, the person's path (questions answered, the branch each took,
    the open question or the screening) is drawn in the path style, and with ``routes`` (each route
    reached -> the named rules that fired) so are those routes, their rules ticked."""
    routes = routes or {}
    said = words()
    answers = answers or {}
    lines = ["---", f"title: {flow.title}", "---", "flowchart TD"]
    for question in flow.questions:
        lines.append(f"    {question_id(question)}[{_label(said.questions[question])}]")
    lines.append(f"    {SCREENING}{{{{{_label('Screening of the answers')}}}}}")
    for kind in said.routes:
        lines.append(f"    {_route_node(said, kind, routes.get(kind, ()))}")
    drawn = edges(flow, answers, routes)
    for edge in drawn:
        arrow = f" -- {_label(edge.label)} --> " if edge.label else " --> "
        lines.append(f"    {edge.source}{arrow}{edge.dest}")
    lit_nodes = [question_id(q) for q in answers if q in flow.questions]
    if current in flow.questions:
        lit_nodes.append(question_id(current))
    elif answers:
        lit_nodes.append(SCREENING)
    lit_nodes += [route_id(kind) for kind in routes]
    taken = [str(index) for index, edge in enumerate(drawn) if edge.taken]
    if lit_nodes:
        lines.append(f"    classDef path fill:#ffe082,color:#000,{PATH_STYLE}")
        lines.append(f"    class {','.join(lit_nodes)} path")
    if taken:
        lines.append(f"    linkStyle {','.join(taken)} {PATH_STYLE}")
    return "\n".join(lines) + "\n"
