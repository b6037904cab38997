"""The recommendation cards of the chat: each recommendation's Markdown, rendered by Rich once per width."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.console import Console
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

SECTION = re.compile(r"\n(?=#### )")
"""Where a card's Markdown starts a section (its headings are all of this level)."""


@lru_cache(maxsize=256)
def _section_lines(section: str, width: int, console: Console) -> tuple[Strip, ...]:
    """One section rendered by Rich; kept, for the costs, pitfalls, next steps and sources read the same
    for many people and stay the same when an unrelated answer changes."""
    from rich.markdown import Markdown  # loads a parser: only when the first cards are shown

    rendered = console.render_lines(Markdown(section), console.options.update_width(width), pad=False)
    return tuple(Strip(line) for line in rendered)


class CardText:
    """A recommendation's Markdown rendered by Rich once per width, and kept: measuring the card's height
    and drawing it then cost one rendering, which can even be done ahead, off the event loop.

    Rendered section by section, each taken from the cache when it was rendered before: Rich draws a
    section alone as it does within the card, with one blank line between sections (tests pin this).
    One widget rendered by Rich: Textual's Markdown widget builds a widget per block and table cell
    (thousands for two cards), which took seconds to lay out."""

    def __init__(self, markdown: str) -> None:
        self.source = markdown
        self._lines: dict[int, list[Strip]] = {}

    def lines(self, console: Console, width: int) -> list[Strip]:
        if width not in self._lines:
            lines: list[Strip] = []
            for number, section in enumerate(SECTION.split(self.source)):
                if number:
                    lines.append(Strip([]))
                lines += _section_lines(section, width, console)
            self._lines[width] = lines
        return self._lines[width]


class RecommendationCard(Widget):
    """One recommendation: its title on the frame, its Markdown text below, always open.

    Drawn line by line from the rendered text: a card is a hundred lines or more, and only those on
    screen are drawn (a whole card was restyled each time it was dimmed, moved or covered)."""

    def __init__(self, number: int, title: str, text: CardText, kind: str) -> None:
        super().__init__(classes=f"card {kind}")
        self.kind = kind
        self.number = number
        self.title = f"{number}. {title}"
        self.border_title = self.title
        self.text = text
        self.source = text.source

    def replace_text(self, title: str, text: CardText, note: str) -> None:
        """Show the recommendation again after the answers changed, in place: only this card is laid out
        and drawn again, not the transcript; ``note`` on the frame says that it was updated."""
        self.title = f"{self.number}. {title}"
        self.border_title = self.title
        self.border_subtitle = note
        self.text = text
        self.source = text.source
        self.remove_class("stale")
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.text.lines(self.app.console, width))

    def render_line(self, y: int) -> Strip:
        lines = self.text.lines(self.app.console, self.size.width)
        style = self.rich_style
        return lines[y].apply_style(style) if y < len(lines) else Strip.blank(self.size.width, style)
