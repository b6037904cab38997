"""The QDOT deferral's yearly loop: the trust followed through every year the surviving spouse could live, apart
from the inputs, the alternatives and the summary that :mod:`advisor.calculators.qdot_deferral` makes of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from advisor.calculators.actuarial import survival_probability
from advisor.calculators.money import to_cents
from advisor.calculators.parameters import MortalityTable
from advisor.calculators.units import Factor, Money

ZERO = Decimal(0)


class TrustPlan(Protocol):
    """What the loop reads of the deferral's facts (:class:`advisor.calculators.qdot_deferral.DeferralInput`)."""

    @property
    def death_date(self) -> dt.date: ...
    @property
    def spouse_age(self) -> int: ...
    @property
    def growth(self) -> Decimal: ...
    @property
    def income_yield(self) -> Decimal: ...
    @property
    def principal_distributions(self) -> Decimal: ...
    @property
    def trustee_fee(self) -> Decimal: ...
    @property
    def bond_premium(self) -> Decimal: ...
    @property
    def return_preparation(self) -> Decimal: ...


class DeferralYear(BaseModel):
    """One year of the trust, the spouse alive at its start."""

    model_config = ConfigDict(frozen=True)

    year: int
    """Years after the first death (1 is the first year)."""
    calendar_year: int
    """The calendar year this year starts in."""
    value_start: Money
    income: Money
    growth: Money
    principal_distributions: Money
    tax_paid_from_trust: Money
    """Last year's QDOT tax, paid out of the trust: itself a distribution of this year."""
    costs: Money
    value_end: Money
    qdot_tax: Money
    """Tax on this year's distributions if the spouse is alive at the end of the year (paid next year)."""
    tax_if_spouse_dies: Money
    """Tax on this year's distributions and the property left at death, if the spouse dies this year."""
    probability_of_death: Factor
    """Probability the spouse dies in this year (mortality table)."""


@dataclass
class TrustPath:
    """The trust followed to the last possible year, with what each possible year of death would cost."""

    years: list[DeferralYear] = field(default_factory=list)
    tax_if_death: list[Decimal] = field(default_factory=list)
    pv_tax_if_death: list[Decimal] = field(default_factory=list)
    costs_if_death: list[Decimal] = field(default_factory=list)
    pv_costs_if_death: list[Decimal] = field(default_factory=list)


def follow_trust(
    facts: TrustPlan,
    table: MortalityTable,
    decedent: Callable[[Decimal], Decimal],
    taxable_estate: Decimal,
    amount: Decimal,
    bond_share: Decimal,
    v: Decimal,
) -> TrustPath:
    """Every year the spouse could still be alive in, and the taxes and costs if the death falls in it;
    ``decedent`` is the first decedent's net estate tax on a taxable estate."""

    def qdot_tax(prior: Decimal, distributed: Decimal, at_death: Decimal) -> Decimal:
        """IRC 2056A(b)(2)(A), Form 706-QDT lines 10 - 11: the decedent's net tax recomputed with and without
        this year's taxable amounts (:mod:`advisor.calculators.qdot_tax` is the same law, line by line)."""
        return decedent(taxable_estate + prior + distributed + at_death) - decedent(taxable_estate + prior)

    path = TrustPath()
    value, prior, tax_due, taxes, pv_taxes, costs, pv_costs = amount, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO
    alive = Decimal(1)
    for year in range(1, table.max_age - facts.spouse_age + 1):
        survives = survival_probability(table, facts.spouse_age, year)
        start = value
        income = to_cents(start * facts.income_yield)
        growth = to_cents(start * facts.growth)
        tax_paid = min(tax_due, start + growth)
        principal = min(facts.principal_distributions, start + growth - tax_paid)
        distributed = principal + tax_paid
        fees = to_cents(start * (facts.trustee_fee + bond_share * facts.bond_premium))
        fees = min(fees, start + growth - distributed)
        value = start + growth - distributed - fees
        filing = facts.return_preparation if distributed > 0 else ZERO
        at_death_tax = qdot_tax(prior, distributed, value)
        death_filing = facts.return_preparation
        path.tax_if_death.append(taxes + at_death_tax)
        path.pv_tax_if_death.append(pv_taxes + at_death_tax * v ** (year + 1))
        path.costs_if_death.append(costs + fees + death_filing)
        path.pv_costs_if_death.append(pv_costs + (fees + death_filing) * v**year)
        tax_due = qdot_tax(prior, distributed, ZERO)
        prior += distributed
        taxes += tax_due
        pv_taxes += tax_due * v ** (year + 1)
        costs += fees + filing
        pv_costs += (fees + filing) * v**year
        path.years.append(
            DeferralYear(
                year=year,
                calendar_year=facts.death_date.year + year - 1,
                value_start=start,
                income=income,
                growth=growth,
                principal_distributions=principal,
                tax_paid_from_trust=tax_paid,
                costs=fees + filing,
                value_end=value,
                qdot_tax=tax_due,
                tax_if_spouse_dies=at_death_tax,
                probability_of_death=alive - survives,
            )
        )
        alive = survives
    return path
