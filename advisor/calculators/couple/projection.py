"""Yearly amounts past the last published year, and the life-table weights of the couple model.

Published rows come from the parameters package with their citations. A later year is projected from
the last published row at a stated inflation assumption, with the rounding the statute prescribes; the
projection is labelled as such in the rows a result lists, never passed off as a published figure.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from advisor.calculators.parameters import (
    Citation,
    Cited,
    MissingParameterError,
    exclusion,
    exclusion_years,
    mortality_table,
)

ONE = Decimal(1)
DEFAULT_INFLATION = Decimal("0.025")
"""An assumption with no published source: yearly inflation used to index the exclusions past the last
published year (IRC 2010(c)(3)(B) and 2523(i)(2) index by the chained CPI-U, which is not forecast)."""

_ROUNDING = {
    # IRC 2010(c)(3)(B), as amended by Pub. L. 119-21 sec. 70106: "rounded to the nearest multiple of $10,000".
    "basic_exclusion_amount": (Decimal(10000), ROUND_HALF_UP, "rounded to the nearest $10,000 (IRC 2010(c)(3)(B))"),
    # Every published 2523(i) amount is a whole multiple of $1,000; rounding down to it is an assumption.
    "noncitizen_spouse_annual_exclusion": (
        Decimal(1000),
        ROUND_DOWN,
        "rounded down to a multiple of $1,000 (assumed, as the published amounts are)",
    ),
}


@lru_cache(maxsize=1024)
def yearly_amount(column: str, year: int, inflation: Decimal) -> Cited[Decimal]:
    """A yearly exclusion: the published row, or the last one indexed at ``inflation`` a year."""
    years = exclusion_years()
    if year <= years[-1]:
        return exclusion(column, year)
    last = years[-1]
    base = exclusion(column, last)
    step, rounding, how = _ROUNDING[column]
    raw = base.value * (ONE + inflation) ** (year - last)
    value = (raw / step).quantize(ONE, rounding=rounding) * step
    return Cited(
        value=value,
        citation=Citation(
            parameter=f"{base.citation.parameter}, projected",
            value=f"${value:,}",
            effective=str(year),
            source=f"{last} amount {base.citation.value} indexed at {float(inflation * 100):g}% a year "
            f"(assumption), {how}",
        ),
    )


@lru_cache(maxsize=512)
def death_probabilities(table_name: str, age: int) -> tuple[Decimal, ...]:
    """P(death in year k) for k = 1.. to the end of the table, for a life aged ``age`` now:
    (l[x+k-1] - l[x+k]) / l[x] (CALCULATIONS section 3; l at the last age is 0)."""
    lx = mortality_table(table_name).lx
    if not 0 <= age < len(lx) - 1:
        raise MissingParameterError(f"age {age} is outside Table {table_name}, which covers ages 0 to {len(lx) - 2}")
    return tuple((lx[age + k - 1] - lx[age + k]) / lx[age] for k in range(1, len(lx) - age))


def survival(table_name: str, age: int, years: int) -> Decimal:
    """P(a life aged ``age`` is alive after ``years`` years)."""
    lx = mortality_table(table_name).lx
    return lx[age + years] / lx[age] if age + years < len(lx) else Decimal(0)
