"""Short words for the flow's ids (questions, conditions, routes, rules) from content/ui/words.yaml:
what the decision graph, the personas table and the sessions list show instead of ids."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pydantic import BaseModel, ConfigDict

from advisor.resources import data_dir, read_yaml


class Route(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    when: str
    """When the screening takes this route, in a few words (an edge of the graph)."""
    rules: tuple[str, ...]
    """The named rules that lead to it."""


class Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: dict[str, str]
    conditions: dict[str, str]
    routes: dict[str, Route]
    scenarios: dict[str, str]
    rules: dict[str, str]

    def route(self, kind: str, scenario: str | None = None) -> str:
        """``QDOT (if you die first)``: one recommendation's route in words."""
        name = self.routes[kind].name
        return f"{name} ({self.scenarios[scenario]})" if scenario else name

    def routes_of(self, recommendations: Iterable[tuple[str, str | None]], *, short: bool = False) -> str:
        """A screening's routes, from its (kind, scenario) pairs, joined in words; ``short`` names each kind
        once without its scenario (``QDOT + QPRT``), for a list that must fit 80 columns."""
        if short:
            return " + ".join(dict.fromkeys(self.routes[kind].name for kind, _ in recommendations))
        return " + ".join(self.route(kind, scenario) for kind, scenario in recommendations)

    def transition(self, conditions: Iterable[str], unless: Iterable[str] = ()) -> str:
        """A transition's conditions in words: ``married and not a US citizen``; ``otherwise`` for none."""
        text = " and ".join(self.conditions[name] for name in conditions) or self.conditions["otherwise"]
        exceptions = [self.conditions[name] for name in unless]
        return text + (" unless " + " or ".join(exceptions) if exceptions else "")


@cache
def words() -> Words:
    return Words.model_validate(read_yaml(data_dir("content") / "ui" / "words.yaml"))
