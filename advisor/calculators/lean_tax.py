"""Net estate tax as a plain function of the taxable amount, for loops that recompute it thousands of times.

The same law as :func:`advisor.calculators.estate_tax.compute_estate_tax` (IRC 2001(b)-(c), 2010, 2101-2102)
and the same cents (each tentative tax rounded half up, as there), but the parameters are looked up once
and every call is Decimal arithmetic only: no validated models, no lines. The QDOT recomputation of
IRC 2056A(b)(2)(A) is the difference of two such calls. Tests hold both paths to the same cents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise

from advisor.calculators.money import CENT, InputError
from advisor.calculators.parameters import (
    Citation,
    RateSchedule,
    exclusion,
    nonresident_credit,
    nonresident_exemption,
    rate_schedule,
)
from advisor.calculators.tentative_tax import exemption_equivalent
from advisor.calculators.treaty import TreatyApplied, TreatyClaim, treaty_unified_credit

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Schedule:
    """The 2001(c) brackets as plain tuples (over, base tax, rate), highest first."""

    brackets: tuple[tuple[Decimal, Decimal, Decimal], ...]
    top_rate: Decimal

    @classmethod
    def of(cls, schedule: RateSchedule) -> Schedule:
        """The table, checked continuous (each base tax is the tax at its bracket's start) with rates rising: the
        tax is then nondecreasing and convex, as the couple model's shortcuts assume."""
        rows = tuple((b.over, b.base_tax, b.rate) for b in reversed(schedule.brackets))
        for (over, base, rate), (low_over, low_base, low_rate) in pairwise(rows):
            if base != low_base + low_rate * (over - low_over) or rate < low_rate:
                raise AssertionError("a 2001(c) table is continuous with rising rates")
        return cls(brackets=rows, top_rate=rows[0][2])

    def tentative(self, amount: Decimal) -> Decimal:
        """IRC 2001(c) tax on an amount, rounded to the cent as ``tentative_tax.tentative_tax`` does."""
        for over, base, rate in self.brackets:
            if amount > over:
                return (base + rate * (amount - over)).quantize(CENT, ROUND_HALF_UP)
        if amount < 0:
            raise InputError(f"tentative tax: the amount {amount} is negative")
        over, base, rate = self.brackets[-1]
        if over != 0:
            raise AssertionError("the lowest bracket starts at zero")
        return (base + rate * (amount - over)).quantize(CENT, ROUND_HALF_UP)

    def rate_at(self, amount: Decimal) -> Decimal:
        """The rate of the bracket :meth:`tentative` taxes this amount in: as the rates rise, the tax grows by at
        least this rate times any increase of the amount (less a cent for the two roundings)."""
        for over, _, rate in self.brackets:
            if amount > over:
                return rate
        return self.brackets[-1][2]


@dataclass(frozen=True, slots=True)
class NetTax:
    """One decedent's net estate tax as a function of the taxable estate, everything else fixed.

    For a citizen or domiciliary: max(0, tentative(x + ATG) - gift tax payable - tentative(exclusion)).
    For a nonresident not a citizen: tentative(x + ATG) - tentative(ATG), less the credit up to that tax (the
    IRC 2102(b)(1) credit, or a treaty's pro-rata credit, fixed by the gross estates whatever the taxable estate).
    """

    schedule: Schedule
    adjusted_taxable_gifts: Decimal
    deduct: Decimal
    """Gift tax payable plus the applicable credit (citizen), or the tentative tax on the gifts (nonresident)."""
    nonresident_credit: Decimal | None
    exclusion_amount: Decimal
    """Applicable exclusion amount (basic exclusion + DSUE); for a nonresident the $60,000 equivalent."""
    citations: tuple[Citation, ...]
    treaty: TreatyApplied | None = None
    """What a claimed treaty did to the credit (None: none claimed)."""

    def __call__(self, taxable_estate: Decimal) -> Decimal:
        gross = self.schedule.tentative(taxable_estate + self.adjusted_taxable_gifts) - self.deduct
        credit = self.nonresident_credit
        if credit is not None:
            return gross - (gross if gross < credit else credit)
        return gross if gross > ZERO else ZERO

    def with_gifts(self, gifts: Decimal) -> NetTax:
        """The same citizen's or domiciliary's tax after ``gifts`` more adjusted taxable gifts (a QPRT's gift), as
        :func:`net_tax` makes it, without looking the law up again: only the tentative tax's base moves."""
        if self.nonresident_credit is not None:
            raise ValueError("a nonresident's deduction is the tax on the gifts themselves; ask net_tax")
        return replace(self, adjusted_taxable_gifts=self.adjusted_taxable_gifts + gifts)

    def applicable_credit(self) -> Decimal:
        """The credit the computation allows against the tax (the 2102(b)(1) credit for a nonresident)."""
        if self.nonresident_credit is not None:
            return self.nonresident_credit
        return self.schedule.tentative(self.exclusion_amount)


@lru_cache(maxsize=64)
def _schedule(schedule: RateSchedule) -> Schedule:
    return Schedule.of(schedule)


@lru_cache(maxsize=1024)
def net_tax(
    *,
    rate_date: dt.date,
    adjusted_taxable_gifts: Decimal = ZERO,
    gift_tax_payable: Decimal = ZERO,
    basic_exclusion: Decimal | None = None,
    dsue: Decimal = ZERO,
    nonresident: bool = False,
    treaty: TreatyClaim | None = None,
) -> NetTax:
    """The net-tax function of a decedent dying on ``rate_date``.

    ``basic_exclusion`` defaults to the year's row in the data (a missing year raises
    MissingParameterError, as :func:`compute_estate_tax` does); pass it for a projected year. ``treaty``: a
    nonresident's claim to a treaty's pro-rata unified credit (a verified row only changes the credit).
    """
    cited_schedule = rate_schedule(rate_date)
    schedule = _schedule(cited_schedule)
    citations: list[Citation] = [cited_schedule.citation]
    if treaty is not None and not nonresident:
        raise InputError("a treaty's pro-rata unified credit is for a nonresident not a citizen")
    if nonresident:
        credit = nonresident_credit(rate_date)
        citations.append(credit.citation)
        amount, sheltered, applied = credit.value, nonresident_exemption(rate_date).value, None
        if treaty is not None:
            step = treaty_unified_credit(
                country=treaty.country, death=rate_date, statutory=credit.value, exclusion_amount=treaty.exclusion,
                us_gross_estate=treaty.us_gross_estate, worldwide_gross_estate=treaty.worldwide_gross_estate,
                tax=schedule.tentative,
            )  # fmt: skip
            citations += step.citations
            applied = step.applied
            if applied.pro_rata is not None:
                amount, sheltered = step.amount, exemption_equivalent(step.amount, cited_schedule)
        return NetTax(
            schedule=schedule,
            adjusted_taxable_gifts=adjusted_taxable_gifts,
            deduct=schedule.tentative(adjusted_taxable_gifts),
            nonresident_credit=amount,
            exclusion_amount=sheltered,
            citations=tuple(citations),
            treaty=applied,
        )
    if basic_exclusion is None:
        cited = exclusion("basic_exclusion_amount", rate_date.year)
        basic_exclusion = cited.value
        citations.append(cited.citation)
    excl = basic_exclusion + dsue
    return NetTax(
        schedule=schedule,
        adjusted_taxable_gifts=adjusted_taxable_gifts,
        deduct=gift_tax_payable + schedule.tentative(excl),
        nonresident_credit=None,
        exclusion_amount=excl,
        citations=tuple(citations),
    )
