"""The screening's fast paths give what the full computation gives, on random profiles."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from advisor.calculators.qprt_saving import family_tax
from advisor.engine import Session
from advisor.screening.basis import basis_for
from advisor.screening.changes import EXPLANATORY
from advisor.screening.changes import _candidates as candidates
from advisor.screening.family import family_facts, grow, marriage
from advisor.screening.rules import Decision, decide, exposure
from tests.answer_sets import answer_sets
from tests.screening.personas import TODAY

BUDGET = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def route(decision: Decision) -> tuple[object, ...]:
    reasons = tuple(hit.name for hit in decision.no_action if hit.name not in EXPLANATORY)
    return (decision.signature[:2], decision.kinds, reasons, decision.own_tax, decision.state)


@BUDGET
@given(answers=answer_sets())
def test_deciding_the_route_only_gives_the_full_decisions_route(answers: dict[str, object]) -> None:
    """What would change the answer decides changed profiles with ``route_only``: the same route, reasons (but
    those that only explain), own tax and state tax as the full rules, on the profile and on each change."""
    session = Session.from_answers(answers, today=TODAY, defaults=True)
    profile = session.profile()
    basis = basis_for(TODAY)
    full = decide(profile, basis)
    assert route(decide(profile, basis, route_only=True)) == route(full)
    for _, update, _ in candidates(profile, basis, full):
        changed = profile.model_copy(update=update)
        assert route(decide(changed, basis, route_only=True)) == route(decide(changed, basis))


@BUDGET
@given(answers=answer_sets())
def test_a_couples_exposure_is_its_family_tax(answers: dict[str, object]) -> None:
    """With a citizen spouse the exposure takes family_tax's federal figures without its models: the same estates
    (to the digit), exclusion and taxes as family_tax on the family's facts, now and grown to the horizon."""
    profile = Session.from_answers(answers, today=TODAY, defaults=True).profile()
    basis = basis_for(TODAY)
    horizon = decide(profile, basis).horizon
    if marriage(profile) != "citizen_spouse":
        return
    facts = family_facts(profile, basis).model_copy(update={"state": None})
    grown = facts.model_copy(
        update={
            "year": basis.tax_year + horizon,
            "own_estate": grow(facts.own_estate, profile.estate_growth, horizon),
            "spouse_estate": grow(facts.spouse_estate, profile.estate_growth, horizon),
        }
    )
    now, later = family_tax(facts), family_tax(grown)
    slow = (now.taxed_estate, now.exclusion, now.federal, later.taxed_estate, later.federal)
    fast = exposure(profile, basis, horizon)
    figures = (fast.estate, fast.exclusion, fast.tax_now, fast.projected_estate, fast.projected_tax)
    assert [str(x) for x in figures] == [str(x) for x in slow]
