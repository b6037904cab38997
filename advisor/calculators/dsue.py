"""The deceased spousal unused exclusion (IRC 2010(c)(4)): from which deaths it comes and how large it may be,
apart from the estate tax computation that adds it to the exclusion."""

from __future__ import annotations

from decimal import Decimal

from advisor.calculators.money import InputError, format_money
from advisor.calculators.parameters import exclusion, exclusion_years

PORTABILITY_FIRST_YEAR = 2011
"""IRC 2010(c)(4): a DSUE amount comes only from a deceased spouse dying after December 31, 2010."""


def check_dsue(dsue: Decimal, *, dsue_year: int | None, year: int, own_exclusion: Decimal) -> None:
    """IRC 2010(c)(4)(A): the DSUE amount is at most the basic exclusion amount of the year the last
    deceased spouse died (Reg. 20.2010-2(c)(1)); without that year, the largest any such year had."""
    if dsue_year is not None:
        limit = exclusion("basic_exclusion_amount", dsue_year).value
        which = f"the basic exclusion amount of {dsue_year}, the year the last deceased spouse died"
    else:
        years = [y for y in exclusion_years() if PORTABILITY_FIRST_YEAR <= y <= year]
        amounts = [exclusion("basic_exclusion_amount", y).value for y in years]
        if year not in years:
            amounts.append(own_exclusion)
        limit = max(amounts)
        which = (
            f"the largest basic exclusion amount of any year from {PORTABILITY_FIRST_YEAR} to {year} "
            "(give --dsue-year, the year the last deceased spouse died, for that year's limit)"
        )
    if dsue > limit:
        raise InputError(
            f"the DSUE amount {format_money(dsue)} is more than IRC 2010(c)(4)(A) allows: at most {which}, "
            f"{format_money(limit)}"
        )
