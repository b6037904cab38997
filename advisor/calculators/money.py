"""Money: forgiving parsing of amounts, rates, dates and whole numbers, and the rounding rules of the forms.

Every rounding the project applies is one named function here, after the rule it applies.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ONE = Decimal(1)


MAX_AMOUNT = Decimal("1000000000000")
"""The largest amount accepted: one trillion dollars; anything larger is a typing mistake."""

AMOUNT_FORMS = "a dollar amount such as 2500000, $2,500,000, 2.5m, 2.5 million or 2500k"

_MULTIPLIERS = {
    "": ONE,
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mm": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "millions": Decimal(1_000_000),
    "b": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
}
_AMOUNT = re.compile(r"(?P<number>\d[\d,]*(?:\.\d*)?|\.\d+)\s*(?P<unit>[a-z]*)")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+")


class InputError(ValueError):
    """Input from outside that cannot be used; the message says what was wrong and what is accepted."""


def parse_amount(value: object, *, what: str = "amount") -> Decimal:
    """Read a non-negative dollar amount written the way people write them.

    Accepts numbers and strings such as ``2500000``, ``$2,500,000``, ``2.5m``, ``2.5 million``,
    ``2500k``; rejects words, negatives, exponents, fractions of a cent and absurd sizes.
    """
    if isinstance(value, bool):
        raise InputError(f"{what}: expected {AMOUNT_FORMS}, got {value!r}")
    if isinstance(value, int | Decimal):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, str):
        amount = _parse_amount_text(value, what)
    else:
        raise InputError(f"{what}: expected {AMOUNT_FORMS}, got {type(value).__name__}")
    return _check_amount(amount, what)


_CURRENCY_CODE = re.compile(r"^([a-z]{3})\b|\b([a-z]{3})$")


def _foreign_currency(text: str) -> str | None:
    """A currency sign other than the dollar, or an ISO 4217 code other than USD, written in an amount."""
    for char in text:
        if unicodedata.category(char) == "Sc" and char != "$":
            return char
    match = _CURRENCY_CODE.search(text.strip().lower())
    code = match and (match[1] or match[2])
    if code and code not in _MULTIPLIERS and code != "usd":
        import pycountry  # only for three letters that may be a currency: it adds 5-30 ms wherever it loads

        if pycountry.currencies.get(alpha_3=code.upper()):
            return code.upper()
    return None


def _parse_amount_text(text: str, what: str) -> Decimal:
    currency = _foreign_currency(text)
    if currency is not None:
        raise InputError(
            f"{what}: amounts are in US dollars, and {text.strip()!r} is in another currency ({currency}); "
            "convert it to US dollars first (e.g. 2.5m or $2,500,000)"
        )
    cleaned = text.strip().lower().replace("usd", "").replace("$", "").replace("_", "").strip()
    shown = text.strip() or "an empty answer"
    if cleaned.startswith("-"):
        raise InputError(f"{what}: {shown!r} is negative; enter an amount of zero or more")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None or not _GROUPED.fullmatch(match["number"]):
        raise InputError(f"{what}: could not read {shown!r} as an amount; enter {AMOUNT_FORMS}")
    unit = match["unit"]
    if unit not in _MULTIPLIERS:
        raise InputError(f"{what}: unknown unit {unit!r} in {shown!r}; use k, m, million, b or billion")
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        raise InputError(f"{what}: could not read {shown!r} as an amount; enter {AMOUNT_FORMS}") from None
    return number * _MULTIPLIERS[unit]


def _check_amount(amount: Decimal, what: str) -> Decimal:
    if not amount.is_finite():
        raise InputError(f"{what}: {amount} is not a finite amount; enter {AMOUNT_FORMS}")
    if amount < 0:
        raise InputError(f"{what}: {amount} is negative; enter an amount of zero or more")
    if amount > MAX_AMOUNT:
        raise InputError(f"{what}: {amount:,} is larger than the $1 trillion this tool accepts")
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise InputError(f"{what}: {amount} has fractions of a cent; enter dollars and cents at most")
    return amount.quantize(CENT)


def parse_percent(
    value: object, *, what: str = "rate", low: Decimal = Decimal(0), high: Decimal = Decimal(100)
) -> Decimal:
    """Read a percentage (``5.2``, ``5.2%``) and return it as a fraction (``0.052``)."""
    text = str(value).strip().removesuffix("%").strip()
    try:
        percent = Decimal(text)
    except InvalidOperation:
        raise InputError(
            f"{what}: could not read {value!r} as a percent; enter a number such as 5.2 (meaning 5.2%)"
        ) from None
    if not percent.is_finite() or not low <= percent <= high:
        raise InputError(f"{what}: {value!r} is outside {low}% to {high}%; enter a percent such as 5.2")
    return percent / 100


def parse_date(value: object, *, what: str = "date") -> dt.date:
    """Read a ``YYYY-MM-DD`` date."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-14") from None


def parse_whole(value: object, *, low: int, high: int, what: str, unit: str = "") -> int:
    """Read a whole number within bounds (an age, a term, a year)."""
    text = str(value).strip()
    try:
        number = int(text)
    except ValueError:
        raise InputError(f"{what}: {text!r} is not a whole number; enter {low} to {high}") from None
    if not low <= number <= high:
        raise InputError(f"{what}: {number}{unit} is outside {low} to {high}")
    return number


def whole_dollars(amount: Decimal) -> Decimal:
    """Round to whole dollars as the estate and gift tax returns allow: drop amounts under 50 cents,
    round 50 to 99 cents up (``1.39 -> 1``, ``2.50 -> 3``)."""
    return amount.quantize(ONE, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> Decimal:
    """Round a computed amount to the cent (half up), the precision money is reported in."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def typed_amount(amount: Decimal) -> str:
    """An amount as a person would type it back into a field: ``2,500,000`` (cents only when there are any)."""
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def format_money(amount: Decimal, *, cents: bool = False) -> str:
    """``$1,234`` (or ``$1,234.56``) for tables and reports."""
    sign = "-" if amount < 0 else ""
    if cents:
        return f"{sign}${abs(amount):,.2f}"
    return f"{sign}${whole_dollars(abs(amount)):,.0f}"
