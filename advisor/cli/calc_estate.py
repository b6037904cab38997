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
        help="decedent neither a US citizen nor domiciled in the US",
    )
    treaty = parser.add_argument_group(
        "estate tax treaty",
        "the pro-rata unified credit of a nonresident (IRC 2102(b)(3)(A)) and the Canadian marital credit "
        "(Art. XXIX B) are computed from verified treaty rows; any other provision is named and not computed",
    )
    treaty.add_argument(
        "--treaty", type=types.country, metavar="CC", help="country whose treaty is claimed (JP, Japan)"
    )
    treaty.add_argument(
        "--worldwide-estate", type=types.amount, metavar="AMOUNT", help="gross estate wherever situated"
    )
    treaty.add_argument(
        "--us-gross-estate",
        type=types.amount,
        metavar="AMOUNT",
        help="US-situs gross estate, when it is not the taxable estate",
    )
    treaty.add_argument(
        "--marital-credit-property",
        type=types.amount,
        metavar="AMOUNT",
        help="qualifying property passing to the spouse for the Canadian marital credit (waives the QDOT deduction)",
    )
    treaty.add_argument(
        "--spouse-residence", type=types.country, metavar="CC", help="surviving spouse's country of residence"
    )
    treaty.add_argument(
        "--decedent-residence",
        type=types.country,
        metavar="CC",
        help="decedent's country of residence (default: the treaty country for a nonresident, else the US)",
    )
    treaty.add_argument(
        "--canadian-citizen-in-couple",
        action="store_true",
        help="the decedent or the spouse is a Canadian citizen (needed when both live in the US)",
    )
    treaty.add_argument(
        "--qdot-elected",
        action="store_true",
        help="a QDOT marital deduction is claimed (never together with a treaty marital relief)",
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
            treaty=args.treaty,
            worldwide_gross_estate=args.worldwide_estate,
            us_gross_estate=args.us_gross_estate,
            marital_credit_property=args.marital_credit_property,
            spouse_residence=args.spouse_residence,
            decedent_residence=args.decedent_residence,
            canadian_citizen_in_couple=args.canadian_citizen_in_couple,
            qdot_elected=args.qdot_elected,
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
    if result.treaty is not None:
        print(f"\nTreaty: {result.treaty.message}" + (f" ({result.treaty.article})" if result.treaty.article else ""))
        for other in result.treaty.other_provisions:
            print(f"  - may change this result, not computed: {other}")
    print(citations_block(result.citations))
    return 0
