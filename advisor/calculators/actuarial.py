"""Section 7520 actuarial factors: IRC 7520; 26 CFR 20.2031-7 and 25.2512-5 (Tables B and S,
mortality Tables 2000CM and 2010CM).

Factors keep full Decimal precision; IRS tables print Table B to 6 and Table S to 5 decimals,
and :func:`printed` rounds the same way for comparison and display.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from advisor.calculators.money import InputError
from advisor.calculators.parameters import MortalityTable, mortality_table

ONE = Decimal(1)
TWO = Decimal(2)


def printed(factor: Decimal, places: int = 6) -> Decimal:
    """A factor rounded half up to the decimals an IRS table prints."""
    return factor.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def age_at_nearest_birthday(birth: dt.date, valuation: dt.date) -> int:
    """Age at the birthday nearest the valuation date (26 CFR 20.2031-7(d)); half-way rounds up."""
    if birth > valuation:
        raise InputError(f"the birth date {birth} is after the valuation date {valuation}")
    last = _birthday(birth, valuation.year)
    if last > valuation:
        last = _birthday(birth, valuation.year - 1)
    following = _birthday(birth, last.year + 1)
    age = last.year - birth.year
    return age + 1 if (valuation - last) >= (following - valuation) else age


def _birthday(birth: dt.date, year: int) -> dt.date:
    """The birthday in a given year; 29 February falls on 28 February in common years."""
    if birth.month == 2 and birth.day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return birth.replace(year=year)


def discount(rate: Decimal) -> Decimal:
    """v = 1 / (1 + i)."""
    if rate <= 0:
        raise InputError(f"the section 7520 rate must be above 0%, got {rate * 100}%")
    return ONE / (ONE + rate)


def term_certain_remainder(rate: Decimal, years: int) -> Decimal:
    """Table B remainder factor: (1 + i)^-n."""
    _check_term(years)
    return discount(rate) ** years


def _check_age(table: MortalityTable, age: int) -> None:
    if not 0 <= age < table.max_age:
        raise InputError(f"age {age} is outside Table {table.name}, which covers ages 0 to {table.max_age - 1}")


def _check_term(years: int) -> None:
    if years < 1:
        raise InputError(f"the term must be at least 1 whole year, got {years}")


def survival_probability(table: MortalityTable, age: int, years: int) -> Decimal:
    """Probability that a person aged x is alive after n years: l[x+n] / l[x] (0 past age 110)."""
    _check_age(table, age)
    if years < 0:
        raise InputError(f"a number of years cannot be negative, got {years}")
    if age + years > table.max_age:
        return Decimal(0)
    return table.lx[age + years] / table.lx[age]


def single_life_remainder(table: MortalityTable, rate: Decimal, age: int) -> Decimal:
    """Table S remainder factor after the life of a person aged x, as the IRS computes it."""
    _check_age(table, age)
    return _single_life_remainder(table.name, rate, age)


@lru_cache(maxsize=4096)
def _single_life_remainder(table_name: str, rate: Decimal, age: int) -> Decimal:
    table = mortality_table(table_name)
    v = discount(rate)
    lx = table.lx
    return sum(
        ((lx[age + t] - lx[age + t + 1]) / lx[age] * (v**t + v ** (t + 1)) / TWO for t in range(table.max_age - age)),
        Decimal(0),
    )


def reversion_factors(rate: Decimal, years: int, triggered_by: Callable[[int], Decimal]) -> list[Decimal]:
    """Value of property coming back if an event happens within the term, for every term 1..n,
    valued at mid-year of the year it happens (the Table S convention).

    ``triggered_by(t)`` is the probability the event has happened within t years (for a single life,
    1 - tpx; for a second life, the probability both have died). For a single life the factor for
    term n equals S[x] - v^n * npx * S[x+n].
    """
    _check_term(years)
    v = discount(rate)
    factors: list[Decimal] = []
    total = Decimal(0)
    before = triggered_by(0)
    v_t = Decimal(1)
    for _ in range(years):
        after = triggered_by(len(factors) + 1)
        v_next = v_t * v
        total += (after - before) * (v_t + v_next) / TWO
        factors.append(total)
        before, v_t = after, v_next
    return factors


def reversion_factor(rate: Decimal, years: int, triggered_by: Callable[[int], Decimal]) -> Decimal:
    """The reversion factor for one term (see :func:`reversion_factors`)."""
    return reversion_factors(rate, years, triggered_by)[-1]
