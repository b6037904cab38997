"""``estate-advisor interview``: the whole interview from an answers file, without a UI."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import yaml

from advisor.calculators.money import InputError, parse_date
from advisor.cli.output import emit
from advisor.content import explain, render_report
from advisor.engine import AnswersError, Session
from advisor.resources import data_dir
from advisor.screening import screen


def personas() -> dict[str, Path]:
    """The bundled example people, by name."""
    folder = data_dir("content") / "personas"
    return {path.stem: path for path in sorted(folder.glob("*.yaml")) if path.stem != "routes"}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "interview",
        help="run the interview from an answers file and print the report",
        description="Run the interview from an answers file (JSON or YAML) and print the recommendations.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--answers", type=Path, metavar="FILE", help="answers file: question ids mapped to answers")
    source.add_argument("--persona", choices=sorted(personas()), metavar="NAME", help="a bundled example person")
    parser.add_argument("--format", choices=("md", "html", "json"), default="md", help="report format (default md)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the report to FILE")
    parser.add_argument("--client", metavar="NAME", help="client name for the report heading")
    parser.add_argument(
        "--no-projection",
        action="store_true",
        help="leave out the QDOT deferral projection (about 10 ms per QDOT), for batch screening",
    )
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="screen as of this date (default: today)")
    parser.set_defaults(handler=run)


def _date(text: str) -> dt.date:
    try:
        return parse_date(text, what="--today")
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error).split(": ", 1)[-1]) from None


def load_answers(path: Path) -> dict[str, object]:
    """Read an answers file; every problem is an InputError naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"{path}: cannot read the answers file ({reason})") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            problem = getattr(error, "problem", None) or "cannot be parsed"
            raise InputError(f"{path}: not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: an answers file is one mapping of question ids to answers")
    return data


def replay(path: Path, today: dt.date | None = None) -> Session:
    """The session an answers file gives, as far as its answers go."""
    try:
        return Session.from_answers(load_answers(path), today=today)
    except AnswersError as error:
        raise InputError(f"{path}: {error}") from None


def session_from_file(path: Path, today: dt.date | None = None) -> Session:
    """A complete session from an answers file, or an InputError naming the first problem."""
    session = replay(path, today)
    if session.rejections:
        message = next(iter(session.rejections.values()))
        raise InputError(f"{path}: invalid answer: {message}")
    question = session.current
    if question is not None:
        keys = " or ".join(question.keys)
        raise InputError(f"{path}: missing answer for {keys} ({question.prompt})")
    return session


def run(args: argparse.Namespace) -> int:
    path = args.answers if args.answers is not None else personas()[args.persona]
    session = session_from_file(path, args.today)
    screening = screen(session.profile(), today=args.today, projections=not args.no_projection)
    if args.format == "json":
        text = json.dumps(explain(screening, session), indent=2) + "\n"
    else:
        text = render_report(screening, session, args.format, client=args.client)
    emit(text, args.out)
    return 0
