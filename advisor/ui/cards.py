"""The recommendation cards of the chat: each recommendation's Markdown, rendered by Rich once per width."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from textual.geometry import Size
from textual.widgets import Static


class CardText:
    """A recommendation's Markdown rendered by Rich once per width, and kept: measuring the card's height
    and drawing it then cost one rendering, which can even be done ahead, off the event loop.

    One widget rendered by Rich: Textual's Markdown widget builds a widget per block and table cell
    (thousands for two cards), which took seconds to lay out."""

    def __init__(self, markdown: str) -> None:
        from rich.markdown import Markdown  # loads a parser: only when the first cards are shown

        self.source = markdown
        self._markdown = Markdown(markdown)
        self._lines: dict[int, list[list[Segment]]] = {}

    def lines(self, console: Console, width: int) -> list[list[Segment]]:
        if width not in self._lines:
            self._lines[width] = console.render_lines(self._markdown, console.options.update_width(width), pad=False)
        return self._lines[width]


class _Rendered:
    """Lines of segments already rendered, as a Rich renderable."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()


class RecommendationCard(Static):
    """One recommendation: its title on the frame, its Markdown text below, always open."""

    def __init__(self, number: int, title: str, text: CardText, kind: str) -> None:
        super().__init__(classes=f"card {kind}")
        self.title = f"{number}. {title}"
        self.border_title = self.title
        self.text = text
        self.source = text.source

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.text.lines(self.app.console, width))

    def render(self) -> RenderableType:
        return _Rendered(self.text.lines(self.app.console, self.content_region.width))
