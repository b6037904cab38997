"""``estate-advisor interview``: the whole interview from an answers file, without a UI."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from advisor.advice import AdviceOptions, advise
from advisor.answers_file import personas
from advisor.calculators.money import InputError, parse_date
from advisor.cli.output import add_force_option, emit
from advisor.day import today


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Run the interview from an answers file (JSON or YAML) and print the recommendations."
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--answers", type=Path, metavar="FILE", help="answers file: question ids mapped to answers")
    source.add_argument("--persona", choices=sorted(personas()), metavar="NAME", help="a bundled example person")
    parser.add_argument("--format", choices=("md", "html", "json"), default="md", help="report format (default md)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the report to FILE")
    add_force_option(parser)
    parser.add_argument("--client", metavar="NAME", help="client name for the report heading")
    parser.add_argument(
        "--no-projection",
        action="store_true",
        help="leave out the two-death comparison of a QDOT's routes (10 to 25 ms a client), for batch screening",
    )
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="screen as of this date (default: today)")
    parser.set_defaults(handler=run)


def _date(text: str) -> dt.date:
    try:
        return parse_date(text, what="--today")
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error).split(": ", 1)[-1]) from None


def run(args: argparse.Namespace) -> int:
    path = args.answers if args.answers is not None else personas()[args.persona]
    advice = advise(path, today=args.today or today(), options=AdviceOptions(projections=not args.no_projection))
    emit(advice.render(args.format, client=args.client), args.out, force=args.force, inputs=[path])
    return 0
