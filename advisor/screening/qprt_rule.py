"""The QPRT rule: a term is suggested on its expected net value at the family level."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from advisor.calculators.qprt_saving import TermInput, TermSweep, TermValue, first_term_worth_it
from advisor.engine.profile import Profile
from advisor.screening.basis import Basis, qprt_terms
from advisor.screening.data import assumptions, costs
from advisor.screening.family import computed_state, family_facts, marriage, money
from advisor.screening.models import Fact, RuleHit


@dataclass(frozen=True)
class QprtCase:
    term: int
    sweep: TermSweep
    hits: tuple[RuleHit, ...]

    @property
    def chosen(self) -> TermValue:
        return next(row for row in self.sweep.rows if row.term == self.term)


def _term_input(profile: Profile, basis: Basis) -> TermInput | None:
    """The facts to weigh every candidate term the person can be valued for on, at the family level (None: no
    term can be valued)."""
    rules = assumptions().qprt
    assert profile.residence_value is not None
    age = profile.age_on(basis.today)
    terms = tuple(term for term in rules.candidate_terms if age + term < basis.table.max_age)
    if not terms:
        return None
    once, yearly = _middle_costs()
    who = {"birth_date": profile.birth_date} if profile.birth_date is not None else {"age": age}
    return TermInput(
        family=family_facts(profile, basis, home=profile.residence_value),
        valuation_date=basis.today,
        rate=basis.rate.value,
        terms=terms,
        home_growth=home_growth(profile),
        estate_growth=profile.estate_growth,
        basis=profile.residence_basis,
        once_costs=once,
        yearly_costs=yearly,
        **who,
    )


@cache
def _middle_costs() -> tuple[Decimal, Decimal]:
    """The middle of the QPRT's cost ranges: paid once, and each year of the term."""
    once = sum((c.low + c.high) / 2 for c in costs("qprt") if c.per == "once")
    yearly = sum((c.low + c.high) / 2 for c in costs("qprt") if c.per == "year")
    return Decimal(once), Decimal(yearly)


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


def decide_qprt(profile: Profile, basis: Basis, *, route_only: bool = False) -> tuple[QprtCase | None, list[RuleHit]]:
    """A QPRT when its best term has a positive expected net value; otherwise the reason it does not.

    ``route_only``: only whether a QPRT is suggested, found by weighing the likely terms one by one until one is
    worth it; the case then holds that term alone, and the reasons against are left out (they only explain).
    A positive expected net value needs a family tax to save, so this is the full rule's answer."""
    rules = assumptions().qprt
    if not profile.owns_residence or profile.residence_value is None:
        return None, []
    value = profile.residence_value
    if value < rules.min_residence_value or not profile.residence_to_children:
        return None, []
    if profile.nonresident_not_citizen:
        return None, [RuleHit(name="nonresident_gift_tax", facts={"citizenship": "non_us", "domicile": "abroad"})]
    facts = _term_input(profile, basis)
    if facts is None:
        return None, []
    if route_only:
        row = first_term_worth_it(facts, rules.min_survival_probability)
        return (None if row is None else QprtCase(row.term, TermSweep(rows=(row,), citations=()), ())), []
    sweep = qprt_terms(facts)
    likely = [row for row in sweep.rows if row.survival_probability >= rules.min_survival_probability]
    best = max(likely, key=lambda row: (row.expected_net_value, row.term)) if likely else sweep.best
    measured: dict[str, Fact] = {"marriage": marriage(profile), "state": computed_state(profile, basis)}
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
