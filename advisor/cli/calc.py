"""``estate-advisor calc …``: the calculators, one sub-command each.

A calculator of :mod:`advisor.presentation` becomes a sub-command by itself: its flags are generated from
its input model, its text is its presentation printed, and ``--json`` is its result.
"""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from advisor.cli import args
from advisor.cli.output import add_json_option, presentation_text, print_json
from advisor.day import today
from advisor.presentation import (
    estate_tax,
    qdot_compare,
    qdot_deferral,
    qdot_due_dates,
    qdot_forms,
    qdot_security,
    qdot_tax,
    qprt,
)
from advisor.presentation.model import Calculator
from advisor.presentation.wording import wording

PRESENTED: tuple[Calculator[Any], ...] = (
    estate_tax.CALCULATOR,
    qprt.CALCULATOR,
    qdot_tax.CALCULATOR,
    qdot_due_dates.CALCULATOR,
    qdot_security.CALCULATOR,
    qdot_forms.DEPOSIT,
    qdot_forms.SHARE,
    qdot_forms.STOCK_VALUE,
    qdot_deferral.CALCULATOR,
    qdot_compare.CALCULATOR,
)
"""The calculators whose command is generated from their presentation."""


def register(calc: argparse.ArgumentParser) -> None:
    calc.description = "The core calculators."
    calculators = calc.add_subparsers(title="calculators", metavar="CALCULATOR", required=True, parser_class=type(calc))
    for calculator in PRESENTED:
        add_calculator(calculators, calculator)


def add_calculator(
    calculators: argparse._SubParsersAction[argparse.ArgumentParser], calculator: Calculator[Any]
) -> argparse.ArgumentParser:
    """The calculator's sub-command: its inputs as flags, and ``--json``."""
    words = wording(calculator.key)
    parser = calculators.add_parser(calculator.key, help=words["help"], description=words["description"])
    args.add_inputs(parser, calculator.inputs, calculator.exclusive, calculator.groups, words.get("groups", {}))
    for switch in calculator.switches:
        parser.add_argument(f"--{switch.replace('_', '-')}", action="store_true", help=words["switches"][switch])
    add_json_option(parser)
    parser.set_defaults(handler=partial(run, calculator))
    return parser


def run(calculator: Calculator[Any], namespace: argparse.Namespace) -> int:
    switches = {switch: getattr(namespace, switch) for switch in calculator.switches}
    day = {"today": today()} if calculator.dated else {}
    result = calculator.compute({**args.values(namespace, calculator.inputs), **switches, **day})
    if namespace.json:
        print_json(result if calculator.payload is None else calculator.payload(result))
    else:
        print(presentation_text(calculator.present(result)))
    return 0
