"""Couple model benchmarks: prints min / median / max of a full comparison (both orders of death, all routes;
and with both spouses claiming a treaty's pro-rata credit), of one order's routes, of one order with the r - g
break-even a card shows, of a QDOT card's comparison as the batch makes it (through the screening's memoised
calls, no naturalisation planned), and of one order with every break-even and the r - g sensitivity (the routes
screen).

Each run varies the first estate by a dollar, so no run reuses a comparison remembered from an earlier one (the
model remembers the last few sets of facts, as the card and the routes screen share them).

Run: .venv/bin/python bench/couple.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from advisor.calculators.couple import (
    ComparisonInput,
    CoupleInput,
    Domicile,
    Spouse,
    breakeven_spread,
    compare_couple,
    compare_routes,
)
from advisor.screening.basis import comparison, spread_breakeven

TODAY = dt.date(2026, 11, 23)
COUPLE = CoupleInput(
    first=Spouse(age=66, citizen=True, estate=Decimal(30_000_000), adjusted_taxable_gifts=Decimal(2_000_000)),
    second=Spouse(age=61, citizen=False, domicile=Domicile.US, estate=Decimal(1_000_000)),
    valuation_date=TODAY,
    growth=Decimal("0.03"),
    income_yield=Decimal("0.02"),
    discount_rate=Decimal("0.056"),
    naturalize_probability=Decimal("0.6"),
)
"""A citizen of 66 with $30M and a non-citizen spouse of 61 in the US who may naturalise: both orders."""
NONCITIZENS = COUPLE.model_copy(update={"first": COUPLE.first.model_copy(update={"citizen": False})})
"""The same couple with neither spouse a citizen: every route in both orders (the slowest case)."""
TREATY_COUPLE = CoupleInput(
    first=Spouse(age=66, citizen=False, domicile=Domicile.ABROAD, estate=Decimal(20_000_000), treaty="JP",
                 worldwide_estate=Decimal(25_000_000)),
    second=Spouse(age=61, citizen=False, domicile=Domicile.ABROAD, estate=Decimal(1_000_000), treaty="JP",
                  worldwide_estate=Decimal(4_000_000)),
    valuation_date=TODAY,
    growth=Decimal("0.03"),
    income_yield=Decimal("0.02"),
    discount_rate=Decimal("0.056"),
)  # fmt: skip
"""Both spouses in Japan with US property: the pro-rata credit at each death, both orders."""
ONE_ORDER = ComparisonInput(
    estate=Decimal(32_000_000),
    death_date=dt.date(2027, 6, 1),
    valuation_date=TODAY,
    spouse_age=61,
    spouse_estate=Decimal(1_000_000),
    growth=Decimal("0.03"),
    income_yield=Decimal("0.02"),
    discount_rate=Decimal("0.056"),
    naturalize_probability=Decimal("0.6"),
)


def timings(work: Callable[[int], object], repeats: int) -> tuple[float, float, float]:
    """Seconds per call of ``work(n)`` for n = 1..repeats (each call on different facts)."""
    times = []
    for n in range(1, repeats + 1):
        start = time.perf_counter()
        work(n)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), max(times)


def couple(facts: CoupleInput, n: int) -> CoupleInput:
    """The couple with the first spouse's estate ``n`` dollars larger."""
    return facts.model_copy(update={"first": facts.first.model_copy(update={"estate": facts.first.estate + n})})


def order(n: int) -> ComparisonInput:
    """The one order of deaths with the estate ``n`` dollars larger."""
    return ONE_ORDER.model_copy(update={"estate": ONE_ORDER.estate + n})


def card(n: int) -> None:
    """A QDOT card's comparison figures: the routes it shows and the r - g break-even, no naturalisation planned."""
    facts = order(n).model_copy(update={"naturalize_probability": Decimal(0)})
    comparison(facts, None, breakevens=False)
    spread_breakeven(facts)


def show(label: str, figures: tuple[float, float, float], target: str = "") -> None:
    low, median, high = (f * 1000 for f in figures)
    print(f"{label}: min {low:.2f} ms, median {median:.2f} ms, max {high:.2f} ms{target}")


def main() -> None:
    compare_couple(COUPLE)  # warm the parameter caches once, as a running app has them
    compare_routes(ONE_ORDER)
    show(
        "full comparison, both orders, all routes",
        timings(lambda n: compare_couple(couple(COUPLE, n)), 200),
        " (target <= 2 ms)",
    )
    show(
        "full comparison, neither spouse a citizen",
        timings(lambda n: compare_couple(couple(NONCITIZENS, n)), 200),
        " (<= 2 ms)",
    )
    compare_couple(TREATY_COUPLE)
    show(
        "full comparison, both spouses claiming a treaty",
        timings(lambda n: compare_couple(couple(TREATY_COUPLE, n)), 200),
    )
    show("one order, all routes", timings(lambda n: compare_routes(order(n), breakevens=False), 200))
    show(
        "one order, all routes and the r - g break-even (a card)",
        timings(lambda n: (compare_routes(order(n), breakevens=False), breakeven_spread(order(n))), 200),
    )
    show("a QDOT card in a batch (routes it shows, r - g break-even)", timings(card, 200))
    show("one order with every break-even and r - g sensitivity (the routes screen)",
         timings(lambda n: compare_routes(order(n)), 20))  # fmt: skip


if __name__ == "__main__":
    main()
