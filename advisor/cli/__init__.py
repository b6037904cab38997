"""The ``estate-advisor`` command: argument parsing and wiring only.

Exit status: 0 success, 2 bad input (one line on stderr naming the problem), 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from advisor.calculators.money import InputError
from advisor.calculators.parameters import MissingParameterError
from advisor.cli import app, calc_estate, calc_qdot, calc_qprt, flow, interview, selfcheck, serve
from advisor.store import SessionNotFoundError, StoreError

PROG = "estate-advisor"


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def validation_message(error: ValidationError) -> str:
    """One line out of a pydantic error: the field and what is wrong with it."""
    parts = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        field = ".".join(str(part) for part in item["loc"])
        parts.append(f"{field.replace('_', '-')}: {message}" if field else message)
    return "; ".join(parts)


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG,
        description="Screen cross-border US estate plans: QDOT, QPRT or no action, with the figures and their basis.",
    )
    app.add_options(parser)
    parser.set_defaults(handler=app.run)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=OneLineParser)
    calc = commands.add_parser("calc", help="the core calculators", description="The core calculators.")
    calculators = calc.add_subparsers(
        title="calculators", metavar="CALCULATOR", required=True, parser_class=OneLineParser
    )
    calc_estate.register(calculators)
    calc_qprt.register(calculators)
    calc_qdot.register(calculators)
    selfcheck.register(commands)
    serve.register(commands)
    interview.register(commands)
    flow.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ValidationError as error:
        message = validation_message(error)
    except (InputError, MissingParameterError, SessionNotFoundError) as error:
        message = str(error)
    except StoreError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2
