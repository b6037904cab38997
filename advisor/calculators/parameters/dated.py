"""The one shape of every parameter file, and the one lookup that returns the cited row.

Each CSV file beside this module is a dated table:

``effective_from, effective_to, <key and value columns>, unit, source[, caveat]``

``effective_from`` and ``effective_to`` are inclusive ISO dates (an empty ``effective_to`` means
"until further notice"); ``unit`` says what the value columns are measured in (``USD``,
``percent``, ...); ``source`` is the citation a reader can look up (statute, regulation,
revenue procedure or ruling, IRS form instructions). Files whose rows are told apart by more than
their dates (a bracket, an age, a state) name those key columns in :data:`KEY_COLUMNS`, so that
no two rows with the same keys are in effect on the same day. A value column whose name ends in
``_percent`` holds a percent whatever the unit; an empty value cell is a figure whose source was not
found; an optional ``caveat`` column carries a warning shown with the figure.

A date the data does not cover raises :class:`MissingParameterError`, which names the gap and the
flag or argument that supplies the value; nothing is ever guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

DATE_COLUMNS = ("effective_from", "effective_to")
REQUIRED_COLUMNS = (*DATE_COLUMNS, "unit", "source")

KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "estate_tax_rate_schedule.csv": ("over",),
    "state_death_tax_credit.csv": ("over",),
    "mortality_lx.csv": ("table", "age"),
    "qdot_security.csv": ("parameter",),
    "state_estate_taxes.csv": ("state",),
    "state_estate_tax_schedules.csv": ("state", "over"),
    "state_estate_tax_methods.csv": ("state",),
    "treaty_provisions.csv": ("country", "provision"),
}
"""Columns that, with the dates, identify a row; files not listed hold one row per period."""


class MissingParameterError(LookupError):
    """A parameter the data does not hold for the date asked; the message says how to supply it."""


class Citation(BaseModel):
    """One parameter row a result used: what it is, its value, when it applies, and its source."""

    model_config = ConfigDict(frozen=True)

    parameter: str
    value: str
    effective: str
    source: str

    def __str__(self) -> str:
        return f"{self.parameter} = {self.value} ({self.effective}): {self.source}"


T = TypeVar("T")


class Cited(BaseModel, Generic[T]):
    """A parameter value together with the citation of its row."""

    model_config = ConfigDict(frozen=True)

    value: T
    citation: Citation


class Row(BaseModel):
    """One row of a parameter file: its period, its columns, its unit and its source."""

    model_config = ConfigDict(frozen=True)

    file: str
    effective_from: dt.date
    effective_to: dt.date | None
    columns: dict[str, str]
    unit: str
    source: str

    def __getitem__(self, column: str) -> str:
        return self.columns[column]

    def decimal(self, column: str) -> Decimal:
        """A value column as a number; an empty cell is a gap in the data, never zero."""
        text = self.columns[column]
        if not text:
            raise MissingParameterError(
                f"{self.file} has no {column} for {self.period}; the source for it was not found"
            )
        return Decimal(text)

    def applies_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    @property
    def period(self) -> str:
        """The period in words: ``2012``, ``2010-03``, ``from 2013-01-01`` or ``2009-05-01 to 2023-05-31``."""
        start, end = self.effective_from, self.effective_to
        if end is None:
            return f"from {start.isoformat()}"
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return str(start.year)
        if start.day == 1 and (start.year, start.month) == (end.year, end.month) and (end + dt.timedelta(1)).day == 1:
            return f"{start:%Y-%m}"
        return f"{start.isoformat()} to {end.isoformat()}"

    def cite(self, parameter: str, value: str, effective: str | None = None) -> Citation:
        """The citation of this row for a named parameter and the value shown for it."""
        return Citation(parameter=parameter, value=value, effective=effective or self.period, source=self.source)


def parameter_files() -> tuple[str, ...]:
    """Every parameter file in the package, by name."""
    folder = resources.files(__package__ or __name__)
    return tuple(sorted(item.name for item in folder.iterdir() if item.name.endswith(".csv")))


@cache
def rows(filename: str) -> tuple[Row, ...]:
    """All rows of one parameter file in file order, read once per process."""
    if filename not in parameter_files():
        raise ValueError(f"unknown parameter file {filename!r}")
    text = resources.files(__package__ or __name__).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{filename} lacks the columns {', '.join(missing)} of the dated-table shape")
    return tuple(
        Row(
            file=filename,
            effective_from=dt.date.fromisoformat(raw["effective_from"]),
            effective_to=dt.date.fromisoformat(raw["effective_to"]) if raw["effective_to"] else None,
            columns={k: v for k, v in raw.items() if k not in REQUIRED_COLUMNS},
            unit=raw["unit"],
            source=raw["source"],
        )
        for raw in reader
    )


def _matching(filename: str, keys: dict[str, str]) -> tuple[Row, ...]:
    return _matching_once(filename, tuple(sorted(keys.items())))


@cache
def _matching_once(filename: str, keys: tuple[tuple[str, str], ...]) -> tuple[Row, ...]:
    """The rows with these key values, found once per process (a screening looks the same rows up
    hundreds of times: scanning the file each time was a fifth of a batch file's cost)."""
    return tuple(row for row in rows(filename) if all(row[k] == v for k, v in keys))


@lru_cache(maxsize=4096)
def rows_on(filename: str, day: dt.date, **keys: str) -> tuple[Row, ...]:
    """The rows in effect on a day (all brackets of a schedule, all ages of a table), in file order; remembered,
    as a batch asks the same few days tens of thousands of times."""
    return tuple(row for row in _matching(filename, keys) if row.applies_on(day))


def coverage(filename: str, **keys: str) -> str:
    """The dates a file (or the rows with these keys) covers, for error messages."""
    matching = _matching(filename, keys)
    if not matching:
        return "no rows"
    first = min(row.effective_from for row in matching)
    ends = [row.effective_to for row in matching]
    last = "on" if None in ends else f"to {max(e for e in ends if e is not None).isoformat()}"
    return f"from {first.isoformat()} {last}"


def row_on(filename: str, day: dt.date, *, what: str, supply: str = "", when: str = "", **keys: str) -> Row:
    """The one row in effect on a day; a missing date names the gap (``when``, the day by default)
    and how to supply the value."""
    found = rows_on(filename, day, **keys)
    if len(found) == 1:
        return found[0]
    if found:
        raise ValueError(f"{filename} has {len(found)} rows for {what} on {day.isoformat()}")
    hint = f"; {supply}" if supply else ""
    raise MissingParameterError(
        f"the {what} for {when or day.isoformat()} is not in the data (it covers {coverage(filename, **keys)}){hint}"
    )


def latest(filename: str, **keys: str) -> Row:
    """The row that starts last (the most recent figure the data holds)."""
    matching = _matching(filename, keys)
    if not matching:
        raise MissingParameterError(f"{filename} has no rows for {keys}")
    return max(matching, key=lambda row: row.effective_from)


@lru_cache(maxsize=4096)
def cited(
    filename: str, column: str, day: dt.date, *, what: str, supply: str = "", when: str = "", **keys: str
) -> Cited[Decimal]:
    """One value on a day with its citation (see :func:`row_on`)."""
    return cite_value(row_on(filename, day, what=what, supply=supply, when=when, **keys), column, what, supply)


def cite_value(row: Row, column: str, what: str, supply: str = "") -> Cited[Decimal]:
    """A row's value with its citation; percents come back as fractions. An empty cell is a figure whose
    source was not found: the error names it and how to supply it."""
    if not row[column]:
        hint = f"; {supply}" if supply else ""
        raise MissingParameterError(f"the {what} for {row.period} is not in the data (no source found){hint}")
    value = row.decimal(column)
    if row.unit == "percent":
        return Cited(value=value / 100, citation=row.cite(what, f"{value}%"))
    shown = f"${value:,}" if row.unit == "USD" else f"{value} {row.unit}"
    return Cited(value=value, citation=row.cite(what, shown))
