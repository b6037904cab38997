"""The decision path: the flow as a tree, the person's route lit, and what can still be asked."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Tree

from advisor.engine import Session
from advisor.engine.spec import passes


def path_lines(session: Session) -> list[tuple[str, str, list[str]]]:
    """(status, question, branches) per question of the flow, in flow order.

    status is ``answered`` (on the route), ``current``, ``ahead`` (still to be asked on this route) or
    ``off-route``; branches describe each transition out of the question, the one taken marked.
    """
    flow = session.flow
    answers = session.answers
    ahead: list[str] = []
    state = session.current.id if session.current else None
    while state is not None and state not in flow.final_states:
        ahead.append(state)
        state = flow.next_state(state, answers)
    lines = []
    for question_id in flow.questions:
        if question_id in answers:
            status = "answered"
        elif ahead and question_id == ahead[0]:
            status = "current"
        elif question_id in ahead:
            status = "ahead"
        else:
            status = "off-route"
        taken = flow.next_state(question_id, answers) if question_id in answers else None
        branches = []
        for transition in flow.transitions.get(question_id, ()):
            rule = " and ".join(transition.conditions) or "otherwise"
            if transition.unless:
                rule += " unless " + " or ".join(transition.unless)
            mark = "➜ " if transition.dest == taken and passes(transition, answers) else "  "
            branches.append(f"{mark}{transition.dest} ({rule})")
        lines.append((status, question_id, branches))
    return lines


MARKS = {"answered": "✔", "current": "▶", "ahead": "…", "off-route": "·"}


class DecisionPathScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("✔ answered  ▶ now  … still to ask on this route  · not on this route  ➜ the branch taken")
        tree: Tree[str] = Tree(self.session.flow.title, id="path-tree")
        tree.root.expand()
        answers = self.session.answers
        for status, question_id, branches in path_lines(self.session):
            question = self.session.flow.questions[question_id]
            shown = f" = {question.display(answers[question_id])}" if question_id in answers else ""
            lit = status in {"answered", "current"}
            label = Text(f"{MARKS[status]} {question_id}{shown}", style="bold" if lit else "dim")
            node = tree.root.add(label, expand=lit)
            for branch in branches:
                node.add_leaf(branch)
        yield tree
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Decision path"
        self.query_one(Tree).focus()
