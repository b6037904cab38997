"""The recommendation cards' text: rendered section by section (and from the cache) exactly as Rich
renders the whole Markdown of the card, for every example person's recommendations."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.console import Console
from rich.markdown import Markdown
from textual.strip import Strip

from advisor.advice import advise
from advisor.answers_file import personas
from advisor.content import render_recommendation
from advisor.ui.cards import CardText

CARDS = {
    f"{name}-{recommendation['kind']}": render_recommendation(recommendation)
    for name, path in personas().items()
    for recommendation in advise(path, today=dt.date(2026, 11, 23)).explained["recommendations"]
}


@pytest.mark.parametrize("card", list(CARDS))
@pytest.mark.parametrize("width", [30, 70, 110])
def test_a_card_reads_as_its_whole_markdown_rendered_once(card: str, width: int) -> None:
    console = Console(width=120)
    markdown = CARDS[card]
    whole = console.render_lines(Markdown(markdown), console.options.update_width(width), pad=False)
    assert CardText(markdown).lines(console, width) == [Strip(line) for line in whole]
    again = CardText(markdown).lines(console, width)  # now from the sections' cache
    assert again == [Strip(line) for line in whole]
    assert sum(1 for line in again if not line.cell_length) > 3  # blank lines between the sections


def test_a_section_two_cards_share_is_rendered_once() -> None:
    def sections(card: str) -> set[str]:
        return set(CARDS[card].split("\n#### ")[1:])

    first, second = next((a, b) for a in CARDS for b in CARDS if a < b and sections(a) & sections(b))
    console = Console(width=120)
    lines, again = CardText(CARDS[first]).lines(console, 70), CardText(CARDS[second]).lines(console, 70)
    assert any(a is b for a in lines for b in again if a.cell_length)
