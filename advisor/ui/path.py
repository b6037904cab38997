"""The decision path: the flow as a tree in words, the person's route lit, what can still be asked,
and the routes the screening ends in with the named rules that lead to them."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Tree

from advisor.engine import Session
from advisor.engine.spec import passes
from advisor.engine.words import words

TAKEN = "bold reverse"
"""The person's path: reverse video reads in every theme and on a projector."""


@dataclass(frozen=True)
class Step:
    """One question of the flow as the tree shows it."""

    status: str
    """``answered`` (on the route), ``current``, ``ahead`` (still to ask on this route) or ``off-route``."""
    question_id: str
    label: str
    """The question's short label, with the answer when there is one."""
    branches: tuple[tuple[bool, str], ...]
    """(taken, where it leads and when, in words) per transition out of the question."""


def path_steps(session: Session) -> list[Step]:
    """Every question of the flow, in flow order, with its status and its branches in words."""
    flow = session.flow
    said = words()
    answers = session.answers
    ahead: list[str] = []
    state = session.current.id if session.current else None
    while state is not None and state not in flow.final_states:
        ahead.append(state)
        state = flow.next_state(state, answers)
    steps = []
    for question_id, question in flow.questions.items():
        if question_id in answers:
            status = "answered"
        elif ahead and question_id == ahead[0]:
            status = "current"
        elif question_id in ahead:
            status = "ahead"
        else:
            status = "off-route"
        label = said.questions[question_id]
        if question_id in answers:
            label += f" = {question.display(answers[question_id])}"
        taken = flow.next_state(question_id, answers) if question_id in answers else None
        transitions = flow.transitions.get(question_id, ())
        branches = []
        for transition in transitions:
            dest = said.questions[transition.dest] if transition.dest in flow.questions else "Screening of the answers"
            condition = said.transition(transition.conditions, transition.unless)
            when = "" if len(transitions) == 1 else f" — {'if ' if transition.conditions else ''}{condition}"
            branches.append((transition.dest == taken and passes(transition, answers), f"{dest}{when}"))
        steps.append(Step(status, question_id, label, tuple(branches)))
    return steps


MARKS = {"answered": "✔", "current": "◆", "ahead": "…", "off-route": "·"}


class DecisionPathScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, session: Session, routes: Mapping[str, Collection[str]] | None = None) -> None:
        super().__init__()
        self.session = session
        self.routes = routes or {}
        """The routes the screening reached -> the named rules that fired (empty before the screening)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("✔ answered  ◆ now  … still to ask  · off this route  ➜ branch taken", id="path-legend")
        tree: Tree[str] = Tree(self.session.flow.title, id="path-tree")
        tree.root.expand()
        for step in path_steps(self.session):
            lit = step.status in {"answered", "current"}
            label = Text(f"{MARKS[step.status]} {step.label}", style="bold" if lit else "dim")
            node = tree.root.add(label, expand=lit)
            for taken, branch in step.branches:
                node.add_leaf(Text(f"➜ {branch}", style=TAKEN) if taken else Text(f"  {branch}"))
        self._add_routes(tree)
        yield tree
        yield Footer()

    def _add_routes(self, tree: Tree[str]) -> None:
        said = words()
        screened = bool(self.routes)
        outcome = "Screening of the answers" + ("" if screened else " (once every question is answered)")
        node = tree.root.add(Text(f"{'✔' if screened else '·'} {outcome}", style="bold" if screened else "dim"))
        node.expand()
        for kind, route in said.routes.items():
            fired = self.routes.get(kind)
            reached = fired is not None
            heading = f"{'➜ ' if reached else '  '}{route.name}"
            branch = node.add(Text(heading, style=TAKEN if reached else ""), expand=True)
            branch.add_leaf(Text(f"when {route.when}", style="italic"))
            for rule in route.rules:
                ticked = reached and rule in (fired or ())
                branch.add_leaf(Text(f"{'✔' if ticked else '•'} {said.rules[rule]}", style="bold" if ticked else ""))

    def on_mount(self) -> None:
        self.sub_title = "Decision path"
        self.query_one(Tree).focus()
