"""``estate-advisor calc qprt``."""

from __future__ import annotations

import argparse
from decimal import Decimal

from advisor.calculators.money import format_money
from advisor.calculators.parameters import mortality_tables
from advisor.calculators.qprt import QprtInput, QprtResult, QprtSweep, compute_qprt, sweep_terms
from advisor.cli import args as types
from advisor.cli.output import add_json_option, citations_block, print_json, table


def register(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "qprt",
        help="QPRT gift value, factors and projection (IRC 2702, 7520)",
        description="Gift value of a qualified personal residence trust, its factors, and what it may save.",
    )
    parser.add_argument("--fmv", type=types.amount, required=True, metavar="AMOUNT", help="value of the residence")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--age", type=types.age, help="grantor's age at the nearest birthday")
    who.add_argument("--birth-date", type=types.date, metavar="YYYY-MM-DD", help="grantor's birth date")
    parser.add_argument("--term", type=types.term, required=True, help="term in whole years")
    parser.add_argument("--rate", type=types.rate, metavar="PERCENT", help="section 7520 rate, e.g. 5.2 for 5.2%%")
    parser.add_argument(
        "--valuation-date",
        type=types.date,
        metavar="YYYY-MM-DD",
        help="date of the transfer: picks the month's 7520 rate and the mortality table",
    )
    parser.add_argument("--second-age", type=types.age, help="age of a second measuring life (joint QPRT)")
    parser.add_argument(
        "--table", choices=sorted(mortality_tables()), help="mortality table (default: by valuation date)"
    )
    parser.add_argument("--no-reversion", action="store_true", help="no reversion to the grantor's estate")
    parser.add_argument(
        "--discount", type=types.percent, default=0, metavar="PERCENT", help="fractional-interest discount on the gift"
    )
    parser.add_argument(
        "--growth", type=types.percent, default=0, metavar="PERCENT", help="yearly growth of the residence's value"
    )
    parser.add_argument(
        "--basis", type=types.amount, metavar="AMOUNT", help="grantor's cost basis (for the lost step-up)"
    )
    parser.add_argument(
        "--cg-rate",
        type=types.percent,
        metavar="PERCENT",
        help="capital gains rate for the lost step-up (default 20, an assumption)",
    )
    parser.add_argument(
        "--estate-tax-rate",
        type=types.percent,
        metavar="PERCENT",
        help="marginal estate tax rate for the projection (default: top 2001(c) rate)",
    )
    parser.add_argument("--setup-cost", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument("--yearly-cost", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument("--sweep", action="store_true", help="also value every term and mark the best")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def facts_from(args: argparse.Namespace) -> QprtInput:
    optional = {
        "capital_gains_rate": args.cg_rate,
        "estate_tax_rate": args.estate_tax_rate,
    }
    return QprtInput(
        fmv=args.fmv,
        term=args.term,
        age=args.age,
        birth_date=args.birth_date,
        valuation_date=args.valuation_date,
        rate=args.rate,
        table=args.table,
        second_age=args.second_age,
        reversion=not args.no_reversion,
        discount_percent=args.discount * 100,
        growth=args.growth,
        basis=args.basis,
        setup_cost=args.setup_cost,
        yearly_cost=args.yearly_cost,
        **{key: value for key, value in optional.items() if value is not None},
    )


def run(args: argparse.Namespace) -> int:
    facts = facts_from(args)
    result = compute_qprt(facts)
    sweep = sweep_terms(facts) if args.sweep else None
    if args.json:
        payload = result.model_dump(mode="json")
        if sweep is not None:
            payload["sweep"] = [row.model_dump(mode="json") for row in sweep.rows]
            payload["best_term"] = sweep.best_term
        print_json(payload)
        return 0
    print(render(result))
    if sweep is not None:
        print(render_sweep(sweep))
    return 0


def _pct(value: Decimal) -> str:
    return f"{float(value) * 100:.4g}%"


def render(result: QprtResult) -> str:
    lives = f"age {result.age}" + (
        f" and a second life aged {result.second_age}" if result.second_age is not None else ""
    )
    month = f", valuation month {result.valuation_month}" if result.valuation_month else ""
    rows = [
        ("Section 7520 rate", _pct(result.rate)),
        ("Mortality table", result.table),
        ("Remainder factor", f"{result.remainder_factor:.6f}"),
        ("Reversion factor", f"{result.reversion_factor:.6f}"),
        ("Term (use) factor", f"{result.term_factor:.6f}"),
        ("Probability the grantor survives the term", f"{result.survival_probability:.6f}"),
    ]
    if result.second_survival_probability is not None:
        rows.append(("Probability the second life survives the term", f"{result.second_survival_probability:.6f}"))
    rows += [
        ("Gift before discount", format_money(result.gift_before_discount, cents=True)),
        ("Fractional-interest discount", format_money(result.discount, cents=True)),
        ("Taxable gift (whole dollars)", format_money(result.gift)),
        ("Retained interest", format_money(result.retained_interest)),
    ]
    p = result.projection
    projection = [
        ("Value at the end of the term", format_money(p.value_at_term_end)),
        (
            f"Estate tax saved if the grantor survives (at {_pct(p.estate_tax_rate)})",
            format_money(p.estate_tax_saved_if_survives),
        ),
        ("Expected estate tax saved (weighted by survival)", format_money(p.expected_estate_tax_saved)),
        (
            f"Lost step-up in basis (at {_pct(p.capital_gains_rate)})",
            "no basis given" if p.lost_step_up_cost is None else format_money(p.lost_step_up_cost),
        ),
        ("Setup and yearly costs", format_money(p.costs)),
        ("Expected net saving", format_money(p.expected_net_saving)),
    ]
    return "\n".join(
        [
            f"QPRT: {result.term}-year term, grantor {lives}{month}",
            "",
            table(rows),
            "",
            "Projection",
            table(projection),
            citations_block(result.citations, result.notes),
        ]
    )


def render_sweep(sweep: QprtSweep) -> str:
    rows = [
        (
            f"{row.term}{' *' if row.term == sweep.best_term else ''}",
            f"{row.remainder_factor:.6f}",
            format_money(row.gift),
            f"{row.survival_probability:.4f}",
            format_money(row.expected_net_saving),
        )
        for row in sweep.rows
    ]
    return "\n".join(
        [
            "",
            "Term sweep (* best expected net saving)",
            table(rows, header=("term", "remainder", "gift", "survival", "expected net saving")),
        ]
    )
