"""``estate-advisor calc qdot-deferral``: what a QDOT buys, the tax now against the deferred QDOT tax
over the surviving spouse's life."""

from __future__ import annotations

import argparse
import textwrap

from advisor.calculators.money import format_money
from advisor.calculators.parameters import mortality_tables
from advisor.calculators.qdot_deferral import (
    DEFAULT_BOND_PREMIUM,
    DEFAULT_GIFT_YEARS,
    DEFAULT_RETURN_PREPARATION,
    DEFAULT_TRUSTEE_FEE,
    DeferralInput,
    DeferralResult,
    project_deferral,
)
from advisor.cli import args as types
from advisor.cli.output import add_json_option, citations_block, show, table, wrapped


def register(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "qdot-deferral",
        help="first death only: tax now without a QDOT against the deferred QDOT tax over the spouse's life",
        description="Tax at the first death without a QDOT, the QDOT year by year and weighted over every possible "
        "year of the surviving spouse's death, present values, and the alternatives. First death only: the "
        f"survivor's own estate tax is left out; the two-death comparison is {TWO_DEATHS}.",
    )
    parser.add_argument("--gross-estate", type=types.amount, required=True, metavar="AMOUNT")
    parser.add_argument(
        "--deductions", type=types.amount, default=0, metavar="AMOUNT", help="debts, expenses and losses"
    )
    parser.add_argument("--charitable-deduction", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument("--adjusted-taxable-gifts", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument(
        "--death-date", type=types.date, required=True, metavar="YYYY-MM-DD", help="date of the first death"
    )
    parser.add_argument("--nonresident", action="store_true", help="the first decedent was a nonresident alien")
    parser.add_argument(
        "--exclusion-amount", type=types.amount, metavar="AMOUNT", help="basic exclusion, for a year without data"
    )
    parser.add_argument(
        "--treaty", type=types.country, metavar="CC", help="with --nonresident: treaty country (pro-rata credit)"
    )
    parser.add_argument(
        "--worldwide-estate", type=types.amount, metavar="AMOUNT", help="gross estate wherever situated"
    )
    parser.add_argument(
        "--qdot-amount",
        type=types.amount,
        metavar="AMOUNT",
        help="property passing to the QDOT (default: everything above the exclusion left)",
    )
    parser.add_argument("--growth", type=types.percent, default=0, metavar="PERCENT", help="yearly growth of principal")
    parser.add_argument(
        "--income-yield", type=types.percent, default=0, metavar="PERCENT", help="yearly income paid to the spouse"
    )
    parser.add_argument(
        "--principal-distributions",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="planned principal distribution each year",
    )
    parser.add_argument("--spouse-age", type=types.age, required=True, help="surviving spouse's age at the first death")
    parser.add_argument(
        "--discount-rate", type=types.rate, required=True, metavar="PERCENT", help="rate for present values"
    )
    parser.add_argument(
        "--trustee-fee",
        type=types.percent,
        default=DEFAULT_TRUSTEE_FEE,
        metavar="PERCENT",
        help=f"yearly, of the trust's value (assumed {DEFAULT_TRUSTEE_FEE * 100:g}%%)",
    )
    parser.add_argument(
        "--bond-premium",
        type=types.percent,
        default=DEFAULT_BOND_PREMIUM,
        metavar="PERCENT",
        help=f"yearly, of the bond, when a bond is needed (assumed {DEFAULT_BOND_PREMIUM * 100:g}%%)",
    )
    parser.add_argument("--bank-trustee", action="store_true", help="a bank is trustee: no bond needed")
    parser.add_argument(
        "--return-preparation",
        type=types.amount,
        default=DEFAULT_RETURN_PREPARATION,
        metavar="AMOUNT",
        help=f"per Form 706-QDT (assumed {format_money(DEFAULT_RETURN_PREPARATION)})",
    )
    parser.add_argument(
        "--gift-years",
        type=types.term,
        default=DEFAULT_GIFT_YEARS,
        help=f"years of gifts for the gifts alternative (assumed {DEFAULT_GIFT_YEARS})",
    )
    parser.add_argument(
        "--noncitizen-spouse-exclusion",
        type=types.amount,
        metavar="AMOUNT",
        help="IRC 2523(i) yearly exclusion for every gift year, for years without data",
    )
    parser.add_argument("--table", choices=sorted(mortality_tables()), help="mortality table (default: by death date)")
    add_json_option(parser)
    parser.set_defaults(handler=run_deferral)


TWO_DEATHS = "estate-advisor calc qdot-compare"
"""The command that compares a non-citizen survivor's routes over both deaths."""
DEFERRAL_VALUE = "Present value of deferring the first-death tax (first death only, growth and discount as given)"
"""What ``present_value_benefit`` is: not a net benefit of the QDOT, which needs the second death too."""


def run_deferral(args: argparse.Namespace) -> int:
    result = project_deferral(
        DeferralInput(
            gross_estate=args.gross_estate,
            deductions=args.deductions,
            charitable_deduction=args.charitable_deduction,
            adjusted_taxable_gifts=args.adjusted_taxable_gifts,
            death_date=args.death_date,
            nonresident=args.nonresident,
            exclusion_amount=args.exclusion_amount,
            treaty=args.treaty,
            worldwide_gross_estate=args.worldwide_estate,
            qdot_amount=args.qdot_amount,
            growth=args.growth,
            income_yield=args.income_yield,
            principal_distributions=args.principal_distributions,
            spouse_age=args.spouse_age,
            discount_rate=args.discount_rate,
            trustee_fee=args.trustee_fee,
            bond_premium=args.bond_premium,
            bank_trustee=args.bank_trustee,
            return_preparation=args.return_preparation,
            gift_years=args.gift_years,
            noncitizen_spouse_exclusion=args.noncitizen_spouse_exclusion,
            table=args.table,
        )
    )
    note = (
        "present_value_benefit is the present value of deferring the first-death tax, first death only; "
        f"the two-death comparison (the survivor's own tax, the 2013 credit, naturalisation) is {TWO_DEATHS}"
    )
    result = result.model_copy(update={"notes": (*result.notes, note)})
    return show(result, render_deferral, as_json=args.json)


def folded(rows: list[tuple[str, str]]) -> str:
    """Label and value rows in 80 columns: a label too long for them folded under itself, its value on its
    first line."""
    values = max(len(value) for _, value in rows)
    width = min(52, 78 - values)
    lines = []
    for label, value in rows:
        first, *rest = textwrap.wrap(label, width) or [""]
        lines.append(f"{first.ljust(width)}  {value.rjust(values)}".rstrip())
        lines += [f"  {more}" for more in rest]
    return "\n".join(lines)


def render_deferral(result: DeferralResult) -> str:
    """The projection for an 80-column terminal: two narrow year tables, alternatives and assumptions folded."""
    money = format_money
    summary = [
        ("Passing to the QDOT", money(result.qdot_amount)),
        ("Tax at the first death without a QDOT", money(result.tax_without_qdot)),
        ("Tax at the first death with the QDOT", money(result.tax_at_first_death_with_qdot)),
        (
            "Security",
            f"bond of {money(result.bond_amount)}" if result.bond_required else "no bond (bank trustee or <= $2M)",
        ),
        ("Spouse's expected death", f"year {result.expected_death_year} ({result.life_expectancy:.1f} years)"),
        ("Tax with the QDOT, death in the expected year", money(result.tax_with_qdot_at_expected_death)),
        ("Expected tax with the QDOT (all death years)", money(result.expected_tax_with_qdot)),
        ("Expected costs", money(result.expected_costs)),
        ("Present value: tax without a QDOT", money(result.present_value_tax_without_qdot)),
        ("Present value: taxes with the QDOT", money(result.present_value_tax_with_qdot)),
        ("Present value: costs", money(result.present_value_costs)),
        (DEFERRAL_VALUE, money(result.present_value_benefit)),
    ]
    trust = [
        (
            f"{y.year} ({y.calendar_year})",
            money(y.value_start),
            money(y.income),
            money(y.principal_distributions),
            money(y.tax_paid_from_trust),
        )
        for y in result.years
    ]
    death = [
        (
            f"{y.year} ({y.calendar_year})",
            money(y.qdot_tax),
            money(y.costs),
            money(y.tax_if_spouse_dies),
            f"{y.probability_of_death:.4f}",
        )
        for y in result.years
    ]
    alternatives = []
    for a in result.alternatives:
        alternatives += [
            *wrapped(a.name, "  - "),
            f"    tax at the first death {money(a.tax_at_first_death)}; "
            f"expected later tax {money(a.expected_later_tax)}",
            f"    present value below paying now {money(a.present_value_benefit)}",
        ]
    return "\n".join(
        [
            "What deferring the first-death tax is worth (first death only)",
            "For the routes followed to the survivor's death, run",
            f"{TWO_DEATHS}.",
            "",
            folded(summary),
            "",
            "Year by year to the spouse's expected death: the trust",
            table(trust, header=("year", "value", "income", "principal", "tax paid")),
            "",
            "... and what each year would cost",
            table(death, header=("year", "QDOT tax", "costs", "tax if dies", "p(death)")),
            "",
            "Alternatives on the same assumptions",
            *alternatives,
            "",
            "Assumptions:",
            *(line for assumption in result.assumptions for line in wrapped(assumption, "  - ")),
            citations_block(result.citations, result.notes),
        ]
    )
