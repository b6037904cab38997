"""The survivor's years, followed in plain Decimal arithmetic: one pass per route over every year of the
survivor's death (REVIEW-advice section 5.1-5.4, 5.5 and 5.6 as the routes set them up).

Conventions, stated in every result's assumptions:
- year k is the k-th year after the first death; the survivor dies at its end with probability
  (l[a+k-1] - l[a+k]) / l[a] (Table 2010CM, age a at the first death);
- a tax due at a death (9 months after it) is discounted one year from that death's year end; so is
  what reaches the heirs; the first-death tax is paid out of what passes to the survivor;
- yearly costs are discounted from the end of their year; the QDOT's principal grows at g and its
  income (yield y) is paid to the survivor, exempt (IRC 2056A(b)(3)(A)), and saved, like all the
  survivor's income: the survivor's own assets grow at g + y;
- no principal is distributed from the QDOT during the survivor's life, so the only QDOT taxable
  event is the survivor's death (IRC 2056A(b)(1)(B)); a Form 706-QDT is filed only then, or on
  naturalisation (IRC 2056A(b)(12), Form 706-QDT Part II line 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate, repeat
from operator import add, mul, sub

from advisor.calculators.couple.survivor import Survivor, cents
from advisor.calculators.lean_tax import NetTax

ZERO = Decimal(0)
FINALLY_DETERMINED_YEAR = 4
"""An assumption: the first decedent's tax is finally determined by the end of the 4th year (return
filed within 15 months, 3-year assessment period of IRC 6501(a)); a survivor dying earlier pays the QDOT
tax at the highest rate and the excess is refunded then (IRC 2056A(b)(2)(B))."""


@dataclass(frozen=True, slots=True)
class Setting:
    """Everything one comparison shares across routes, looked up once."""

    deaths: tuple[Decimal, ...]
    """P(the survivor dies in year k), k = 1.. (index k - 1)."""
    odds: tuple[float, ...]
    """The same as floats, for the r - g break-even's float estimate."""
    v: tuple[Decimal, ...]
    """v^k for k = 0..N+1."""
    trust_growth: Decimal
    pot_growth: Decimal
    income_yield: Decimal
    own_all: tuple[Decimal, ...]
    """The survivor's own estate (worldwide) at the end of year k (index k; index 0 is the first death)."""
    own_base: tuple[Decimal, ...]
    """The part of it in the survivor's US tax base."""
    inherited_share: Decimal
    """Share of what the survivor holds from the first decedent that is in the survivor's US tax base."""
    survivor: Survivor
    decedent: NetTax
    decedent_exclusion: Decimal
    """The first decedent's basic exclusion amount (caps the DSUE, IRC 2010(c)(4))."""
    portability: bool
    """The survivor's estate may use a DSUE: the survivor is domiciled or a citizen at death and the first
    decedent was not a nonresident (Reg. 20.2010-2(a)(5), 20.2010-3(e))."""
    costs: bool
    bank_fee: Decimal
    """Yearly bank-trustee fee difference as a fraction of the trust (0 without a bank trustee)."""
    bond_yearly: Decimal
    """Yearly bond or letter-of-credit premium (0 with a bank trustee or at most $2M)."""
    drafting: Decimal
    return_preparation: Decimal
    top_rate: Decimal
    highest_rate_always: bool
    naturalize_probability: Decimal
    naturalize_year: int
    """The year after the return in which the survivor may naturalise, followed by every trace (0: the branch
    does not apply)."""
    tails: bool
    """The outcomes count the naturalisation branch (its probability is not 0, or for its break-even)."""


@dataclass(frozen=True, slots=True)
class Start:
    """How a route leaves things at the first death."""

    first_tax: Decimal
    outright: Decimal
    """Net value passing outright to the survivor (after the first-death tax)."""
    trust: Decimal = ZERO
    decedent_base: Decimal = ZERO
    """The first decedent's taxable estate on this route (with the QDOT's deduction)."""
    dsue: Decimal | None = ZERO
    """The DSUE the survivor's estate may use; None: redetermined after the last QDOT event."""
    credit_first_tax: bool = True
    """The first-death tax counts for the survivor's 2013 credit (IRC 2056(d)(3))."""
    gifts: Decimal = ZERO
    """Lifetime gifts the survivor already holds (in the inherited pot, not part of the 2013 value)."""


@dataclass(slots=True)
class Outcome:
    """Expected present values at the first death (the naturalisation tails kept apart for break-evens)."""

    taxes: Decimal = ZERO
    costs: Decimal = ZERO
    heirs: Decimal = ZERO
    dsue_used: bool = False
    nat_dsue_used: bool = False
    tail_taxes: Decimal = ZERO
    tail_costs: Decimal = ZERO
    tail_heirs: Decimal = ZERO
    nat_taxes: Decimal = ZERO
    nat_costs: Decimal = ZERO
    nat_heirs: Decimal = ZERO

    def at(self, probability: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """(taxes, costs, heirs) with the after-return naturalisation branch at this probability."""
        return (
            self.taxes + probability * (self.nat_taxes - self.tail_taxes),
            self.costs + probability * (self.nat_costs - self.tail_costs),
            self.heirs + probability * (self.nat_heirs - self.tail_heirs),
        )


@dataclass(frozen=True, slots=True)
class Trace:
    """A route's years with every amount but the discount factors: yearly fees, and what a death at the end of
    each year k leaves (index k - 1), before discounting. The break-even in r - g changes only the discount
    factors, so it re-discounts these instead of following the route again. Kept as columns, one entry a year,
    so that :func:`discount` sums them with ``map`` and ``sum`` in the same order as a loop would."""

    first_tax: Decimal
    fees_start: Decimal
    final_cost: Decimal
    fees: tuple[Decimal, ...]
    odds: tuple[Decimal, ...]
    """P(the survivor dies in year k), as :attr:`Setting.deaths`."""
    dues: tuple[Decimal, ...]
    """The QDOT tax plus the survivor's tax (paid a year after the death). Weighed by :attr:`odds`: a year the
    survivor cannot die in counts for nothing, whatever its entries."""
    wealth: tuple[Decimal, ...]
    """What is left for the heirs."""
    refunds: tuple[tuple[int, Decimal], ...]
    """(k, the highest-rate QDOT tax above the final one) for a death before the tax is finally determined (the
    excess is refunded then)."""
    naturalised: tuple[tuple[Decimal, Decimal], ...]
    """With naturalisation after the return, from year ``nat_year`` + 1 on: the survivor's tax and the wealth left
    (empty otherwise)."""
    nat_year: int
    dsue_used: bool
    nat_dsue: bool
    """Naturalised, the survivor could use a DSUE."""


def follow(s: Setting, start: Start) -> Outcome:
    """One route over every year of the survivor's death."""
    return discount(trace(s, start), s.v, s.tails)


def trace(s: Setting, start: Start) -> Trace:
    """One route's years, everything computed but the discounting (``s.v`` is not read). The naturalisation
    branch is followed only where the outcomes count it (``s.tails``)."""
    return trace_years(s, start) if start.trust else trace_outright(s, start)


def trace_outright(s: Setting, start: Start) -> Trace:
    """:func:`trace_years` for a route with nothing in trust: no QDOT tax, no costs, a fixed DSUE and only the
    pot growing, so each column is folded with ``map`` in the same order of operations, without the nil terms;
    only the survivor's tax is asked year by year. Its entries for a year the survivor cannot die in are not
    weighed."""
    years, share, survivor = len(s.deaths), s.inherited_share, s.survivor
    pots = tuple(accumulate(repeat(s.pot_growth, years), mul, initial=start.outright + start.gifts))[1:]
    dsue = unused_exclusion(s, start.decedent_base) if start.dsue is None else start.dsue
    held = tuple(map(add, s.own_all[1:], pots))
    taxes = tuple(
        map(
            survivor.after_credit,
            map(add, s.own_base[1:], map(mul, pots, repeat(share))),
            held,
            range(1, years + 1),
            survivor.year_credits(dsue),
            repeat(start.outright * share),
            repeat(start.first_tax if start.credit_first_tax else ZERO),
        )
    )
    return Trace(
        first_tax=start.first_tax,
        fees_start=ZERO,
        final_cost=ZERO,
        fees=(ZERO,) * years,
        odds=s.deaths,
        dues=taxes,
        wealth=tuple(map(sub, held, taxes)),
        refunds=(),
        naturalised=(),
        nat_year=0,
        dsue_used=dsue > 0 and any(s.deaths),
        nat_dsue=unused_exclusion(s, start.decedent_base) > 0,
    )


def trace_years(s: Setting, start: Start) -> Trace:
    """:func:`trace` for any route, year by year."""
    g_trust, g_pot, y = s.trust_growth, s.pot_growth, s.income_yield
    share = s.inherited_share
    trust = start.trust
    has_trust = trust > 0
    charge = s.costs and has_trust
    final_cost = s.return_preparation if charge else ZERO
    base_tax = s.decedent(start.decedent_base)
    value_out = start.outright * share
    first_credit = start.first_tax if start.credit_first_tax else ZERO
    pot = start.outright + start.gifts
    nat_year = s.naturalize_year if has_trust and s.tails else 0
    nat_trust = nat_pot = ZERO
    nat_dsue = unused_exclusion(s, start.decedent_base)
    nat_credits = s.survivor.year_credits(nat_dsue) if nat_year else ()
    fees: list[Decimal] = []
    dues: list[Decimal] = []
    wealth: list[Decimal] = []
    refunds: list[tuple[int, Decimal]] = []
    naturalised: list[tuple[Decimal, Decimal]] = []
    bank_fee, bond_yearly, own_all, decedent, top_rate = s.bank_fee, s.bond_yearly, s.own_all, s.decedent, s.top_rate
    highest_rate_always, base, fixed_dsue = s.highest_rate_always, start.decedent_base, start.dsue
    fixed = fixed_dsue is not None
    credits = s.survivor.year_credits(ZERO if fixed_dsue is None else fixed_dsue)
    portable = s.portability
    dsue_used = fixed_dsue is not None and fixed_dsue > 0 and any(s.deaths)
    credit_of, after_credit, own_base = s.survivor.credit, s.survivor.after_credit, s.own_base
    fee = bond_yearly if charge else ZERO  # a nil rate, fee or income is skipped below: every sum keeps its value
    room = s.decedent_exclusion - s.decedent.adjusted_taxable_gifts - base  # the DSUE is nil for a trust above it
    yearly_fee = charge and bank_fee  # otherwise the same fee every year
    for k, p in enumerate(s.deaths, start=1):
        if yearly_fee:
            fee = trust * bank_fee + bond_yearly
            fees.append(fee)
        pot = pot * g_pot + trust * y if y else pot * g_pot
        trust = trust * g_trust - fee if fee else trust * g_trust
        if trust < ZERO:
            trust = ZERO
        if nat_year and k >= nat_year:
            if k == nat_year:
                nat_trust, nat_pot = trust, pot
            else:
                nat_pot = nat_pot * g_pot + nat_trust * y
                nat_trust = nat_trust * g_trust
        if not p:
            dues.append(ZERO)
            wealth.append(ZERO)
            if nat_year and k > nat_year:
                naturalised.append((ZERO, ZERO))
            continue
        # the survivor dies at the end of year k
        if highest_rate_always:
            qdot_tax = cents(top_rate * trust)
        else:
            qdot_tax = decedent(base + trust) - base_tax
            if k < FINALLY_DETERMINED_YEAR:
                over = cents(top_rate * trust) - qdot_tax
                if over > ZERO:
                    refunds.append((k, over))
        if not fixed and portable and trust <= room and (dsue := unused_exclusion(s, base + trust)) > ZERO:
            credit = credit_of(k, dsue)  # the DSUE redetermined after the QDOT tax (``credits`` are without one)
            dsue_used = True
        else:
            credit = credits[k - 1]
        survivor_tax = after_credit(
            own_base[k] + (pot * share + trust), own_all[k] + (pot + trust), k, credit, value_out + trust,
            first_credit + qdot_tax,
        )  # fmt: skip
        dues.append(qdot_tax + survivor_tax)
        wealth.append(own_all[k] + pot + trust - qdot_tax - survivor_tax - final_cost)
        if nat_year and k > nat_year:
            # naturalised: no QDOT tax, the trust is the citizen survivor's, the DSUE usable
            # (IRC 2056A(b)(12); Reg. 20.2056A-10(a); Reg. 20.2010-3(c)(3))
            nat_tax = after_credit(
                own_base[k] + (nat_pot + nat_trust), own_all[k] + (nat_pot + nat_trust), k, nat_credits[k - 1],
                value_out, first_credit,
            )  # fmt: skip
            naturalised.append((nat_tax, own_all[k] + nat_pot + nat_trust - nat_tax))
    return Trace(
        first_tax=start.first_tax,
        fees_start=s.drafting if charge else ZERO,
        final_cost=final_cost,
        fees=tuple(fees) if yearly_fee else (fee,) * len(s.deaths),
        odds=s.deaths,
        dues=tuple(dues),
        wealth=tuple(wealth),
        refunds=tuple(refunds),
        naturalised=tuple(naturalised),
        nat_year=nat_year,
        dsue_used=dsue_used,
        nat_dsue=nat_dsue > 0,
    )


def discount(t: Trace, v: tuple[Decimal, ...], tails: bool) -> Outcome:
    """A traced route's expected present values with the discount factors ``v`` (v^k for k = 0..N+1); ``tails``:
    with the naturalisation branch kept apart. Each sum is a left fold over the years, as a loop adds them; a
    nil fee or cost adds nothing, and is skipped where the route has none."""
    nat_year = t.nat_year if tails else 0
    years, odds, final_cost = len(t.fees), t.odds, t.final_cost
    later = v[2 : years + 2]  # a death's taxes and wealth are discounted from the year after it
    fees_pv: tuple[Decimal, ...] = (t.fees_start,) * (years + 1)  # after year k (index k)
    if any(t.fees):
        fees_pv = tuple(accumulate(map(mul, t.fees, v[1:]), add, initial=t.fees_start))
    taxes = list(map(mul, t.dues, later))
    refunded = v[FINALLY_DETERMINED_YEAR + 1]
    for k, excess in t.refunds:
        taxes[k - 1] += excess * (later[k - 1] - refunded)
    costs = list(map(add, fees_pv[1:], map(mul, repeat(final_cost), later))) if final_cost else fees_pv[1:]
    heirs = list(map(mul, t.wealth, later))
    outcome = Outcome(
        taxes=sum(map(mul, odds, taxes), t.first_tax * v[1]),
        costs=sum(map(mul, odds, costs), ZERO) if any(costs) else ZERO,
        heirs=sum(map(mul, odds, heirs), ZERO),
        dsue_used=t.dsue_used,
        nat_dsue_used=bool(nat_year) and t.nat_dsue,
    )
    if nat_year and t.naturalised:  # naturalised in a year of the survivor's life
        nat_fees = fees_pv[nat_year] + final_cost * v[nat_year]
        for k, (nat_tax, nat_wealth) in enumerate(t.naturalised, start=nat_year + 1):
            p = odds[k - 1]
            outcome.tail_taxes += p * taxes[k - 1]
            outcome.tail_costs += p * costs[k - 1]
            outcome.tail_heirs += p * heirs[k - 1]
            outcome.nat_taxes += p * nat_tax * later[k - 1]
            outcome.nat_costs += p * nat_fees
            outcome.nat_heirs += p * nat_wealth * later[k - 1]
    return outcome


def unused_exclusion(s: Setting, decedent_total: Decimal) -> Decimal:
    """The DSUE (IRC 2010(c)(4)): the lesser of the basic exclusion and the unused part, the tax base counting
    the adjusted taxable gifts and (after the last QDOT event) the QDOT's taxed amounts (Reg. 20.2010-2(c)(4)).
    Zero where the survivor's estate may not use one (``portability`` false)."""
    if not s.portability:
        return ZERO
    unused = s.decedent_exclusion - decedent_total - s.decedent.adjusted_taxable_gifts
    return unused if unused > ZERO else ZERO
