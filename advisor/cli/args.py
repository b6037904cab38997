"""Argument types for the command line: each turns text into a value or an error that says what is accepted."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from advisor.calculators.money import InputError, parse_amount, parse_percent

T = TypeVar("T")


def _argtype(convert: Callable[[str], T], name: str) -> Callable[[str], T]:
    """Wrap a converter so argparse reports its message (argparse hides ValueError texts)."""

    def parse(text: str) -> T:
        try:
            return convert(text)
        except InputError as error:
            raise argparse.ArgumentTypeError(str(error).split(": ", 1)[-1]) from None

    parse.__name__ = name
    return parse


amount = _argtype(parse_amount, "amount")
percent = _argtype(parse_percent, "percent")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-14") from None


def _whole(low: int, high: int, what: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise InputError(f"{text!r} is not a whole number of {what}; enter {low} to {high}") from None
        if not low <= value <= high:
            raise InputError(f"{value} {what} is outside {low} to {high}")
        return value

    return convert


date = _argtype(_date, "date")
year = _argtype(_whole(1900, 2200, "years (a calendar year)"), "year")
age = _argtype(_whole(0, 200, "years of age"), "age")
term = _argtype(_whole(1, 100, "years"), "term")


def rate(text: str) -> Decimal:
    """A section 7520 rate as a percent above zero."""
    value = percent(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: the rate must be above 0% (a percent such as 5.2)")
    return value
