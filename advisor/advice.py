"""The one application service: a finished interview in, the screened and explained advice out.

Every front end (the app, plain prompts, ``interview``, ``sessions``, ``batch``, the session
comparison and the persona table) calls :func:`advise`, so they agree on what is screened and on
which day. The day is decided once by the front end (:func:`advisor.day.today`, or a ``--today`` flag) and
passed explicitly, to batch workers too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from advisor.answers_file import personas, session_from_file
from advisor.calculators.couple import ComparisonInput
from advisor.calculators.money import InputError, typed_amount
from advisor.content import explain, render_explained
from advisor.engine import Session
from advisor.screening import Screening, screen
from advisor.screening.basis import basis_for
from advisor.screening.treaty import MaritalCreditParties

ZERO = Decimal(0)

Format = Literal["md", "html", "json"]


@dataclass(frozen=True)
class AdviceOptions:
    """What a front end may choose about the advice (everything else follows from the answers)."""

    projections: bool = True
    """Include the projections that take milliseconds per recommendation (batch runs may leave them out)."""


@dataclass(frozen=True)
class Advice:
    """The screening of one finished interview, with its explanation rendered once and reused."""

    session: Session
    screening: Screening
    today: dt.date
    options: AdviceOptions = field(default_factory=AdviceOptions)

    @cached_property
    def explained(self) -> dict[str, Any]:
        """Every text rendered (the ``--format json`` shape, and what the report templates lay out)."""
        return explain(self.screening, self.session)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.screening.kinds)

    def calculator_prefill(self) -> dict[str, dict[str, str]]:
        """The calculator screens' fields filled with exactly what the recommendations used: the same
        day (the first death is today, never in the past), rate, growth, term and estate."""
        profile, screening = self.screening.profile, self.screening
        found = {r.kind: r for r in screening.recommendations}
        estate: dict[str, str] = {"year": str(screening.tax_year)}
        qdot = found.get("qdot")
        taxable = qdot.figure("taxable_estate") if qdot is not None else None
        estate["taxable_estate"] = typed_amount(
            taxable.value
            if taxable is not None
            else (profile.estate_us_situs or ZERO)
            if profile.nonresident_not_citizen
            else profile.estate_total
        )
        estate["adjusted_taxable_gifts"] = typed_amount(profile.prior_taxable_gifts)
        estate["nonresident"] = "yes" if profile.nonresident_not_citizen else "no"
        prefill = {"estate-tax": estate}
        qprt = found.get("qprt")
        if qprt is not None and profile.residence_value is not None:
            term, rate = qprt.figure("suggested_term"), qprt.figure("section_7520_rate")
            grown = qprt.figure("value_at_term_end")
            assert term is not None and rate is not None and grown is not None
            prefill["qprt"] = {
                "fmv": typed_amount(profile.residence_value),
                "age": str(profile.age_on(self.today)),
                "term": str(int(term.value)),
                "rate": _percent(rate.value),
                "valuation_date": "",
                "growth": _percent(Decimal(str(grown.facts["growth"]))),
                "basis": "" if profile.residence_basis is None else typed_amount(profile.residence_basis),
            }
        survivor = profile.spouse_age_on(self.today)
        if qdot is not None and taxable is not None and survivor is not None:
            prefill["qdot-deferral"] = {
                "gross_estate": typed_amount(taxable.value),
                "death_date": self.today.isoformat(),
                "spouse_age": str(survivor),
                "growth": _percent(profile.estate_growth),
                "discount_rate": _percent(self.screening_rate()),
            }
        return prefill

    def comparison_basis(self) -> tuple[ComparisonInput, MaritalCreditParties | None] | None:
        """The two-death comparison's facts of the QDOT card the other calculators are filled from (the
        last QDOT recommendation's), so the routes screen runs exactly what the card ran."""
        qdot = [r for r in self.screening.recommendations if r.kind == "qdot" and r.comparison is not None]
        if not qdot:
            return None
        assert qdot[-1].comparison is not None
        return qdot[-1].comparison, qdot[-1].marital_credit

    def screening_rate(self) -> Decimal:
        """The section 7520 rate the screening used (the latest published when today's is not out yet)."""
        return basis_for(self.today).rate.value

    def render(self, fmt: Format = "md", *, client: str | None = None) -> str:
        """The report in Markdown, HTML, or JSON (the explained screening, with ids kept)."""
        if fmt == "json":
            return json.dumps(self.explained, indent=2) + "\n"
        return render_explained(self.explained, fmt, client=client)


def advise(
    source: Session | Mapping[str, object] | Path,
    *,
    today: dt.date,
    options: AdviceOptions | None = None,
) -> Advice:
    """Screen a finished interview as of ``today``.

    ``source`` is a session (it must be complete), an answers mapping (replayed with the flow's
    defaults, as an answers file is) or an answers file; an unfinished or invalid one raises an
    :class:`~advisor.calculators.money.InputError` that names the problem.
    """
    options = options or AdviceOptions()
    if isinstance(source, Path):
        session = session_from_file(source, today)
    elif isinstance(source, Session):
        session = source
    else:
        session = Session.from_answers(source, today=today, defaults=True)
        if session.rejections:
            raise InputError(f"invalid answer: {next(iter(session.rejections.values()))}")
    screening = screen(session.profile(), today=today, projections=options.projections)
    return Advice(session=session, screening=screening, today=today, options=options)


def _percent(fraction: Decimal) -> str:
    """A fraction as a percent typed into a field: ``0.056 -> 5.6``."""
    return f"{(fraction * 100).normalize():f}"


def persona_advice(today: dt.date, options: AdviceOptions | None = None) -> dict[str, Advice]:
    """Every bundled persona advised as of a day."""
    return {name: advise(path, today=today, options=options) for name, path in personas().items()}
