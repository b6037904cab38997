"""``calc qdot-check-deposit``, ``qdot-6166`` and ``qdot-stock-value``: figures that go on Form 706-QDT's
lines (the command line only). Two of them read inputs that no calculator model holds together, so their
models are here, and their flags are generated like every other calculator's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.money import InputError, format_money
from advisor.calculators.qdot_form_fields import (
    Quote,
    Section6166Input,
    Section6166Result,
    StockValue,
    check_account_number,
    check_routing_number,
    section_6166_share,
    value_without_sales,
)
from advisor.presentation.inputs import inputs_of
from advisor.presentation.model import Calculator, Line, Presentation
from advisor.presentation.wording import text

DEPOSIT_KEY, SHARE_KEY, STOCK_KEY = "qdot-check-deposit", "qdot-6166", "qdot-stock-value"


class DirectDeposit(BaseModel):
    """The refund's bank account as lines 15b and 15d take it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    routing: str
    """Nine-digit routing number."""
    account: str
    """Up to 17 letters, digits and hyphens."""


class CheckedDeposit(BaseModel):
    model_config = ConfigDict(frozen=True)

    routing_number: str
    account_number: str
    valid: bool = True


def check_deposit(values: Mapping[str, object]) -> CheckedDeposit:
    """Both numbers checked; every problem found is said at once."""
    given = DirectDeposit.model_validate(values)
    problems, checked = [], {}
    for field, check, number in (
        ("routing_number", check_routing_number, given.routing),
        ("account_number", check_account_number, given.account),
    ):
        try:
            checked[field] = check(number)
        except InputError as error:
            problems.append(str(error))
    if problems:
        raise InputError("; ".join(problems))
    return CheckedDeposit.model_validate(checked)


def present_deposit(checked: CheckedDeposit) -> Presentation:
    return Presentation(
        title=text(DEPOSIT_KEY, "title"),
        lines=[
            Line(text(DEPOSIT_KEY, "routing"), checked.routing_number, text(DEPOSIT_KEY, "routing_basis")),
            Line(text(DEPOSIT_KEY, "account"), checked.account_number, text(DEPOSIT_KEY, "account_basis")),
        ],
        summary=text(DEPOSIT_KEY, "summary"),
    )


def share(values: Mapping[str, object]) -> Section6166Result:
    return section_6166_share(Section6166Input.model_validate(values))


def present_share(result: Section6166Result) -> Presentation:
    tax = format_money(result.installment_tax, cents=True)
    return Presentation(
        title=text(SHARE_KEY, "title"),
        lines=[
            Line(text(SHARE_KEY, "ratio"), f"{result.ratio:.6f}", text(SHARE_KEY, "ratio_basis")),
            Line(text(SHARE_KEY, "installment_tax"), tax, text(SHARE_KEY, "installment_tax_basis")),
        ],
        summary=text(SHARE_KEY, "summary", tax=tax),
        notes=result.notes,
    )


class StockValueInput(BaseModel):
    """A valuation day without sales and the nearest trading days with sales before and after it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    """Valuation date."""
    before_date: dt.date
    """The nearest trading day with sales before it."""
    before_high: Decimal = Field(ge=0)
    """That day's highest selling price."""
    before_low: Decimal = Field(ge=0)
    """That day's lowest selling price."""
    after_date: dt.date
    """The nearest trading day with sales after it."""
    after_high: Decimal = Field(ge=0)
    """That day's highest selling price."""
    after_low: Decimal = Field(ge=0)
    """That day's lowest selling price."""


class Valued(BaseModel):
    model_config = ConfigDict(frozen=True)

    day: dt.date
    value: StockValue


def stock_value(values: Mapping[str, object]) -> Valued:
    given = StockValueInput.model_validate(values)
    before = Quote(day=given.before_date, high=given.before_high, low=given.before_low)
    after = Quote(day=given.after_date, high=given.after_high, low=given.after_low)
    return Valued(day=given.date, value=value_without_sales(given.date, before, after))


def present_stock_value(valued: Valued) -> Presentation:
    v, mean, days = valued.value, text(STOCK_KEY, "mean_basis"), text(STOCK_KEY, "days_basis")
    return Presentation(
        title=text(STOCK_KEY, "title", day=valued.day.isoformat()),
        lines=[
            Line(text(STOCK_KEY, "mean_before"), f"{v.mean_before}", mean),
            Line(text(STOCK_KEY, "mean_after"), f"{v.mean_after}", mean),
            Line(text(STOCK_KEY, "days_before"), str(v.trading_days_before), days),
            Line(text(STOCK_KEY, "days_after"), str(v.trading_days_after), days),
            Line(text(STOCK_KEY, "value"), f"{v.value:.4f}", text(STOCK_KEY, "value_basis")),
        ],
        summary=text(STOCK_KEY, "summary", day=valued.day.isoformat(), value=f"{v.value:.4f}"),
    )


DEPOSIT = Calculator(
    key=DEPOSIT_KEY,
    inputs=inputs_of(DirectDeposit, DEPOSIT_KEY, ui={}),
    compute=check_deposit,
    present=present_deposit,
)
SHARE = Calculator(
    key=SHARE_KEY, inputs=inputs_of(Section6166Input, SHARE_KEY, ui={}), compute=share, present=present_share
)
STOCK_VALUE = Calculator(
    key=STOCK_KEY,
    inputs=inputs_of(StockValueInput, STOCK_KEY, ui={}),
    compute=stock_value,
    present=present_stock_value,
    payload=lambda valued: valued.value,
)
