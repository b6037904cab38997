"""The interview as a chat: the advisor's questions and the person's answers scroll by, and the
answer area below adapts to the question (options to pick, or a field that shows how it reads
what is typed)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Collapsible, Footer, Header, Input, Label, Markdown, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from advisor.calculators.money import InputError
from advisor.content import environment, render_recommendation
from advisor.engine import Question, Session
from advisor.engine.answers import US_STATES
from advisor.plain import for_person

PLACEHOLDERS = {
    "amount": "an amount, e.g. 2.5m or $2,500,000",
    "percent": "a percent, e.g. 3 or 3%",
    "age_or_date": "age in years, or birth date YYYY-MM-DD",
    "state_code": "two-letter state code, e.g. NY",
}


def ui_text(name: str) -> str:
    """A fixed message of the app, from content/ui/ (wording lives with the other texts)."""
    return environment().get_template(f"ui/{name}.md.j2").render().strip()


class AdvisorMessage(Markdown):
    """Something the advisor says (Markdown)."""


class PersonMessage(Static):
    """Something the person answered."""


class HelpMessage(Markdown):
    """Why a question is asked."""


def options_for(question: Question) -> list[tuple[object, str]]:
    """(value, label) of a question answered by picking."""
    if question.kind == "yes_no":
        return [(True, "Yes"), (False, "No")]
    return [(choice.value, choice.label) for choice in question.choices]


class AnswerArea(Vertical):
    """The input for the current question, the way the engine read it, and why it was rejected."""

    def __init__(self, question: Question, previous: object | None) -> None:
        super().__init__(id="answer-area")
        self.question = question
        self.previous = previous

    def compose(self) -> ComposeResult:
        question = self.question
        if question.kind in {"choice", "yes_no"}:
            options = options_for(question)
            option_list = OptionList(*[Option(label, id=str(i)) for i, (_, label) in enumerate(options)], id="options")
            values = [value for value, _ in options]
            if self.previous in values:
                option_list.highlighted = values.index(self.previous)
            yield option_list
        else:
            suggester = (
                SuggestFromList(sorted(US_STATES), case_sensitive=False) if question.kind == "state_code" else None
            )
            yield Input(
                value="" if self.previous is None else self._written(self.previous),
                placeholder=PLACEHOLDERS.get(question.kind, ""),
                suggester=suggester,
                id="answer-input",
            )
            yield Label("", id="reading")
        yield Label("", id="answer-error")

    def _written(self, value: object) -> str:
        """A previous answer as it would be typed again."""
        return str(self.question.serialise(value)[1]).removesuffix("%")

    def focus_input(self) -> None:
        target: Widget = self.query_one("#options" if self.question.kind in {"choice", "yes_no"} else "#answer-input")
        target.focus()

    @on(Input.Changed, "#answer-input")
    def _show_reading(self, event: Input.Changed) -> None:
        """Show how the typed text will be read (2.5m -> $2,500,000) before it is submitted."""
        reading = self.query_one("#reading", Label)
        text = event.value.strip()
        if not text:
            reading.update("")
            return
        try:
            value = self.question.parse(text)
        except InputError:
            reading.update("")
            return
        reading.update(f"→ {self.question.display(value)}")

    def show_error(self, message: str) -> None:
        label = self.query_one("#answer-error", Label)
        label.update(message)
        label.set_class(True, "shown")


class ChatScreen(Screen[None]):
    """The interview."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("question_mark", "why", "Why we ask", key_display="?", priority=True),
        Binding("f1", "why", "Why we ask", show=False),
        Binding("ctrl+r", "app.review", "Review answers"),
        Binding("ctrl+t", "app.decision_path", "Decision path"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="transcript")
        with Vertical(id="dock"):
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
            yield Label("", id="progress-label")
            yield Vertical(id="answer-slot")
        yield Footer()

    async def on_mount(self) -> None:
        self.query_one("#transcript", VerticalScroll).anchor()
        self.say(ui_text("welcome"))
        for item in self.session.review():
            self.say(item.prompt)
            self.mount_message(PersonMessage(item.answer, classes="person"))
        await self.ask()

    # --- the transcript --------------------------------------------------------------------

    def mount_message(self, widget: Widget) -> None:
        self.query_one("#transcript", VerticalScroll).mount(widget)

    def say(self, markdown: str) -> None:
        self.mount_message(AdvisorMessage(markdown, classes="advisor"))
        recorder = getattr(self.app, "recorder", None)
        if recorder is not None:
            recorder.said("advisor", markdown)

    # --- asking ----------------------------------------------------------------------------

    async def ask(self) -> None:
        """Show the current question and the input it needs, or the results when all is answered."""
        slot = self.query_one("#answer-slot", Vertical)
        await slot.remove_children()
        question = self.session.current
        answered, total = self.session.progress
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(total, 1), progress=answered)
        if question is None:
            self.query_one("#progress-label", Label).update(f"All {answered} questions answered")
            await self.app.show_results()  # type: ignore[attr-defined]
            return
        self.query_one("#progress-label", Label).update(
            f"Question {answered + 1} of about {total} · ? why we ask · Esc back · Ctrl+R review"
        )
        self.query_one("#transcript", VerticalScroll).anchor()
        self.say(question.prompt)
        area = AnswerArea(question, self.session.given(question.id))
        await slot.mount(area)
        self.call_after_refresh(area.focus_input)

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
        question = self.session.current
        if question is None:
            return
        outcome = self.session.answer(raw)
        if not outcome.accepted:
            self.query_one(AnswerArea).show_error(for_person(question, outcome.message))
            return
        shown = question.display(self.session.answers[question.id])
        self.mount_message(PersonMessage(shown, classes="person"))
        self.app.answer_accepted(self.session, question)  # type: ignore[attr-defined]
        await self.ask()

    async def show_recommendations(self, recommendations: list[dict[str, Any]]) -> None:
        """One card per recommendation: the title as a heading, everything else folded below it."""
        cards = [
            Collapsible(
                Markdown(render_recommendation(recommendation)),
                title=f"{number}. {recommendation['title']}",
                collapsed=number > 1,
                classes=f"card {recommendation['kind']}",
            )
            for number, recommendation in enumerate(recommendations, start=1)
        ]
        transcript = self.query_one("#transcript", VerticalScroll)
        await transcript.mount_all(cards)
        if cards:
            # Show the first card from its top rather than the end of the transcript.
            transcript.anchor(False)
            self.call_after_refresh(transcript.scroll_to_widget, cards[0], top=True, animate=False)

    # --- actions ---------------------------------------------------------------------------

    def action_why(self) -> None:
        question = self.session.current
        if question is None:
            self.notify("All questions are answered; Ctrl+R reviews them.")
            return
        self.mount_message(HelpMessage(f"**Why we ask:** {question.help}", classes="help"))

    async def action_back(self) -> None:
        if not self.session.back():
            self.notify("This is the first question.", severity="warning")
            return
        self.mount_message(Static("↩ back to the previous question", classes="note"))
        await self.ask()
