"""``estate-advisor calc qdot-check-deposit``, ``qdot-6166`` and ``qdot-stock-value``: figures that go on
Form 706-QDT's lines."""

from __future__ import annotations

import argparse
import datetime as dt
from functools import partial

from advisor.calculators.money import InputError, format_money
from advisor.calculators.qdot_form_fields import (
    Quote,
    Section6166Input,
    Section6166Result,
    StockValue,
    check_account_number,
    check_routing_number,
    section_6166_share,
    value_without_sales,
)
from advisor.cli import args as types
from advisor.cli.output import add_json_option, print_json, show


def register(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    deposit = calculators.add_parser(
        "qdot-check-deposit",
        help="check direct-deposit routing and account numbers (Form 706-QDT lines 15b, 15d)",
        description="Check the routing number (line 15b) and account number (line 15d) for a refund by direct deposit.",
    )
    deposit.add_argument("--routing", required=True, metavar="NUMBER", help="nine-digit routing number")
    deposit.add_argument("--account", required=True, metavar="NUMBER", help="up to 17 letters, digits and hyphens")
    add_json_option(deposit)
    deposit.set_defaults(handler=run_check_deposit)

    share = calculators.add_parser(
        "qdot-6166",
        help="part of the QDOT tax payable in installments (IRC 6166)",
        description="The tax attributable to a closely held business: tax x business / adjusted gross estate.",
    )
    share.add_argument("--tax", type=types.amount, required=True, metavar="AMOUNT")
    share.add_argument("--closely-held-business", type=types.amount, required=True, metavar="AMOUNT")
    share.add_argument("--adjusted-gross-estate", type=types.amount, required=True, metavar="AMOUNT")
    add_json_option(share)
    share.set_defaults(handler=run_6166)

    stock = calculators.add_parser(
        "qdot-stock-value",
        help="value per share on a day without sales (26 CFR 20.2031-2(b)(1))",
        description="Means of high and low on the nearest trading days before and after, weighted by trading days.",
    )
    stock.add_argument("--date", type=types.date, required=True, metavar="YYYY-MM-DD", help="valuation date")
    for side in ("before", "after"):
        stock.add_argument(f"--{side}-date", type=types.date, required=True, metavar="YYYY-MM-DD")
        stock.add_argument(f"--{side}-high", type=types.amount, required=True, metavar="PRICE")
        stock.add_argument(f"--{side}-low", type=types.amount, required=True, metavar="PRICE")
    add_json_option(stock)
    stock.set_defaults(handler=run_stock_value)


def run_check_deposit(args: argparse.Namespace) -> int:
    problems = []
    checked = {}
    for field, check, text in (
        ("routing_number", check_routing_number, args.routing),
        ("account_number", check_account_number, args.account),
    ):
        try:
            checked[field] = check(text)
        except InputError as error:
            problems.append(str(error))
    if problems:
        raise InputError("; ".join(problems))
    if args.json:
        print_json({**checked, "valid": True})
    else:
        print(
            f"Routing number {checked['routing_number']} (line 15b) and account number "
            f"{checked['account_number']} (line 15d) meet the form's rules."
        )
    return 0


def run_6166(args: argparse.Namespace) -> int:
    result = section_6166_share(
        Section6166Input(
            tax=args.tax,
            closely_held_business=args.closely_held_business,
            adjusted_gross_estate=args.adjusted_gross_estate,
        )
    )
    return show(result, render_6166, as_json=args.json)


def render_6166(result: Section6166Result) -> str:
    tax = format_money(result.installment_tax, cents=True)
    notes = "\n".join(f"note: {note}" for note in result.notes)
    return f"Tax payable in installments (IRC 6166): {tax} (ratio {result.ratio:.6f})\n{notes}"


def run_stock_value(args: argparse.Namespace) -> int:
    result = value_without_sales(
        args.date,
        Quote(day=args.before_date, high=args.before_high, low=args.before_low),
        Quote(day=args.after_date, high=args.after_high, low=args.after_low),
    )
    return show(result, partial(render_stock_value, args.date), as_json=args.json)


def render_stock_value(day: dt.date, result: StockValue) -> str:
    return (
        f"Value per share on {day}: {result.value:.4f} "
        f"(mean {result.mean_before} {result.trading_days_before} trading days before, "
        f"mean {result.mean_after} {result.trading_days_after} after; 26 CFR 20.2031-2(b)(1))"
    )
