"""The named federal parameters the calculators use, each a thin reading of one dated table.

Every function returns the value with the citation of the row it came from; the tables that span
several rows (a rate schedule's brackets, a life table's ages) are assembled here from the rows in
effect on the date asked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from pydantic import BaseModel, ConfigDict

from advisor.calculators.parameters.dated import (
    Citation,
    Cited,
    MissingParameterError,
    Row,
    cite_value,
    cited,
    coverage,
    latest,
    row_on,
    rows,
    rows_on,
)

# --- IRC 2001(c) rate schedules and other bracket tables ---------------------------------------


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

    @property
    def top_rate(self) -> Decimal:
        return self.brackets[-1].rate


def brackets_of(found: tuple[Row, ...]) -> tuple[Bracket, ...]:
    """A rate table's rows (``over``, ``not_over``, ``base_tax``, ``rate_percent``) as brackets: the
    federal schedule's and a state's have the same columns."""
    return tuple(
        Bracket(
            over=row.decimal("over"),
            not_over=row.decimal("not_over") if row["not_over"] else None,
            base_tax=row.decimal("base_tax"),
            rate=row.decimal("rate_percent") / 100,
        )
        for row in found
    )


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).normalize():f}%"


class StateDeathTaxCredit(BaseModel):
    """The IRC 2011(b) table of maximum credits for a death on a date, with its reduction that year."""

    model_config = ConfigDict(frozen=True)

    brackets: tuple[Bracket, ...]
    """Maximum credit on the adjusted taxable estate, before the reduction."""
    allowed: Decimal
    """Fraction of the table amount allowed for the year of death (IRC 2011(b)(2))."""
    adjusted_estate_reduction: Decimal
    """Amount subtracted from the taxable estate to give the adjusted taxable estate (IRC 2011(b)(3))."""
    citations: tuple[Citation, ...]


@cache
def state_death_tax_credit(death: dt.date) -> StateDeathTaxCredit:
    """The state death tax credit table for a death on this date; outside its years the credit does not
    exist (before them the data does not reach, after them IRC 2058 allows a deduction instead)."""
    what = "state death tax credit (IRC 2011)"
    supply = "after its repeal, state death taxes are deducted from the taxable estate (IRC 2058), not credited"
    allowed = row_on("state_death_tax_credit_allowed.csv", death, what=what, supply=supply)
    found = rows_on("state_death_tax_credit.csv", death)
    if not found:
        raise MissingParameterError(f"the IRC 2011(b) table for {death.isoformat()} is not in the data")
    return StateDeathTaxCredit(
        brackets=brackets_of(found),
        allowed=allowed.decimal("allowed_percent") / 100,
        adjusted_estate_reduction=allowed.decimal("adjusted_estate_reduction"),
        citations=(
            found[0].cite("IRC 2011(b)(1) table of maximum state death tax credits", f"{len(found)} brackets"),
            allowed.cite(
                "state death tax credit allowed (IRC 2011(b)(2)-(3))",
                f"{allowed['allowed_percent']}% of the table on the taxable estate less "
                f"${allowed.decimal('adjusted_estate_reduction'):,}",
            ),
        ),
    )


@cache
def rate_schedule(on: dt.date) -> RateSchedule:
    """The IRC 2001(c) schedule for a death or gift on this date."""
    found = rows_on("estate_tax_rate_schedule.csv", on)
    if not found:
        raise MissingParameterError(
            f"the IRC 2001(c) rate schedule for {on.isoformat()} is not in the data "
            f"(it covers deaths and gifts {coverage('estate_tax_rate_schedule.csv')})"
        )
    brackets = brackets_of(found)
    first = found[0]
    top = brackets[-1]
    return RateSchedule(
        effective_from=first.effective_from,
        effective_to=first.effective_to,
        brackets=brackets,
        citation=first.cite(
            "IRC 2001(c) rate schedule",
            f"{len(brackets)} brackets, {_percent(brackets[0].rate)} to {_percent(top.rate)} over ${top.over:,}",
            f"deaths and gifts {first.period}",
        ),
    )


# --- yearly exclusion amounts ------------------------------------------------------------------

EXCLUSION_COLUMNS = {
    "basic_exclusion_amount": ("basic exclusion amount (IRC 2010(c))", "--exclusion-amount"),
    "annual_gift_exclusion": ("annual gift exclusion (IRC 2503(b))", "--annual-exclusion"),
    "noncitizen_spouse_annual_exclusion": (
        "annual exclusion for gifts to a non-citizen spouse (IRC 2523(i)(2))",
        "--noncitizen-spouse-exclusion",
    ),
}


def exclusion(column: str, year: int) -> Cited[Decimal]:
    """A yearly exclusion amount (basic exclusion, annual, non-citizen spouse) for a calendar year."""
    label, flag = EXCLUSION_COLUMNS[column]
    supply = f"pass the amount explicitly with {flag}"
    return cited("exclusion_amounts.csv", column, dt.date(year, 1, 1), what=label, supply=supply, when=str(year))


@cache
def exclusion_years() -> range:
    """The calendar years the exclusion table holds."""
    years = [row.effective_from.year for row in rows("exclusion_amounts.csv")]
    return range(min(years), max(years) + 1)


# --- the nonresident credit of IRC 2102(b)(1) ---------------------------------------------------


def nonresident_credit(on: dt.date) -> Cited[Decimal]:
    """The unified credit of a nonresident not a citizen for a death on this date."""
    return cited(
        "nonresident_credit.csv", "credit", on, what="unified credit of a nonresident not a citizen (IRC 2102(b)(1))"
    )


def nonresident_exemption(on: dt.date) -> Cited[Decimal]:
    """The estate the IRC 2102(b)(1) credit frees of tax (the amount its tentative tax equals)."""
    return cited(
        "nonresident_credit.csv",
        "exemption_equivalent",
        on,
        what="amount sheltered by the IRC 2102(b)(1) credit",
    )


# --- highest estate tax rate by date of death (Form 706-QDT table) ----------------------------


def highest_rate(death: dt.date) -> Cited[Decimal]:
    """The maximum estate tax rate in effect at a date of death, as a fraction."""
    return cited(
        "max_estate_tax_rates.csv",
        "max_rate_percent",
        death,
        what="maximum estate tax rate (Form 706-QDT Table of Maximum Tax Rates)",
        supply="pass it explicitly with --highest-rate-percent",
    )


# --- section 7520 rates ------------------------------------------------------------------------


def section_7520_rate(month: dt.date) -> Cited[Decimal]:
    """The section 7520 rate (a fraction) for the month containing this date."""
    return cited(
        "section_7520_rates.csv",
        "rate_percent",
        month,
        what="section 7520 rate",
        supply="pass the rate of the valuation month explicitly with --rate (a percent, e.g. --rate 5.2)",
        when=f"{month:%Y-%m}",
    )


# --- mortality tables ----------------------------------------------------------------------------


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
    """Every life table in the data, by name."""
    by_name: dict[str, list[Row]] = {}
    for row in rows("mortality_lx.csv"):
        by_name.setdefault(row["table"], []).append(row)
    tables = {}
    for name, ages in by_name.items():
        lx = tuple(row.decimal("lx") for row in sorted(ages, key=lambda r: int(r["age"])))
        first = ages[0]
        tables[name] = MortalityTable(
            name=name,
            valuation_from=first.effective_from,
            valuation_to=first.effective_to,
            lx=lx,
            citation=first.cite(
                f"mortality Table {name}", f"lx for ages 0-{len(lx) - 1}", f"valuation dates {first.period}"
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
    found = rows_on("mortality_lx.csv", valuation, age="0")
    if not found:
        raise MissingParameterError(
            f"no mortality table in the data governs valuation date {valuation.isoformat()} "
            f"(the tables cover valuation dates {coverage('mortality_lx.csv')}); name one explicitly with --table"
        )
    return mortality_table(found[0]["table"])


# --- QDOT security thresholds (Reg. 20.2056A-2(d)) -------------------------------------------------

QDOT_SECURITY_PARAMETERS = {
    "security_threshold": "QDOT security threshold",
    "residence_exclusion_limit": "QDOT personal residence exclusion limit",
    "bond_or_letter_of_credit_percent": "QDOT bond or letter of credit, percent of trust FMV",
    "foreign_real_property_max_percent": "QDOT foreign real property limit, percent of trust FMV",
}


@cache
def qdot_security(name: str) -> Cited[Decimal]:
    """A QDOT security figure as the regulation states it now; percents as fractions."""
    return cite_value(latest("qdot_security.csv", parameter=name), "value", QDOT_SECURITY_PARAMETERS[name])
