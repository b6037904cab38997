"""State estate taxes, from the project's state table (state_estate_taxes_2026.csv).

The table is a compilation of secondary sources: some rows have one source, one (Washington)
has sources that conflict, and 2026 figures are mostly not found. Every use carries the row's own
caveat, and the figure is a warning to check, never a computed state tax.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from advisor.calculators.parameters import read_rows
from advisor.engine.answers import US_STATES
from advisor.engine.profile import Profile
from advisor.screening.models import StateTax

_CODES = {name: code for code, name in US_STATES.items()}


@cache
def estate_tax_states() -> dict[str, tuple[Decimal, int, Decimal | None, str]]:
    """State code -> (exemption, the year it is for, top rate in percent or None, caveat)."""
    table = {}
    for row in read_rows("state_estate_taxes_2026.csv"):
        if "estate" not in row["tax_type"] or row["state"] not in _CODES:
            continue
        year = 2026 if row["exemption_2026"] else 2025
        exemption = Decimal(row["exemption_2026"] or row["exemption_2025"])
        rate_text = row["top_rate_2026_percent"] or row["top_rate_2025_percent"]
        caveat = f"sources: {row['agreement']}"
        if row["notes"]:
            caveat += f"; {row['notes']}"
        table[_CODES[row["state"]]] = (exemption, year, Decimal(rate_text) if rate_text else None, caveat)
    return table


def state_tax(profile: Profile) -> StateTax | None:
    """The estate tax of the person's state, if it has one."""
    if profile.domicile != "us" or profile.state is None:
        return None
    return state_tax_for(profile.state, profile.estate_total)


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
