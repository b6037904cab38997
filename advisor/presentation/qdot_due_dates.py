"""``calc qdot-due-date`` and the due dates screen: when a Form 706-QDT must be filed and paid."""

from __future__ import annotations

from collections.abc import Mapping

from advisor.calculators.qdot_due_dates import DueDateInput, DueDateResult, due_dates
from advisor.presentation.inputs import inputs_of
from advisor.presentation.model import Calculator, Line, Presentation
from advisor.presentation.numbers import day
from advisor.presentation.wording import text

KEY = "qdot-due-date"


def compute(values: Mapping[str, object]) -> DueDateResult:
    return due_dates(DueDateInput.model_validate(values))


def present(result: DueDateResult) -> Presentation:
    rule, extension, business_days = result.basis[0], result.basis[1], result.basis[-1]
    filed = text(KEY, "filed_extended" if result.filing_deadline == result.extended_next_business_day else "filed_due")
    paid = text(KEY, "paid_due", rule=extension.split("; ")[-1])
    lines = [
        Line(text(KEY, "due_date"), day(result.due_date), rule),
        Line(text(KEY, "next_business_day"), day(result.next_business_day), business_days),
        Line(text(KEY, "extended_due_date"), day(result.extended_due_date), extension),
        Line(text(KEY, "extended_next_business_day"), day(result.extended_next_business_day), business_days),
        Line(text(KEY, "filing_deadline"), day(result.filing_deadline), filed),
        Line(text(KEY, "payment_deadline"), day(result.payment_deadline), paid),
    ]
    lines += [
        Line(text(KEY, "not_business_day", day=p.day.isoformat()), p.reason, business_days)
        for p in result.postponements
    ]
    return Presentation(
        title=text(KEY, "title", event=result.event.value, date=result.event_date.isoformat()),
        lines=lines,
        summary=text(KEY, "summary", day=result.payment_deadline.isoformat()),
    )


CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(DueDateInput, KEY, ui={"event": "death", "date": "2025-06-14", "extension": "no"}),
    compute=compute,
    present=present,
)
