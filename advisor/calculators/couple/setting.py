"""From a validated :class:`ComparisonInput` to the plain numbers the routes share, with the cited rows used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate, repeat
from operator import mul

from advisor.calculators.couple.models import ComparisonInput, Domicile
from advisor.calculators.couple.paths import (
    FINALLY_DETERMINED_YEAR,
    Outcome,
    Setting,
    Start,
    Trace,
    discount,
    trace,
)
from advisor.calculators.couple.projection import death_probabilities, yearly_amount
from advisor.calculators.couple.survivor import Credit, Survivor
from advisor.calculators.lean_tax import NetTax, Schedule, net_tax
from advisor.calculators.money import format_money
from advisor.calculators.parameters import (
    Citation,
    Cited,
    RateSchedule,
    highest_rate,
    mortality_table,
    nonresident_credit,
    rate_schedule,
)
from advisor.calculators.qdot_security import SecurityInput, SecurityResult, security_requirements
from advisor.calculators.tentative_tax import exemption_equivalent
from advisor.calculators.treaty import TreatyApplied, TreatyClaim, pro_rata_claim

ZERO = Decimal(0)
ONE = Decimal(1)
BEA = "basic_exclusion_amount"


@dataclass(frozen=True, slots=True)
class Context:
    """A comparison's facts and the plain numbers derived from them once."""

    facts: ComparisonInput
    setting: Setting
    qdot_amount: Decimal
    bond_amount: Decimal
    citations: tuple[Citation, ...]
    survivor_treaty: TreatyApplied | None = None
    """What the survivor's treaty does to the survivor's tax (None: none claimed)."""
    traces: dict[Start, Trace] = field(default_factory=dict)
    """Routes that share a start (a fallback, a sub-route, a break-even) trace it once."""
    outcomes: dict[Start, Outcome] = field(default_factory=dict)

    def trace(self, start: Start) -> Trace:
        traced = self.traces.get(start)
        if traced is None:
            traced = self.traces[start] = trace(self.setting, start)
        return traced

    def follow(self, start: Start) -> Outcome:
        outcome = self.outcomes.get(start)
        if outcome is None:
            outcome = self.outcomes[start] = discount(self.trace(start), self.setting.v, self.setting.tails)
        return outcome

    def with_tails(self) -> Context:
        """The same comparison with the naturalisation branch followed even at a probability of 0 (for its
        break-even); the routes are traced again, with that branch."""
        if self.setting.tails or not self.setting.naturalize_year:
            return self
        return replace(self, setting=replace(self.setting, tails=True), traces={}, outcomes={})


def build(facts: ComparisonInput, *, tails: bool = False) -> Context:
    """Look every parameter up once and lay out the survivor's years. ``tails``: follow the naturalisation
    branch even at a probability of 0 (for its break-even). Remembered for the last few facts, so a card's
    routes and its break-even trace each route once."""
    context = _build(facts)
    return context.with_tails() if tails else context


@lru_cache(maxsize=64)
def _build(facts: ComparisonInput) -> Context:
    citations: list[Citation] = []
    death = facts.death_date
    decedent_exclusion = ZERO
    if facts.decedent_nonresident:
        decedent = net_tax(
            rate_date=death,
            adjusted_taxable_gifts=facts.adjusted_taxable_gifts,
            nonresident=True,
            treaty=_claim(facts),
        )
    else:
        cited = yearly_amount(BEA, death.year, facts.inflation)
        citations.append(cited.citation)
        decedent_exclusion = cited.value
        decedent = net_tax(
            rate_date=death, adjusted_taxable_gifts=facts.adjusted_taxable_gifts, basic_exclusion=decedent_exclusion
        )
    citations += decedent.citations
    qdot_amount = default_qdot_amount(decedent, facts.estate) if facts.qdot_amount is None else facts.qdot_amount

    table = mortality_table(facts.table)
    citations.append(table.citation)
    deaths = death_probabilities(facts.table, facts.spouse_age)
    years = len(deaths)
    v = discount_factors(facts.discount_rate, years)

    domiciled = facts.spouse_citizen or facts.spouse_domicile is Domicile.US
    pot_growth = ONE + facts.growth + facts.income_yield
    own_all = _grown(facts.spouse_estate, pot_growth, years)
    own_base = own_all if domiciled else _grown(facts.spouse_us_situs, pot_growth, years)

    survivor_schedule, schedule = _survivor_schedule(death.year + years)
    credit, top = _on_death(death)
    exclusions = _exclusions(death.year, years, facts.inflation)
    credits = _survivor_credits(death.year, years, facts.inflation)
    survivor_treaty, pro_rata = None, False
    if facts.spouse_treaty is not None:
        row, survivor_treaty = pro_rata_claim(facts.spouse_treaty, death)
        pro_rata = row is not None
        if row is not None:
            citations.append(row.citation())
    if domiciled or pro_rata:
        citations += [cited.citation for cited in (*exclusions[:2], exclusions[-1])]
    if not domiciled:
        citations.append(credit.citation)
    citations.append(survivor_schedule.citation)

    bank_fee, bond_yearly, bond_amount = ZERO, ZERO, ZERO
    if facts.costs and qdot_amount > 0:
        if facts.bank_trustee:
            bank_fee = facts.bank_fee
        else:
            security = _security(qdot_amount, min(facts.residence_exclusion, qdot_amount))
            citations += security.citations
            if security.over_threshold:
                bond_amount = security.bond_amount
                bond_yearly = bond_amount * facts.bond_premium
    citations.append(top.citation)
    naturalize = facts.spouse_domicile is Domicile.US and not facts.spouse_citizen
    setting = Setting(
        deaths=deaths,
        odds=_odds(facts.table, facts.spouse_age),
        v=v,
        trust_growth=ONE + facts.growth,
        pot_growth=pot_growth,
        income_yield=facts.income_yield,
        own_all=own_all,
        own_base=own_base,
        inherited_share=ONE if domiciled else facts.inherited_us_situs,
        survivor=Survivor(
            schedule=schedule,
            domiciled=domiciled,
            credits=credits,
            nonresident_credit=_nonresident_credit(death, death.year + years),
            pro_rata=pro_rata,
        ),
        decedent=decedent,
        decedent_exclusion=decedent_exclusion,
        portability=domiciled and not facts.decedent_nonresident,
        costs=facts.costs,
        bank_fee=bank_fee,
        bond_yearly=bond_yearly,
        drafting=facts.drafting,
        return_preparation=facts.return_preparation,
        top_rate=top.value,
        highest_rate_always=facts.several_qdots_without_filer,
        naturalize_probability=facts.naturalize_probability if naturalize else ZERO,
        naturalize_year=facts.naturalize_year if naturalize else 0,
        tails=naturalize and facts.naturalize_probability > 0,
    )
    return Context(
        facts=facts,
        setting=setting,
        qdot_amount=qdot_amount,
        bond_amount=bond_amount,
        citations=tuple(dict.fromkeys(citations)),
        survivor_treaty=survivor_treaty,
    )


@lru_cache(maxsize=1024)
def discount_factors(rate: Decimal, years: int) -> tuple[Decimal, ...]:
    """v^k for k = 0..N+1 at a discount rate, N the survivor's years (at least to the tax's final determination)."""
    discount = ONE / (ONE + rate)
    v = [ONE]
    for _ in range(max(years, FINALLY_DETERMINED_YEAR) + 1):
        v.append(v[-1] * discount)
    return tuple(v)


def _grown(amount: Decimal, growth: Decimal, years: int) -> tuple[Decimal, ...]:
    """The amount at the end of each year k = 0..years, growing at ``growth`` (1 + the rate)."""
    return tuple(accumulate(repeat(growth, years), mul, initial=amount))


def _claim(facts: ComparisonInput) -> TreatyClaim | None:
    """A nonresident first decedent's treaty claim: the estate given is the US-situs gross estate (no debts),
    the year's exclusion projected past the last published year as the survivor's is."""
    if facts.treaty is None:
        return None
    return TreatyClaim(
        country=facts.treaty,
        us_gross_estate=facts.estate,
        worldwide_gross_estate=facts.worldwide_estate,
        exclusion=yearly_amount(BEA, facts.death_date.year, facts.inflation),
    )


@lru_cache(maxsize=512)
def _odds(table: str, age: int) -> tuple[float, ...]:
    return tuple(map(float, death_probabilities(table, age)))


@lru_cache(maxsize=64)
def _survivor_schedule(year: int) -> tuple[RateSchedule, Schedule]:
    """The 2001(c) schedule in force at the end of the table (the data's schedule has no end date)."""
    cited = rate_schedule(dt.date(year, 12, 31))
    return cited, Schedule.of(cited)


@lru_cache(maxsize=64)
def _on_death(death: dt.date) -> tuple[Cited[Decimal], Cited[Decimal]]:
    """The IRC 2102(b)(1) credit and the highest rate (2056A(b)(2)(B)-(C)) for a first death on this date."""
    return nonresident_credit(death), highest_rate(death)


@lru_cache(maxsize=256)
def _nonresident_credit(death: dt.date, schedule_year: int) -> Credit:
    """The 2102(b)(1) credit for a first death on this date, with the amount it shelters on the survivor's
    schedule."""
    allowed = _on_death(death)[0].value
    return allowed, exemption_equivalent(allowed, _survivor_schedule(schedule_year)[0])


@lru_cache(maxsize=256)
def _exclusions(death_year: int, years: int, inflation: Decimal) -> tuple[Cited[Decimal], ...]:
    return tuple(yearly_amount(BEA, death_year + k, inflation) for k in range(1, years + 1))


@lru_cache(maxsize=256)
def _security(amount: Decimal, residence: Decimal) -> SecurityResult:
    return security_requirements(SecurityInput(trust_value=amount, residence=residence))


@lru_cache(maxsize=256)
def _survivor_credits(death_year: int, years: int, inflation: Decimal) -> tuple[Credit, ...]:
    """The credit without a DSUE for each year of the survivor's death: the tentative tax on the year's exclusion,
    with the exclusion."""
    schedule = _survivor_schedule(death_year + years)[1]
    amounts = (cited.value for cited in _exclusions(death_year, years, inflation))
    return tuple((schedule.tentative(amount), amount) for amount in amounts)


def default_qdot_amount(decedent: NetTax, estate: Decimal) -> Decimal:
    """What is above the exclusion the estate has left (the adjusted taxable gifts use it first)."""
    above = estate + decedent.adjusted_taxable_gifts - decedent.exclusion_amount
    return min(estate, max(ZERO, above))


def percent(fraction: Decimal) -> str:
    """A fraction as a percent for reading: ``0.056`` -> ``5.6%``."""
    return f"{float(fraction * 100):g}%"


def assumptions(context: Context) -> tuple[str, ...]:
    """The assumptions a result rests on, in words, with the figures used."""
    facts, s = context.facts, context.setting
    lines = [
        f"growth of principal {percent(facts.growth)} and income yield {percent(facts.income_yield)} a year, "
        f"discount rate {percent(facts.discount_rate)} (r - g = {percent(facts.discount_rate - facts.growth)})",
        "all of the first decedent's estate passes to the survivor; income is paid to the survivor and saved",
        f"the survivor's death year is weighted by Table {facts.table} from age {facts.spouse_age}; a death falls at "
        "the end of its year and its taxes are paid a year later",
        f"exclusions past the last published year are indexed at {percent(facts.inflation)} a year (assumption)",
        "no principal is distributed from the QDOT during the survivor's life; the survivor makes no taxable gifts",
        "the first decedent's executor elects portability on a timely return wherever the law allows it",
        "the QDOT is in the survivor's estate at its full value, its own QDOT tax not deducted; the 2013 credit "
        "is the relief, limited to the survivor's tax on the QDOT property (Reg. 20.2056A-7(a) and its example)",
    ]
    if facts.spouse_domicile is Domicile.ABROAD and not facts.spouse_citizen:
        lines.append(
            f"the survivor abroad keeps {percent(facts.inherited_us_situs)} of what comes from the first decedent "
            f"in US-situs assets, and {format_money(facts.spouse_us_situs)} of their own; a QDOT's assets (a US trust) "
            "count in full; foreign taxes are ignored"
        )
    if facts.treaty is not None:
        lines.append(
            "the first decedent's US-situs gross estate is the estate given (no debts or expenses)"
            + (
                f", out of {format_money(facts.worldwide_estate)} wherever situated"
                if facts.worldwide_estate is not None
                else ""
            )
        )
    if s.survivor.pro_rata:
        lines.append(
            "the survivor's pro-rata credit weighs the US-situs part against everything the survivor holds at death "
            "(own estate, inheritance and the QDOT); the treaty is taken to stay in force"
        )
    if s.naturalize_year and s.tails:
        lines.append(
            f"the survivor naturalises in year {facts.naturalize_year} after the return with probability "
            f"{percent(facts.naturalize_probability)}, resident throughout (IRC 2056A(b)(12)(A); and (B): no "
            "distribution is taxed before; Reg. 20.2056A-10(a)), with a final Form 706-QDT that year"
        )
    if facts.costs:
        lines.append(
            f"QDOT costs (assumptions, no published source): drafting {format_money(facts.drafting)}, "
            f"{format_money(facts.return_preparation)} per Form 706-QDT, "
            + (
                f"bank trustee fee difference {percent(facts.bank_fee)} a year"
                if facts.bank_trustee
                else f"bond premium {percent(facts.bond_premium)} a year of the bond "
                f"({format_money(context.bond_amount)}) when the QDOTs exceed $2M"
            )
        )
    else:
        lines.append("costs are left out (--no-costs)")
    return tuple(lines)
