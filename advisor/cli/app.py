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
    from advisor.store import SessionStore
    from advisor.ui.app import AdvisorApp


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plain", action="store_true", help="plain line-by-line prompts (screen readers, braille, pipes)"
    )
    parser.add_argument(
        "--resume", nargs="?", const="", metavar="ID", help="resume a saved session (the latest without an ID)"
    )
    parser.add_argument("--client", metavar="NAME", help="client name for a new session")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help=f"where sessions are saved (default: ${DATA_DIR_ENV} or the user data dir)",
    )
    parser.add_argument("--no-save", action="store_true", help="do not save this interview")


def open_store(args: argparse.Namespace) -> SessionStore:
    from advisor.store import SessionStore

    return SessionStore.open(args.data_dir)


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

        session, recorder = SessionRecorder.resume(open_store(args), args.resume or None)
    else:
        session = Session(today=today())
        if not args.no_save:
            from advisor.recording import SessionRecorder

            recorder = SessionRecorder(open_store(args), client_name=args.client)
    if args.plain:
        from advisor.plain import PlainInterview

        return PlainInterview(session, sys.stdin, sys.stdout, recorder).run()
    terminal_app(session, recorder).run()
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
