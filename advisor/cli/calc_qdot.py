"""``estate-advisor calc qdot-tax``, ``qdot-due-date`` and ``qdot-security``: the QDOT's tax, when its
return is due, and the security it must give."""

from __future__ import annotations

import argparse
import datetime as dt

from advisor.calculators.money import format_money
from advisor.calculators.qdot_due_dates import DueDateInput, DueDateResult, Event, due_dates
from advisor.calculators.qdot_security import SecurityInput, SecurityResult, security_requirements
from advisor.calculators.qdot_tax import QdotTaxInput, QdotTaxResult, compute_qdot_tax
from advisor.cli import args as types
from advisor.cli.calc_estate import add_law_of_death_arguments
from advisor.cli.output import add_json_option, citations_block, show, table


def register(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_tax(calculators)
    _register_due_date(calculators)
    _register_security(calculators)


# --- qdot-tax --------------------------------------------------------------------------------------


def _register_tax(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "qdot-tax",
        help="QDOT estate tax of one Form 706-QDT (IRC 2056A(b))",
        description="The tax on a year's QDOT events: the decedent's estate tax recomputed with and without them.",
    )
    parser.add_argument(
        "--decedent-taxable-estate",
        type=types.amount,
        required=True,
        metavar="AMOUNT",
        help="line 7: the decedent's taxable estate as filed or finally determined",
    )
    parser.add_argument(
        "--death-date", type=types.date, required=True, metavar="YYYY-MM-DD", help="the decedent's date of death"
    )
    parser.add_argument(
        "--distributions",
        type=types.amount,
        required=True,
        metavar="AMOUNT",
        help="principal distributed this year, including QDOT tax paid from the trust and hardship distributions",
    )
    parser.add_argument("--hardship", type=types.amount, default=0, metavar="AMOUNT", help="hardship exemption claimed")
    parser.add_argument(
        "--prior-taxable",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="line 6: taxable amounts of past returns",
    )
    parser.add_argument(
        "--property-at-death",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="line 2: property left in the trust at the surviving spouse's death (or disqualification)",
    )
    parser.add_argument("--marital-deduction", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument("--charitable-deduction", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument(
        "--adjusted-taxable-gifts", type=types.amount, default=0, metavar="AMOUNT", help="the decedent's"
    )
    parser.add_argument("--gift-tax-payable", type=types.amount, default=0, metavar="AMOUNT", help="the decedent's")
    parser.add_argument("--dsue", type=types.amount, default=0, metavar="AMOUNT", help="the decedent's DSUE amount")
    parser.add_argument(
        "--nonresident", action="store_true", help="the decedent was a nonresident not a citizen (IRC 2101-2102)"
    )
    parser.add_argument(
        "--exclusion-amount",
        type=types.amount,
        metavar="AMOUNT",
        help="the decedent's basic exclusion amount, for a year the data does not hold",
    )
    add_law_of_death_arguments(parser)
    parser.add_argument(
        "--highest-rate",
        action="store_true",
        help="decedent's tax not finally determined, or several QDOTs without a designated filer",
    )
    parser.add_argument(
        "--highest-rate-percent",
        type=types.rate,
        metavar="PERCENT",
        help="with --highest-rate: the rate, for a date of death the data does not hold",
    )
    add_json_option(parser)
    parser.set_defaults(handler=run_tax)


def run_tax(args: argparse.Namespace) -> int:
    result = compute_qdot_tax(
        QdotTaxInput(
            decedent_taxable_estate=args.decedent_taxable_estate,
            death_date=args.death_date,
            distributions=args.distributions,
            hardship=args.hardship,
            prior_taxable=args.prior_taxable,
            property_at_death=args.property_at_death,
            marital_deduction=args.marital_deduction,
            charitable_deduction=args.charitable_deduction,
            adjusted_taxable_gifts=args.adjusted_taxable_gifts,
            gift_tax_payable=args.gift_tax_payable,
            dsue=args.dsue,
            dsue_year=args.dsue_year,
            nonresident=args.nonresident,
            exclusion_amount=args.exclusion_amount,
            state_death_taxes=args.state_death_taxes,
            carryover_basis_election=args.carryover_basis_election,
            highest_rate=args.highest_rate,
            highest_rate_override=args.highest_rate_percent,
        )
    )
    return show(result, render_tax, as_json=args.json)


def render_tax(result: QdotTaxResult) -> str:
    rows = ((line.label, format_money(line.amount, cents=True), line.basis) for line in result.lines)
    return "\n".join(
        [
            f"Form 706-QDT tax computation (decedent died {result.death_date.isoformat()})",
            "",
            table(rows, header=("", "amount", "basis"), align="lrl"),
            "",
            f"QDOT tax: {format_money(result.qdot_tax, cents=True)}",
            citations_block(result.citations, result.notes),
        ]
    )


# --- qdot-due-date ---------------------------------------------------------------------------------


def _register_due_date(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "qdot-due-date",
        help="when a Form 706-QDT is due (and the next business day, IRC 7503)",
        description="Due date of a Form 706-QDT, the 6-month extension to file, and the next business day.",
    )
    parser.add_argument(
        "--event",
        choices=[event.value for event in Event],
        required=True,
        help="distribution, the surviving spouse's death, or the trust ceasing to qualify",
    )
    parser.add_argument("--date", type=types.date, required=True, metavar="YYYY-MM-DD", help="date of the event")
    parser.add_argument("--extension", action="store_true", help="an extension to file was requested (Form 4768)")
    add_json_option(parser)
    parser.set_defaults(handler=run_due_date)


def run_due_date(args: argparse.Namespace) -> int:
    result = due_dates(DueDateInput(event=Event(args.event), date=args.date, extension=args.extension))
    return show(result, render_due_date, as_json=args.json)


def _day(day: dt.date) -> str:
    return f"{day:%a %Y-%m-%d}"


def render_due_date(result: DueDateResult) -> str:
    rows = [
        ("Due date (filing and payment)", _day(result.due_date)),
        ("Next business day (IRC 7503)", _day(result.next_business_day)),
        ("Extended due date to file (Form 4768)", _day(result.extended_due_date)),
        ("Extended, next business day", _day(result.extended_next_business_day)),
        ("Last day to file", _day(result.filing_deadline)),
        ("Last day to pay", _day(result.payment_deadline)),
    ]
    skipped = [f"{_day(p.day)} skipped: {p.reason}" for p in result.postponements]
    return "\n".join(
        [
            f"Form 706-QDT for a {result.event.value} on {result.event_date.isoformat()}",
            "",
            table(rows),
            *(["", *skipped] if skipped else []),
            "",
            "Basis:",
            *(f"  - {line}" for line in result.basis),
        ]
    )


# --- qdot-security ---------------------------------------------------------------------------------


def _register_security(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "qdot-security",
        help="security a QDOT must give for the tax: the $2 million test, bond amount",
        description="Which security arrangements satisfy the QDOT rules, and the bond or letter of credit amount.",
    )
    parser.add_argument(
        "--value",
        type=types.amount,
        required=True,
        metavar="AMOUNT",
        help="estate tax value of the assets passing to this QDOT, without regard to indebtedness",
    )
    parser.add_argument(
        "--other-qdots", type=types.amount, default=0, metavar="AMOUNT", help="value of the spouse's other QDOTs"
    )
    parser.add_argument(
        "--fmv", type=types.amount, metavar="AMOUNT", help="FMV of this trust's assets (default: --value)"
    )
    parser.add_argument(
        "--residence",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="personal residence owned by the QDOT, with furnishings, for which the exclusion is elected",
    )
    parser.add_argument(
        "--foreign-real-property",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="FMV of the trust's real property outside the United States",
    )
    add_json_option(parser)
    parser.set_defaults(handler=run_security)


def run_security(args: argparse.Namespace) -> int:
    result = security_requirements(
        SecurityInput(
            trust_value=args.value,
            other_qdots=args.other_qdots,
            trust_fmv=args.fmv,
            residence=args.residence,
            foreign_real_property=args.foreign_real_property,
        )
    )
    return show(result, render_security, as_json=args.json)


def render_security(result: SecurityResult) -> str:
    figures = [
        ("All of the spouse's QDOTs", format_money(result.aggregate_value)),
        ("Personal residence exclusion", format_money(result.residence_exclusion)),
        ("Value for the $2 million test", format_money(result.value_for_threshold)),
        ("Over $2 million", "yes" if result.over_threshold else "no"),
        ("Bond or letter of credit amount", format_money(result.bond_amount, cents=True)),
        ("Foreign real property share of FMV", f"{result.foreign_real_property_share * 100:.2f}%"),
    ]
    options = [("yes" if a.satisfies else "no", a.name, a.detail) for a in result.arrangements]
    return "\n".join(
        [
            "QDOT security for payment of the tax",
            "",
            table(figures),
            "",
            table(options, header=("meets the rules", "arrangement", ""), align="lll"),
            citations_block(result.citations, result.notes),
        ]
    )
