"""Argument types for the command line: each turns text into a value or an error that says what is accepted."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from advisor.calculators.money import InputError, parse_amount, parse_date, parse_percent, parse_whole
from advisor.engine.answers import parse_country

T = TypeVar("T")


def argtype(convert: Callable[[str], T], name: str) -> Callable[[str], T]:
    """Wrap a converter so argparse reports its message (argparse hides ValueError texts)."""

    def parse(text: str) -> T:
        try:
            return convert(text)
        except InputError as error:
            raise argparse.ArgumentTypeError(str(error).split(": ", 1)[-1]) from None

    parse.__name__ = name
    return parse


amount = argtype(parse_amount, "amount")
percent = argtype(parse_percent, "percent")


date = argtype(parse_date, "date")
country = argtype(lambda text: parse_country(text, what="country"), "country")
year = argtype(lambda text: parse_whole(text, low=1900, high=2200, what="year"), "year")
age = argtype(lambda text: parse_whole(text, low=0, high=200, what="age", unit=" years"), "age")
term = argtype(lambda text: parse_whole(text, low=1, high=100, what="term", unit=" years"), "term")


def rate(text: str) -> Decimal:
    """A section 7520 rate as a percent above zero."""
    value = percent(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: the rate must be above 0% (a percent such as 5.2)")
    return value
