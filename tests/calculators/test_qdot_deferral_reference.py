"""The deferral projection's lean path against the projection it replaced, kept here as the reference: every
year's QDOT tax recomputed through the validated Form 706-QDT computation (compute_qdot_tax). Same cents on
random inputs; and where the couple model covers the same question, the same present values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.calculators.actuarial import discount, survival_probability
from advisor.calculators.couple import ComparisonInput, Domicile, compare_routes
from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.money import to_cents
from advisor.calculators.parameters import mortality_table, mortality_table_for, qdot_security
from advisor.calculators.qdot_deferral import DeferralInput, project_deferral
from advisor.calculators.qdot_tax import QdotTaxInput, compute_qdot_tax

D = Decimal
ZERO = D(0)


def reference(facts: DeferralInput) -> tuple[list[tuple[Decimal, Decimal, Decimal]], Decimal, Decimal, Decimal]:
    """The projection as it was: per year (QDOT tax, tax if the spouse dies, value at the end), and the
    expected tax, present value of the taxes and of the costs with the QDOT."""
    left = facts.gross_estate - facts.deductions - facts.charitable_deduction

    def estate_tax_input(amount: Decimal, death_date: dt.date | None) -> EstateTaxInput:
        return EstateTaxInput(
            taxable_estate=amount,
            year=facts.death_date.year,
            death_date=death_date,
            adjusted_taxable_gifts=facts.adjusted_taxable_gifts,
            nonresident=facts.nonresident,
            treaty=facts.treaty,
            worldwide_gross_estate=facts.worldwide_gross_estate,
            us_gross_estate=facts.gross_estate if facts.treaty else None,
        )

    def estate_tax(amount: Decimal) -> Decimal:
        return compute_estate_tax(estate_tax_input(amount, facts.death_date)).net_estate_tax

    without = compute_estate_tax(estate_tax_input(left, None))
    amount = facts.qdot_amount
    if amount is None:
        amount = min(left, max(ZERO, left + facts.adjusted_taxable_gifts - without.exclusion_amount))
    base = left - amount

    def qdot_tax(prior: Decimal, distributed: Decimal, at_death: Decimal) -> Decimal:
        if facts.treaty:  # Form 706-QDT has no treaty line: the recomputation of IRC 2056A(b)(2)(A) itself
            return estate_tax(base + prior + distributed + at_death) - estate_tax(base + prior)
        return compute_qdot_tax(
            QdotTaxInput(
                decedent_taxable_estate=base,
                death_date=facts.death_date,
                distributions=distributed,
                prior_taxable=prior,
                property_at_death=at_death,
                adjusted_taxable_gifts=facts.adjusted_taxable_gifts,
                nonresident=facts.nonresident,
            )
        ).qdot_tax

    table = mortality_table(facts.table) if facts.table else mortality_table_for(facts.death_date)
    v = discount(facts.discount_rate)
    bond_required = amount > qdot_security("security_threshold").value and not facts.bank_trustee
    bond_share = qdot_security("bond_or_letter_of_credit_percent").value if bond_required else ZERO
    rows = []
    value, prior, tax_due, taxes, pv_taxes, pv_costs = amount, ZERO, ZERO, ZERO, ZERO, ZERO
    expected = expected_pv = expected_costs = ZERO
    alive = D(1)
    for year in range(1, table.max_age - facts.spouse_age + 1):
        survives = survival_probability(table, facts.spouse_age, year)
        weight = alive - survives
        start = value
        growth = to_cents(start * facts.growth)
        tax_paid = min(tax_due, start + growth)
        principal = min(facts.principal_distributions, start + growth - tax_paid)
        distributed = principal + tax_paid
        fees = min(
            to_cents(start * (facts.trustee_fee + bond_share * facts.bond_premium)), start + growth - distributed
        )
        value = start + growth - distributed - fees
        filing = facts.return_preparation if distributed > 0 else ZERO
        at_death = qdot_tax(prior, distributed, value)
        expected += weight * (taxes + at_death)
        expected_pv += weight * (pv_taxes + at_death * v ** (year + 1))
        expected_costs += weight * (pv_costs + (fees + facts.return_preparation) * v**year)
        tax_due = qdot_tax(prior, distributed, ZERO)
        rows.append((tax_due, at_death, value))
        prior += distributed
        taxes += tax_due
        pv_taxes += tax_due * v ** (year + 1)
        pv_costs += (fees + filing) * v**year
        alive = survives
    first = estate_tax(base)
    return rows, to_cents(first + expected), to_cents(first * v + expected_pv), to_cents(expected_costs)


@settings(max_examples=25, deadline=None)
@given(
    gross=st.integers(min_value=0, max_value=60_000_000).map(D),
    year=st.integers(min_value=2002, max_value=2026),
    gifts=st.sampled_from([ZERO, D(1_000_000), D(6_000_000)]),
    nonresident=st.booleans(),
    growth=st.decimals(min_value=D("-0.02"), max_value=D("0.08"), places=3),
    income=st.decimals(min_value=ZERO, max_value=D("0.05"), places=3),
    distributions=st.sampled_from([ZERO, D(50_000), D(400_000)]),
    age=st.integers(min_value=55, max_value=105),
    rate=st.decimals(min_value=D("0.01"), max_value=D("0.09"), places=3),
    bank=st.booleans(),
    treaty=st.sampled_from([None, "JP", "DE", "NO"]),
)
def test_lean_deferral_gives_the_cents_of_the_form_computation(
    gross: Decimal,
    year: int,
    gifts: Decimal,
    nonresident: bool,
    growth: Decimal,
    income: Decimal,
    distributions: Decimal,
    age: int,
    rate: Decimal,
    bank: bool,
    treaty: str | None,
) -> None:
    """With a treaty (a nonresident only; Norway's row unverified), the reference is compute_estate_tax's
    recomputation with the pro-rata credit fixed by the gross estates."""
    claimed = treaty if nonresident else None
    facts = DeferralInput(
        gross_estate=gross,
        adjusted_taxable_gifts=gifts,
        death_date=dt.date(year, 5, 17),
        nonresident=nonresident,
        treaty=claimed,
        worldwide_gross_estate=gross * 3 + 1 if claimed else None,
        growth=growth,
        income_yield=income,
        principal_distributions=distributions,
        spouse_age=age,
        discount_rate=rate,
        bank_trustee=bank,
        noncitizen_spouse_exclusion=D(100_000),  # the gifts alternative, for years before the data's first
        table="2010CM",  # deaths before the first table's valuation dates
    )
    rows, expected, pv_taxes, pv_costs = reference(facts)
    result = project_deferral(facts)
    shown = [(y.qdot_tax, y.tax_if_spouse_dies, y.value_end) for y in result.years]
    assert shown == rows[: len(shown)]
    assert result.expected_tax_with_qdot == expected
    assert result.present_value_tax_with_qdot == pv_taxes
    assert result.present_value_costs == pv_costs


@settings(max_examples=20, deadline=None)
@given(
    gross=st.integers(min_value=16, max_value=60).map(lambda m: D(m) * 1_000_000),
    age=st.integers(min_value=40, max_value=100),
    rate=st.decimals(min_value=D("0.01"), max_value=D("0.08"), places=3),
)
def test_couple_model_and_deferral_agree_where_they_overlap(gross: Decimal, age: int, rate: Decimal) -> None:
    """A survivor abroad holding nothing in the US owes no estate tax of their own, and without costs,
    principal distributions or growth the two models ask the same question: the QDOT tax at the survivor's
    death against the tax at the first death."""
    death = dt.date(2026, 5, 17)
    deferral = project_deferral(
        DeferralInput(
            gross_estate=gross,
            death_date=death,
            spouse_age=age,
            discount_rate=rate,
            trustee_fee=ZERO,
            bond_premium=ZERO,
            return_preparation=ZERO,
        )
    )
    couple = compare_routes(
        ComparisonInput(
            estate=gross,
            death_date=death,
            spouse_age=age,
            discount_rate=rate,
            spouse_domicile=Domicile.ABROAD,
            inherited_us_situs=ZERO,
            costs=False,
        ),
        breakevens=False,
    )
    assert couple.routes["pay_now"].pv_taxes == deferral.present_value_tax_without_qdot
    assert abs(couple.routes["qdot"].pv_taxes - deferral.present_value_tax_with_qdot) <= D("0.01")
