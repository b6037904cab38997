"""A decedent's estate tax recomputed by another calculator (Form 706-QDT, the QDOT deferral): the facts of
the first death that every recomputation shares, with the taxable estate of the moment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol

from advisor.calculators.estate_tax import EstateTaxInput, EstateTaxResult, compute_estate_tax


class Decedent(Protocol):
    """A decedent whose estate tax another calculator recomputes (Form 706-QDT, the QDOT deferral)."""

    @property
    def death_date(self) -> dt.date: ...
    @property
    def adjusted_taxable_gifts(self) -> Decimal: ...
    @property
    def nonresident(self) -> bool: ...
    @property
    def exclusion_amount(self) -> Decimal | None: ...


def decedent_estate_tax(decedent: Decedent, taxable_estate: Decimal, **facts: Any) -> EstateTaxResult:
    """The estate tax of ``decedent`` on ``taxable_estate``; ``facts``: the caller's other fields of
    :class:`EstateTaxInput` (DSUE, a treaty…)."""
    return compute_estate_tax(
        EstateTaxInput(
            taxable_estate=taxable_estate,
            year=decedent.death_date.year,
            death_date=decedent.death_date,
            adjusted_taxable_gifts=decedent.adjusted_taxable_gifts,
            nonresident=decedent.nonresident,
            exclusion_amount=decedent.exclusion_amount,
            **facts,
        )
    )
