"""The bridge between an interview and the session store: what is accepted is saved at once."""

from __future__ import annotations

from advisor.engine import Question, Session
from advisor.store import SessionNotFoundError, SessionRecord, SessionStore, Speaker


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

    def _ensure(self, session: Session) -> SessionRecord:
        if self.record is None:
            self.record = self.store.create(flow_version=session.flow.version, client_name=self.client_name)
            for speaker, text in self._pending:
                self.store.append_transcript(self.record.id, speaker, text)
            self._pending.clear()
        return self.record

    def answered(self, session: Session, question: Question) -> None:
        """Save the answer the session now holds for a question (one commit)."""
        value = session.answers[question.id]
        key, written = question.serialise(value)
        # One transaction: a kill part-way leaves the previous answer, never neither key.
        with self.store.transaction():
            record = self._ensure(session)
            for other in question.keys:
                if other != key:
                    self.store.forget_answer(record.id, other)
            self.store.save_answer(record.id, key, written)
            self.store.set_status(record.id, "complete" if session.is_complete else "in_progress")

    def said(self, speaker: Speaker, text: str) -> None:
        if self.record is None:
            self._pending.append((speaker, text))
        else:
            self.store.append_transcript(self.record.id, speaker, text)

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
