"""What a calculator shows, whatever shows it: lines with their basis, a chart, tables, citations."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel

from advisor.calculators.parameters import Citation
from advisor.presentation.inputs import Input
from advisor.presentation.wording import text

Result = TypeVar("Result", bound=BaseModel)


@dataclass(frozen=True)
class Line:
    """A figure, its value as shown, and how it was arrived at."""

    label: str
    value: str
    basis: str = ""
    detail: bool = False
    """A step of the computation, shown with the basis only (not among the figures)."""


@dataclass(frozen=True)
class Series:
    name: str
    xs: Sequence[float]
    ys: Sequence[float]
    right_axis: bool = False


@dataclass(frozen=True)
class Chart:
    title: str
    x_label: str
    series: Sequence[Series]

    @classmethod
    def worded(cls, key: str, xs: Sequence[float], *series: tuple[str, Sequence[float]], right: str = "") -> Chart:
        """A chart of calculator ``key`` whose title, x label and series' names are its wording's ``chart``,
        ``chart_x`` and each series' name; the series named ``right`` on the right axis."""
        shown = tuple(Series(text(key, name), xs, ys, name == right) for name, ys in series)
        return cls(title=text(key, "chart"), x_label=text(key, "chart_x"), series=shown)


@dataclass(frozen=True)
class Table:
    """Rows under a heading (a year-by-year projection, a sweep of terms)."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    align: str = ""
    """An ``l`` or ``r`` per column; by default the first left, the others right."""


@dataclass(frozen=True)
class Presentation:
    """A result as a person reads it: the same object is printed by the command line and shown by the app."""

    title: str
    lines: Sequence[Line]
    summary: str
    """One line: the figure that answers the question."""
    citations: Sequence[Citation] = ()
    notes: Sequence[str] = ()
    assumptions: Sequence[str] = ()
    chart: Chart | None = None
    tables: Sequence[Table] = ()

    @property
    def figures(self) -> list[tuple[str, str]]:
        """The figures beside their values, without the steps shown only with the basis."""
        return [(line.label, line.value) for line in self.lines if not line.detail]


@dataclass(frozen=True)
class Calculator(Generic[Result]):
    """One calculator for every front end: its inputs, how their values become a result, and how a
    result is presented (and, for ``--json``, dumped)."""

    key: str
    inputs: Sequence[Input]
    compute: Callable[[Mapping[str, object]], Result]
    """From the inputs' values (a value left out takes the model's default) to the result."""
    present: Callable[[Result], Presentation]
    payload: Callable[[Result], BaseModel | dict[str, object]] | None = None
    """What ``--json`` prints, where the command adds to the result (by default the result itself)."""
    exclusive: Sequence[tuple[str, ...]] = ()
    """Inputs of which exactly one is given (``--year`` or ``--death-date``)."""
    groups: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Inputs shown together in ``--help``, by group (its heading and description are in the wording)."""
    switches: Sequence[str] = ()
    """Command-line switches that are not inputs of the model (``--sweep``), passed to ``compute`` by name."""
    ui_switches: Mapping[str, bool] = field(default_factory=dict)
    """The switches as the app sets them (its screen always sweeps the terms)."""
    dated: bool = False
    """``compute`` is given the day (``today``) the front end decided on."""

    def evaluate(self, values: Mapping[str, object]) -> Presentation:
        """The app's presentation of its fields' values (an empty one, None, takes the model's default)."""
        given = {name: value for name, value in values.items() if value is not None}
        return self.present(self.compute({**self.ui_switches, **given}))

    @property
    def ui_inputs(self) -> list[Input]:
        """The fields the app shows; the rest are for the command line only."""
        return [spec for spec in self.inputs if spec.ui]
