"""Dated, cited parameters: every lookup returns the value with the row it came from.

The CSV files beside this module are the only source of rates, thresholds and life tables.
A date the data does not cover raises :class:`MissingParameterError`, which names the gap and
the flag or argument that supplies the value explicitly; nothing is ever guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict


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


@cache
def _rows(filename: str) -> tuple[dict[str, str], ...]:
    """A parameter file's rows, read once per process (callers only read them)."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    return tuple(csv.DictReader(text.splitlines()))


PARAMETER_FILES = (
    "estate_tax_rate_schedule.csv",
    "exclusion_amounts.csv",
    "nonresident_credit.csv",
    "max_estate_tax_rates.csv",
    "section_7520_rates.csv",
    "mortality_tables.csv",
    "mortality_2000cm.csv",
    "mortality_2010cm.csv",
    "state_estate_taxes_2026.csv",
    "qdot_security.csv",
    "treaty_provisions.csv",
)


def read_rows(filename: str) -> list[dict[str, str]]:
    """The raw rows of one parameter file (for validation and display)."""
    if filename not in PARAMETER_FILES:
        raise ValueError(f"unknown parameter file {filename!r}")
    return [dict(row) for row in _rows(filename)]


# --- the IRC 2001(c) rate schedule -------------------------------------------------------


class Bracket(BaseModel):
    model_config = ConfigDict(frozen=True)

    over: Decimal
    not_over: Decimal | None
    base_tax: Decimal
    rate: Decimal
    """Marginal rate as a fraction (0.40 for 40 percent)."""


class RateSchedule(BaseModel):
    model_config = ConfigDict(frozen=True)

    effective_from: dt.date
    effective_to: dt.date | None
    brackets: tuple[Bracket, ...]
    citation: Citation


@cache
def _rate_schedules() -> tuple[RateSchedule, ...]:
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in _rows("estate_tax_rate_schedule.csv"):
        grouped.setdefault((row["effective_from"], row["effective_to"]), []).append(row)
    schedules = []
    for (start, end), rows in grouped.items():
        brackets = tuple(
            Bracket(
                over=Decimal(r["over"]),
                not_over=Decimal(r["not_over"]) if r["not_over"] else None,
                base_tax=Decimal(r["base_tax"]),
                rate=Decimal(r["rate_percent"]) / 100,
            )
            for r in rows
        )
        period = f"{start} to {end or 'today'}"
        schedules.append(
            RateSchedule(
                effective_from=dt.date.fromisoformat(start),
                effective_to=dt.date.fromisoformat(end) if end else None,
                brackets=brackets,
                citation=Citation(
                    parameter="IRC 2001(c) rate schedule",
                    value=f"{len(brackets)} brackets, 18% to 40% over $1,000,000",
                    effective=f"deaths and gifts {period}",
                    source=rows[0]["source"],
                ),
            )
        )
    return tuple(schedules)


def rate_schedule(on: dt.date) -> RateSchedule:
    """The 2001(c) schedule for a death or gift on this date."""
    for schedule in _rate_schedules():
        if schedule.effective_from <= on and (schedule.effective_to is None or on <= schedule.effective_to):
            return schedule
    first = min(s.effective_from for s in _rate_schedules())
    raise MissingParameterError(
        f"the IRC 2001(c) rate schedule for {on.isoformat()} is not in the data "
        f"(it holds the schedule from {first.isoformat()} on); earlier schedules had other brackets "
        "and are not modelled"
    )


# --- yearly exclusion amounts --------------------------------------------------------------

EXCLUSION_COLUMNS = {
    "basic_exclusion_amount": ("basic exclusion amount (IRC 2010(c)(3))", "--exclusion-amount"),
    "annual_gift_exclusion": ("annual gift exclusion (IRC 2503(b))", "--annual-exclusion"),
    "noncitizen_spouse_annual_exclusion": (
        "annual exclusion for gifts to a non-citizen spouse (IRC 2523(i)(2))",
        "--noncitizen-spouse-exclusion",
    ),
}


@cache
def _exclusions() -> dict[int, dict[str, str]]:
    return {int(row["year"]): row for row in _rows("exclusion_amounts.csv")}


def exclusion(column: str, year: int) -> Cited[Decimal]:
    """A yearly exclusion amount (basic exclusion, annual, non-citizen spouse) for a calendar year."""
    label, flag = EXCLUSION_COLUMNS[column]
    row = _exclusions().get(year)
    if row is None:
        years = sorted(_exclusions())
        raise MissingParameterError(
            f"the {label} for {year} is not in the data (it covers {years[0]}-{years[-1]}); "
            f"pass the amount explicitly with {flag}"
        )
    return Cited(
        value=Decimal(row[column]),
        citation=Citation(parameter=label, value=row[column], effective=str(year), source=row["source"]),
    )


# --- the non-resident credit of IRC 2102(b)(1) --------------------------------------------


def nonresident_credit(on: dt.date) -> Cited[Decimal]:
    for row in _rows("nonresident_credit.csv"):
        start = dt.date.fromisoformat(row["effective_from"])
        end = dt.date.fromisoformat(row["effective_to"]) if row["effective_to"] else None
        if start <= on and (end is None or on <= end):
            return Cited(
                value=Decimal(row["credit"]),
                citation=Citation(
                    parameter="unified credit of a nonresident not a citizen (IRC 2102(b)(1))",
                    value=row["credit"],
                    effective=f"from {row['effective_from']}",
                    source=row["source"],
                ),
            )
    raise MissingParameterError(f"the nonresident credit for {on.isoformat()} is not in the data")


# --- highest estate tax rate by date of death (Form 706-QDT table) -----------------------


def highest_rate(death: dt.date) -> Cited[Decimal]:
    """The maximum estate tax rate in effect at a date of death, as a fraction."""
    for row in _rows("max_estate_tax_rates.csv"):
        after = dt.date.fromisoformat(row["death_after"])
        before = dt.date.fromisoformat(row["death_before"]) if row["death_before"] else None
        if after < death and (before is None or death < before):
            return Cited(
                value=Decimal(row["max_rate_percent"]) / 100,
                citation=Citation(
                    parameter="maximum estate tax rate (Form 706-QDT Table of Maximum Tax Rates)",
                    value=f"{row['max_rate_percent']}%",
                    effective=f"deaths after {row['death_after']}"
                    + (f" and before {row['death_before']}" if before else ""),
                    source=row["source"],
                ),
            )
    raise MissingParameterError(
        f"the highest estate tax rate for a death on {death.isoformat()} is not in the data "
        "(it covers deaths from 2001-01-01); pass it explicitly with --highest-rate-percent"
    )


# --- section 7520 rates ---------------------------------------------------------------------


@cache
def _rates_7520() -> dict[str, dict[str, str]]:
    return {row["month"]: row for row in _rows("section_7520_rates.csv")}


def section_7520_rate(month: dt.date) -> Cited[Decimal]:
    """The section 7520 rate (a fraction) for the month containing this date."""
    key = f"{month.year:04d}-{month.month:02d}"
    row = _rates_7520().get(key)
    if row is None:
        months = sorted(_rates_7520())
        raise MissingParameterError(
            f"the section 7520 rate for {key} is not in the data (it covers {months[0]} to {months[-1]}); "
            "pass the rate of the valuation month explicitly with --rate (a percent, e.g. --rate 5.2)"
        )
    source = f"{row['revenue_ruling']}, Table 5 ({row['source_url']})"
    if row["note"]:
        source += f"; {row['note']}"
    return Cited(
        value=Decimal(row["rate_percent"]) / 100,
        citation=Citation(parameter="section 7520 rate", value=f"{row['rate_percent']}%", effective=key, source=source),
    )


# --- mortality tables -----------------------------------------------------------------------


class MortalityTable(BaseModel):
    """A life table lx for ages 0..110 (l at 110 is 0) with the valuation dates it governs."""

    model_config = ConfigDict(frozen=True)

    name: str
    valuation_from: dt.date
    valuation_to: dt.date | None
    lx: tuple[Decimal, ...]
    citation: Citation

    @property
    def max_age(self) -> int:
        return len(self.lx) - 1


@cache
def mortality_tables() -> dict[str, MortalityTable]:
    tables = {}
    for row in _rows("mortality_tables.csv"):
        lx = tuple(Decimal(r["lx"]) for r in _rows(row["file"]))
        end = row["valuation_to"]
        tables[row["table"]] = MortalityTable(
            name=row["table"],
            valuation_from=dt.date.fromisoformat(row["valuation_from"]),
            valuation_to=dt.date.fromisoformat(end) if end else None,
            lx=lx,
            citation=Citation(
                parameter=f"mortality Table {row['table']}",
                value=f"lx for ages 0-{len(lx) - 1}",
                effective=f"valuation dates {row['valuation_from']} to {end or 'today'}",
                source=row["source"],
            ),
        )
    return tables


def mortality_table(name: str) -> MortalityTable:
    tables = mortality_tables()
    if name not in tables:
        raise MissingParameterError(f"unknown mortality table {name!r}; accepted: {', '.join(tables)}")
    return tables[name]


def mortality_table_for(valuation: dt.date) -> MortalityTable:
    """The table the regulations prescribe for a valuation date."""
    for table in mortality_tables().values():
        if table.valuation_from <= valuation and (table.valuation_to is None or valuation <= table.valuation_to):
            return table
    raise MissingParameterError(
        f"no mortality table in the data governs valuation date {valuation.isoformat()} "
        "(2000CM from 2009-05-01, 2010CM from 2023-06-01); name one explicitly with --table"
    )


# --- QDOT security thresholds (Form 706-QDT instructions) -----------------------------------


QDOT_SECURITY_PARAMETERS = {
    "security_threshold": "QDOT security threshold ($2 million test)",
    "residence_exclusion_limit": "QDOT personal residence exclusion limit",
    "bond_or_letter_of_credit_percent": "QDOT bond or letter of credit, percent of trust FMV",
    "foreign_real_property_max_percent": "QDOT foreign real property limit, percent of trust FMV",
}


def qdot_security(name: str) -> Cited[Decimal]:
    """A QDOT security figure; percents are returned as fractions."""
    rows = {row["parameter"]: row for row in _rows("qdot_security.csv")}
    row = rows[name]
    value = Decimal(row["value"])
    shown = f"{row['value']}%" if row["unit"] == "percent" else f"${value:,}"
    return Cited(
        value=value / 100 if row["unit"] == "percent" else value,
        citation=Citation(
            parameter=QDOT_SECURITY_PARAMETERS[name],
            value=shown,
            effective=f"as stated in the instructions of {row['stated_in']}",
            source=row["source"],
        ),
    )
