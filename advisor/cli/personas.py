"""``estate-advisor personas``: the bundled example people, their routes, and the coverage table."""

from __future__ import annotations

import argparse
import json

from advisor.advice import persona_advice
from advisor.cli.output import table
from advisor.day import today
from advisor.screening.coverage import coverage


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "The example people bundled in content/personas, the route each takes, and which personas reach "
        "every route and named rule. Load one with: estate-advisor interview --persona NAME"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    screenings = {name: advice.screening for name, advice in persona_advice(today()).items()}
    routes = {name: [r.kind for r in screening.recommendations] for name, screening in screenings.items()}
    reached = coverage(screenings)
    if args.json:
        print(json.dumps({"personas": routes, "coverage": reached}, indent=2))
        return 0
    print(table(((name, " + ".join(kinds)) for name, kinds in routes.items()), header=("persona", "route"), align="ll"))
    print()
    print(
        table(
            ((key, ", ".join(names) or "NO PERSONA") for key, names in reached.items()),
            header=("route or rule", "personas that reach it"),
            align="ll",
        )
    )
    return 0
