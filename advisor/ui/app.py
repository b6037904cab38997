"""The estate-advisor terminal app: the chat interview, review, decision path and calculators."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advisor.engine import Session
from advisor.ui.catalog import CALCULATORS
from advisor.ui.chat import ChatScreen
from advisor.ui.messages import AnswerChanged, AnswerSaved, OpenSession, Screened, SessionRenamed

if TYPE_CHECKING:
    from advisor.advice import Advice
    from advisor.recording import SessionRecorder

BROWSER_KEYS = (
    ("f2", "review", "Review"),
    ("f4", "sessions", "Sessions"),
    ("f8", "decision_path", "Path"),
)
"""Keys for the app in a browser (``serve``), where Ctrl+R reloads, Ctrl+T opens a tab, Ctrl+P prints and
Ctrl+O opens a file; F1 (help), F3 (find), F5 (reload), F6, F7, F10, F11 and F12 are the browser's too.
The palette moves from Ctrl+P to F9."""


def served_in_browser() -> bool:
    """True when textual-serve runs this app for a web page (it sets the web driver)."""
    return "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")


class AdvisorApp(App[None]):
    """One interview at a time; every screen is a view of the same headless session."""

    CSS_PATH = "app.tcss"
    TITLE = "estate-advisor"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+o", "sessions", "Sessions", show=False),
    ]
    COMMAND_PALETTE_BINDING = "f9" if served_in_browser() else "ctrl+p"
    """Under textual-serve the web driver is set before this module loads."""

    def __init__(self, session: Session | None = None, recorder: SessionRecorder | None = None) -> None:
        super().__init__()
        self.session = session or Session()
        self.recorder = recorder
        self.report: dict[str, Any] | None = None
        """The same screening as the report shows it."""
        self.advice: Advice | None = None
        """The latest advice (None until the interview is complete)."""
        self._told_not_saved = False
        if served_in_browser():
            # The browser keeps Ctrl+T/P/R/O for itself; F-keys it leaves alone reach the app.
            for key, action, description in BROWSER_KEYS:
                self.bind(key, action, description=description, key_display=key.upper())

    def get_default_screen(self) -> ChatScreen:
        """The chat is the bottom screen: pushed over Textual's blank default screen instead, it came a
        frame later, after that screen had been styled and laid out several times for nothing."""
        chat = ChatScreen(self.session, self.recorder)
        # What push_screen gives a screen and switch_screen takes away when it replaces the chat.
        chat._push_result_callback(chat, None)
        return chat

    def on_mount(self) -> None:
        self._update_subtitle()

    def watch_app_focus(self, focus: bool) -> None:
        """Show the footer's keys when the app gains focus by a key press too, as in a browser that never
        said it gave the page focus: Textual refreshes the bindings (and the footer) only when told."""
        if focus and self.screen_stack:
            self.screen.refresh_bindings()

    def on_ready(self) -> None:
        """The first frame, with the first question, is on screen: the chat adds the rest of itself."""
        chat = self.chat
        if chat is not None:
            chat.call_after_refresh(chat.furnish)

    def _update_subtitle(self) -> None:
        recorder = self.recorder
        if recorder is None:
            self.sub_title = "not saved (--no-save)"
        elif recorder.record is None:
            self.sub_title = "new session · saved from the first answer"
        elif recorder.stopped is not None:
            self.sub_title = "✘ NOT SAVED: Ctrl+P › Save the answers to a file"
        else:
            name = recorder.record.client_name or "unnamed client"
            self.sub_title = f"{name} · session {recorder.record.id} · ✔ saved"

    # --- messages from the screens --------------------------------------------------------

    @on(AnswerSaved)
    def _answer_saved(self, message: AnswerSaved) -> None:
        self._update_subtitle()
        self._saved(message.saved)

    @on(AnswerChanged)
    def _answer_changed(self) -> None:
        """Screen the changed answers while the review is still open (when every question is answered)."""
        chat = self.chat
        if chat is not None and self.session.is_complete:
            chat.rescreen()

    @on(Screened)
    def _screened(self, message: Screened) -> None:
        """Keep the latest recommendations for the report export and the figures' basis."""
        self.advice = message.advice
        self.report = message.advice.explained

    @on(OpenSession)
    async def _open_session(self, message: OpenSession) -> None:
        await self.open_saved(message.session_id)

    @on(SessionRenamed)
    def _session_renamed(self, message: SessionRenamed) -> None:
        """Keep the saved indicator's client name right when the open session is renamed."""
        record = message.record
        if self.recorder is not None and self.recorder.record is not None and self.recorder.record.id == record.id:
            self.recorder.record = record
            self._update_subtitle()

    def _saved(self, saved: bool) -> None:
        """Say once, loudly, that saving stopped and how to keep the answers (they stay in this window)."""
        recorder = self.recorder
        if saved or recorder is None or recorder.stopped is None or self._told_not_saved:
            return
        self._told_not_saved = True
        self._update_subtitle()
        self.notify(
            f"Not saved: {recorder.stopped}. Your answers stay in this window: Ctrl+P › Save the answers to a file.",
            severity="error",
            timeout=30,
            markup=False,
        )

    def save_answers_file(self) -> None:
        """When the session database cannot be used: the answers as an answers file in the current folder."""
        from advisor.files import FileWriteError, write_output
        from advisor.recording import SessionRecorder

        path = Path.cwd() / f"estate-answers-{dt.datetime.now():%Y-%m-%d-%H%M%S}.json"
        try:
            write_output(path, SessionRecorder.answers_json(self.session))
        except FileWriteError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"Answers saved to {path}; estate-advisor sessions import reads them.", timeout=15, markup=False)

    @property
    def chat(self) -> ChatScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ChatScreen):
                return screen
        return None

    # --- actions ---------------------------------------------------------------------------

    def action_review(self) -> None:
        from advisor.ui.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return

        before = self.session.to_answers()

        async def closed(_: None) -> None:
            chat = self.chat
            if chat is not None:
                changed = self.session.to_answers() != before
                if changed and not chat.shows_answers():
                    self.advice = self.report = None  # the old recommendations no longer hold
                await chat.after_review(changed)

        self.push_screen(ReviewScreen(self.session, self.recorder), closed)

    def action_sessions(self) -> None:
        from advisor.ui.sessions import SessionsScreen

        if isinstance(self.screen, SessionsScreen):
            return
        recorder = self.recorder
        open_id = None if recorder is None or recorder.record is None else recorder.record.id
        self.push_screen(SessionsScreen(None if recorder is None else recorder.store, open_id))

    async def open_saved(self, session_id: str) -> None:
        """Continue a saved session where it stopped; from now on its answers are saved to it."""
        if self.recorder is None:
            return
        from advisor.recording import SessionRecorder
        from advisor.store_database import StoreError

        try:
            self.session, self.recorder = SessionRecorder.resume(self.recorder.store, session_id)
        except StoreError as error:
            self.notify(f"Not opened: {error}.", severity="error", markup=False)
            return
        self._told_not_saved = False
        self._update_subtitle()
        await self.switch_to_chat()

    def action_figures_basis(self) -> None:
        """Every figure of the recommendations with its basis and the parameter rows behind it."""
        from advisor.calculators.parameters import Citation
        from advisor.ui.calculator_screen import Provenance, ProvenanceScreen

        if self.report is None:
            self.notify("The figures come with the recommendations, once every question is answered.")
            return
        sections = []
        citations: dict[str, Citation] = {}
        for recommendation in self.report["recommendations"]:
            lines = [(figure["label"], figure["display"], figure["basis"]) for figure in recommendation["figures"]]
            sections.append((recommendation["title"], lines))
            for cited in recommendation["citations"]:
                citations.setdefault(
                    cited["text"], Citation.model_validate({k: cited[k] for k in Citation.model_fields})
                )
        provenance = Provenance("the recommendations' figures", (), tuple(citations.values()), sections=sections)
        self.push_screen(ProvenanceScreen(provenance))

    def action_decision_path(self) -> None:
        from advisor.ui.path import DecisionPathScreen

        routes: dict[str, set[str]] = {}
        for recommendation in self.advice.screening.recommendations if self.advice is not None else ():
            routes.setdefault(recommendation.kind, set()).update(hit.name for hit in recommendation.rules)
        self.push_screen(DecisionPathScreen(self.session, routes))

    def open_calculator(self, key: str) -> None:
        from advisor.ui.calculator_screen import CalculatorScreen
        from advisor.ui.calculators import calculators, prefill_from

        prefill = self.advice.calculator_prefill() if self.advice is not None else prefill_from(self.session)
        comparison = self.advice.comparison_basis() if self.advice is not None else None
        self.push_screen(CalculatorScreen(calculators(prefill, comparison)[key]))

    def export_report(self, fmt: Literal["md", "html"]) -> None:
        """Write the report beside the saved sessions (or into the current folder when not saving)."""
        from advisor.files import FileWriteError, output_folder, write_output

        if self.advice is None:
            self.notify("Answer every question first; the report needs the recommendations.", severity="warning")
            return
        record = self.recorder.record if self.recorder is not None else None
        folder = self.recorder.store.path.parent / "reports" if self.recorder is not None else Path.cwd()
        name = f"estate-screening-{record.id if record else 'unsaved'}-{self.session.today.isoformat()}.{fmt}"
        client = record.client_name if record else None
        try:
            # Our own file name in our own folder: a second export the same day replaces the first.
            write_output(
                output_folder(folder) / name,
                self.advice.render(fmt, client=client),
                force=True,
                folder=folder,
            )
        except FileWriteError as error:
            self.notify(f"Could not write the report: {error}", severity="error", markup=False)
            return
        self.notify(f"Report written to {folder / name}", timeout=8)

    async def new_interview(self, session: Session | None = None) -> None:
        """Start again (empty, or from a loaded persona) on a fresh chat screen."""
        self.session = session or Session()
        if self.recorder is not None:
            from advisor.recording import SessionRecorder

            self.recorder = SessionRecorder.start(self.recorder.store, self.session)
            self._update_subtitle()
        await self.switch_to_chat()

    async def switch_to_chat(self) -> None:
        """A fresh chat for the current session, in the old one's place at the bottom of the stack."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        chat = ChatScreen(self.session, self.recorder)
        await self.switch_screen(chat)
        await chat.furnish()

    async def load_persona(self, path: Path) -> None:
        from advisor.answers_file import load_answers_file

        await self.new_interview(Session.from_answers(load_answers_file(path), defaults=True))
        self.notify(f"Loaded the example person {path.stem.replace('-', ' ')}.")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.recorder is not None and self.recorder.stopped is not None:
            yield SystemCommand(
                "Save the answers to a file", "Saving stopped; keep the answers as a .json file", self.save_answers_file
            )
        yield SystemCommand("New interview", "Start again with no answers", self.new_interview)
        yield SystemCommand("Review answers", "See and change every answer", self.action_review)
        yield SystemCommand("Sessions…", "Find, open, rename, duplicate or delete saved sessions", self.action_sessions)
        yield SystemCommand(
            "Export report (Markdown)", "Write the report as a .md file", partial(self.export_report, "md")
        )
        yield SystemCommand(
            "Export report (printable HTML)",
            "Write the report as a self-contained .html page",
            partial(self.export_report, "html"),
        )
        yield SystemCommand("Show decision path", "The flow as a tree with your route lit", self.action_decision_path)
        for key, title in CALCULATORS.items():
            yield SystemCommand(
                f"Open calculator: {title}", "Prefilled from your answers", partial(self.open_calculator, key)
            )
        from advisor.answers_file import persona_summary, personas

        for key, path in personas().items():
            name = key.replace("-", " ")
            yield SystemCommand(f"Load persona: {name}", persona_summary(path), partial(self.load_persona, path))
