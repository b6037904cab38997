"""Form 706-QDT due dates: the Instructions for Form 706-QDT (Rev. August 2025), "When To File" and
"Paying the Tax"; the automatic 6-month extension to file on Form 4768; IRC 7503 (a last day falling
on a Saturday, Sunday or legal holiday moves to the next day that is none of them).

IRC 7503 counts the legal holidays of the District of Columbia (federal ones included) and a statewide
legal holiday of the state where the return must be filed: Form 706-QDT is filed with the IRS in
Kansas City, Missouri (Instructions for Form 706-QDT, Where To File), so Missouri's holidays count too.
The federal and District of Columbia ones come from the ``holidays`` library (observed days count, as
Emancipation Day observed on Friday, April 15, 2022 did); Missouri's are the library's, read as RSMo
9.010 sets them (see :func:`_missouri`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    import holidays

EXTENSION_MONTHS = 6
"""Form 4768: automatic extension of time to file Form 706-QDT (not to pay)."""
MONTHS_AFTER_EVENT = 9
"""Returns for the surviving spouse's death or the trust ceasing to qualify."""


class Event(StrEnum):
    """What makes the return due."""

    distribution = "distribution"
    """A taxable or hardship distribution during the surviving spouse's life."""
    death = "death"
    """The surviving spouse's death."""
    disqualification = "disqualification"
    """The trust ceasing to qualify as a QDOT."""


class Postponement(BaseModel):
    """A day the deadline could not fall on, and why."""

    model_config = ConfigDict(frozen=True)

    day: dt.date
    reason: str


class DueDateInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    event: Event
    """What makes the return due: a distribution, the surviving spouse's death, or the trust ceasing to qualify."""
    date: dt.date
    """Date of the distribution, of the surviving spouse's death, or of the failure to qualify."""
    extension: bool = False
    """An automatic extension to file was requested on Form 4768."""


class DueDateResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    event: Event
    event_date: dt.date
    due_date: dt.date
    """The date the instructions name, for filing and for paying."""
    next_business_day: dt.date
    """The due date moved past weekends and legal holidays (IRC 7503); the same date when it is a business day."""
    extended_due_date: dt.date
    """Six months after the due date: the filing date with a Form 4768 extension."""
    extended_next_business_day: dt.date
    filing_deadline: dt.date
    """The last day to file: the extended date when an extension was requested, else the due date (both after 7503)."""
    payment_deadline: dt.date
    """The last day to pay: an extension to file does not extend the time to pay."""
    postponements: tuple[Postponement, ...]
    """Days skipped to reach the business days above."""
    basis: tuple[str, ...]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day number a number of months later, or the last day of that month when it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


LINCOLN_DAY_SINCE = 2010
"""RSMo 9.010 lists February 12 (Lincoln Day) among Missouri's public holidays; the ``holidays`` library
leaves it out. The earliest text of 9.010 read (quoted in 2010 H.B. 2377) is from 2010: earlier years
do not assume it, which can only make a deadline earlier, never later."""


@cache
def _holidays(subdivision: str | None) -> holidays.HolidayBase:
    import holidays  # ~45 ms to import: loaded when a due date is first asked for, not with every screening

    return holidays.country_holidays("US", subdiv=subdivision)


@cache
def _missouri(year: int) -> dict[dt.date, str]:
    """Missouri's statewide legal holidays (RSMo 9.010): the library's Missouri holidays on their own days,
    Lincoln Day, and a holiday falling on a Sunday also on the Monday after. Unlike the library, a holiday
    falling on a Saturday is not moved to the Friday before: the statute does not move it."""
    import holidays

    days = dict(holidays.country_holidays("US", subdiv="MO", years=year, observed=False))
    if year >= LINCOLN_DAY_SINCE:
        days[dt.date(year, 2, 12)] = "Lincoln Day"
    for day, name in list(days.items()):
        if day.weekday() == calendar.SUNDAY:
            days.setdefault(day + dt.timedelta(days=1), f"{name} (observed)")
    return days


def legal_holiday(day: dt.date) -> str | None:
    """The legal holidays on this day, each with whose it is: federal, District of Columbia, or Missouri,
    where Form 706-QDT is filed (Kansas City)."""
    names = [(name, "federal") for name in _holidays(None).get_list(day)]
    names += [(name, "District of Columbia") for name in _holidays("DC").get_list(day)]
    if day in _missouri(day.year):
        names.append((_missouri(day.year)[day], "Missouri"))
    owners: dict[str, str] = {}
    for name, owner in names:
        owners.setdefault(name, owner)
    return "; ".join(f"{name} ({owner})" for name, owner in owners.items()) or None


def next_business_day(day: dt.date) -> tuple[dt.date, tuple[Postponement, ...]]:
    """IRC 7503: the day itself if it is a business day, else the next one; with the days skipped."""
    skipped: list[Postponement] = []
    while True:
        holiday = legal_holiday(day)
        if day.weekday() >= 5:
            skipped.append(Postponement(day=day, reason=day.strftime("%A")))
        elif holiday:
            skipped.append(Postponement(day=day, reason=f"legal holiday: {holiday}"))
        else:
            return day, tuple(skipped)
        day += dt.timedelta(days=1)


def due_dates(facts: DueDateInput) -> DueDateResult:
    """The due dates of the Form 706-QDT an event makes due."""
    if facts.event is Event.distribution:
        due = dt.date(facts.date.year + 1, 4, 15)
        basis = [
            "distributions: due April 15 of the year after the calendar year of the distribution "
            "(Instructions for Form 706-QDT, When To File)"
        ]
    else:
        due = add_months(facts.date, MONTHS_AFTER_EVENT)
        what = "the surviving spouse's death" if facts.event is Event.death else "the trust ceasing to qualify"
        basis = [
            f"{what}: due 9 months after the date, with that calendar year's distributions on the same return "
            "(Instructions for Form 706-QDT, When To File; example: death June 14, 2025, due March 14, 2026)"
        ]
    extended = add_months(due, EXTENSION_MONTHS)
    due_business, skipped_due = next_business_day(due)
    extended_business, skipped_extended = next_business_day(extended)
    basis += [
        "Form 4768: automatic 6-month extension of time to file; it does not extend the time to pay",
        "IRC 7503: a last day on a Saturday, Sunday or legal holiday moves to the next business day; legal "
        "holidays are the federal and District of Columbia ones and those of Missouri, where Form 706-QDT is filed "
        "(Kansas City)",
    ]
    return DueDateResult(
        event=facts.event,
        event_date=facts.date,
        due_date=due,
        next_business_day=due_business,
        extended_due_date=extended,
        extended_next_business_day=extended_business,
        filing_deadline=extended_business if facts.extension else due_business,
        payment_deadline=due_business,
        postponements=skipped_due + (skipped_extended if facts.extension else ()),
        basis=tuple(basis),
    )
