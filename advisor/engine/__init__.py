"""The interview engine: the flow as data, named conditions, and the session that walks it.

Headless by design (no UI toolkit): the terminal app, the reports, batch screening and the tests
all drive the same :class:`Session`.
"""

from advisor.engine.session import AnswersError, IncompleteError, Outcome, ReviewItem, Session
from advisor.engine.spec import Flow, FlowError, Question, load_flow

__all__ = [
    "AnswersError",
    "Flow",
    "FlowError",
    "IncompleteError",
    "Outcome",
    "Question",
    "ReviewItem",
    "Session",
    "load_flow",
]
