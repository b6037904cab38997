"""The routing rules: which recommendations apply to a profile, and which named rules decided it.

Each rule is a small function of the profile (and the day's parameters) that either fires, with
the facts it used, or does not. :func:`decide` runs them all and is cheap (no projections), so
"what would change the answer" can re-run it on changed profiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.calculators.estate_tax import EstateTaxResult
from advisor.engine.profile import Profile
from advisor.screening.basis import Basis, estate_tax, median_lifetime, survival
from advisor.screening.data import assumptions
from advisor.screening.models import Fact, Kind, RuleHit, Scenario, StateTax
from advisor.screening.state_tax import state_tax
from advisor.screening.treaty import Who, treaty_country

ZERO = Decimal(0)


def _money(amount: Decimal) -> str:
    return str(amount.quantize(Decimal("0.01")))


@dataclass(frozen=True)
class QdotCase:
    """One order of death in which a QDOT would defer tax."""

    scenario: Scenario
    taxable_estate: Decimal
    """What the first spouse to die would leave (US-situs part for a non-resident non-citizen)."""
    gifts: Decimal
    nonresident: bool
    tax: EstateTaxResult
    hits: tuple[RuleHit, ...]


@dataclass(frozen=True)
class QprtCase:
    term: int
    hits: tuple[RuleHit, ...]


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
            tuple(case.scenario for case in self.qdot),
            self.qprt is not None,
            tuple(hit.name for hit in self.no_action),
        )


def own_base(profile: Profile) -> tuple[Decimal, bool]:
    """The person's estate the US taxes, and whether it is taxed as a non-resident's."""
    if profile.nonresident_not_citizen:
        return profile.estate_us_situs or ZERO, True
    return profile.estate_total, False


def treaty_facts(profile: Profile, who: Who, base: Decimal, basis: Basis) -> tuple[str | None, Decimal | None]:
    """The treaty country and worldwide estate that give this decedent the pro-rata credit (or None, None).
    The estate given, after debts, stands in for the worldwide gross estate."""
    country = treaty_country(profile, who, basis.today)
    if country is None:
        return None, None
    worldwide = profile.estate_total if who == "you" else profile.spouse_estate_total or ZERO
    return country, max(worldwide, base, Decimal(1))


def _subject(who: str, citizenship: str | None, domicile: str | None, base: Decimal, nonresident: bool) -> RuleHit:
    return RuleHit(
        name="decedent_subject_to_estate_tax",
        facts={
            "decedent": who,
            "citizenship": citizenship,
            "domicile": domicile,
            "taxed_on": "us_situs_property" if nonresident else "worldwide_estate",
            "taxable_estate": _money(base),
        },
    )


def _tax_hit(tax: EstateTaxResult) -> RuleHit:
    return RuleHit(
        name="tax_at_first_death_without_qdot",
        facts={
            "taxable_estate": _money(tax.taxable_estate),
            "adjusted_taxable_gifts": _money(tax.adjusted_taxable_gifts),
            "exclusion_amount": _money(tax.exclusion_amount),
            "net_estate_tax": _money(tax.net_estate_tax),
        },
    )


def qdot_person_dies_first(profile: Profile, basis: Basis) -> QdotCase | None:
    """The person dies first leaving the estate to a spouse who is not a US citizen."""
    if not profile.married or profile.spouse_citizenship != "non_us":
        return None
    base, nonresident = own_base(profile)
    tax = estate_tax(
        base, profile.prior_taxable_gifts, nonresident, basis.tax_year, *treaty_facts(profile, "you", base, basis)
    )
    if tax.net_estate_tax <= 0:
        return None
    hits = (
        _subject("you", profile.citizenship, profile.domicile, base, nonresident),
        RuleHit(name="spouse_not_citizen", facts={"spouse_citizenship": profile.spouse_citizenship}),
        _tax_hit(tax),
    )
    if profile.spouse_plans_to_naturalize:
        hits += (RuleHit(name="spouse_plans_to_naturalize", facts={"spouse_plans_to_naturalize": True}),)
    return QdotCase("person_dies_first", base, profile.prior_taxable_gifts, nonresident, tax, hits)


def qdot_spouse_dies_first(profile: Profile, basis: Basis) -> QdotCase | None:
    """The spouse dies first leaving the estate to the person, who is not a US citizen. The spouse's
    lifetime gifts are not asked, so none are assumed."""
    if not profile.married or profile.citizenship != "non_us":
        return None
    if profile.spouse_nonresident_not_citizen:
        base, nonresident = profile.spouse_estate_us_situs or ZERO, True
    else:
        base, nonresident = profile.spouse_estate_total or ZERO, False
    tax = estate_tax(base, ZERO, nonresident, basis.tax_year, *treaty_facts(profile, "your_spouse", base, basis))
    if tax.net_estate_tax <= 0:
        return None
    hits = (
        _subject("your spouse", profile.spouse_citizenship, profile.spouse_domicile, base, nonresident),
        RuleHit(name="person_not_citizen", facts={"citizenship": profile.citizenship}),
        _tax_hit(tax),
    )
    return QdotCase("spouse_dies_first", base, ZERO, nonresident, tax, hits)


def suggested_term(age: int, basis: Basis) -> tuple[int, Decimal] | None:
    """The longest candidate term the person survives with the required probability."""
    rules = assumptions().qprt
    for term in rules.candidate_terms:
        if age + term >= basis.table.max_age:
            continue
        p = survival(age, term, basis.today)
        if p >= rules.min_survival_probability:
            return term, p
    return None


def decide(profile: Profile, basis: Basis) -> Decision:
    """Run every rule on the profile."""
    rules = assumptions().qprt
    base, nonresident = own_base(profile)
    country, worldwide = treaty_facts(profile, "you", base, basis)
    own = estate_tax(base, profile.prior_taxable_gifts, nonresident, basis.tax_year, country, worldwide)
    age = profile.age_on(basis.today)
    horizon = median_lifetime(min(age, basis.table.max_age - 1), basis.today)
    growth = (1 + profile.estate_growth) ** horizon
    projected = (base * growth).quantize(Decimal("0.01"))
    projected_tax = (
        own
        if projected <= base
        else estate_tax(
            projected,
            profile.prior_taxable_gifts,
            nonresident,
            basis.tax_year,
            country,
            (worldwide * growth).quantize(Decimal("0.01")) if worldwide else None,
        )
    )
    taxable = own.net_estate_tax > 0 or projected_tax.net_estate_tax > 0
    qdot = tuple(
        case for case in (qdot_person_dies_first(profile, basis), qdot_spouse_dies_first(profile, basis)) if case
    )

    qprt_case: QprtCase | None = None
    blockers: list[RuleHit] = []
    if profile.owns_residence and profile.residence_value is not None:
        value = profile.residence_value
        if profile.nonresident_not_citizen:
            if value >= rules.min_residence_value:
                blockers.append(
                    RuleHit(name="nonresident_gift_tax", facts={"citizenship": "non_us", "domicile": "abroad"})
                )
        elif value >= rules.min_residence_value and profile.residence_to_children and taxable:
            term = suggested_term(age, basis)
            if term is None:
                shortest = rules.candidate_terms[-1]
                blockers.append(
                    RuleHit(
                        name="no_survivable_term",
                        facts={
                            "age": age,
                            "shortest_term": shortest,
                            "survival_probability": str(
                                survival(age, shortest, basis.today).quantize(Decimal("0.001"))
                            ),
                            "required_probability": str(rules.min_survival_probability),
                        },
                    )
                )
            else:
                qprt_case = QprtCase(
                    term=term[0],
                    hits=(
                        RuleHit(
                            name="residence_significant",
                            facts={
                                "residence_type": profile.residence_type,
                                "residence_value": _money(value),
                                "threshold": _money(rules.min_residence_value),
                            },
                        ),
                        RuleHit(
                            name="estate_taxable",
                            facts={
                                "taxable_estate": _money(base),
                                "exclusion_amount": _money(own.exclusion_amount),
                                "net_estate_tax": _money(own.net_estate_tax),
                                "projected_estate": _money(projected),
                                "horizon_years": horizon,
                            },
                        ),
                        RuleHit(
                            name="term_survivable",
                            facts={
                                "age": age,
                                "term": term[0],
                                "survival_probability": str(term[1].quantize(Decimal("0.001"))),
                                "required_probability": str(rules.min_survival_probability),
                            },
                        ),
                        RuleHit(name="residence_to_heirs", facts={"residence_to_children": True}),
                    ),
                )

    state = state_tax(profile)
    no_action: list[RuleHit] = []
    if not qdot and qprt_case is None:
        facts: dict[str, Fact] = {
            "taxable_estate": _money(base),
            "exclusion_amount": _money(own.exclusion_amount),
            "adjusted_taxable_gifts": _money(profile.prior_taxable_gifts),
            "net_estate_tax": _money(own.net_estate_tax),
            "projected_estate": _money(projected),
            "horizon_years": horizon,
        }
        if not taxable:
            no_action.append(RuleHit(name="no_tax_projected", facts=facts))
        else:
            if profile.married and profile.spouse_citizenship == "us":
                no_action.append(RuleHit(name="marital_deduction_unlimited", facts={"spouse_citizenship": "us"}))
            no_action.append(RuleHit(name="tax_without_planning_tool", facts=facts))
        no_action.extend(blockers)
        if state is not None and state.applies:
            no_action.append(
                RuleHit(
                    name="state_estate_tax",
                    facts={"state": state.state, "exemption": _money(state.exemption), "year": state.exemption_year},
                )
            )
    return Decision(
        qdot=qdot,
        qprt=qprt_case,
        no_action=tuple(no_action),
        own_tax=own,
        own_base=base,
        projected_estate=projected,
        horizon=horizon,
        state=state,
    )
