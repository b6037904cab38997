"""The flow as a Mermaid state diagram (transitions' mermaid engine), with a person's path lit."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from transitions.extensions import GraphMachine

from advisor.engine.spec import Flow


def mermaid(flow: Flow, path: Sequence[str] = (), current: str | None = None) -> str:
    """The decision graph; with a path, its questions are marked 'previous' and ``current`` (the open
    question, or the final state) 'active', in the styles transitions defines."""
    machine = GraphMachine(
        **flow.markup_config(),  # type: ignore[arg-type]
        graph_engine="mermaid",
        show_conditions=True,
    )
    machine.get_graph()  # type: ignore[attr-defined]
    graph = machine.model_graphs[id(machine)]
    graph.reset_styling()
    if path or current:
        steps = [*path, *([current] if current else [])]
        for source, dest in pairwise(steps):
            graph.set_previous_transition(source, dest)
        if current:
            graph.set_node_style(current, "active")
    return graph.get_graph(title=flow.title).source + "\n"
