"""The answer area under the chat (and in the edit dialog): options to pick, or a field that shows how
it reads what is typed, and why an answer was rejected."""

from __future__ import annotations

from decimal import Decimal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from advisor.calculators.money import InputError, typed_amount
from advisor.engine import Question
from advisor.engine.answers import US_STATES, country_names

PLACEHOLDERS = {
    "amount": "an amount, e.g. 2.5m or $2,500,000",
    "percent": "a percent, e.g. 3 or 3%",
    "age_or_date": "age in years, or birth date YYYY-MM-DD",
    "state_code": "two-letter state code, e.g. NY",
    "country": "a country, e.g. Japan or JP",
}


def options_for(question: Question) -> list[tuple[object, str]]:
    """(value, label) of a question answered by picking."""
    if question.kind == "yes_no":
        return [(True, "Yes"), (False, "No")]
    return [(choice.value, choice.label) for choice in question.choices]


class AnswerInput(Input):
    """The field of a typed answer. No answer contains ``?`` (amounts, ages, dates, state codes), so
    ``?`` is left to the screen's binding: it asks why the question is asked, as on a list of options."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "?" and super().check_consume_key(key, character)


class AnswerOptions(OptionList):
    """The options of a question, answered as people type: y or n for a yes/no question, the number
    of an option, or its first letter (when several options start with it, each press highlights the
    next one and Enter picks)."""

    yes_no = False
    """The options are Yes and No (in that order)."""

    def on_key(self, event: events.Key) -> None:
        if event.character is None:
            return
        labels = [str(self.get_option_at_index(i).prompt).lower() for i in range(self.option_count)]
        key = event.character.lower()
        if self.yes_no and key in {"y", "n"}:
            index = 0 if key == "y" else 1
        elif key.isdigit() and 1 <= int(key) <= len(labels):
            index = int(key) - 1
        else:
            matches = [i for i, label in enumerate(labels) if label.startswith(key)]
            if not matches:
                return
            event.stop()
            if len(matches) > 1:
                current = -1 if self.highlighted is None else self.highlighted
                self.highlighted = next((i for i in matches if i > current), matches[0])
                return
            index = matches[0]
        event.stop()
        self.highlighted = index
        self.action_select()


class AnswerArea(Vertical):
    """The input for the current question, how the engine reads what is typed, and why it was rejected.

    One area serves every question: it swaps its options or field in place, so answering does not
    rebuild (and restyle) widgets.
    """

    def __init__(self, question: Question | None = None, previous: object | None = None) -> None:
        super().__init__(id="answer-area")
        self.question = question
        self.previous = previous

    def compose(self) -> ComposeResult:
        yield AnswerOptions(id="options")
        yield AnswerInput(id="answer-input")
        yield Label("", id="reading")
        yield Label("", id="answer-error")

    def on_mount(self) -> None:
        if self.question is not None:
            self.show(self.question, self.previous)

    @property
    def picking(self) -> bool:
        return self.question is not None and self.question.kind in {"choice", "yes_no"}

    def show(self, question: Question, previous: object | None) -> None:
        """Ask a question: options to pick from, or a field prefilled with any earlier answer."""
        self.question = question
        options = self.query_one("#options", AnswerOptions)
        field = self.query_one("#answer-input", Input)
        options.display = self.picking
        field.display = not self.picking
        self.query_one("#reading", Label).update("")
        self.clear_error()
        if self.picking:
            choices = options_for(question)
            options.clear_options()
            options.yes_no = question.kind == "yes_no"
            options.add_options([Option(label, id=str(i)) for i, (_, label) in enumerate(choices)])
            values = [value for value, _ in choices]
            options.highlighted = values.index(previous) if previous in values else 0
        else:
            suggestions = {"state_code": sorted(US_STATES), "country": country_names()}.get(question.kind)
            field.suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
            field.placeholder = PLACEHOLDERS.get(question.kind, "")
            field.value = "" if previous is None else self._typed(question, previous)

    @staticmethod
    def _typed(question: Question, value: object) -> str:
        """An earlier answer as it would be typed again."""
        if question.kind == "amount" and isinstance(value, Decimal):
            return typed_amount(value)
        return str(question.serialise(value)[1]).removesuffix("%")

    def focus_input(self) -> None:
        self.query_one("#options" if self.picking else "#answer-input").focus()

    @on(Input.Changed, "#answer-input")
    def _show_reading(self, event: Input.Changed) -> None:
        """Show how the typed text will be read (2.5m -> $2,500,000) before it is submitted."""
        reading = self.query_one("#reading", Label)
        text = event.value.strip()
        if not text or self.question is None or self.picking:
            reading.update("")
            return
        try:
            value = self.question.parse(text)
        except InputError:
            reading.update("")
            return
        reading.update(f"→ {self.question.display(value)}")
        self.clear_error()  # the text now reads as an answer: the complaint about the old one is done

    def show_error(self, message: str) -> None:
        label = self.query_one("#answer-error", Label)
        label.update(message)
        label.set_class(True, "shown")

    def clear_error(self) -> None:
        self.query_one("#answer-error", Label).set_class(False, "shown")
