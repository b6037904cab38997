"""The family as the tax sees it: whose estate is taxed, with which exclusions, and the state's share."""

from __future__ import annotations

from decimal import Decimal

from advisor.calculators.qprt_saving import FamilyTaxInput, Marriage
from advisor.calculators.state_estate_tax import StateTaxInput, compute_state_estate_tax, has_schedule
from advisor.engine.profile import Profile
from advisor.screening.basis import Basis
from advisor.screening.models import StateTax
from advisor.screening.state_tax import state_tax

ZERO = Decimal(0)


def money(amount: Decimal) -> str:
    return str(amount.quantize(Decimal("0.01")))


def own_base(profile: Profile) -> tuple[Decimal, bool]:
    """The person's estate the US taxes, and whether it is taxed as a non-resident's."""
    if profile.nonresident_not_citizen:
        return profile.estate_us_situs or ZERO, True
    return profile.estate_total, False


def marriage(profile: Profile) -> Marriage:
    """How the family's tax is measured: a citizen spouse gives the marital deduction and portability."""
    if not profile.married:
        return "single"
    if profile.spouse_citizenship == "us" and not profile.nonresident_not_citizen:
        return "citizen_spouse"
    return "noncitizen_spouse"


def grow(amount: Decimal, growth: Decimal, years: int) -> Decimal:
    return (amount * (1 + growth) ** years).quantize(Decimal("0.01"))


def family_facts(profile: Profile, basis: Basis, *, home: Decimal = ZERO, own: Decimal | None = None) -> FamilyTaxInput:
    """The family as the tax sees it today (``own``: the person's estate other than ``home``)."""
    state = state_tax(profile)
    computed = state is not None and has_schedule(state.state, basis.today)
    return FamilyTaxInput(
        own_estate=profile.estate_total - home if own is None else own,
        spouse_estate=profile.spouse_estate_total or ZERO,
        home=home,
        prior_gifts=profile.prior_taxable_gifts,
        marriage=marriage(profile),
        year=basis.tax_year,
        state=state.state if computed and state is not None else None,
        death_date=basis.today,
    )


def state_estate(profile: Profile, basis: Basis) -> StateTax | None:
    """The state's estate tax on the estate it would fall on, computed where the data holds its method
    (then with the exclusion of the year of death from the state's law, not the compiled table's)."""
    state = state_tax(profile)
    if state is None:
        return None
    facts = family_facts(profile, basis)
    couple = facts.marriage == "citizen_spouse"
    estate = facts.own_estate + (facts.spouse_estate if couple else ZERO)
    if facts.state is None:
        return state.model_copy(update={"estate": estate, "applies": estate > state.exemption, "both_estates": couple})
    result = compute_state_estate_tax(
        StateTaxInput(state=facts.state, taxable_estate=estate, death_date=facts.death_date)
    )
    return state.model_copy(
        update={
            "estate": estate,
            "applies": estate > result.exclusion,
            "both_estates": couple,
            "exemption": result.exclusion,
            "exemption_year": facts.death_date.year,
            "tax": result.tax,
            "citations": result.citations,
        }
    )
