"""``calc qprt`` and the QPRT screen: the gift of a qualified personal residence trust, its factors, what it
may save and, with the sweep, every term."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from advisor.calculators.money import format_money
from advisor.calculators.parameters import latest, mortality_tables
from advisor.calculators.qprt import QprtInput, QprtResult, QprtSweep, compute_qprt, sweep_terms
from advisor.presentation.inputs import Input, inputs_of
from advisor.presentation.model import Calculator, Chart, Line, Presentation, Table
from advisor.presentation.numbers import percent
from advisor.presentation.wording import text, wording

KEY = "qprt"


class Priced(BaseModel):
    """One QPRT and, when asked for, the sweep of its terms."""

    model_config = ConfigDict(frozen=True)

    result: QprtResult
    sweep: QprtSweep | None = None


def compute(values: Mapping[str, object]) -> Priced:
    facts = QprtInput.model_validate({name: value for name, value in values.items() if name != "sweep"})
    return Priced(result=compute_qprt(facts), sweep=sweep_terms(facts) if values.get("sweep") else None)


def payload(priced: Priced) -> dict[str, object]:
    """``--json``: the result, and with ``--sweep`` its rows and best term."""
    data = priced.result.model_dump(mode="json")
    if priced.sweep is not None:
        data["sweep"] = [row.model_dump(mode="json") for row in priced.sweep.rows]
        data["best_term"] = priced.sweep.best_term
    return data


def _factor(value: Decimal) -> str:
    return f"{value:.6f}"


def present(priced: Priced) -> Presentation:
    r, p, sweep = priced.result, priced.result.projection, priced.sweep
    money = format_money

    def line(name: str, value: str, detail: bool = False, **figures: object) -> Line:
        return Line(text(KEY, name), value, text(KEY, f"{name}_basis", **figures), detail)

    lines = [
        line("rate", percent(r.rate)),
        line("table", r.table),
        line("discount_factor", _factor((1 / (1 + r.rate)) ** r.term), detail=True),
        line("remainder", _factor(r.remainder_factor)),
        line("reversion", _factor(r.reversion_factor)),
        line("term_factor", _factor(r.term_factor)),
        line("survival", f"{r.survival_probability:.1%}", table=r.table, age=r.age),
    ]
    if r.second_survival_probability is not None:
        lines.append(
            line("second_survival", f"{r.second_survival_probability:.1%}", True, table=r.table, age=r.second_age)
        )
    lost = text(KEY, "no_basis") if p.lost_step_up_cost is None else money(p.lost_step_up_cost)
    lines += [
        line("gift_before_discount", money(r.gift_before_discount, cents=True), detail=True),
        line("discount", money(r.discount, cents=True), detail=True),
        line("gift", money(r.gift)),
        line("retained", money(r.retained_interest), detail=True),
        line("value_at_term_end", money(p.value_at_term_end)),
        Line(
            text(KEY, "saved", rate=percent(p.estate_tax_rate)),
            money(p.estate_tax_saved_if_survives),
            text(KEY, "saved_basis", rate=percent(p.estate_tax_rate)),
        ),
        line("expected_saved", money(p.expected_estate_tax_saved), detail=True),
        line("lost_step_up", lost, rate=percent(p.capital_gains_rate)),
        line("costs", money(p.costs), detail=True),
        line("net", money(p.expected_net_saving)),
    ]
    if sweep is not None:
        lines.append(line("best", text(KEY, "years", term=sweep.best_term)))
    lives = text(KEY, "age", age=r.age) + (
        text(KEY, "second_life", age=r.second_age) if r.second_age is not None else ""
    )
    month = text(KEY, "month", month=r.valuation_month) if r.valuation_month else ""
    return Presentation(
        title=text(KEY, "title", term=r.term, lives=lives, month=month),
        lines=lines,
        summary=text(KEY, "summary", gift=money(r.gift), survival=f"{r.survival_probability:.1%}"),
        citations=r.citations,
        notes=r.notes,
        chart=None if sweep is None else _chart(sweep),
        tables=() if sweep is None else (_sweep_table(sweep),),
    )


def _chart(sweep: QprtSweep) -> Chart:
    return Chart.worded(
        KEY,
        [row.term for row in sweep.rows],
        ("chart_gift", [float(row.gift) / 1000 for row in sweep.rows]),
        ("chart_survival", [float(row.survival_probability) * 100 for row in sweep.rows]),
        right="chart_survival",
    )


def _sweep_table(sweep: QprtSweep) -> Table:
    rows = [
        (
            f"{row.term}{' *' if row.term == sweep.best_term else ''}",
            _factor(row.remainder_factor),
            format_money(row.gift),
            f"{row.survival_probability:.4f}",
            format_money(row.expected_net_saving),
        )
        for row in sweep.rows
    ]
    return Table(text(KEY, "sweep"), wording(KEY)["text"]["sweep_header"], rows)


def ui_inputs() -> list[Input]:
    """The screen's fields; the rate starts at the latest month's section 7520 rate, which its label names."""
    row = latest("section_7520_rates.csv")
    label = text(KEY, "rate_label", month=f"{row.effective_from:%Y-%m}")
    return [
        dataclasses.replace(spec, label=label, default=row["rate_percent"]) if spec.name == "rate" else spec
        for spec in CALCULATOR.ui_inputs
    ]


CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(
        QprtInput,
        KEY,
        ui={
            "fmv": "2m",
            "age": "65",
            "term": "10",
            "rate": "",
            "valuation_date": "",
            "second_age": "",
            "growth": "3",
            "basis": "",
        },
        percent=("rate", "growth", "capital_gains_rate", "estate_tax_rate"),
        points=("discount_percent",),
        choices={"table": sorted(mortality_tables())},
        flags={"discount_percent": "discount", "capital_gains_rate": "cg-rate"},
    ),
    compute=compute,
    present=present,
    payload=payload,
    exclusive=(("age", "birth_date"),),
    switches=("sweep",),
    ui_switches={"sweep": True},
)
