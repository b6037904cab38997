"""Review every answer and change any of them; the route updates as answers change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, OptionList
from textual.widgets.option_list import Option

from advisor.engine import Question, Session
from advisor.ui.answer import AnswerArea, options_for
from advisor.ui.messages import AnswerChanged, AnswerSaved

if TYPE_CHECKING:
    from advisor.recording import SessionRecorder


class EditAnswerScreen(ModalScreen[bool]):
    """Change one answer; dismisses with True when the engine accepted it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, session: Session, question: Question) -> None:
        super().__init__()
        self.session = session
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-dialog"):
            yield Label(self.question.prompt, id="edit-prompt")
            yield AnswerArea(self.question, self.session.answers.get(self.question.id))
            yield Label("Enter saves · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(AnswerArea).focus_input()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.save(options_for(self.question)[event.option_index][0])

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        self.save(event.value)

    def save(self, raw: object) -> None:
        outcome = self.session.edit(self.question.id, raw)
        if not outcome.accepted:
            self.query_one(AnswerArea).show_error(outcome.for_person(self.question))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class ReviewScreen(Screen[None]):
    """Every answer on the route under its whole question (wrapped, never cut); Enter on one changes it."""

    BINDINGS = [
        Binding("escape", "close", "Back to the interview"),
        Binding("enter", "edit", "Change answer"),
    ]

    def __init__(self, session: Session, recorder: SessionRecorder | None = None) -> None:
        super().__init__()
        self.session = session
        self.recorder = recorder
        """Where a changed answer is saved (None with --no-save)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="review-status")
        yield OptionList(id="answers")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Review answers"
        self.refresh_answers()
        self.query_one("#answers", OptionList).focus()

    def refresh_answers(self) -> None:
        answers = self.query_one("#answers", OptionList)
        row = answers.highlighted or 0
        answers.clear_options()
        for item in self.session.review():
            shown = f"{item.answer} (assumed)" if item.assumed else item.answer
            answers.add_option(Option(Text.assemble(item.prompt, "\n", ("→ " + shown, "bold")), id=item.question_id))
        answers.highlighted = min(row, answers.option_count - 1) if answers.option_count else None
        answered, total = self.session.progress
        status = (
            "Complete: every question on this route is answered."
            if self.session.is_complete
            else f"{total - answered} more question(s) to answer on this route; Esc returns to the interview."
        )
        self.query_one("#review-status", Label).update(f"{status} Enter changes the highlighted answer.")

    @on(OptionList.OptionSelected, "#answers")
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        answers = self.query_one("#answers", OptionList)
        if answers.highlighted is None:
            return
        question_id = str(answers.get_option_at_index(answers.highlighted).id)

        def edited(accepted: bool | None) -> None:
            if accepted:
                self.post_message(AnswerChanged())
                if self.recorder is not None:
                    saved = self.recorder.answered(self.session, self.session.flow.questions[question_id])
                    self.post_message(AnswerSaved(saved))
                self.refresh_answers()

        self.app.push_screen(EditAnswerScreen(self.session, self.session.flow.questions[question_id]), edited)

    def action_close(self) -> None:
        self.dismiss()
