"""The estate-advisor terminal app: the chat interview, review, decision path and calculators."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advisor.answers_file import load_answers_file, personas
from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.ui.catalog import CALCULATORS
from advisor.ui.chat import ChatScreen
from advisor.ui.messages import AnswerSaved, OpenSession, Screened, SessionRenamed

if TYPE_CHECKING:
    from advisor.screening.models import Screening


class AdvisorApp(App[None]):
    """One interview at a time; every screen is a view of the same headless session."""

    CSS_PATH = "app.tcss"
    TITLE = "estate-advisor"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+o", "sessions", "Sessions", show=False),
    ]

    def __init__(self, session: Session | None = None, recorder: SessionRecorder | None = None) -> None:
        super().__init__()
        self.session = session or Session()
        self.recorder = recorder
        self.screening: Screening | None = None
        """The latest screening (None until the interview is complete)."""
        self.report: dict[str, Any] | None = None
        """The same screening as the report shows it."""

    def on_mount(self) -> None:
        self._update_subtitle()
        self.push_screen(ChatScreen(self.session, self.recorder))

    def _update_subtitle(self) -> None:
        recorder = self.recorder
        if recorder is None:
            self.sub_title = "not saved (--no-save)"
        elif recorder.record is None:
            self.sub_title = "new session · saved from the first answer"
        else:
            name = recorder.record.client_name or "unnamed client"
            self.sub_title = f"{name} · session {recorder.record.id} · ✔ saved"

    # --- messages from the screens --------------------------------------------------------

    @on(AnswerSaved)
    def _answer_saved(self) -> None:
        self._update_subtitle()

    @on(Screened)
    def _screened(self, message: Screened) -> None:
        """Keep the latest recommendations for the report export and the figures' basis."""
        self.screening = message.screening
        self.report = message.report

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
                if changed:
                    self.screening = self.report = None  # the old recommendations no longer hold
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
        self.session, self.recorder = SessionRecorder.resume(self.recorder.store, session_id)
        self._update_subtitle()
        await self.switch_to_chat()

    def action_figures_basis(self) -> None:
        """Every figure of the recommendations with its basis and the parameter rows behind it."""
        from advisor.calculators.parameters import Citation
        from advisor.ui.calculator_screen import Provenance, ProvenanceScreen

        if self.report is None:
            self.notify("The figures come with the recommendations, once every question is answered.")
            return
        lines = []
        citations: dict[str, Citation] = {}
        for recommendation in self.report["recommendations"]:
            for figure in recommendation["figures"]:
                lines.append((f"{recommendation['kind']}: {figure['label']}", figure["display"], figure["basis"]))
            for cited in recommendation["citations"]:
                citations.setdefault(
                    cited["text"], Citation.model_validate({k: cited[k] for k in Citation.model_fields})
                )
        self.push_screen(ProvenanceScreen(Provenance("the recommendations' figures", lines, tuple(citations.values()))))

    def action_decision_path(self) -> None:
        from advisor.ui.path import DecisionPathScreen

        routes: dict[str, set[str]] = {}
        for recommendation in self.screening.recommendations if self.screening is not None else ():
            routes.setdefault(recommendation.kind, set()).update(hit.name for hit in recommendation.rules)
        self.push_screen(DecisionPathScreen(self.session, routes))

    def open_calculator(self, key: str) -> None:
        from advisor.ui.calculator_screen import CalculatorScreen
        from advisor.ui.calculators import calculators, prefill_from

        self.push_screen(CalculatorScreen(calculators(prefill_from(self.session))[key]))

    def export_report(self, fmt: Literal["md", "html"]) -> None:
        """Write the report beside the saved sessions (or into the current folder when not saving)."""
        from advisor.content import render_report

        if self.screening is None:
            self.notify("Answer every question first; the report needs the recommendations.", severity="warning")
            return
        record = self.recorder.record if self.recorder is not None else None
        folder = self.recorder.store.path.parent / "reports" if self.recorder is not None else Path.cwd()
        name = f"estate-screening-{record.id if record else 'unsaved'}-{self.session.today.isoformat()}.{fmt}"
        client = record.client_name if record else None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(
                render_report(self.screening, self.session, fmt, client=client), encoding="utf-8"
            )
        except OSError as error:
            self.notify(f"Could not write the report to {folder}: {error.strerror}", severity="error")
            return
        self.notify(f"Report written to {folder / name}", timeout=8)

    async def new_interview(self, session: Session | None = None) -> None:
        """Start again (empty, or from a loaded persona) on a fresh chat screen."""
        self.session = session or Session()
        if self.recorder is not None:
            self.recorder = SessionRecorder.start(self.recorder.store, self.session)
            self._update_subtitle()
        await self.switch_to_chat()

    async def switch_to_chat(self) -> None:
        """A fresh chat for the current session; the old one is gone first (the chat has a fixed id)."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        await self.push_screen(ChatScreen(self.session, self.recorder))

    async def load_persona(self, path: Path) -> None:
        await self.new_interview(Session.from_answers(load_answers_file(path), defaults=True))
        self.notify(f"Loaded the example person {path.stem.replace('-', ' ')}.")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
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
        for key, path in personas().items():
            name = key.replace("-", " ")
            yield SystemCommand(f"Load persona: {name}", "An example person", partial(self.load_persona, path))
