"""The conversation's messages, and the transcript that scrolls them."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
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

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self])

    def anchor(self, anchor: bool = True) -> None:
        """Keep to the bottom, from the first layout on: anchored before it, the transcript is scrolled
        by its height of 0 (past all its messages), and the first question waits a second layout."""
        if anchor and not self.size:
            self.call_after_refresh(super().anchor)
            return
        super().anchor(anchor)
