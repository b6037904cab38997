"""What would change the answer: single facts that, changed on their own, change the route.

Candidates are the facts the rules read: the estate sizes (at the point where tax starts), the
spouse's citizenship, the home's value and destination, and a move to a state with an estate tax.
Each candidate is checked by running the rules again on the changed profile, so a change is only
reported if it really changes the route; they are ranked by how large a change they need.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from advisor.engine.profile import Profile
from advisor.screening.basis import Basis, estate_tax
from advisor.screening.data import assumptions
from advisor.screening.models import Change, Fact
from advisor.screening.rules import ZERO, Decision, decide, own_base
from advisor.screening.state_tax import estate_tax_states, state_tax_for

ONE_DOLLAR = Decimal(1)
EXPLANATORY = frozenset(
    {"marital_deduction_unlimited", "qprt_no_family_tax", "qprt_not_worth_it", "nonresident_gift_tax"}
)
"""Reasons that explain a route without being one: a change that only adds or drops them changes nothing."""
CATEGORY = Decimal(1)
"""The size of changing a category (a citizenship, a yes or no): ranks after any amount change under 100%."""


def _fact(value: object) -> Fact:
    """A profile fact as a change shows it: amounts to the cent, categories and yes/no as they are."""
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"{value!r} is not a fact a change can name")


def _relative(old: Decimal, new: Decimal) -> Decimal:
    return abs(new - old) / max(old, ONE_DOLLAR)


def _threshold(exclusion_amount: Decimal, gifts: Decimal, growth: Decimal, horizon: int) -> Decimal:
    """The smallest whole-dollar estate today whose tax is above zero now or at the horizon."""
    above = max(ZERO, exclusion_amount - gifts) + ONE_DOLLAR
    if growth > 0:
        above = above / (1 + growth) ** horizon
    return above.to_integral_value(rounding=ROUND_CEILING)


def _candidates(profile: Profile, basis: Basis, decision: Decision) -> Iterator[tuple[str, dict[str, object], Decimal]]:
    """(fact, profile update, size) for each single-fact change worth testing."""
    base, _ = own_base(profile)
    own, found = decision.own_tax, decision.exposure
    assert found is not None, "a full decision measures the exposure"
    exclusion = found.exclusion
    if found.measured == "second_death":
        exclusion -= profile.spouse_estate_total or ZERO
    needed = _threshold(exclusion, own.adjusted_taxable_gifts, profile.estate_growth, decision.horizon)
    if needed > base:
        if profile.nonresident_not_citizen:
            update: dict[str, object] = {"estate_us_situs": needed, "estate_total": max(profile.estate_total, needed)}
            yield "estate_us_situs", update, _relative(base, needed)
        else:
            yield "estate_total", {"estate_total": needed}, _relative(base, needed)
    if profile.married and profile.citizenship == "non_us":
        nonresident = profile.spouse_nonresident_not_citizen
        field = "spouse_estate_us_situs" if nonresident else "spouse_estate_total"
        current = getattr(profile, field) or ZERO
        spouse_needed = _threshold(estate_tax(ZERO, ZERO, nonresident, basis.tax_year).exclusion_amount, ZERO, ZERO, 0)
        if spouse_needed > current:
            spouse_update: dict[str, object] = {field: spouse_needed}
            if nonresident:
                spouse_update["spouse_estate_total"] = max(profile.spouse_estate_total or ZERO, spouse_needed)
            yield field, spouse_update, _relative(current, spouse_needed)
    if profile.married and profile.spouse_citizenship == "us":
        # the spouse's home is not asked of a citizen; the couple's home stands in for it
        yield "spouse_citizenship", {"spouse_citizenship": "non_us", "spouse_domicile": profile.domicile}, CATEGORY
    if profile.owns_residence and profile.residence_value is not None:
        minimum = assumptions().qprt.min_residence_value
        if profile.residence_value < minimum:
            # the home is part of the estate, so a dearer home never leaves an estate smaller than the home
            update = {"residence_value": minimum, "estate_total": max(profile.estate_total, minimum)}
            yield "residence_value", update, _relative(profile.residence_value, minimum)
        if profile.residence_to_children is False:
            yield "residence_to_children", {"residence_to_children": True}, CATEGORY
    if profile.domicile == "us" and (decision.state is None or not decision.state.applies):
        lowest = min(
            (code for code in estate_tax_states() if code != profile.state),
            key=lambda code: estate_tax_states()[code][0],
        )
        moved = state_tax_for(lowest, profile.estate_total)
        if moved is not None and moved.applies:
            yield "state", {"state": lowest}, CATEGORY


def _route(decision: Decision) -> tuple[object, ...]:
    """The route without the reasons that only explain it."""
    reasons = tuple(hit.name for hit in decision.no_action if hit.name not in EXPLANATORY)
    return (*decision.signature[:2], reasons)


def what_would_change(profile: Profile, basis: Basis, decision: Decision) -> list[Change]:
    changes = []
    for fact, update, size in _candidates(profile, basis, decision):
        changed = profile.model_copy(update=update)
        outcome = decide(changed, basis, route_only=True)
        if _route(outcome) == _route(decision):
            continue
        effect = (
            "state_estate_tax"
            if fact == "state"
            else ",".join(sorted(set(outcome.kinds)))
            if set(outcome.kinds) != {"no_action"}
            else ",".join(
                hit.name
                for hit in outcome.no_action
                if hit.name not in {h.name for h in decision.no_action} and hit.name not in EXPLANATORY
            )
        )
        details: dict[str, Fact] = {"new_estate_tax": _fact(outcome.own_tax.net_estate_tax)}
        if fact == "state" and outcome.state is not None:
            details = {
                "state_name": outcome.state.name,
                "exemption": _fact(outcome.state.exemption),
                "exemption_year": outcome.state.exemption_year,
                "caveat": outcome.state.caveat,
            }
        changes.append(
            Change(
                fact=fact,
                current=_fact(getattr(profile, fact)),
                changed_to=_fact(update[fact]),
                effect=effect or "route",
                kinds=outcome.kinds,
                size=size.quantize(Decimal("0.0001")),
                details=details,
            )
        )
    return sorted(changes, key=lambda change: change.size)
