"""How the calculators' figures are written: rates as percents, factors to six places, days with weekdays."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def percent(fraction: Decimal) -> str:
    """``0.052 -> 5.2%`` (four significant digits)."""
    return f"{float(fraction) * 100:.4g}%"


def day(date: dt.date) -> str:
    """``Sat 2026-03-14``: the weekday matters for a deadline."""
    return f"{date:%a %Y-%m-%d}"
