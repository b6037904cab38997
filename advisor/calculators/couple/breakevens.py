"""Where the QDOT and paying now change places: in the naturalisation probability, the survivor's own estate
and the spread r - g, with the r - g sensitivity table (REVIEW-advice 5.7).

The discount rate changes only the discount factors, so the r - g search and table trace each route's years
once (:func:`~advisor.calculators.couple.paths.trace`) and re-discount them, the same Decimal operations as
following the route again. The bisection asks only for signs: a float polynomial in the discount factor
answers where its error bound leaves no doubt, the Decimal computation everywhere else, so the search visits
the same points and returns the same figure as bisecting the Decimal function alone.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, mul

from advisor.calculators.couple.models import Breakevens, ComparisonInput, Domicile, SpreadRow
from advisor.calculators.couple.paths import FINALLY_DETERMINED_YEAR, Outcome, Start, Trace, discount
from advisor.calculators.couple.routes import outright_start, qdot_start
from advisor.calculators.couple.setting import Context, build, discount_factors
from advisor.calculators.money import to_cents

ZERO = Decimal(0)
BASIS_POINT = Decimal("0.0001")
SPREADS = tuple(Decimal(s) / 100 for s in (-2, -1, 0, 1, 2, 3))
"""The r - g spreads of the sensitivity table."""
DOUBT = 1e-9
"""A float estimate's sign is trusted when it exceeds this share of the sum of its terms' magnitudes (float
error is below 1e-13 of that sum, Decimal's below 1e-25)."""
Sign = Callable[[Decimal], int]


def _totals(pay_now: Outcome, qdot: Outcome) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(pay now, QDOT at the given probability, QDOT without / with naturalisation tails) totals."""
    return (
        pay_now.taxes + pay_now.costs,
        qdot.taxes + qdot.costs,
        qdot.tail_taxes + qdot.tail_costs,
        qdot.nat_taxes + qdot.nat_costs,
    )


def _starts(context: Context) -> tuple[Start, Start]:
    """Paying now and the QDOT, as the break-evens weigh them."""
    estate = context.facts.estate
    return outright_start(context, estate), qdot_start(context, estate, context.qdot_amount)


def _shown_total(outcome: Outcome, probability: Decimal) -> Decimal:
    """A route's taxes + costs as its result shows them (each rounded to the cent, then added), so the
    sensitivity row at the spread given repeats the route's own ``pv_total``."""
    taxes, costs, _ = outcome.at(probability)
    return to_cents(taxes) + to_cents(costs)


def _qdot_less_pay_now(facts: ComparisonInput) -> Decimal:
    context = build(facts, tails=True)
    pay_now, qdot = (context.follow(start) for start in _starts(context))
    a, b0, tail, nat = _totals(pay_now, qdot)
    p = context.setting.naturalize_probability
    return b0 + p * (nat - tail) - a


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


def _spread_sign(context: Context) -> Sign:
    """The sign of :func:`_qdot_less_pay_now` as a function of r - g alone (the other facts fixed). The
    naturalisation branch weighs in at its probability only, so a context that does not follow it (``tails``
    false) gives the same signs when that probability is 0."""
    facts, s = context.facts, context.setting
    pay_now, qdot = (context.trace(start) for start in _starts(context))
    years, p = len(s.deaths), s.naturalize_probability
    estimate = _Polynomial(len(s.v))
    estimate.add(qdot, s.odds, 1.0, -float(p), float(p))
    estimate.add(pay_now, s.odds, -1.0, 0.0, 0.0)

    def sign(spread: Decimal) -> int:
        rate = facts.growth + spread
        estimated = estimate.sign(1 / (1 + float(rate)))
        if estimated:
            return estimated
        v = discount_factors(rate, years)
        a, b0, tail, nat = _totals(discount(pay_now, v, s.tails), discount(qdot, v, s.tails))
        return _sign(b0 + p * (nat - tail) - a)

    return sign


class _Polynomial:
    """Weighted sums of traced routes' totals as a polynomial in the discount factor v, in floats, with the
    sum of its terms' magnitudes: the scale of any rounding error, whatever the order of the float operations
    (a few hundred of them, each off by at most 1.1e-16 of its size; every traced amount is at least 0)."""

    def __init__(self, size: int) -> None:
        self.terms = [0.0] * size
        self.magnitudes = [0.0] * size
        self.ceiling = (0.0, 0.0)  # the largest v asked yet and the magnitude there, a bound at any smaller v

    def add(self, t: Trace, odds: tuple[float, ...], weight: float, tail: float, nat: float) -> None:
        """Add weight x (taxes + costs) + tail x (tail taxes + costs) + nat x (naturalised taxes + costs);
        ``odds``: the deaths' probabilities as floats. Every amount of one call has the sign of ``weight`` (nat and
        weight + tail have it too, the probability being at most 1), but the refunds, kept apart: a power's
        magnitude is then the size of its sum."""
        nat_year, years, final = t.nat_year, len(t.fees), float(t.final_cost)
        weights = list(map(mul, odds, repeat(weight)))  # each death's weight, year k at index k - 1
        if t.naturalised:  # naturalised after the return, the QDOT's years are the tail's
            weights[nat_year:] = map(mul, odds[nat_year:], repeat(weight + tail))
        dues = map(float, t.dues)
        if final:
            dues = map(add, dues, repeat(final))
        column = [0.0, weight * float(t.first_tax), *map(mul, weights, dues)]
        refunds = 0.0  # column[i]: the amount at v^i; a death's taxes and costs at v^(k + 1)
        for k, excess in t.refunds:
            refund = weights[k - 1] * float(excess)
            column[k + 1] += refund
            refunds += refund
        naturalised = 0.0  # the naturalised deaths' weight, all after the naturalisation year
        for k, (nat_tax, _) in enumerate(t.naturalised, start=nat_year + 1):
            column[k + 1] += nat * odds[k - 1] * float(nat_tax)
            naturalised += nat * odds[k - 1]
        yearly = any(t.fees)
        if t.fees_start or yearly:  # paid while the survivor lives: weighed by the deaths in year k and after
            later = list(accumulate(reversed(weights)))[::-1]
            column[0] = (later[0] + naturalised) * float(t.fees_start)
            if yearly:
                column[1 : years + 1] = map(add, column[1 : years + 1], map(mul, later, map(float, t.fees)))
                for k in range(1, nat_year + 1) if t.naturalised else ():
                    column[k] += naturalised * float(t.fees[k - 1])
        if t.naturalised:  # the naturalisation year's final return
            column[nat_year] += naturalised * final
        terms, sizes, end = self.terms, self.magnitudes, years + 2
        terms[:end] = map(add, terms[:end], column)
        sizes[:end] = map(add, sizes[:end], map(abs, column))
        terms[FINALLY_DETERMINED_YEAR + 1] -= refunds
        sizes[FINALLY_DETERMINED_YEAR + 1] += abs(refunds)

    def sign(self, v: float) -> int:
        """The value's sign at v where it exceeds :data:`DOUBT` times the magnitude there; 0 where in doubt. The
        magnitude is summed only where its bound from a larger v leaves a doubt."""
        powers = _powers(v, len(self.terms))
        value = sum(map(mul, self.terms, powers))
        top, bound = self.ceiling
        exact = v >= top  # the bound is the magnitude at v itself, not at a larger one
        if v > top:
            bound = sum(map(mul, self.magnitudes, powers))
            self.ceiling = (v, bound)
        if abs(value) <= DOUBT * bound and (exact or abs(value) <= DOUBT * sum(map(mul, self.magnitudes, powers))):
            return 0
        return 1 if value > 0 else -1


@lru_cache(maxsize=1024)
def _powers(v: float, size: int) -> tuple[float, ...]:
    """v^k for k = 0..size - 1 (the bisection visits the same spreads for every card with the same growth)."""
    return tuple(accumulate(repeat(v, size - 1), mul, initial=1.0))


def breakeven_spread(facts: ComparisonInput) -> Decimal | None:
    """The discount rate less growth at which the QDOT and paying now cost the same (bisection from -10% to
    +20%; None: no QDOT, or no change of sign), to the basis point."""
    context = build(facts)
    if context.qdot_amount <= 0 or facts.spouse_citizen:
        return None
    return _spread_root(context)


def _spread_root(context: Context) -> Decimal | None:
    low = max(Decimal("-0.10"), Decimal("-0.49") - context.facts.growth)
    spread = _root(_spread_sign(context), low, Decimal("0.20"), BASIS_POINT)
    return spread.quantize(BASIS_POINT, rounding=ROUND_HALF_UP) if spread is not None else None


def _sensitivity(context: Context) -> tuple[SpreadRow, ...]:
    """Both routes' shown totals at each spread of the table, re-discounted."""
    facts, s = context.facts, context.setting
    pay_now, qdot = (context.trace(start) for start in _starts(context))
    rows = []
    for spread in SPREADS:
        if facts.growth + spread <= Decimal("-0.5"):
            continue
        v = discount_factors(facts.growth + spread, len(s.deaths))
        outcomes = discount(pay_now, v, s.tails), discount(qdot, v, s.tails)
        shown = _shown_total(outcomes[0], ZERO), _shown_total(outcomes[1], s.naturalize_probability)
        rows.append(SpreadRow(spread=spread, pay_now=shown[0], qdot=shown[1]))
    return tuple(rows)


def find_breakevens(context: Context) -> Breakevens:
    """Where the QDOT and paying now cost the same: in the naturalisation probability (exact, the QDOT's
    expected cost is linear in it), the survivor's own estate and the spread r - g (bisection)."""
    facts = context.facts
    with_tails = build(facts, tails=True)
    a, b0, tail, nat = _totals(*(with_tails.follow(start) for start in _starts(with_tails)))
    probability = None
    if with_tails.setting.naturalize_year and nat != tail:
        p = (a - b0) / (nat - tail)
        probability = p if 0 <= p <= 1 else None
    own_field = "spouse_estate" if facts.spouse_domicile is Domicile.US else "spouse_us_situs"
    high = facts.estate * 4 + Decimal(50_000_000)

    def with_own(amount: Decimal) -> int:
        update: dict[str, object] = {own_field: amount}
        if own_field == "spouse_us_situs":
            update["spouse_estate"] = max(facts.spouse_estate, amount)
        return _sign(_qdot_less_pay_now(facts.model_copy(update=update)))

    spouse_estate = _root(with_own, ZERO, high, Decimal(1000))
    return Breakevens(
        naturalize_probability=probability,
        spouse_estate=to_cents(spouse_estate) if spouse_estate is not None else None,
        rate_spread=_spread_root(with_tails),
        sensitivity=_sensitivity(context),
    )


def _root(sign: Sign, low: Decimal, high: Decimal, tolerance: Decimal) -> Decimal | None:
    """A point where a function changes sign between ``low`` and ``high``, by bisection on its ``sign``
    (None: no change)."""
    s_low, s_high = sign(low), sign(high)
    if s_low == 0:
        return low
    if (s_low > 0) == (s_high > 0):
        return None
    while high - low > tolerance:
        middle = (low + high) / 2
        s_middle = sign(middle)
        if (s_middle > 0) == (s_low > 0):
            low, s_low = middle, s_middle
        else:
            high = middle
    return (low + high) / 2
