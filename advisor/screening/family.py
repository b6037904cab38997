"""The family as the tax sees it: whose estate is taxed, with which exclusions, and the state's share."""

from __future__ import annotations

from decimal import Decimal

from advisor.calculators.money import CENT
from advisor.calculators.qprt_saving import FamilyTaxInput, Marriage
from advisor.calculators.state_estate_tax import has_schedule, state_citations, state_tax_figures
from advisor.engine.profile import Profile
from advisor.screening.basis import Basis
from advisor.screening.models import StateTax
from advisor.screening.state_tax import state_tax, taxing_state

ZERO = Decimal(0)


def money(amount: Decimal) -> str:
    return str(amount.quantize(CENT))


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
    return (amount * (1 + growth) ** years).quantize(CENT)


def computed_state(profile: Profile, basis: Basis) -> str | None:
    """The person's state when its estate tax can be computed (the data holds its method and rate table)."""
    code = taxing_state(profile)
    return code if code is not None and has_schedule(code, basis.today) else None


def family_facts(profile: Profile, basis: Basis, *, home: Decimal = ZERO) -> FamilyTaxInput:
    """The family as the tax sees it today (``home``: the part of the person's estate held apart from the rest)."""
    return FamilyTaxInput(
        own_estate=profile.estate_total - home,
        spouse_estate=profile.spouse_estate_total or ZERO,
        home=home,
        prior_gifts=profile.prior_taxable_gifts,
        marriage=marriage(profile),
        year=basis.tax_year,
        state=computed_state(profile, basis),
        death_date=basis.today,
    )


def state_estate(profile: Profile, basis: Basis) -> StateTax | None:
    """The state's estate tax on the estate it would fall on, computed where the data holds its method
    (then with the exclusion of the year of death from the state's law, not the compiled table's)."""
    state = state_tax(profile)
    if state is None:
        return None
    couple = marriage(profile) == "citizen_spouse"
    estate = profile.estate_total + ((profile.spouse_estate_total or ZERO) if couple else ZERO)
    code = computed_state(profile, basis)
    if code is None:
        return state.model_copy(update={"estate": estate, "applies": estate > state.exemption, "both_estates": couple})
    result = state_tax_figures(code, estate, basis.today)
    return state.model_copy(
        update={
            "estate": estate,
            "applies": estate > result.exclusion,
            "both_estates": couple,
            "exemption": result.exclusion,
            "exemption_year": basis.today.year,
            "tax": result.tax,
            "citations": state_citations(code, basis.today),
        }
    )
