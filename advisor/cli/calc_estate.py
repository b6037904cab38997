"""``estate-advisor calc estate-tax``."""

from __future__ import annotations

import argparse

from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.money import format_money
from advisor.cli import args as types
from advisor.cli.output import citations_block, print_json, table


def register(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "estate-tax",
        help="federal estate tax by year of death (IRC 2001, 2010, 2101-2102)",
        description="Federal estate tax of one decedent: tentative tax, applicable credit, net tax.",
    )
    parser.add_argument(
        "--taxable-estate",
        type=types.amount,
        required=True,
        metavar="AMOUNT",
        help="taxable estate (US-situs part for a nonresident), e.g. 20m or $20,000,000",
    )
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=types.year, help="calendar year of death")
    when.add_argument("--death-date", type=types.date, metavar="YYYY-MM-DD", help="date of death")
    parser.add_argument("--adjusted-taxable-gifts", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument("--gift-tax-payable", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument(
        "--dsue", type=types.amount, default=0, metavar="AMOUNT", help="deceased spousal unused exclusion amount"
    )
    parser.add_argument(
        "--nonresident",
        action="store_true",
        help="decedent neither a US citizen nor domiciled in the US (treaties not modelled)",
    )
    parser.add_argument(
        "--exclusion-amount",
        type=types.amount,
        metavar="AMOUNT",
        help="basic exclusion amount, for a year the data does not hold",
    )
    add_law_of_death_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def add_law_of_death_arguments(parser: argparse.ArgumentParser) -> None:
    """Facts the law of some years of death asks for (also used by ``calc qdot-tax``)."""
    parser.add_argument(
        "--dsue-year",
        type=types.year,
        metavar="YEAR",
        help="year the last deceased spouse died: its basic exclusion caps the DSUE (IRC 2010(c)(4))",
    )
    parser.add_argument(
        "--state-death-taxes",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="state death taxes actually paid, for deaths while the IRC 2011 credit existed",
    )
    parser.add_argument(
        "--carryover-basis-election",
        action="store_true",
        help="death in 2010: the executor elected carryover basis (IRC 1022) instead of estate tax",
    )


def run(args: argparse.Namespace) -> int:
    year = args.year if args.year is not None else args.death_date.year
    result = compute_estate_tax(
        EstateTaxInput(
            taxable_estate=args.taxable_estate,
            year=year,
            death_date=args.death_date,
            adjusted_taxable_gifts=args.adjusted_taxable_gifts,
            gift_tax_payable=args.gift_tax_payable,
            dsue=args.dsue,
            dsue_year=args.dsue_year,
            nonresident=args.nonresident,
            exclusion_amount=args.exclusion_amount,
            state_death_taxes=args.state_death_taxes,
            carryover_basis_election=args.carryover_basis_election,
        )
    )
    if args.json:
        print_json(result)
        return 0
    who = "nonresident not a citizen" if result.nonresident else "citizen or resident"
    print(f"Federal estate tax, death in {result.year} ({who}), under the law of that year\n")
    print(
        table(
            ((line.label, format_money(line.amount, cents=True), line.basis) for line in result.lines),
            header=("", "amount", "basis"),
            align="lrl",
        )
    )
    print(f"\nMarginal rate on the next dollar: {(result.marginal_rate * 100).normalize():f}%")
    print(citations_block(result.citations))
    return 0
