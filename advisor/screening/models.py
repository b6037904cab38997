"""What a screening returns: recommendations that carry their reasons, figures and basis."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.couple import ComparisonInput
from advisor.calculators.parameters import Citation
from advisor.calculators.units import Money
from advisor.engine.profile import Profile
from advisor.screening.treaty import MaritalCreditParties, TreatyOutlook

Kind = Literal["qdot", "qprt", "no_action"]
Scenario = Literal["person_dies_first", "spouse_dies_first"]
Fact = str | int | bool | None
"""A fact as a rule used it: money as a string of decimals, codes and flags as they are."""


class RuleHit(BaseModel):
    """A named rule that fired and the facts it used."""

    model_config = ConfigDict(frozen=True)

    name: str
    facts: dict[str, Fact]


class Figure(BaseModel):
    """One number from a calculator, with how it was obtained."""

    model_config = ConfigDict(frozen=True)

    name: str
    """Names its label and its basis sentence in content/figures.txt.j2."""
    value: Decimal
    unit: Literal["money", "probability", "rate", "years"]
    facts: dict[str, Fact] = {}
    """The inputs the basis sentence names (how the figure was obtained)."""
    citations: tuple[Citation, ...] = ()


class DataNote(BaseModel):
    """Where the data did not reach the screening day and what was used instead (content/notes.txt.j2)."""

    model_config = ConfigDict(frozen=True)

    key: str
    facts: dict[str, Fact] = {}


class Assumption(BaseModel):
    """One assumption a recommendation relied on; its sentence is in content/assumptions.txt.j2."""

    model_config = ConfigDict(frozen=True)

    key: str
    facts: dict[str, Fact] = {}


class CostRange(BaseModel):
    """A cost as a range, with what the range assumes (content/costs.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item: str
    per: Literal["once", "year"]
    low: Money
    high: Money
    assumption: str


class Change(BaseModel):
    """One fact that, changed on its own, would change the route."""

    model_config = ConfigDict(frozen=True)

    fact: str
    """The question id of the fact."""
    current: Fact
    changed_to: Fact
    effect: str
    """Names the new outcome's text in content/changes.txt.j2."""
    kinds: tuple[Kind, ...]
    """The recommendations the changed profile would get."""
    size: Decimal
    """How big the change is (relative change of an amount; 1 for a changed category): the ranking key."""
    details: dict[str, Fact] = {}


class StateTax(BaseModel):
    """The estate tax of the person's state, when the state has one (a single-source table: see caveat)."""

    model_config = ConfigDict(frozen=True)

    state: str
    name: str
    exemption: Money
    exemption_year: int
    top_rate_percent: Decimal | None
    applies: bool
    """The estate the state would tax is above its exemption."""
    estate: Decimal = Decimal(0)
    """The estate the state would tax: the survivor's, both estates, with a citizen spouse (no portability)."""
    both_estates: bool = False
    """The estate is the survivor's of a couple with a US-citizen spouse (both estates together)."""
    tax: Decimal | None = None
    """The state's tax on that estate, where the data holds the state's method and rate table."""
    citations: tuple[Citation, ...] = ()
    """The state-law rows the tax was computed from (empty when it is not computed)."""
    caveat: str
    """How well the sources agree, and what was not found."""


class Recommendation(BaseModel):
    """One recommendation and everything that explains it."""

    model_config = ConfigDict(frozen=True)

    kind: Kind
    scenario: Scenario | None = None
    """For a QDOT: whose death first it is about."""
    rules: tuple[RuleHit, ...]
    figures: tuple[Figure, ...]
    costs: tuple[CostRange, ...]
    pitfalls: tuple[str, ...]
    """Names of pitfall texts in content/pitfalls.txt.j2."""
    next_steps: tuple[str, ...]
    alternatives: tuple[str, ...]
    citations: tuple[Citation, ...]
    legal_basis: tuple[str, ...]
    """The law each fired rule applies (content/legal_basis.yaml)."""
    assumptions: tuple[Assumption, ...]
    """Assumptions this recommendation relied on."""
    standby: bool = False
    """For a QDOT: no tax today, only on the projected estate, so the documents should allow one."""
    what_would_change: tuple[Change, ...] = ()
    """For no_action: the smallest single-fact changes that change the route, smallest first."""
    state_tax: StateTax | None = None
    """The state's estate tax where it applies, so every route's card names it."""
    comparison: ComparisonInput | None = Field(default=None, exclude=True)
    """For a QDOT: the couple model's facts behind its route figures, so a calculator opened from the
    interview starts from exactly them (not part of the report)."""
    marital_credit: MaritalCreditParties | None = Field(default=None, exclude=True)
    """With ``comparison``: the parties of the Canadian marital credit route, where it was priced."""

    def rule(self, name: str) -> RuleHit | None:
        return next((hit for hit in self.rules if hit.name == name), None)

    def figure(self, name: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.name == name), None)


class Screening(BaseModel):
    """The outcome for one profile."""

    model_config = ConfigDict(frozen=True)

    profile: Profile
    today: dt.date
    tax_year: int
    """The year whose exclusion amounts were used."""
    recommendations: tuple[Recommendation, ...]
    state_tax: StateTax | None
    notes: tuple[DataNote, ...]
    """Where the data did not cover today and what was used instead."""
    treaty: TreatyOutlook | None = None
    """What estate tax treaties may change, shown before the figures."""

    @property
    def kinds(self) -> tuple[Kind, ...]:
        return tuple(recommendation.kind for recommendation in self.recommendations)
