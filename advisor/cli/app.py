"""``estate-advisor`` with no command: the interview, in the terminal UI or as plain prompts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.resources import DATA_DIR_ENV

if TYPE_CHECKING:
    from advisor.engine import Session
    from advisor.recording import SessionRecorder
    from advisor.store import SessionRecord, SessionStore
    from advisor.ui.app import AdvisorApp


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plain", action="store_true", help="plain line-by-line prompts (screen readers, braille, pipes)"
    )
    parser.add_argument(
        "--resume",
        nargs="?",
        const="",
        metavar="NAME_OR_ID",
        help="resume a saved session: by client name (or part of it) or the start of its id; the latest without one",
    )
    parser.add_argument("--client", metavar="NAME", help="client name for a new session")
    add_data_dir(parser)
    parser.add_argument("--no-save", action="store_true", help="do not save this interview")


def add_data_dir(parser: argparse.ArgumentParser, *, saving: str = "sessions are saved", again: bool = False) -> None:
    """``--data-dir``; ``again``: a command's own, accepted before it too (SUPPRESS keeps a value given there)."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help=f"where {saving} (default: ${DATA_DIR_ENV} or the user data dir)",
        default=argparse.SUPPRESS if again else None,
    )


def open_store(args: argparse.Namespace) -> SessionStore:
    from advisor.store import SessionStore

    return SessionStore.open(args.data_dir)


def session_matching(store: SessionStore, text: str) -> SessionRecord:
    """The one saved session whose id starts with ``text`` or whose client name contains it."""
    from advisor.store import SessionNotFoundError

    wanted = text.strip()
    matches = {record.id: record for record in store.list() if record.id.startswith(wanted.lower())}
    if wanted not in matches:
        matches.update((record.id, record) for record in store.list(wanted))
    if wanted in matches:
        return matches[wanted]
    if len(matches) == 1:
        return next(iter(matches.values()))
    if not matches:
        raise SessionNotFoundError(
            f"no saved session has an id starting with or a client name containing {wanted!r}; "
            "'estate-advisor sessions' lists them"
        )
    shown = "; ".join(record.label for record in list(matches.values())[:5])
    more = f" and {len(matches) - 5} more" if len(matches) > 5 else ""
    raise SessionNotFoundError(
        f"{wanted!r} matches {len(matches)} saved sessions: {shown}{more}; give more of the name or the id"
    )


def how_to_resume(recorder: SessionRecorder | None) -> str:
    """What quitting leaves behind, and the command that continues it."""
    if recorder is None:
        return "Not saved (--no-save): nothing to resume."
    if recorder.record is None:
        return "Nothing was answered, so nothing was saved."
    record = recorder.store.get(recorder.record.id)
    return f"Saved as {record.label}.\nContinue with: estate-advisor --resume {record.id}"


def run(args: argparse.Namespace) -> int:
    """Start the interview, loading only what its first question needs (the store when saving)."""
    from advisor.day import today
    from advisor.engine import Session

    recorder = None
    if args.resume is not None:
        if args.no_save:
            print("estate-advisor: error: --resume needs saved sessions; drop --no-save", file=sys.stderr)
            return 2
        from advisor.recording import SessionRecorder

        store = open_store(args)
        record = session_matching(store, args.resume) if args.resume.strip() else None
        session, recorder = SessionRecorder.resume(store, None if record is None else record.id)
    else:
        session = Session(today=today())
        if not args.no_save:
            from advisor.recording import SessionRecorder

            recorder = SessionRecorder(open_store(args), client_name=args.client)
    if args.plain:
        from advisor.plain import PlainInterview

        return PlainInterview(session, sys.stdin, sys.stdout, recorder).run()
    app = terminal_app(session, recorder)
    app.run()
    print(how_to_resume(app.recorder))
    return 0


def terminal_app(session: Session, recorder: SessionRecorder | None) -> AdvisorApp:
    """The app, loaded without collecting garbage: the UI's imports create hundreds of thousands of
    objects that live as long as the process, and collecting while they load, or scanning them again at
    every later collection, only delays the first question and then the answers."""
    import gc

    gc.disable()
    from advisor.ui.app import AdvisorApp

    app = AdvisorApp(session, recorder)
    gc.freeze()
    gc.enable()
    return app
