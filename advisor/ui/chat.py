"""The interview as a chat: the advisor's questions and the person's answers scroll by, and the
answer area below adapts to the question (options to pick, or a field that shows how it reads
what is typed)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.worker import get_current_worker

from advisor.calculators.money import InputError
from advisor.content import render_recommendation, ui_text
from advisor.engine import Session
from advisor.ui.answer import AnswerArea, options_for
from advisor.ui.cards import CardText, RecommendationCard
from advisor.ui.messages import AnswerSaved, Screened
from advisor.ui.transcript import AdvisorMessage, AdvisorNote, HelpMessage, PersonMessage, Transcript

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from advisor.advice import Advice
    from advisor.recording import SessionRecorder


class ChatScreen(Screen[None]):
    """The interview."""

    screening = reactive(False, init=False)
    """The answers are being screened (in a worker); the progress line shows it."""

    REVIEW_HOLD = 0.08
    """Seconds the chat, back from a review, waits unseen for a screening of the changed answers to be
    done: it then comes back with the route updated, in one layout, instead of dimmed for a frame or
    two and updated in another (a person does not notice the wait; a longer screening is shown)."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("question_mark", "why", "Why we ask", key_display="?", priority=True, show=False),
        Binding("f1", "why", "Why we ask"),
        Binding("ctrl+r", "app.review", "Review"),
        Binding("ctrl+t", "app.decision_path", "Path"),
        Binding("ctrl+b", "app.figures_basis", "How figures were computed", show=False),
    ]

    def __init__(self, session: Session, recorder: SessionRecorder | None = None) -> None:
        super().__init__()
        self.session = session
        self.recorder = recorder
        """Where accepted answers and the transcript are saved (None with --no-save)."""
        self._bar: ProgressBar | None = None
        """The progress bar, from the second frame on (see furnish)."""
        self._shown: dict[str, object] | None = None
        """The answers the recommendations on screen were screened from (None before the first)."""
        self._screening: dict[str, object] | None = None
        """The answers being screened now (None when no screening runs)."""
        self._shown_latest = asyncio.Event()
        """Set once the latest screening's result is on screen (or why there is none)."""
        self._treaty: list[str] = []
        """The treaty lines shown above the cards (the cards are updated in place only when they stay)."""

    def compose(self) -> ComposeResult:
        with Container(id="header-slot"):
            yield Header()
        yield Transcript(id="transcript")
        with Vertical(id="dock"):
            yield Container(id="progress-slot")
            yield Label("", id="progress-label")
            yield AnswerArea()
        yield Container(id="footer-slot")

    async def on_mount(self) -> None:
        self.query_one(Transcript).anchor()
        await self._in_one_layout(self._opening)

    async def furnish(self) -> None:
        """The progress bar and the footer, added once the first question is on screen: the question is
        what a person waits for, and these (a dozen widgets and their styles) would put it off. Each
        goes into a slot of its height kept for it, so nothing else moves. The header is composed with
        the screen: one mounted later could outlive its screen's removal and fail on the next title."""
        from textual.widgets import ProgressBar

        from advisor.ui.footer import KeysFooter

        bar = ProgressBar(id="progress", show_eta=False, show_percentage=False)
        with self.app.batch_update():
            await self.query_one("#progress-slot").mount(bar)
            await self.query_one("#footer-slot").mount(KeysFooter())
            self._bar = bar
            self._show_progress()
        self.refresh_bindings()  # the footer shows the keys when told they are there
        if not self.session.is_complete:
            self.call_after_refresh(self.warm_up, self._card_width())

    @work(thread=True, group="warm-up")
    def warm_up(self, width: int) -> None:
        """While the person answers, load what the recommendations need (the screening, its tables and
        templates, the Markdown renderer) by screening an example person once, off the event loop: the
        first recommendation then appears as fast as any later one, and the card sections many people
        share (costs, next steps, sources) are already rendered at the cards' width."""
        from advisor.advice import advise
        from advisor.answers_file import personas

        example = advise(next(iter(personas().values())), today=self.session.today)
        for recommendation in example.explained["recommendations"]:
            CardText(render_recommendation(recommendation)).lines(self.app.console, width)

    async def _opening(self) -> None:
        self.say(ui_text("welcome"), markup=True)
        for item in self.session.review():
            # Replayed from a resumed session: shown again, but already in its transcript.
            self.mount_message(AdvisorMessage(item.prompt, classes="advisor"))
            self.mount_message(PersonMessage(item.answer, classes="person"))
        await self.ask()

    # --- the transcript --------------------------------------------------------------------

    def mount_message(self, widget: Widget) -> None:
        self.query_one(Transcript).add(widget)

    async def _in_one_layout(self, step: Callable[[], Awaitable[None]], replacing: Sequence[Widget] = ()) -> None:
        await self.query_one(Transcript).in_one_layout(step, replacing)

    def say(self, text: str, *, markup: bool = False, classes: str = "advisor") -> Widget:
        """Add a message of the advisor; ``markup`` is for the app's own texts only, never a person's."""
        widget = AdvisorNote(text, classes=classes) if markup else AdvisorMessage(text, classes=classes)
        self.mount_message(widget)
        if self.recorder is not None:
            self.recorder.said("advisor", widget.source)
        return widget

    # --- asking ----------------------------------------------------------------------------

    async def ask(self, *, screen_now: bool = False) -> None:
        """Show the current question and the input it needs, or the results when all is answered.

        The screening starts once the progress is on screen (the worker and the event loop share one
        interpreter), or with ``screen_now`` at once: back from a review, the screen is drawn anew
        anyway (and a screening the review started goes on)."""
        area = self.query_one(AnswerArea)
        question = self.session.current
        answered, total = self.session.progress
        self._show_progress()
        if question is None:
            # The answers are done: the keys now scroll the results (focused before the answer area
            # goes, so the focus moves once, and the footer and styles follow once).
            self.query_one(Transcript).focus()
            area.display = False
            self.screening = True
            if screen_now:
                self.screen_answers(self._card_width())
            else:
                self.call_after_refresh(self.screen_answers, self._card_width())
            return
        area.display = True
        keys = "y / n" if question.kind == "yes_no" else f"1-{len(question.choices)} / first letter"
        hint = f"{keys} · " if question.kind in {"choice", "yes_no"} else ""
        self.query_one("#progress-label", Label).update(
            f"Question {answered + 1} of about {total} · {hint}? why we ask · Esc back"
        )
        self.query_one(Transcript).anchor()
        self.say(question.prompt)
        area.show(question, self.session.given(question.id))
        area.focus_input()

    @on(OptionList.OptionSelected, "#options")
    async def _picked(self, event: OptionList.OptionSelected) -> None:
        question = self.session.current
        if question is not None:
            await self.submit(options_for(question)[event.option_index][0])

    @on(Input.Submitted, "#answer-input")
    async def _typed(self, event: Input.Submitted) -> None:
        await self.submit(event.value)

    async def submit(self, raw: object) -> None:
        """Give the answer to the engine; show it if accepted, or the engine's message if not."""
        await self._in_one_layout(lambda: self._submit(raw))

    async def _submit(self, raw: object) -> None:
        question = self.session.current
        if question is None:
            return
        outcome = self.session.answer(raw)
        if not outcome.accepted:
            self.query_one(AnswerArea).show_error(outcome.for_person(question))
            return
        shown = question.display(self.session.answers[question.id])
        if self.recorder is not None:
            # Saved before it is shown: an answer shown as accepted is an answer on disk.
            saved = self.recorder.answered(self.session, question)
            self.recorder.said("person", shown)
            self.post_message(AnswerSaved(saved))
        self.mount_message(PersonMessage(shown, classes="person"))
        await self.ask()

    def rescreen(self) -> None:
        """An answer changed in the review and every question is still answered: screen them now, while
        the review is open, so that the chat comes back with its recommendations already updated."""
        self.screen_answers(self._card_width())

    def shows_answers(self) -> bool:
        """The recommendations on screen are those of the session's answers as they are now."""
        return self._shown is not None and self._shown == self.session.to_answers()

    async def after_review(self, changed: bool) -> None:
        """Back from the review: continue the interview, or show that the changed answers are being
        screened (the review started it; when it is done already, the cards are in place)."""
        if self.session.is_complete:
            if not changed or self.shows_answers():
                return
            with self.app.batch_update():  # nothing drawn until the route is updated, or shown to be under way
                await self.ask(screen_now=True)
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._shown_latest.wait(), self.REVIEW_HOLD)
                cards = self.query(RecommendationCard)
                if cards and not self.shows_answers():
                    # The old cards no longer hold: dimmed, under a note that says why, until the new ones come.
                    cards.add_class("stale")
                    await self._say_before_cards(ui_text("updated"))
            return

        async def step() -> None:
            if changed:
                await self.query(RecommendationCard).remove()
            await self.ask()

        await self._in_one_layout(step)

    async def _say_before_cards(self, markup: str) -> None:
        """Say, just above the recommendations, why they are dimmed or updated, in place of the note of an
        earlier review there, and show the chat from there."""
        note = AdvisorNote(markup, classes="advisor reviewed")
        await self.query_one(Transcript).note_above(note, self.query(RecommendationCard).first(), "reviewed")
        if self.recorder is not None:
            self.recorder.said("advisor", note.source)

    def _card_width(self) -> int:
        """The text width of a card: the transcript spans the screen and scrolls once the cards are in it
        (its padding and scrollbar, and the card's margin, border and padding, taken off)."""
        transcript = self.query_one(Transcript).styles
        return max(self.app.size.width - transcript.gutter.width - transcript.scrollbar_size_vertical - 6, 1)

    def screen_answers(self, width: int) -> None:
        """Screen the answers as they are now, in a worker; a newer screening replaces this one, and one of
        the same answers goes on (one a review started, when Esc comes before it is done)."""
        answers = self.session.to_answers()
        if answers != self._screening:
            self._screening = answers
            self._shown_latest.clear()
            self._screen(answers, width)

    @work(thread=True, exclusive=True, group="screening")
    def _screen(self, answers: dict[str, object], width: int) -> None:
        """Screen the answers and render the cards' text at ``width``, off the event loop (they take
        longer than a frame), then show the cards. A screening the answers changed under while it ran is
        cancelled by the newer one, so ``answers`` are those the cards show."""
        from advisor.advice import advise
        from advisor.calculators.parameters import MissingParameterError

        worker = get_current_worker()
        try:
            advice = advise(self.session, today=self.session.today)
            report = advice.explained
        except (InputError, MissingParameterError) as error:  # a year the data lacks is said, never guessed
            if not worker.is_cancelled:
                self.app.call_from_thread(self._not_screened, str(error))  # type: ignore[arg-type]
            return
        texts = [CardText(render_recommendation(r)) for r in report["recommendations"]]
        for text in texts:
            text.lines(self.app.console, width)
        if not worker.is_cancelled:
            # Textual types an awaited callback's None result as Never, hence the ignore.
            self.app.call_from_thread(self._screened, advice, texts, answers)  # type: ignore[arg-type]

    async def _not_screened(self, reason: str) -> None:
        """Say why the answers cannot be screened: above the dimmed cards after a review, in place of the note
        that promised their update (they stay as they were, for the earlier answers), else at the end."""
        self.screening = False
        message = f"The answers cannot be screened yet: {reason}."
        if self.query(".stale"):
            earlier = "The dimmed recommendations below are for your earlier answers; Ctrl+R reviews them."
            await self._say_before_cards(escape(f"{message} {earlier}"))
        else:
            self.say(f"{message} Ctrl+R reviews them.")
        self._screening = None
        self._shown_latest.set()

    async def _screened(self, advice: Advice, texts: list[CardText], answers: dict[str, object]) -> None:
        """Show the recommendations. After a review they are in place, laid out once (when the review
        closes, if it is still open), under a note that they changed."""
        self.screening = False
        self._shown = answers
        self.post_message(Screened(advice))
        report = advice.explained
        recommendations = report["recommendations"]
        stale = list(self.query(RecommendationCard))
        treaty, self._treaty = self._treaty, report["treaty"]
        if (
            stale
            and treaty == report["treaty"]
            and [card.kind for card in stale] == [r["kind"] for r in recommendations]
        ):
            await self._update_in_place(stale, recommendations, texts)
        else:

            async def step() -> None:
                said = "reviewed" if stale else "complete"  # another route after a review: shown from its note
                note = self.say(ui_text(said), markup=True, classes=f"advisor {said}")
                for line in report["treaty"]:  # what a treaty may change comes before the figures
                    self.say(line)
                self.show_recommendations(recommendations, texts)
                if stale:
                    self.query_one(Transcript).show_first(note)

            await self._in_one_layout(step, replacing=[*self.query(".reviewed"), *stale])
        if answers == self._screening:
            self._screening = None
            self._shown_latest.set()

    async def _update_in_place(
        self, cards: list[RecommendationCard], recommendations: list[dict[str, Any]], texts: list[CardText]
    ) -> None:
        """The same route after a review: each card shows its new text where it stands, so only the cards
        are laid out again (taking the transcript's cards away and adding new ones laid it out three
        times), under a note that says so, in the same layout."""
        updated = ui_text("card_updated")
        with self.app.batch_update():
            for card, recommendation, text in zip(cards, recommendations, texts, strict=True):
                card.replace_text(recommendation["title"], text, updated)
            self.query_one(Transcript).anchor(False)
            await self._say_before_cards(ui_text("reviewed"))

    def watch_screening(self, running: bool) -> None:
        """While the answers are screened the bar moves (indeterminate) and says so; then the keys for the results."""
        answered, _ = self.session.progress
        self._show_progress()
        if running:
            shown = f"All {answered} questions answered · screening them…"
        else:
            shown = f"All {answered} questions answered · ↑↓ PgUp PgDn scroll · Ctrl+B figures"
        self.query_one("#progress-label", Label).update(shown)

    def _show_progress(self) -> None:
        """The bar at the answers given, or moving (indeterminate) while they are screened."""
        if self._bar is not None:
            answered, total = self.session.progress
            self._bar.update(total=None if self.screening else max(total, 1), progress=answered)

    def show_recommendations(self, recommendations: list[dict[str, Any]], texts: list[CardText]) -> None:
        """One card per recommendation, each open, the first shown from its top."""
        cards = [
            RecommendationCard(number, recommendation["title"], text, recommendation["kind"])
            for number, (recommendation, text) in enumerate(zip(recommendations, texts, strict=True), start=1)
        ]
        for card in cards:
            self.mount_message(card)
        if cards:
            # Show the first card from its top rather than the end of the transcript.
            transcript = self.query_one(Transcript)
            transcript.anchor(False)
            transcript.show_first(cards[0])

    # --- actions ---------------------------------------------------------------------------

    def action_why(self) -> None:
        question = self.session.current
        if question is None:
            self.notify("All questions are answered; Ctrl+R reviews them.")
            return
        self.mount_message(HelpMessage(f"Why we ask: {question.help}", classes="help"))

    async def action_back(self) -> None:
        if self.session.is_complete:
            # Nothing to go back to: undoing an answer here would silently un-finish the interview.
            self.notify("Every question is answered. Ctrl+R changes an answer; Ctrl+O opens another session.")
            return
        if not self.session.back():
            self.notify("This is the first question.", severity="warning")
            return

        async def step() -> None:
            self.mount_message(Static("↩ back to the previous question", classes="note"))
            await self.ask()

        await self._in_one_layout(step)
