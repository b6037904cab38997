"""``estate-advisor calc qdot-tax``, ``qdot-due-date``, ``qdot-security``, ``qdot-check-deposit``,
``qdot-6166``, ``qdot-stock-value`` and ``qdot-deferral``."""

from __future__ import annotations

import argparse
import textwrap

from advisor.calculators.money import InputError, format_money
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
from advisor.calculators.qdot_due_dates import DueDateInput, DueDateResult, Event, due_dates
from advisor.calculators.qdot_form_fields import (
    Quote,
    Section6166Input,
    check_account_number,
    check_routing_number,
    section_6166_share,
    value_without_sales,
)
from advisor.calculators.qdot_security import SecurityInput, SecurityResult, security_requirements
from advisor.calculators.qdot_tax import QdotTaxInput, QdotTaxResult, compute_qdot_tax
from advisor.cli import args as types
from advisor.cli.calc_estate import add_law_of_death_arguments
from advisor.cli.output import citations_block, print_json, table


def register(calculators: argparse._SubParsersAction) -> None:
    _register_tax(calculators)
    _register_due_date(calculators)
    _register_security(calculators)
    _register_form_fields(calculators)
    _register_deferral(calculators)


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


# --- qdot-tax --------------------------------------------------------------------------------------


def _register_tax(calculators: argparse._SubParsersAction) -> None:
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
    _json_flag(parser)
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
    if args.json:
        print_json(result)
    else:
        print(render_tax(result))
    return 0


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


def _register_due_date(calculators: argparse._SubParsersAction) -> None:
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
    _json_flag(parser)
    parser.set_defaults(handler=run_due_date)


def run_due_date(args: argparse.Namespace) -> int:
    result = due_dates(DueDateInput(event=Event(args.event), date=args.date, extension=args.extension))
    if args.json:
        print_json(result)
    else:
        print(render_due_date(result))
    return 0


def _day(day: object) -> str:
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


def _register_security(calculators: argparse._SubParsersAction) -> None:
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
    _json_flag(parser)
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
    if args.json:
        print_json(result)
    else:
        print(render_security(result))
    return 0


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


# --- form fields: qdot-check-deposit, qdot-6166, qdot-stock-value ---------------------------------


def _register_form_fields(calculators: argparse._SubParsersAction) -> None:
    deposit = calculators.add_parser(
        "qdot-check-deposit",
        help="check direct-deposit routing and account numbers (Form 706-QDT lines 15b, 15d)",
        description="Check the routing number (line 15b) and account number (line 15d) for a refund by direct deposit.",
    )
    deposit.add_argument("--routing", required=True, metavar="NUMBER", help="nine-digit routing number")
    deposit.add_argument("--account", required=True, metavar="NUMBER", help="up to 17 letters, digits and hyphens")
    _json_flag(deposit)
    deposit.set_defaults(handler=run_check_deposit)

    share = calculators.add_parser(
        "qdot-6166",
        help="part of the QDOT tax payable in installments (IRC 6166)",
        description="The tax attributable to a closely held business: tax x business / adjusted gross estate.",
    )
    share.add_argument("--tax", type=types.amount, required=True, metavar="AMOUNT")
    share.add_argument("--closely-held-business", type=types.amount, required=True, metavar="AMOUNT")
    share.add_argument("--adjusted-gross-estate", type=types.amount, required=True, metavar="AMOUNT")
    _json_flag(share)
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
    _json_flag(stock)
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
    if args.json:
        print_json(result)
    else:
        print(
            f"Tax payable in installments (IRC 6166): {format_money(result.installment_tax, cents=True)} "
            f"(ratio {result.ratio:.6f})\n" + "\n".join(f"note: {note}" for note in result.notes)
        )
    return 0


def run_stock_value(args: argparse.Namespace) -> int:
    result = value_without_sales(
        args.date,
        Quote(day=args.before_date, high=args.before_high, low=args.before_low),
        Quote(day=args.after_date, high=args.after_high, low=args.after_low),
    )
    if args.json:
        print_json(result)
    else:
        print(
            f"Value per share on {args.date}: {result.value:.4f} "
            f"(mean {result.mean_before} {result.trading_days_before} trading days before, "
            f"mean {result.mean_after} {result.trading_days_after} after; 26 CFR 20.2031-2(b)(1))"
        )
    return 0


# --- qdot-deferral ---------------------------------------------------------------------------------


def _register_deferral(calculators: argparse._SubParsersAction) -> None:
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
    _json_flag(parser)
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
    if args.json:
        print_json(result)
    else:
        print(render_deferral(result))
    return 0


def wrapped(text: str, first: str) -> list[str]:
    """A list item folded to 80 columns, its continuation lines under its text."""
    return textwrap.wrap(text, 80, initial_indent=first, subsequent_indent=" " * len(first), break_on_hyphens=False)


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
