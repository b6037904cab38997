"""The conversation's messages, and the transcript that scrolls them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static


class AdvisorMessage(Static):
    """A question or remark of the advisor: plain text, which keeps a long transcript cheap to lay out."""

    def __init__(self, text: str, **kwargs: Any) -> None:
        super().__init__(text, markup=False, **kwargs)
        self.source = text


class AdvisorNote(Static):
    """A fixed message of the app with emphasis (the welcome, the closing remark), in Textual markup."""

    def __init__(self, markup: str, **kwargs: Any) -> None:
        super().__init__(Content.from_markup(markup), **kwargs)
        self.source = Content.from_markup(markup).plain


class PersonMessage(Static):
    """Something the person answered."""


class HelpMessage(AdvisorMessage):
    """Why a question is asked."""


class Transcript(VerticalScroll):
    """The conversation, which scrolls. Gaining or losing focus (when the results come, and on each
    return from another screen) restyles the transcript alone: Textual restyles a widget's every
    descendant then, hundreds of messages in a long chat, and no rule styles a message by the
    transcript's focus."""

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self._batch: list[Widget] | None = None
        """Messages waiting to be added together (see in_one_layout)."""
        self._show_first: Widget | None = None
        """A message to scroll to the top of the view once it is laid out."""

    def add(self, message: Widget) -> None:
        """Add a message now, or with the others of the step under way (see in_one_layout)."""
        if self._batch is not None:
            self._batch.append(message)
        else:
            self.mount(message)

    def show_first(self, message: Widget) -> None:
        """Show the transcript from ``message``'s top once the step under way has laid it out."""
        self._show_first = message

    async def in_one_layout(self, step: Callable[[], Awaitable[None]], replacing: Sequence[Widget] = ()) -> None:
        """Run a step of the conversation and add all its messages at once (taking away ``replacing`` in
        the same update): one layout, not one each."""
        self._batch = []
        try:
            await step()
        finally:
            batch, self._batch = self._batch, None
            if batch or replacing:
                with self.app.batch_update():
                    await self.remove_children(replacing)
                    await self.mount_all(batch)
            if self._show_first is not None:
                self.call_after_refresh(self.scroll_to_widget, self._show_first, top=True, animate=False)
                self._show_first = None

    async def note_above(self, note: Widget, first: Widget, replaces: str) -> None:
        """Put ``note`` just above ``first`` and show the transcript from there: the note takes ``first``'s
        place, so scrolling to where ``first`` starts shows the note at the top in the first frame (scrolling
        to the note once it is laid out would take another). A note of class ``replaces`` already there
        gives way, so notes do not pile up."""
        at = self.children.index(first)
        earlier = self.children[at - 1] if at and self.children[at - 1].has_class(replaces) else None
        top = (earlier or first).virtual_region_with_margin.y
        if earlier is not None:
            await earlier.remove()
        await self.mount(note, before=first)
        self.scroll_to(y=top, animate=False, immediate=True)

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self])

    def anchor(self, anchor: bool = True) -> None:
        """Keep to the bottom, from the first layout on: anchored before it, the transcript is scrolled
        by its height of 0 (past all its messages), and the first question waits a second layout."""
        if anchor and not self.size:
            self.call_after_refresh(super().anchor)
            return
        super().anchor(anchor)
