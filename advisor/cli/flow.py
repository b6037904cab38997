"""``estate-advisor flow diagram``: the interview's decision graph as Mermaid text."""

from __future__ import annotations

import argparse
from pathlib import Path

from advisor.answers_file import replay
from advisor.cli.output import add_force_option, emit
from advisor.engine import load_flow
from advisor.engine.diagram import mermaid


def register(flow: argparse.ArgumentParser) -> None:
    flow.description = "The interview flow."
    actions = flow.add_subparsers(title="actions", metavar="ACTION", required=True, parser_class=type(flow))
    diagram = actions.add_parser(
        "diagram",
        help="print the decision graph as Mermaid text",
        description="Print the decision graph as a Mermaid flowchart: the questions, the conditions of each branch "
        "in words, and the routes (QDOT, QPRT, no action) with the named rules that lead to them. With --answers, "
        "that person's path and routes are drawn thick and coloured.",
    )
    diagram.add_argument("--answers", type=Path, metavar="FILE", help="answers file (JSON or YAML) whose path to light")
    diagram.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    add_force_option(diagram)
    diagram.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    flow = load_flow()
    if args.answers is None:
        text = mermaid(flow)
    else:
        session = replay(args.answers)
        routes: dict[str, set[str]] = {}
        if session.is_complete:
            from advisor.advice import advise

            for recommendation in advise(session, today=session.today).screening.recommendations:
                routes.setdefault(recommendation.kind, set()).update(hit.name for hit in recommendation.rules)
        text = mermaid(flow, session.answers, routes, session.current.id if session.current else None)
    emit(text, args.out, force=args.force, inputs=[] if args.answers is None else [args.answers])
    return 0
