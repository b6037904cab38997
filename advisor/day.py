"""The screening day: decided in one place, by each front end when it starts, and passed on explicitly."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The screening day when none is given: the local calendar day, read once by each front end."""
    return dt.date.today()
