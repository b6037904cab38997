"""The routing rules: which recommendations apply to a profile, and which named rules decided it.

Each rule is a small function of the profile (and the day's parameters) that either fires, with
the facts it used, or does not. :func:`decide` runs them all and is cheap enough (the QPRT terms
are memoised, and for the route alone only weighed until one is worth it) for "what would change the
answer" to re-run it on changed profiles.

Tax is measured where it falls. With a US-citizen spouse nothing is taxed at the first death
(IRC 2056(a)) and the survivor keeps the first spouse's unused exclusion (IRC 2010(c)(4)), so the
family's federal tax is the survivor's, on both estates, against two exclusions. With a spouse who
is not a citizen the first death is taxed unless a QDOT defers it. A state estate tax has no
portability, so the survivor has one state exclusion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from advisor.calculators.estate_tax import EstateTaxResult
from advisor.calculators.qprt_saving import federal_family_tax
from advisor.engine.profile import Profile
from advisor.screening.basis import Basis, estate_tax, median_lifetime
from advisor.screening.family import ZERO, grow, marriage, money, own_base, state_estate
from advisor.screening.models import Fact, Kind, RuleHit, Scenario, StateTax
from advisor.screening.qprt_rule import QprtCase, decide_qprt, home_growth
from advisor.screening.treaty import Who, pro_rata_facts

__all__ = ["ZERO", "Decision", "QdotCase", "QprtCase", "decide", "home_growth", "marriage", "own_base"]


@dataclass(frozen=True)
class QdotCase:
    """One order of death in which a QDOT would defer tax, now or on the projected estate."""

    scenario: Scenario
    taxable_estate: Decimal
    """What the first spouse to die would leave (US-situs part for a non-resident non-citizen)."""
    gifts: Decimal
    nonresident: bool
    tax: EstateTaxResult
    """The tax at a death this year."""
    projected_estate: Decimal
    projected_tax: EstateTaxResult
    """The tax on the estate grown at the growth given to the first decedent's median lifetime."""
    horizon: int
    survivor_in_us: bool
    """The survivor is domiciled in the US (only then can naturalising help, IRC 2056(d)(4)(B))."""
    hits: tuple[RuleHit, ...]

    @property
    def standby(self) -> bool:
        """No tax today, only on the projected estate: QDOT-capable documents, decided at the death."""
        return self.tax.net_estate_tax <= 0


@dataclass(frozen=True)
class Exposure:
    """Federal estate tax at stake for the family, on today's estate and on the projected one."""

    measured: Literal["own_estate", "second_death"]
    estate: Decimal
    exclusion: Decimal
    tax_now: Decimal
    projected_estate: Decimal
    projected_tax: Decimal

    @property
    def taxable(self) -> bool:
        return self.tax_now > 0 or self.projected_tax > 0


@dataclass(frozen=True)
class Decision:
    """What the rules decided, before any figures are computed."""

    qdot: tuple[QdotCase, ...]
    qprt: QprtCase | None
    no_action: tuple[RuleHit, ...]
    """Reasons for no action (empty when another recommendation applies)."""
    own_tax: EstateTaxResult
    horizon: int
    exposure: Exposure | None
    """None only when deciding the route alone found another recommendation (the exposure names no action's reason)."""
    state: StateTax | None

    @property
    def kinds(self) -> tuple[Kind, ...]:
        kinds: list[Kind] = ["qdot"] * len(self.qdot)
        if self.qprt is not None:
            kinds.append("qprt")
        if not kinds:
            kinds.append("no_action")
        return tuple(kinds)

    @property
    def signature(self) -> tuple[object, ...]:
        """The route: the recommendations and, for no action, its reasons."""
        return (
            tuple((case.scenario, case.standby) for case in self.qdot),
            self.qprt is not None,
            tuple(hit.name for hit in self.no_action),
        )


def exposure(profile: Profile, basis: Basis, horizon: int) -> Exposure:
    """The family's federal estate tax now and at the growth given, where it falls."""
    base, nonresident = own_base(profile)
    kind = marriage(profile)
    if kind == "citizen_spouse":
        # the survivor's estate: both estates, as family_tax sums family_facts' (``- ZERO``, no home held apart,
        # gives the sum family_tax's digits)
        mine, theirs, gifts = (
            profile.estate_total - ZERO,
            profile.spouse_estate_total or ZERO,
            profile.prior_taxable_gifts,
        )
        estate = mine + theirs
        later = grow(mine, profile.estate_growth, horizon) + grow(theirs, profile.estate_growth, horizon)
        tax_now, exclusion = federal_family_tax(kind, basis.tax_year, gifts, estate)
        return Exposure(
            measured="second_death",
            estate=estate,
            exclusion=exclusion,
            tax_now=tax_now,
            projected_estate=later,
            projected_tax=federal_family_tax(kind, basis.tax_year + horizon, gifts, later)[0],
        )
    country, worldwide = pro_rata_facts(profile, "you", base, basis.today)
    own = estate_tax(base, profile.prior_taxable_gifts, nonresident, basis.tax_year, country, worldwide)
    projected = grow(base, profile.estate_growth, horizon)
    at_horizon = (
        estate_tax(
            projected, profile.prior_taxable_gifts, nonresident, basis.tax_year + horizon, country,
            grow(worldwide, profile.estate_growth, horizon) if worldwide else None,
        )
        if projected > base
        else own
    )  # fmt: skip
    return Exposure(
        measured="own_estate",
        estate=base,
        exclusion=own.exclusion_amount,
        tax_now=own.net_estate_tax,
        projected_estate=projected,
        projected_tax=at_horizon.net_estate_tax,
    )


def _subject(who: str, citizenship: str | None, domicile: str | None, base: Decimal, nonresident: bool) -> RuleHit:
    return RuleHit(
        name="decedent_subject_to_estate_tax",
        facts={
            "decedent": who,
            "citizenship": citizenship,
            "domicile": domicile,
            "taxed_on": "us_situs_property" if nonresident else "worldwide_estate",
            "taxable_estate": money(base),
        },
    )


def _tax_hit(tax: EstateTaxResult, projected: EstateTaxResult, projected_estate: Decimal, horizon: int) -> RuleHit:
    facts: dict[str, Fact] = {
        "taxable_estate": money(tax.taxable_estate),
        "adjusted_taxable_gifts": money(tax.adjusted_taxable_gifts),
        "exclusion_amount": money(tax.exclusion_amount),
        "net_estate_tax": money(tax.net_estate_tax),
    }
    if tax.net_estate_tax > 0:
        return RuleHit(name="tax_at_first_death_without_qdot", facts=facts)
    facts |= {
        "projected_estate": money(projected_estate),
        "projected_tax": money(projected.net_estate_tax),
        "horizon_years": horizon,
    }
    return RuleHit(name="tax_projected_at_first_death", facts=facts)


def _case_hits(
    profile: Profile,
    scenario: Scenario,
    base: Decimal,
    nonresident: bool,
    survivor_in_us: bool,
    tax: EstateTaxResult,
    projected: EstateTaxResult,
    projected_estate: Decimal,
    horizon: int,
) -> tuple[RuleHit, ...]:
    """The rules that put a QDOT's case (they explain it; the route does not need them)."""
    hits: tuple[RuleHit, ...]
    if scenario == "person_dies_first":
        hits = (
            _subject("you", profile.citizenship, profile.domicile, base, nonresident),
            RuleHit(name="spouse_not_citizen", facts={"spouse_citizenship": profile.spouse_citizenship}),
        )
    else:
        hits = (
            _subject("your spouse", profile.spouse_citizenship, profile.spouse_domicile, base, nonresident),
            RuleHit(name="person_not_citizen", facts={"citizenship": profile.citizenship}),
        )
    hits += (_tax_hit(tax, projected, projected_estate, horizon),)
    if scenario == "person_dies_first" and profile.spouse_plans_to_naturalize and survivor_in_us:
        hits += (RuleHit(name="spouse_plans_to_naturalize", facts={"spouse_plans_to_naturalize": True}),)
    return hits


def _qdot_case(
    profile: Profile,
    basis: Basis,
    scenario: Scenario,
    base: Decimal,
    gifts: Decimal,
    nonresident: bool,
    age: int | None,
    survivor_in_us: bool,
    route_only: bool,
) -> QdotCase | None:
    decedent: Who = "you" if scenario == "person_dies_first" else "your_spouse"
    country, worldwide = pro_rata_facts(profile, decedent, base, basis.today)
    tax = estate_tax(base, gifts, nonresident, basis.tax_year, country, worldwide)
    horizon = median_lifetime(min(age, basis.table.max_age - 1), basis.today) if age is not None else 0
    projected_estate = grow(base, profile.estate_growth, horizon)
    later = basis.tax_year + horizon
    grown = grow(worldwide, profile.estate_growth, horizon) if worldwide else None
    projected = (
        estate_tax(projected_estate, gifts, nonresident, later, country, grown) if projected_estate > base else tax
    )
    if projected.net_estate_tax <= 0 and tax.net_estate_tax <= 0:
        return None
    hits = (
        ()
        if route_only
        else _case_hits(profile, scenario, base, nonresident, survivor_in_us, tax, projected, projected_estate, horizon)
    )
    return QdotCase(scenario, base, gifts, nonresident, tax, projected_estate, projected, horizon, survivor_in_us, hits)


def qdot_person_dies_first(profile: Profile, basis: Basis, route_only: bool = False) -> QdotCase | None:
    """The person dies first leaving the estate to a spouse who is not a US citizen."""
    if not profile.married or profile.spouse_citizenship != "non_us":
        return None
    base, nonresident = own_base(profile)
    age = profile.age_on(basis.today)
    survivor_in_us = profile.spouse_domicile == "us"
    gifts = profile.prior_taxable_gifts
    return _qdot_case(profile, basis, "person_dies_first", base, gifts, nonresident, age, survivor_in_us, route_only)


def qdot_spouse_dies_first(profile: Profile, basis: Basis, route_only: bool = False) -> QdotCase | None:
    """The spouse dies first leaving the estate to the person, who is not a US citizen. The spouse's
    lifetime gifts are not asked, so none are assumed."""
    if not profile.married or profile.citizenship != "non_us":
        return None
    if profile.spouse_nonresident_not_citizen:
        base, nonresident = profile.spouse_estate_us_situs or ZERO, True
    else:
        base, nonresident = profile.spouse_estate_total or ZERO, False
    age = profile.spouse_age_on(basis.today)
    in_us = profile.domicile == "us"
    return _qdot_case(profile, basis, "spouse_dies_first", base, ZERO, nonresident, age, in_us, route_only)


def decide(profile: Profile, basis: Basis, *, route_only: bool = False) -> Decision:
    """Run every rule on the profile. ``route_only``: enough for the route, for "what would change the answer",
    which asks it of many changed profiles: a QPRT's likely terms weighed until one is worth it (see
    :func:`decide_qprt`), a QDOT's case without the rules that explain it, and the family's exposure only where it
    names the reason for no action."""
    base, nonresident = own_base(profile)
    own = estate_tax(
        base,
        profile.prior_taxable_gifts,
        nonresident,
        basis.tax_year,
        *pro_rata_facts(profile, "you", base, basis.today),
    )
    age = profile.age_on(basis.today)
    horizon = median_lifetime(min(age, basis.table.max_age - 1), basis.today)
    cases = (qdot_person_dies_first(profile, basis, route_only), qdot_spouse_dies_first(profile, basis, route_only))
    qdot = tuple(case for case in cases if case)
    qprt_case, blockers = decide_qprt(profile, basis, route_only=route_only)
    state = state_estate(profile, basis)
    family_exposure = None if route_only and (qdot or qprt_case) else exposure(profile, basis, horizon)
    no_action: list[RuleHit] = []
    if family_exposure is not None and not qdot and qprt_case is None:
        facts: dict[str, Fact] = {
            "measured": family_exposure.measured,
            "taxable_estate": money(family_exposure.estate),
            "exclusion_amount": money(family_exposure.exclusion),
            "adjusted_taxable_gifts": money(profile.prior_taxable_gifts),
            "net_estate_tax": money(family_exposure.tax_now),
            "projected_estate": money(family_exposure.projected_estate),
            "projected_tax": money(family_exposure.projected_tax),
            "horizon_years": horizon,
        }
        if marriage(profile) == "citizen_spouse" and own.net_estate_tax > 0:
            no_action.append(RuleHit(name="marital_deduction_unlimited", facts={"spouse_citizenship": "us"}))
        name = "tax_without_planning_tool" if family_exposure.taxable else "no_tax_projected"
        no_action.append(RuleHit(name=name, facts=facts))
        no_action.extend(blockers)
        if state is not None and state.applies:
            no_action.append(
                RuleHit(
                    name="state_estate_tax",
                    facts={"state": state.state, "exemption": money(state.exemption), "year": state.exemption_year},
                )
            )
    return Decision(
        qdot=qdot,
        qprt=qprt_case,
        no_action=tuple(no_action),
        own_tax=own,
        horizon=horizon,
        exposure=family_exposure,
        state=state,
    )
