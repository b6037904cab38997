"""State estate taxes, from the project's state table (state_estate_taxes.csv).

The table is a compilation of secondary sources: some rows have one source, one (Washington)
has sources that conflict, and 2026 figures are mostly not found. Every use carries the row's own
caveat. Where the data holds the state's own method for the year of death, the screening replaces
the exclusion with the state law's and computes the tax (``family.state_estate``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from advisor.calculators.parameters import latest, rows
from advisor.engine.answers import US_STATES
from advisor.engine.profile import Profile
from advisor.screening.models import StateTax

_CODES = {name: code for code, name in US_STATES.items()}


@cache
def estate_tax_states() -> dict[str, tuple[Decimal, int, Decimal | None, str]]:
    """State code -> (exemption, the year it is for, top rate in percent or None, caveat)."""
    table = {}
    for state in dict.fromkeys(row["state"] for row in rows("state_estate_taxes.csv")):
        row = latest("state_estate_taxes.csv", state=state)
        if "estate" not in row["tax_type"] or state not in _CODES:
            continue
        rate = Decimal(row["top_rate_percent"]) if row["top_rate_percent"] else None
        table[_CODES[state]] = (row.decimal("exemption"), row.effective_from.year, rate, row["caveat"])
    return table


def state_tax(profile: Profile) -> StateTax | None:
    """The estate tax of the person's state, if it has one."""
    code = taxing_state(profile)
    return None if code is None else state_tax_for(code, profile.estate_total)


def taxing_state(profile: Profile) -> str | None:
    """The person's state, if it has an estate tax."""
    if profile.domicile != "us" or profile.state not in estate_tax_states():
        return None
    return profile.state


def state_tax_for(code: str, estate: Decimal) -> StateTax | None:
    row = estate_tax_states().get(code)
    if row is None:
        return None
    exemption, year, rate, caveat = row
    return StateTax(
        state=code,
        name=US_STATES[code],
        exemption=exemption,
        exemption_year=year,
        top_rate_percent=rate,
        applies=estate > exemption,
        caveat=caveat,
    )
