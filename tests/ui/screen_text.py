"""The text a person would read on the terminal, for tests that assert what is on screen."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList


def screen_lines(app: App[Any]) -> list[str]:
    """Every line of the top screen as rendered now (the same strips the terminal is sent)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def label_start(label: str, width: int = 12) -> str:
    """The first words of a label, as they show on its first line even when the rest wraps."""
    words = label.split()
    start = words[0]
    for word in words[1:]:
        if len(start) + 1 + len(word) > width:
            break
        start += " " + word
    return start


def shown_beside(lines: list[str], label: str, value: str) -> bool:
    """The value is on the line where its label starts: read together, not in a column off-screen."""
    start = label_start(label)
    return any(start in " ".join(line.split()) and value in line for line in lines)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the screen is idle and every worker (the screening) has finished and shown its result."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()  # what was scheduled after the refresh (scrolling to the first card)


async def lines_while_scrolling(pilot: Pilot[Any]) -> list[str]:
    """Every line the focused pane shows from its top to its end, a page at a time."""
    pane = pilot.app.focused
    assert pane is not None
    await pilot.press("home")
    await pilot.pause()
    seen = screen_lines(pilot.app)
    for _ in range(60):
        if pane.scroll_y >= pane.max_scroll_y:
            break
        await pilot.press("pagedown")
        await pilot.pause()
        seen += screen_lines(pilot.app)
    assert pane.scroll_y >= pane.max_scroll_y, "PageDown did not reach the end"
    return seen


async def from_palette(pilot: Pilot[Any], words: str) -> None:
    """Run the palette command found by typing ``words``, as a person does."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await settle(pilot)
    await pilot.press("enter")


async def edit_in_review(pilot: Pilot[Any], question_id: str) -> Input:
    """Open the review, pick a question, and open its answer for editing; the edit field is returned."""
    await pilot.press("ctrl+r")
    await pilot.pause()
    from advisor.ui.app import AdvisorApp

    app = pilot.app
    assert isinstance(app, AdvisorApp)
    listed = app.screen.query_one("#answers", OptionList)
    listed.highlighted = [item.question_id for item in app.session.review()].index(question_id)
    await pilot.press("enter")
    await pilot.pause()
    return app.screen.query_one("#answer-input", Input)
