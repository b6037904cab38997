"""Calculator benchmarks: prints the median time of a full QPRT term sweep, of 10,000 estate tax runs, and of a
QDOT deferral projection weighted over every possible year of the spouse's death.

Run: .venv/bin/python bench/calculators.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.qdot_deferral import DeferralInput, project_deferral
from advisor.calculators.qprt import QprtInput, sweep_terms


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def qprt_sweep() -> None:
    sweep_terms(QprtInput(fmv=Decimal(2_000_000), age=60, term=10, rate=Decimal("0.052"), growth=Decimal("0.03")))


ESTATES = [EstateTaxInput(taxable_estate=Decimal(1_000_000 + 2_731 * k), year=2013 + k % 14) for k in range(10_000)]


def estate_taxes() -> None:
    for facts in ESTATES:
        compute_estate_tax(facts)


DEFERRAL = DeferralInput(
    gross_estate=Decimal(25_000_000),
    death_date=dt.date(2026, 3, 1),
    growth=Decimal("0.03"),
    income_yield=Decimal("0.03"),
    principal_distributions=Decimal(200_000),
    spouse_age=60,
    discount_rate=Decimal("0.05"),
)
"""A spouse of 60: 50 possible death years, each with its QDOT taxes recomputed."""


def qdot_deferral() -> None:
    project_deferral(DEFERRAL)


def main() -> None:
    qprt_sweep()  # warm the parameter caches once, as a running app has them
    sweep = median_seconds(qprt_sweep, 50)
    estates = median_seconds(estate_taxes, 5)
    deferral = median_seconds(qdot_deferral, 30)
    print(f"QPRT term sweep (40 terms, 2010CM): median {sweep * 1000:.2f} ms (target <= 5 ms)")
    print(f"QDOT deferral (spouse aged 60, 50 death years): median {deferral * 1000:.2f} ms (target <= 50 ms)")
    print(f"10,000 estate tax computations: median {estates * 1000:.1f} ms ({estates / 10_000 * 1e6:.1f} us each)")


if __name__ == "__main__":
    main()
