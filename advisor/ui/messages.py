"""What the screens tell the app: Textual messages that bubble from a screen to the app, so no screen
reaches into the app's methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from advisor.advice import Advice
    from advisor.store import SessionRecord


class AnswerSaved(Message):
    """An answer was given to the store: the saved indicator can say so, or that saving stopped."""

    def __init__(self, saved: bool) -> None:
        super().__init__()
        self.saved = saved
        """False when the store could not take it (the recorder says why)."""


class AnswerChanged(Message):
    """An answer was changed in the review: the recommendations can be screened again at once."""


class Screened(Message):
    """The interview's answers were screened: the advice, its explanation rendered."""

    def __init__(self, advice: Advice) -> None:
        super().__init__()
        self.advice = advice


class OpenSession(Message):
    """The person chose a saved session to continue."""

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id


class SessionRenamed(Message):
    """A saved session has a new client name (perhaps the one open now)."""

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record
