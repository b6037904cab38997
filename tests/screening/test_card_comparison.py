"""A QDOT card computes only the comparison figures it shows; they are the routes screen's, which computes
every break-even: over the personas with their amounts varied at random, the same route costs, the same best
route and the same r - g break-even."""

from __future__ import annotations

from decimal import Decimal

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.advice import advise
from advisor.screening.basis import comparison
from tests.screening.personas import TODAY, persona_files

AMOUNTS = ("estate_total", "estate_us_situs", "spouse_estate_total", "spouse_estate_us_situs", "residence_value")
QDOT_PERSONAS = [
    path
    for path in persona_files()
    if any(r.kind == "qdot" for r in advise(path, today=TODAY).screening.recommendations)
]


@settings(max_examples=30, deadline=None)
@given(index=st.integers(0, len(QDOT_PERSONAS) - 1), scale=st.integers(50, 400))
def test_the_cards_figures_are_the_full_comparisons(index: int, scale: int) -> None:
    answers = yaml.safe_load(QDOT_PERSONAS[index].read_text(encoding="utf-8"))
    for key in AMOUNTS:
        if key in answers:
            amount = Decimal(str(answers[key]).replace("m", "e6").replace("k", "e3"))
            answers[key] = str((amount * scale / 100).quantize(Decimal(1)))
    advice = advise(answers, today=TODAY)
    for r in advice.screening.recommendations:
        if r.kind != "qdot" or r.comparison is None:
            continue
        full = comparison(r.comparison, r.marital_credit)
        shown = {f.facts["route"]: f.value for f in r.figures if f.name == "route_cost"}
        feasible = {k for k, route in full.routes.items() if route.feasible and k != "naturalize_before_return"}
        assert shown == {k: full.routes[k].pv_total for k in feasible}
        assert [f.facts["route"] for f in r.figures if f.name == "route_cost" and f.facts["best"]] == [full.best_route]
        spread = r.figure("breakeven_spread")
        assert full.breakevens is not None
        assert (spread.value if spread is not None else None) == full.breakevens.rate_spread
