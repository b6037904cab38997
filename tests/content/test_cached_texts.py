"""Texts rendered once and reused (the fast paths of :func:`advisor.content.explain`) read exactly as the
templates render them each time (the slow paths), whatever the facts and however an amount is written."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from advisor.content import _by_name, _facts_text, _text, _treaty_paragraphs, treaty_box
from advisor.screening.treaty import TreatyOutlook
from tests.screening.personas import persona, persona_files

SCREENINGS = [persona(path.stem)[1] for path in persona_files()]

FACTS_TEXTS = sorted(
    {
        *(
            ("assumptions.txt.j2", assumption.key, tuple(assumption.facts.items()))
            for screening in SCREENINGS
            for recommendation in screening.recommendations
            for assumption in recommendation.assumptions
        ),
        *(
            ("notes.txt.j2", note.key, tuple(note.facts.items()))
            for screening in SCREENINGS
            for note in screening.notes
        ),
    }
)
"""Every assumption and note with the facts the bundled personas give it."""


@given(shown=st.sampled_from(FACTS_TEXTS), flip=st.booleans())
def test_a_text_rendered_once_per_facts_reads_as_rendered_each_time(
    shown: tuple[str, str, tuple[tuple[str, object], ...]], flip: bool
) -> None:
    template, key, facts = shown
    # a flag given as 0 / 1 renders differently from False / True, and must not take the other's text
    varied = {name: (int(fact) if flip and isinstance(fact, bool) else fact) for name, fact in facts}
    assert _facts_text(template, key, **varied) == _text(template, key, varied)


def test_the_figures_by_name_are_the_ones_a_recommendation_finds() -> None:
    for screening in SCREENINGS:
        for r in screening.recommendations:
            figures = _by_name(r.figures)
            assert set(figures) == {figure.name for figure in r.figures}
            assert all(figures[name] is r.figure(name) for name in figures)


OUTLOOKS = [screening.treaty for screening in SCREENINGS if screening.treaty is not None and treaty_box(screening)]


@given(
    outlook=st.sampled_from(OUTLOOKS),
    amount=st.decimals(min_value=0, max_value=10**8, places=2),
    places=st.sampled_from([None, "0.01", "0.001"]),
)
def test_the_treaty_box_rendered_once_reads_as_rendered_each_time(
    outlook: TreatyOutlook, amount: Decimal, places: str | None
) -> None:
    """Equal outlooks share one rendering, even when an amount is written differently (``5E+5``, ``500000.00``)."""
    written = amount.normalize() if places is None else amount.quantize(Decimal(places))
    _treaty_paragraphs(outlook.model_copy(update={"foreign_real_estate": amount}))
    again = outlook.model_copy(update={"foreign_real_estate": written})
    assert _treaty_paragraphs(again) == _treaty_paragraphs.__wrapped__(again)
