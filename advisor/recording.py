"""The bridge between an interview and the session store: what is accepted is saved at once.

When the store can no longer be trusted (its file removed or replaced, the session changed or deleted in
another window, a full disk, a lock held too long), the recorder stops saving and says why in ``stopped``;
the interview goes on with its answers in memory, and ``answers_json`` lets the user save them elsewhere.
"""

from __future__ import annotations

import json

from advisor.engine import Question, Session
from advisor.store import SessionNotFoundError, SessionRecord, SessionStore, Speaker
from advisor.store_database import StoreError


class SessionRecorder:
    """Writes one interview's accepted answers and transcript to the store as they happen."""

    def __init__(
        self, store: SessionStore, record: SessionRecord | None = None, client_name: str | None = None
    ) -> None:
        self.store = store
        self.record = record
        """None until the first answer: an interview opened and closed unanswered leaves no empty session."""
        self.client_name = client_name
        self._pending: list[tuple[Speaker, str]] = []
        """Transcript lines said before the session was created."""
        self.revision = 0 if record is None else record.revision
        """The session's revision as this window last wrote or read it."""
        self.stopped: str | None = None
        """Why saving stopped (one line), or None while every answer is saved."""

    def _ensure(self, session: Session) -> SessionRecord:
        if self.record is None:
            self.record = self.store.create(flow_version=session.flow.version, client_name=self.client_name)
            self.revision = self.record.revision
            for speaker, text in self._pending:
                self.store.append_transcript(self.record.id, speaker, text)
            self._pending.clear()
        return self.record

    def answered(self, session: Session, question: Question) -> bool:
        """Save the answer the session now holds for a question (one commit); False when it was not saved
        because saving has stopped (``stopped`` says why; the answer stays in the session)."""
        if self.stopped is not None:
            return False
        value = session.answers[question.id]
        key, written = question.serialise(value)
        unsaved = self.record is None
        try:
            # One transaction: a kill part-way leaves the previous answer, never neither key.
            with self.store.transaction():
                record = self._ensure(session)
                self.store.expect_revision(record.id, self.revision)
                for other in question.keys:
                    if other != key:
                        self.store.forget_answer(record.id, other)
                self.store.save_answer(record.id, key, written)
                self.store.set_status(record.id, "complete" if session.is_complete else "in_progress")
                self.revision = self.store.get(record.id).revision
        except StoreError as error:
            if unsaved:
                self.record = None  # its creation was rolled back with the answer
            self.stopped = str(error)
            return False
        return True

    def said(self, speaker: Speaker, text: str) -> None:
        """Add a line to the transcript; a store that fails here stops saving, as for an answer."""
        if self.stopped is not None:
            return
        if self.record is None:
            self._pending.append((speaker, text))
            return
        try:
            self.store.append_transcript(self.record.id, speaker, text)
        except StoreError as error:
            self.stopped = str(error)

    @staticmethod
    def answers_json(session: Session) -> str:
        """The session's answers as an answers file, for saving them elsewhere when the store cannot."""
        return json.dumps(session.to_answers(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def start(cls, store: SessionStore, session: Session, client_name: str | None = None) -> SessionRecorder:
        """A new saved session holding whatever the interview already has (e.g. a loaded persona)."""
        record = store.import_answers(session.to_answers(), flow_version=session.flow.version, client_name=client_name)
        if session.is_complete:
            store.set_status(record.id, "complete")
        return cls(store, store.get(record.id))

    @classmethod
    def resume(cls, store: SessionStore, session_id: str | None) -> tuple[Session, SessionRecorder]:
        """Reopen a saved session (the latest when no id is given) exactly where it stopped."""
        record = store.get(session_id) if session_id else store.latest()
        if record is None:
            raise SessionNotFoundError("there is no saved session to resume yet; start one with estate-advisor")
        session = Session.from_answers(store.answers(record.id))
        return session, cls(store, record)
