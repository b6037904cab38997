"""``estate-advisor personas``: the bundled example people, their routes, and which routes and named
rules they reach, in words (the ids stay in ``--json``)."""

from __future__ import annotations

import argparse
import json
import textwrap

from advisor.advice import persona_advice
from advisor.day import today
from advisor.engine.words import words
from advisor.resources import data_dir, read_yaml
from advisor.screening.coverage import coverage

WIDTH = 80


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "The example people bundled in content/personas, the route each takes, and which personas reach "
        "every route and named rule. Load one with: estate-advisor interview --persona NAME"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object (with the rule and route ids)")
    parser.set_defaults(handler=run)


def titles() -> dict[str, str]:
    """Who each example person is, in a line (from content/personas/routes.yaml)."""
    routes = read_yaml(data_dir("content") / "personas" / "routes.yaml")
    return {name: str(entry["title"]) for name, entry in routes.items()}


def in_words(key: str) -> str:
    """A coverage key (``route:qdot:person_dies_first``, ``rule:spouse_not_citizen``) in words."""
    said = words()
    what, name, *scenario = key.split(":")
    if what == "route":
        return "Route: " + said.route(name, scenario[0] if scenario else None)
    return "Rule: " + said.rules[name]


def indented(text: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False)


def run(args: argparse.Namespace) -> int:
    screenings = {name: advice.screening for name, advice in persona_advice(today()).items()}
    reached = coverage(screenings)
    if args.json:
        routes = {name: [r.kind for r in screening.recommendations] for name, screening in screenings.items()}
        print(json.dumps({"personas": routes, "coverage": reached}, indent=2))
        return 0
    said = words()
    who = titles()
    rows = [
        (name, who.get(name, ""), said.routes_of((r.kind, r.scenario) for r in screening.recommendations))
        for name, screening in screenings.items()
    ]
    print("Example people and the route each takes\n")
    for name, title, route in rows:
        print(f"{name}: {route}")
        print(indented(title))
    print("\nRoutes and named rules, and the example people who reach them")
    for key, names in reached.items():
        print(f"\n{in_words(key)}")
        print(indented(", ".join(names) or "none of the examples"))
    return 0
