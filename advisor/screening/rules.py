"""The routing rules: which recommendations apply to a profile, and which named rules decided it.

Each rule is a small function of the profile (and the day's parameters) that either fires, with
the facts it used, or does not. :func:`decide` runs them all and is cheap enough (the QPRT terms
are memoised) for "what would change the answer" to re-run it on changed profiles.

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
from advisor.calculators.qprt_saving import FamilyTaxInput, Marriage, TermInput, TermSweep, TermValue
from advisor.calculators.state_estate_tax import has_schedule
from advisor.engine.profile import Profile
from advisor.screening.basis import Basis, estate_tax, family, median_lifetime, qprt_terms
from advisor.screening.data import assumptions, costs
from advisor.screening.models import Fact, Kind, RuleHit, Scenario, StateTax
from advisor.screening.state_tax import state_tax

ZERO = Decimal(0)


def money(amount: Decimal) -> str:
    return str(amount.quantize(Decimal("0.01")))


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
class QprtCase:
    term: int
    sweep: TermSweep
    hits: tuple[RuleHit, ...]

    @property
    def chosen(self) -> TermValue:
        return next(row for row in self.sweep.rows if row.term == self.term)


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
    own_base: Decimal
    projected_estate: Decimal
    horizon: int
    exposure: Exposure
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
    computed = state is not None and has_schedule(state.state)
    return FamilyTaxInput(
        own_estate=profile.estate_total - home if own is None else own,
        spouse_estate=profile.spouse_estate_total or ZERO,
        home=home,
        prior_gifts=profile.prior_taxable_gifts,
        marriage=marriage(profile),
        year=basis.tax_year,
        state=state.state if computed and state is not None else None,
        state_exclusion=state.exemption if computed and state is not None else ZERO,
        death_date=basis.today,
    )


def exposure(profile: Profile, basis: Basis, horizon: int) -> Exposure:
    """The family's federal estate tax now and at the growth given, where it falls."""
    base, nonresident = own_base(profile)
    if marriage(profile) == "citizen_spouse":
        facts = family_facts(profile, basis).model_copy(update={"state": None})
        grown = facts.model_copy(
            update={
                "own_estate": grow(facts.own_estate, profile.estate_growth, horizon),
                "spouse_estate": grow(facts.spouse_estate, profile.estate_growth, horizon),
            }
        )
        now, later = family(facts), family(grown)
        return Exposure(
            measured="second_death",
            estate=now.taxed_estate,
            exclusion=now.exclusion,
            tax_now=now.federal,
            projected_estate=later.taxed_estate,
            projected_tax=later.federal,
        )
    own = estate_tax(base, profile.prior_taxable_gifts, nonresident, basis.tax_year)
    projected = grow(base, profile.estate_growth, horizon)
    later = estate_tax(projected, profile.prior_taxable_gifts, nonresident, basis.tax_year) if projected > base else own
    return Exposure(
        measured="own_estate",
        estate=base,
        exclusion=own.exclusion_amount,
        tax_now=own.net_estate_tax,
        projected_estate=projected,
        projected_tax=later.net_estate_tax,
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


def _qdot_case(
    profile: Profile,
    basis: Basis,
    scenario: Scenario,
    base: Decimal,
    gifts: Decimal,
    nonresident: bool,
    age: int | None,
    survivor_in_us: bool,
) -> QdotCase | None:
    tax = estate_tax(base, gifts, nonresident, basis.tax_year)
    horizon = median_lifetime(min(age, basis.table.max_age - 1), basis.today) if age is not None else 0
    projected_estate = grow(base, profile.estate_growth, horizon)
    projected = estate_tax(projected_estate, gifts, nonresident, basis.tax_year) if projected_estate > base else tax
    if projected.net_estate_tax <= 0 and tax.net_estate_tax <= 0:
        return None
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
    return QdotCase(scenario, base, gifts, nonresident, tax, projected_estate, projected, horizon, survivor_in_us, hits)


def qdot_person_dies_first(profile: Profile, basis: Basis) -> QdotCase | None:
    """The person dies first leaving the estate to a spouse who is not a US citizen."""
    if not profile.married or profile.spouse_citizenship != "non_us":
        return None
    base, nonresident = own_base(profile)
    age = profile.age_on(basis.today)
    survivor_in_us = profile.spouse_domicile == "us"
    return _qdot_case(
        profile, basis, "person_dies_first", base, profile.prior_taxable_gifts, nonresident, age, survivor_in_us
    )


def qdot_spouse_dies_first(profile: Profile, basis: Basis) -> QdotCase | None:
    """The spouse dies first leaving the estate to the person, who is not a US citizen. The spouse's
    lifetime gifts are not asked, so none are assumed."""
    if not profile.married or profile.citizenship != "non_us":
        return None
    if profile.spouse_nonresident_not_citizen:
        base, nonresident = profile.spouse_estate_us_situs or ZERO, True
    else:
        base, nonresident = profile.spouse_estate_total or ZERO, False
    age = profile.spouse_age_on(basis.today)
    return _qdot_case(profile, basis, "spouse_dies_first", base, ZERO, nonresident, age, profile.domicile == "us")


def qprt_sweep(profile: Profile, basis: Basis) -> TermSweep | None:
    """Every candidate term the person can be valued for, weighed at the family level."""
    rules = assumptions().qprt
    assert profile.residence_value is not None
    age = profile.age_on(basis.today)
    terms = tuple(term for term in rules.candidate_terms if age + term < basis.table.max_age)
    if not terms:
        return None
    once = sum((c.low + c.high) / 2 for c in costs("qprt") if c.per == "once")
    yearly = sum((c.low + c.high) / 2 for c in costs("qprt") if c.per == "year")
    who = {"birth_date": profile.birth_date} if profile.birth_date is not None else {"age": age}
    return qprt_terms(
        TermInput(
            family=family_facts(profile, basis, home=profile.residence_value),
            valuation_date=basis.today,
            rate=basis.rate.value,
            terms=terms,
            home_growth=home_growth(profile),
            estate_growth=profile.estate_growth,
            basis=profile.residence_basis,
            once_costs=Decimal(once),
            yearly_costs=Decimal(yearly),
            **who,
        )
    )


def home_growth(profile: Profile) -> Decimal:
    """The growth the person gave, even 0%; the stated assumption only when they gave none."""
    if "estate_growth" in profile.assumed:
        return assumptions().qprt.residence_growth
    return profile.estate_growth


def _term_facts(row: TermValue) -> dict[str, Fact]:
    return {
        "required_probability": str(assumptions().qprt.min_survival_probability),
        "term": row.term,
        "survival_probability": str(row.survival_probability.quantize(Decimal("0.001"))),
        "tax_saved": money(row.federal_saving + row.state_saving),
        "federal_saving": money(row.federal_saving),
        "state_saving": money(row.state_saving),
        "lost_step_up": None if row.lost_step_up is None else money(row.lost_step_up),
        "costs": money(row.costs),
        "expected_net_value": money(row.expected_net_value),
    }


def decide_qprt(profile: Profile, basis: Basis) -> tuple[QprtCase | None, list[RuleHit]]:
    """A QPRT when its best term has a positive expected net value; otherwise the reason it does not."""
    rules = assumptions().qprt
    if not profile.owns_residence or profile.residence_value is None:
        return None, []
    value = profile.residence_value
    if value < rules.min_residence_value or not profile.residence_to_children:
        return None, []
    if profile.nonresident_not_citizen:
        return None, [RuleHit(name="nonresident_gift_tax", facts={"citizenship": "non_us", "domicile": "abroad"})]
    sweep = qprt_sweep(profile, basis)
    if sweep is None:
        return None, []
    likely = [row for row in sweep.rows if row.survival_probability >= rules.min_survival_probability]
    best = max(likely, key=lambda row: (row.expected_net_value, row.term)) if likely else sweep.best
    measured: dict[str, Fact] = {"marriage": marriage(profile), "state": family_facts(profile, basis).state}
    if all(row.tax_without == 0 for row in sweep.rows):
        return None, [RuleHit(name="qprt_no_family_tax", facts=measured | {"term": best.term})]
    if not likely or best.expected_net_value <= 0:
        return None, [RuleHit(name="qprt_not_worth_it", facts=_term_facts(best))]
    hits = (
        RuleHit(
            name="residence_significant",
            facts={
                "residence_type": profile.residence_type,
                "residence_value": money(value),
                "threshold": money(rules.min_residence_value),
            },
        ),
        RuleHit(
            name="estate_taxable",
            facts=measured | {"tax_without": money(best.tax_without), "term": best.term},
        ),
        RuleHit(name="qprt_expected_value", facts=_term_facts(best)),
        RuleHit(name="residence_to_heirs", facts={"residence_to_children": True}),
    )
    return QprtCase(term=best.term, sweep=sweep, hits=hits), []


def state_estate(profile: Profile, basis: Basis) -> StateTax | None:
    """The state's estate tax on the estate it would fall on, computed where the data holds its table."""
    state = state_tax(profile)
    if state is None:
        return None
    facts = family_facts(profile, basis)
    couple = facts.marriage == "citizen_spouse"
    estate = facts.own_estate + (facts.spouse_estate if couple else ZERO)
    tax = family(facts).state if facts.state is not None else None
    return state.model_copy(
        update={"estate": estate, "applies": estate > state.exemption, "tax": tax, "both_estates": couple}
    )


def decide(profile: Profile, basis: Basis) -> Decision:
    """Run every rule on the profile."""
    base, nonresident = own_base(profile)
    own = estate_tax(base, profile.prior_taxable_gifts, nonresident, basis.tax_year)
    age = profile.age_on(basis.today)
    horizon = median_lifetime(min(age, basis.table.max_age - 1), basis.today)
    family_exposure = exposure(profile, basis, horizon)
    qdot = tuple(
        case for case in (qdot_person_dies_first(profile, basis), qdot_spouse_dies_first(profile, basis)) if case
    )
    qprt_case, blockers = decide_qprt(profile, basis)
    state = state_estate(profile, basis)
    no_action: list[RuleHit] = []
    if not qdot and qprt_case is None:
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
        own_base=base,
        projected_estate=family_exposure.projected_estate,
        horizon=horizon,
        exposure=family_exposure,
        state=state,
    )
