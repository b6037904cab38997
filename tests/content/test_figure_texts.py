"""A figure's label and basis are rendered once per name and facts (the fast path); they must read exactly as
the templates render them from the whole figure (the slow path), whatever the figure's value."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from advisor.content import _figure, _text, source_environment
from advisor.screening.models import Figure
from tests.screening.personas import persona, persona_files

FIGURES = sorted(
    {
        (figure.name, tuple(figure.facts.items()))
        for path in persona_files()
        for recommendation in persona(path.stem)[1].recommendations
        for figure in recommendation.figures
    }
)
"""Every figure name with the facts the bundled personas give it."""


@given(
    shown=st.sampled_from(FIGURES),
    value=st.decimals(min_value=-(10**9), max_value=10**9, places=2),
    unit=st.sampled_from(["money", "probability", "rate", "years"]),
    flip=st.booleans(),
)
def test_a_figures_label_and_basis_read_as_the_template_renders_the_whole_figure(
    shown: tuple[str, tuple[tuple[str, object], ...]], value: Decimal, unit: str, flip: bool
) -> None:
    name, facts = shown
    # a flag given as 0 / 1 renders differently from False / True, and must not take the other's text
    varied = {key: (int(fact) if flip and isinstance(fact, bool) else fact) for key, fact in facts}
    figure = Figure(name=name, value=value, unit=unit, facts=varied)  # type: ignore[arg-type]
    fast = _figure(figure)
    assert fast["label"] == _text("figures.txt.j2", "label", figure)
    assert fast["basis"] == _text("figures.txt.j2", "basis", figure)


AS_THE_TEMPLATES_WROTE_IT = (
    '{% if unit == "money" %}{{ amount|money }}{% elif unit in ("probability", "rate") %}{{ amount|pct }}'
    "{% else %}{{ amount|round|int }} years{% endif %}"
)
"""How figures.txt.j2 wrote a figure's value before the numbers were written in Python: the reference."""


@given(
    value=st.decimals(min_value=-(10**9), max_value=10**9, places=4),
    unit=st.sampled_from(["money", "probability", "rate", "years"]),
)
def test_a_figures_value_reads_as_the_template_wrote_it(value: Decimal, unit: str) -> None:
    written = source_environment().from_string(AS_THE_TEMPLATES_WROTE_IT).render(unit=unit, amount=value)
    figure = Figure(name="gift", value=value, unit=unit)  # type: ignore[arg-type]
    assert _figure(figure)["display"] == written
