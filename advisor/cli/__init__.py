"""The ``estate-advisor`` command: argument parsing and wiring only.

Exit status: 0 success, 2 bad input (one line on stderr naming the problem), 1 anything else.

Nothing here imports more than argument parsing needs: the app's first question is on screen
before pydantic, the parameters, the store or the templates are loaded (see bench/startup.py).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from advisor.cli import app

if TYPE_CHECKING:
    from pydantic import ValidationError

PROG = "estate-advisor"


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {one_line(message)} (see {self.prog} --help)\n")


def one_line(message: str) -> str:
    """A message that stays on one line even when it quotes input holding line breaks."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def validation_message(error: ValidationError) -> str:
    """One line out of a pydantic error: the field and what is wrong with it."""
    parts = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        field = ".".join(str(part) for part in item["loc"])
        parts.append(f"{field.replace('_', '-')}: {message}" if field else message)
    return "; ".join(parts)


COMMANDS: dict[str, tuple[str, str]] = {
    "calc": ("advisor.cli.calc", "the core calculators: estate tax, QPRT, QDOT"),
    "interview": ("advisor.cli.interview", "run the interview from an answers file and print the report"),
    "flow": ("advisor.cli.flow", "the interview's decision graph"),
    "self-check": ("advisor.cli.selfcheck", "reproduce the IRS published factors and worked examples"),
    "serve": ("advisor.cli.serve", "run the app in a web browser (textual-serve)"),
    "personas": ("advisor.cli.personas", "the example people, their routes, and the persona coverage table"),
    "batch": ("advisor.cli.batch", "screen many answers files: one report each and a summary table"),
    "sessions": ("advisor.cli.sessions", "list saved interviews; rename, duplicate, delete, export or import them"),
}
"""Each command's module is imported only when that command runs, so the app starts without loading
the calculators, the screening or the report templates."""


def probe(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The app's options and the command word in ``argv``, and what is left; None when they do not parse
    (the full parser says what is wrong, in one line)."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    app.add_options(parser)
    parser.add_argument("command", nargs="?")
    try:
        return parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None


def command_named(argv: Sequence[str]) -> str | None:
    """The command an argument list asks for, if any (the app itself takes no command)."""
    probed = probe(argv)
    command = None if probed is None else probed[0].command
    return command if command in COMMANDS else None


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The arguments, as the full parser reads them. The usual start, the app with its own options and
    nothing else, needs none of the commands' parsers (a millisecond before the first question)."""
    probed = probe(argv)
    if probed is not None and probed[0].command is None and not probed[1]:
        args = probed[0]
        del args.command
        args.handler = app.run
        return args
    return build_parser(argv).parse_args(argv)


def build_parser(argv: Sequence[str] = ()) -> OneLineParser:
    """The full parser for the command in ``argv``; the other commands appear by name and help only."""
    parser = OneLineParser(
        prog=PROG,
        description="Screen cross-border US estate plans: QDOT, QPRT or no action, with the figures and their basis.",
    )
    app.add_options(parser)
    parser.set_defaults(handler=app.run)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=OneLineParser)
    wanted = command_named(argv)
    for name, (module, help_text) in COMMANDS.items():
        command = commands.add_parser(name, help=help_text)
        if name == wanted:
            importlib.import_module(module).register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # Loading a command's modules makes objects that live as long as the process: a collection during the load
    # scans them and frees nothing (some 8% of the time `batch` takes to load).
    gc.disable()
    try:
        args = parse_args(argv)
    finally:
        gc.enable()
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly; every accepted answer is already saved.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        known = known_error(error)
        if known is None:
            raise
        status, message = known
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return status


def known_error(error: Exception) -> tuple[int, str] | None:
    """The exit status and one line for an error the user can act on; None for a bug (shown in full).

    The error types are imported here, after the fact: whatever raised one has loaded its module."""
    from pydantic import ValidationError

    from advisor.calculators.money import InputError
    from advisor.calculators.parameters import MissingParameterError
    from advisor.store import ClientNameError, SessionNotFoundError
    from advisor.store_database import StoreError

    if isinstance(error, ValidationError):
        return 2, validation_message(error)
    if isinstance(error, InputError | MissingParameterError | SessionNotFoundError | ClientNameError):
        return 2, str(error)
    if isinstance(error, StoreError):
        return 1, str(error)
    return None
