"""The screening's data: named thresholds, cost ranges and the law behind each rule (content/*.yaml).

Read once, validated with ``extra="forbid"`` so a misspelt key fails loudly with the file named.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advisor.resources import data_dir, read_yaml
from advisor.screening.models import CostRange, Kind


class QprtAssumptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_residence_value: Decimal = Field(ge=0)
    """A home worth less is not 'of significant value' for a QPRT."""
    candidate_terms: tuple[int, ...] = Field(min_length=1)
    """Terms weighed, longest first; the one with the highest expected net value is suggested."""
    min_survival_probability: Decimal = Field(gt=0, lt=1)
    """A suggested term must be outlived at least this likely, whatever its expected value."""
    residence_growth: Decimal = Field(gt=-1, lt=1)
    """Yearly growth of the home's value when the person gave no growth."""


class QdotAssumptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    naturalize_probability_if_planned: Decimal = Field(ge=0, le=1)
    """The chance given to a US-resident survivor who plans to naturalize of doing so after the return."""
    gift_years: int = Field(ge=1, le=40)
    """How many years of tax-free gifts to a non-citizen spouse the alternative counts, from this year on."""


class Assumptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    qprt: QprtAssumptions
    qdot: QdotAssumptions
    growth_horizon: Literal["median_lifetime"]
    """How far ahead 'will be taxable' looks: to the person's median remaining lifetime."""


Model = TypeVar("Model", bound=BaseModel)


def _read(name: str) -> object:
    return read_yaml(data_dir("content") / name)


def _validated(model: type[Model], name: str, raw: object) -> Model:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        item = error.errors()[0]
        where = ".".join(str(part) for part in item["loc"])
        raise ValueError(f"content/{name}: {where}: {item['msg']}") from None


@cache
def assumptions() -> Assumptions:
    return _validated(Assumptions, "assumptions.yaml", _read("assumptions.yaml"))


class _Costs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    qdot: tuple[CostRange, ...]
    qprt: tuple[CostRange, ...]
    no_action: tuple[CostRange, ...]


@cache
def _cost_table() -> _Costs:
    return _validated(_Costs, "costs.yaml", _read("costs.yaml"))


def costs(kind: Kind) -> tuple[CostRange, ...]:
    table = _cost_table()
    return {"qdot": table.qdot, "qprt": table.qprt, "no_action": table.no_action}[kind]


@cache
def legal_basis() -> dict[str, tuple[str, ...]]:
    raw = _read("legal_basis.yaml")
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise ValueError("content/legal_basis.yaml: expected rule names mapped to lists of citations")
    return {str(rule): tuple(str(line) for line in lines) for rule, lines in raw.items()}
