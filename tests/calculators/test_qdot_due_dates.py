"""Form 706-QDT due dates: the instructions' own example, month ends, leap years, weekends and the
legal holidays IRC 7503 counts: federal, District of Columbia, and Missouri's, where the return is filed."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators.qdot_due_dates import (
    DueDateInput,
    Event,
    add_months,
    due_dates,
    legal_holiday,
    next_business_day,
)

d = dt.date.fromisoformat


def test_instructions_example_death_june_14_2025() -> None:
    # Instructions for Form 706-QDT (Rev. August 2025), When To File: death June 14, 2025 -> due March 14, 2026.
    # March 14, 2026 is a Saturday, so IRC 7503 moves the last day to Monday, March 16.
    result = due_dates(DueDateInput(event=Event.death, date=d("2025-06-14")))
    assert result.due_date == d("2026-03-14")
    assert result.next_business_day == d("2026-03-16")
    assert result.extended_due_date == d("2026-09-14")
    assert result.payment_deadline == result.filing_deadline == d("2026-03-16")


@pytest.mark.parametrize(
    ("event_date", "due"),
    [
        ("2025-05-31", "2026-02-28"),  # no February 31: the last day of the month
        ("2027-05-31", "2028-02-29"),  # ... which is the 29th in a leap year
        ("2023-05-30", "2024-02-29"),
        ("2024-05-29", "2025-02-28"),
        ("2025-01-31", "2025-10-31"),
        ("2025-04-30", "2026-01-30"),  # the same day number even where the month is longer
        ("2024-02-29", "2024-11-29"),
    ],
)
def test_nine_months_same_day_or_last_day_of_month(event_date: str, due: str) -> None:
    for event in (Event.death, Event.disqualification):
        assert due_dates(DueDateInput(event=event, date=d(event_date))).due_date == d(due)


@pytest.mark.parametrize(
    ("distribution", "due", "business_day"),
    [
        ("2025-06-14", "2026-04-15", "2026-04-15"),  # a Wednesday
        ("2021-12-31", "2022-04-15", "2022-04-18"),  # Emancipation Day (Sat 16th) observed Friday the 15th
        ("2015-01-02", "2016-04-15", "2016-04-18"),  # the same in 2016
        ("2016-07-01", "2017-04-15", "2017-04-18"),  # Sat 15th, Sun 16th, Emancipation Day observed Monday 17th
        ("2022-03-03", "2023-04-15", "2023-04-18"),  # Sat 15th, Sun 16th, observed Monday 17th
        ("2023-09-09", "2024-04-15", "2024-04-15"),  # Monday; Emancipation Day is the 16th
    ],
)
def test_distribution_returns_due_april_15_of_the_next_year(distribution: str, due: str, business_day: str) -> None:
    result = due_dates(DueDateInput(event=Event.distribution, date=d(distribution)))
    assert (result.due_date, result.next_business_day) == (d(due), d(business_day))


@pytest.mark.parametrize(
    ("death", "due", "business_day", "reason"),
    [
        ("2025-09-19", "2026-06-19", "2026-06-22", "Juneteenth"),  # Friday holiday, then the weekend
        ("2024-04-20", "2025-01-20", "2025-01-21", "Inauguration Day"),  # DC holiday (and MLK Day)
        ("2025-04-04", "2026-01-04", "2026-01-05", "Sunday"),
        ("2024-12-25", "2025-09-25", "2025-09-25", None),  # a Thursday: no move
    ],
)
def test_weekends_and_legal_holidays_move_the_last_day(death: str, due: str, business_day: str, reason: str) -> None:
    result = due_dates(DueDateInput(event=Event.death, date=d(death)))
    assert (result.due_date, result.next_business_day) == (d(due), d(business_day))
    reasons = " ".join(p.reason for p in result.postponements)
    assert (reason in reasons) if reason else not result.postponements


def test_extension_is_to_file_not_to_pay() -> None:
    result = due_dates(DueDateInput(event=Event.distribution, date=d("2021-05-05"), extension=True))
    # April 15, 2022 -> 6 months: Saturday October 15, 2022 -> Monday October 17
    assert result.extended_due_date == d("2022-10-15")
    assert result.filing_deadline == d("2022-10-17")
    assert result.payment_deadline == d("2022-04-18")


def test_extension_from_a_month_end_due_date() -> None:
    # death May 31, 2025 -> due February 28, 2026 (Saturday) -> extension to August 28, 2026 (Friday)
    result = due_dates(DueDateInput(event=Event.death, date=d("2025-05-31"), extension=True))
    assert result.next_business_day == d("2026-03-02")
    assert result.extended_due_date == d("2026-08-28") == result.filing_deadline


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), months=st.integers(0, 30))
def test_add_months_keeps_the_day_or_takes_the_month_end(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + dt.timedelta(days=1)).day == 1)


# --- the holidays of the place of filing: Form 706-QDT is filed in Kansas City, Missouri -----------------


@pytest.mark.parametrize(
    ("death", "due", "business_day", "reasons"),
    [
        # Truman Day, Friday May 8, 2026 (a Missouri holiday, not a federal or DC one): Monday May 11.
        ("2025-08-08", "2026-05-08", "2026-05-11", ["Truman Day (Missouri)", "Saturday", "Sunday"]),
        ("2025-08-07", "2026-05-07", "2026-05-07", []),  # the Thursday before: no move
        ("2025-08-09", "2026-05-09", "2026-05-11", ["Saturday", "Sunday"]),  # the Saturday after
        ("2025-08-11", "2026-05-11", "2026-05-11", []),  # the Monday after
        # 2027: Truman Day falls on Saturday May 8; RSMo 9.010 moves only a Sunday holiday (to Monday), so
        # Friday May 7 stays a business day (the library's Friday observance is not followed).
        ("2026-08-07", "2027-05-07", "2027-05-07", []),
        # 2022: Truman Day on Sunday May 8, kept on Monday May 9: the last day moves to Tuesday.
        ("2021-08-09", "2022-05-09", "2022-05-10", ["Truman Day (observed) (Missouri)"]),
        # Lincoln Day, Friday February 12, 2027 (RSMo 9.010; not in the library), then the weekend and
        # Washington's Birthday (federal) on Monday the 15th.
        (
            "2026-05-12",
            "2027-02-12",
            "2027-02-16",
            ["Lincoln Day (Missouri)", "Saturday", "Sunday", "Washington's Birthday (federal)"],
        ),
    ],
)
def test_missouri_holidays_move_the_last_day(death: str, due: str, business_day: str, reasons: list[str]) -> None:
    result = due_dates(DueDateInput(event=Event.death, date=d(death)))
    assert (result.due_date, result.next_business_day) == (d(due), d(business_day))
    assert [p.reason.removeprefix("legal holiday: ") for p in result.postponements] == reasons


def test_a_holiday_names_whose_it_is() -> None:
    assert legal_holiday(d("2026-05-08")) == "Truman Day (Missouri)"
    assert legal_holiday(d("2022-04-15")) == "Emancipation Day (observed) (District of Columbia)"
    assert legal_holiday(d("2025-01-20")) == (
        "Martin Luther King Jr. Day (federal); Inauguration Day (District of Columbia)"
    )
    assert legal_holiday(d("2026-05-07")) is None


def test_extended_date_on_truman_day_moves_too() -> None:
    # death February 8, 2025 -> due November 8, 2025 (Saturday; Veterans Day is the 11th) -> Monday the 10th;
    # extended to May 8, 2026, Truman Day -> Monday May 11.
    result = due_dates(DueDateInput(event=Event.death, date=d("2025-02-08"), extension=True))
    assert result.next_business_day == d("2025-11-10") == result.payment_deadline
    assert result.extended_due_date == d("2026-05-08")
    assert result.filing_deadline == d("2026-05-11")
    assert any("Truman Day" in p.reason for p in result.postponements)
    assert any("Missouri" in line and "Kansas City" in line for line in result.basis)


@given(day=st.dates(min_value=dt.date(2002, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_the_last_day_is_never_a_weekend_or_a_holiday_of_any_of_the_three_calendars(day: dt.date) -> None:
    business_day, skipped = next_business_day(day)
    assert business_day.weekday() < 5 and legal_holiday(business_day) is None
    assert [p.day for p in skipped] == [day + dt.timedelta(days=n) for n in range((business_day - day).days)]
    for subdivision in (None, "DC"):
        assert business_day not in holidays.country_holidays("US", subdiv=subdivision, years=business_day.year)
    missouri = holidays.country_holidays("US", subdiv="MO", years=business_day.year, observed=False)
    mondays_after_sunday_holidays = {day + dt.timedelta(days=1) for day in missouri if day.weekday() == 6}
    assert business_day not in missouri and business_day not in mondays_after_sunday_holidays
