"""A calculator as a screen: a form on the left, figures, basis and a chart on the right.

Every keystroke recalculates. A field that cannot be read shows the same message the command
line gives, right under it, and the last good figures stay on screen (marked as out of date)
so nothing the person typed is lost.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, Static
from textual.worker import Worker, get_current_worker

from advisor.calculators.money import InputError
from advisor.calculators.parameters import Citation, MissingParameterError
from advisor.content import ui_text
from advisor.presentation import inputs
from advisor.presentation.model import Presentation


@dataclass(frozen=True)
class Provenance:
    """How a result was computed: its lines with their basis, the parameter rows and notes."""

    title: str
    lines: Sequence[tuple[str, str, str]]
    citations: Sequence[Citation] = ()
    notes: Sequence[str] = ()
    sections: Sequence[tuple[str, Sequence[tuple[str, str, str]]]] = ()
    """Further lines under headings of their own (each recommendation's figures under its title)."""


def provenance_of(shown: Presentation) -> Provenance:
    """The basis screen's content: a presentation's lines, citations, assumptions and notes."""
    return Provenance(
        title=shown.title,
        lines=[(line.label, line.value, line.basis) for line in shown.lines],
        citations=shown.citations,
        notes=(*(f"{ui_text('basis_assumption')} {a}" for a in shown.assumptions), *shown.notes),
    )


FIRST_FIELDS = 5
"""The fields a form opens with, about a screenful at 24 rows; the rest are mounted right after."""
FIRST_FIGURES_WAIT = 0.03
"""Seconds an opening screen waits for its first figures before it shows itself computing them."""


@dataclass
class CalculatorSpec:
    """A calculator the app can open: its fields and the function from their values to its presentation."""

    key: str
    title: str
    fields: Sequence[inputs.Input]
    evaluate: Callable[[Mapping[str, object]], Presentation]
    prefill: dict[str, str] = field(default_factory=dict)


def read_fields(fields: Sequence[inputs.Input], texts: Mapping[str, str]) -> tuple[dict[str, object], dict[str, str]]:
    """Parse every field; returns the values and, per field that could not be read, its message."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    for spec in fields:
        text = texts.get(spec.name, "").strip()
        if not text and spec.optional:
            values[spec.name] = None
            continue
        try:
            values[spec.name] = spec.parse(text)
        except InputError as error:
            errors[spec.name] = str(error).split(": ", 1)[-1]
    return values, errors


def figure_table(rows: Sequence[tuple[str, str]]) -> Group:
    """Each label beside its value; a label too long for the width wraps under itself, so no value is
    ever pushed off the screen (a table with scrolling columns hid them at 80 columns). A line without a
    value (a remark among the figures) takes the whole width."""
    parts: list[RenderableType] = []
    grid: Table | None = None
    for label, value in rows:
        if not value:
            parts.append(Text(label))
            grid = None
            continue
        if grid is None:
            grid = Table.grid(padding=(0, 2), expand=True)
            grid.add_column("figure", ratio=1, overflow="fold")
            grid.add_column("value", justify="right", overflow="fold")
            parts.append(grid)
        grid.add_row(Text(label), Text(value, style="bold"))
    return Group(*parts)


def basis_table(lines: Sequence[tuple[str, str, str]]) -> Group:
    """How each line was computed: the line beside its value, and its basis below it, indented."""
    parts: list[RenderableType] = []
    for label, value, basis in lines:
        parts.append(figure_table([(label, value)]))
        if basis:
            parts.append(Padding(Text(basis, style="italic"), (0, 0, 0, 4)))
    return Group(*parts)


def failure_message(error: Exception) -> str:
    """The one-line reason a calculation could not be done, as the command line words it."""
    if isinstance(error, ValidationError):
        return "; ".join(item["msg"].removeprefix("Value error, ") for item in error.errors())
    return str(error)


class ProvenanceScreen(ModalScreen[None]):
    """How a figure was computed: formula lines, inputs, and the cited parameter rows."""

    BINDINGS = [Binding("escape,p,q", "dismiss", "Close")]
    AUTO_FOCUS = "#provenance"

    def __init__(self, provenance: Provenance) -> None:
        super().__init__()
        self.provenance = provenance

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="provenance"):
            yield Static(f"How this was computed: {self.provenance.title}", classes="title", markup=False)
            yield Static(basis_table(self.provenance.lines), id="provenance-lines")
            for heading, lines in self.provenance.sections:
                yield Static(heading, classes="subtitle", markup=False)
                yield Static(basis_table(lines))
            yield Label("Parameter rows used", classes="subtitle")
            for citation in self.provenance.citations:
                yield Static(
                    Text.assemble(
                        (citation.parameter, "bold"),
                        f" = {citation.value}  ({citation.effective})\n  {citation.source}",
                    ),
                    classes="citation",
                )
            for note in self.provenance.notes:
                yield Static(f"{ui_text('basis_note')} {note}", markup=False, classes="citation")
            yield Label(ui_text("basis_hint"), classes="hint")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


class CalculatorScreen(Screen[None]):
    """One calculator, recalculating live as its inputs change."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+b", "provenance", "How computed"),
        Binding("f2", "switch_pane", "Form ⇄ figures"),
    ]

    def __init__(self, spec: CalculatorSpec) -> None:
        super().__init__()
        self.spec = spec
        self.evaluation: Presentation | None = None
        self._texts = {field.name: spec.prefill.get(field.name, field.default) for field in spec.fields}
        """What each field holds (a field not mounted yet, its first text)."""
        self._inputs: dict[str, Input] = {}
        self._error_labels: dict[str, Label] = {}
        self._errors: dict[str, str] = {}
        self.sub_title = spec.title

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="calculator"):
            with VerticalScroll(id="form"):
                for spec in self.spec.fields[:FIRST_FIELDS]:
                    yield from self._field(spec)
            with VerticalScroll(id="results"):
                yield Static("Computing…", id="status", markup=False)
                yield Static("", id="figures")
        yield Footer()

    def _field(self, spec: inputs.Input) -> ComposeResult:
        yield Label(spec.label, classes="field-label")
        field = Input(
            value=self._texts[spec.name], placeholder=spec.placeholder, id=f"field-{spec.name}", classes="field"
        )
        self._inputs[spec.name] = field
        yield field

    async def on_mount(self) -> None:
        """Start the calculation and give it a moment: a quick one shows its figures in the screen's first
        frame, a slow one goes on in its worker while the screen says it is computing."""
        self.query_one(Input).focus()
        self.call_after_refresh(self._mount_other_fields)
        worker = self.recalculate()
        clock = asyncio.get_running_loop().time
        deadline = clock() + FIRST_FIGURES_WAIT
        while worker is not None and not worker.is_finished and clock() < deadline:
            await asyncio.sleep(0.002)  # not worker.wait(): a timeout on it would cancel the worker's task

    async def _mount_other_fields(self) -> None:
        """The fields below the first screenful, once it is shown (an input takes a few milliseconds to mount)."""
        others = self.spec.fields[FIRST_FIELDS:]
        await self.query_one("#form").mount_all([widget for spec in others for widget in self._field(spec)])
        for spec in others:
            self._show_error(spec.name, self._errors.get(spec.name, ""))

    @on(Input.Changed, ".field")
    def _changed(self, event: Input.Changed) -> None:
        """A field's new text; each field also reports its first text when it mounts, which changes nothing."""
        name = (event.input.id or "").removeprefix("field-")
        if self._texts.get(name) != event.value:
            self._texts[name] = event.value
            self.recalculate()

    def recalculate(self) -> Worker[None] | None:
        """Read the fields and start the calculation; a field that cannot be read stops it, and says why."""
        values, errors = read_fields(self.spec.fields, self._texts)
        self._errors = errors
        for spec in self.spec.fields:
            self._show_error(spec.name, errors.get(spec.name, ""))
        if errors:
            self.workers.cancel_group(self, "evaluate")
            self._mark_stale(ui_text("calculator_unread"))
            return None
        if self.evaluation is not None:
            self.query_one("#status", Static).update("Computing…")
        return self.evaluate(values)

    @work(thread=True, exclusive=True, group="evaluate")
    def evaluate(self, values: dict[str, object]) -> None:
        """The calculation, off the event loop (a projection over a long life takes more than a keystroke's
        time); a newer keystroke's calculation replaces this one."""
        worker = get_current_worker()
        try:
            evaluation = self.spec.evaluate(values)
        except (InputError, MissingParameterError, ValidationError) as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._mark_stale, failure_message(error))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._evaluated, evaluation)

    def _show_error(self, name: str, message: str) -> None:
        """The field's message under it; the label is mounted the first time the field has one, so a form
        opens with only its labels and inputs."""
        field = self._inputs.get(name)
        if field is None:
            return  # shown when the field is mounted
        field.set_class(bool(message), "invalid")
        label = self._error_labels.get(name)
        if label is not None:
            label.update(message)
            label.set_class(bool(message), "shown")
        elif message:
            label = self._error_labels[name] = Label(message, id=f"error-{name}", classes="field-error shown")
            self.query_one("#form").mount(label, after=field)

    def _evaluated(self, evaluation: Presentation) -> None:
        self.evaluation = evaluation
        status = self.query_one("#status", Static)
        status.update(f"{evaluation.summary} · Ctrl+B: basis")
        status.set_class(False, "error")
        self.query_one("#results").set_class(False, "stale")
        self._show(evaluation)

    def _mark_stale(self, message: str) -> None:
        status = self.query_one("#status", Static)
        status.update(message)
        status.set_class(True, "error")
        self.query_one("#results").set_class(self.evaluation is not None, "stale")

    def _show(self, evaluation: Presentation) -> None:
        self.query_one("#figures", Static).update(figure_table(evaluation.figures))
        for shown in self.query("#chart"):
            shown.display = evaluation.chart is not None
        if evaluation.chart is not None:
            self.call_after_refresh(self._draw_chart)

    def _draw_chart(self) -> None:
        """The latest result's chart, drawn once its figures are on screen (the chart sits below them and
        the plotting widget is slow to start); only calculators with a chart load it."""
        chart = self.evaluation.chart if self.evaluation is not None else None
        if chart is None:
            return
        from textual_plotext import PlotextPlot

        charts = self.query("#chart")
        if charts:
            plot = charts.only_one(PlotextPlot)
        else:
            plot = PlotextPlot(id="chart")
            self.query_one("#results").mount(plot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(chart.title)
        plt.xlabel(chart.x_label)
        for series in chart.series:
            plt.plot(
                list(series.xs), list(series.ys), label=series.name, yside="right" if series.right_axis else "left"
            )
        plot.refresh()

    def action_switch_pane(self) -> None:
        """Between the form and the figures: on the figures, the arrows, PageUp/PageDown and End scroll."""
        results = self.query_one("#results", VerticalScroll)
        if results.has_focus:
            self.query_one(Input).focus()
        else:
            results.focus()

    def action_provenance(self) -> None:
        if self.evaluation is not None:
            self.app.push_screen(ProvenanceScreen(provenance_of(self.evaluation)))
