"""``estate-advisor sessions``: find, rename, duplicate, delete, export and import saved interviews."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Literal

from advisor.answers_file import AnswersFileError, load_answers_file
from advisor.calculators.money import InputError
from advisor.cli.app import add_data_dir, open_store
from advisor.cli.output import add_force_option, emit, report_format, table
from advisor.content import environment
from advisor.engine import AnswersError, Session
from advisor.recording import SessionRecorder
from advisor.store import STATUS_SHOWN, SessionRecord, SessionStore, local_time


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Saved interviews, most recently updated first. estate-advisor --resume ID continues one."
    add_data_dir(parser, again=True)
    parser.add_argument("--client", dest="client_filter", metavar="TEXT", help="only clients whose name contains TEXT")
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    parser.set_defaults(handler=list_sessions)
    actions = parser.add_subparsers(title="actions", metavar="ACTION", parser_class=type(parser))

    rename = actions.add_parser("rename", help="change a session's client name")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("name", metavar="NAME", help="the new client name ('' for none)")
    rename.set_defaults(handler=rename_session)

    delete = actions.add_parser("delete", help="delete a session and its answers for good")
    delete.add_argument("id", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="confirm: the session cannot be recovered")
    delete.set_defaults(handler=delete_session)

    duplicate = actions.add_parser("duplicate", help="copy a session's answers into a new session (a 'what if')")
    duplicate.add_argument("id", metavar="ID")
    duplicate.add_argument("--client", dest="client_name", metavar="NAME", help="client name of the copy")
    duplicate.set_defaults(handler=duplicate_session)

    export = actions.add_parser("export", help="write a session out")
    export.add_argument("id", metavar="ID")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--answers", type=Path, metavar="FILE", help="the answers as an answers file (JSON; '-' for stdout)"
    )
    what.add_argument(
        "--report", type=Path, metavar="FILE", help="the report: Markdown, or printable HTML for a .html FILE"
    )
    export.set_defaults(handler=export_session)

    diff = actions.add_parser("diff", help="what changed between two sessions: answers, route, figures")
    diff.add_argument("first", metavar="ID")
    diff.add_argument("second", metavar="ID")
    diff.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    diff.set_defaults(handler=diff_sessions_command)

    imported = actions.add_parser("import", help="a new session from an answers file (JSON or YAML)")
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.add_argument("--client", dest="client_name", metavar="NAME", help="client name of the new session")
    imported.set_defaults(handler=import_session)

    transcript = actions.add_parser("transcript", help="the session's transcript as Markdown")
    transcript.add_argument("id", metavar="ID")
    transcript.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    transcript.set_defaults(handler=transcript_session)

    for action in (rename, delete, duplicate, export, imported, transcript, diff):
        add_data_dir(action, again=True)
    for action in (export, transcript, diff):
        add_force_option(action)


# --- actions ------------------------------------------------------------------------------


def list_sessions(args: argparse.Namespace) -> int:
    store = open_store(args)
    records = store.list(args.client_filter)
    if args.json:
        print(json.dumps([record.model_dump(mode="json") for record in records], indent=2))
        return 0
    if not records:
        which = f"for clients matching {args.client_filter!r}" if args.client_filter else "yet"
        print(f"No saved sessions {which} in {store.path}. Run estate-advisor to start an interview.")
        return 0
    rows = [
        (
            record.id,
            record.client_name or "-",
            local_time(record.created_at),
            local_time(record.updated_at),
            STATUS_SHOWN[record.status],
            str(record.answer_count),
        )
        for record in records
    ]
    print(table(rows, header=("id", "client", "created", "updated", "status", "answers"), align="lllllr"))
    count = "1 session" if len(records) == 1 else f"{len(records)} sessions"
    print(f"\n{count} in {store.path}. estate-advisor --resume ID continues one.")
    return 0


def rename_session(args: argparse.Namespace) -> int:
    record = open_store(args).rename(args.id, args.name)
    print(f"Renamed session {record.id} to {record.client_name or 'unnamed client'}.")
    return 0


def delete_session(args: argparse.Namespace) -> int:
    store = open_store(args)
    record = store.get(args.id)
    if not args.yes:
        print(
            f"estate-advisor: error: not deleted: {record.label} cannot be recovered once deleted; "
            "add --yes to delete it",
            file=sys.stderr,
        )
        return 2
    store.delete(record.id)
    print(f"Deleted {record.label}.")
    return 0


def duplicate_session(args: argparse.Namespace) -> int:
    copy = open_store(args).duplicate(args.id, args.client_name)
    print(f"Copied session {args.id} to {copy.label}; estate-advisor --resume {copy.id} opens the copy.")
    return 0


def export_session(args: argparse.Namespace) -> int:
    store = open_store(args)
    answers = store.answers(args.id)
    if args.report is not None:
        return export_report(store.get(args.id), answers, args.report, force=args.force)
    emit(json.dumps(answers, indent=2, ensure_ascii=False) + "\n", args.answers, force=args.force)
    if str(args.answers) != "-":
        print(f"Wrote {len(answers)} answers of session {args.id} to {args.answers}.", file=sys.stderr)
    return 0


def export_report(record: SessionRecord, answers: dict[str, object], path: Path, *, force: bool = False) -> int:
    """The report of a finished session, as the app and ``interview`` write it."""
    from advisor.advice import advise
    from advisor.day import today

    session = Session.from_answers(answers, today=today())
    if not session.is_complete:
        question = session.current
        assert question is not None
        raise InputError(
            f"session {record.id} is not finished (next question: {question.prompt}); "
            f"estate-advisor --resume {record.id} continues it"
        )
    fmt: Literal["md", "html"] = "html" if report_format(path) == "html" else "md"
    emit(advise(session, today=session.today).render(fmt, client=record.client_name), path, force=force)
    if str(path) != "-":
        print(f"Wrote the report of {record.label} to {path}.", file=sys.stderr)
    return 0


def diff_sessions_command(args: argparse.Namespace) -> int:
    from advisor.day import today
    from advisor.session_diff import diff_sessions, render_diff

    store = open_store(args)
    first, second = store.get(args.first), store.get(args.second)
    diff = diff_sessions(store.answers(first.id), store.answers(second.id), today=today())
    emit(render_diff(diff, (first.label, second.label)), args.out, force=args.force)
    return 0


def import_session(args: argparse.Namespace) -> int:
    answers = load_answers_file(args.file)
    try:
        session = Session.from_answers(answers)
    except AnswersError as error:
        raise AnswersFileError(f"{args.file}: {error}") from None
    if session.rejections:
        raise AnswersFileError(f"{args.file}: {next(iter(session.rejections.values()))}")
    store: SessionStore = open_store(args)
    record = SessionRecorder.start(store, session, client_name=args.client_name).record
    assert record is not None
    kept = session.to_answers()
    left_out = [key for key in answers if key not in kept]
    if left_out:
        print(
            f"note: not imported, as they are off this person's route or after the first unanswered question: "
            f"{', '.join(left_out)}",
            file=sys.stderr,
        )
    question = session.current
    where = "complete" if question is None else f"estate-advisor --resume {record.id} continues at: {question.prompt}"
    print(f"Imported {args.file} as {record.label}; {where}")
    return 0


def transcript_session(args: argparse.Namespace) -> int:
    store = open_store(args)
    record = store.get(args.id)
    text = (
        environment()
        .get_template("sessions/transcript.md.j2")
        .render(
            client=record.client_name,
            session_id=record.id,
            created=local_time(record.created_at),
            updated=local_time(record.updated_at),
            status=STATUS_SHOWN[record.status],
            entries=[
                {"speaker": entry.speaker, "at": local_time(entry.at), "text": entry.text}
                for entry in store.transcript(record.id)
            ],
        )
    )
    emit(text, args.out, force=args.force)
    return 0
