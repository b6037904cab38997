"""``estate-advisor calc qdot-compare``: the two-death comparison of a non-citizen survivor's routes."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from advisor.calculators.couple import ROUTES, ComparisonInput, ComparisonResult, Domicile, compare_routes
from advisor.calculators.couple.models import DEFAULT_INHERITED_US_SITUS, DEFAULT_NATURALIZE_YEAR
from advisor.calculators.couple.projection import DEFAULT_INFLATION
from advisor.calculators.couple.treaty_route import canadian_marital_credit_route
from advisor.calculators.money import InputError, format_money, parse_percent, parse_whole
from advisor.cli import args as types
from advisor.cli.output import citations_block, print_json, table

signed_percent = types.argtype(
    lambda text: parse_percent(text, what="rate", low=Decimal(-49), high=Decimal(50)), "percent"
)
year_after = types.argtype(lambda text: parse_whole(text, low=1, high=60, what="year"), "year")
yield_percent = types.argtype(
    lambda text: parse_percent(text, what="yield", low=Decimal(0), high=Decimal(50)), "percent"
)
survivor_age = types.argtype(
    lambda text: parse_whole(text, low=0, high=109, what="age (Table 2010CM ends at 110)", unit=" years"), "age"
)


def register(calculators: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = calculators.add_parser(
        "qdot-compare",
        help="pay now, a QDOT, naturalising or 2523(i) gifts, followed to the survivor's death",
        description="The routes for a survivor who is not a US citizen, each followed to the survivor's death and "
        "weighted over every year of it (Table 2010CM): expected present values of taxes and costs, what reaches "
        "the heirs, and where the ranking flips.",
    )
    parser.add_argument(
        "--estate",
        type=types.amount,
        required=True,
        metavar="AMOUNT",
        help="first decedent's taxable estate before the marital deduction (US-situs part with --nonresident)",
    )
    parser.add_argument(
        "--death-date", type=types.date, metavar="YYYY-MM-DD", help="date of the first death (default: today)"
    )
    parser.add_argument("--nonresident", action="store_true", help="the first decedent was a nonresident alien")
    parser.add_argument("--adjusted-taxable-gifts", type=types.amount, default=0, metavar="AMOUNT")
    parser.add_argument("--spouse-age", type=survivor_age, required=True, help="survivor's age at the first death")
    parser.add_argument(
        "--spouse-domicile", choices=[d.value for d in Domicile], default="us", help="survivor's domicile after it"
    )
    parser.add_argument(
        "--spouse-estate",
        type=types.amount,
        metavar="AMOUNT",
        help="survivor's own, worldwide (default: the US-situs part given, else 0)",
    )
    parser.add_argument(
        "--spouse-us-situs", type=types.amount, default=0, metavar="AMOUNT", help="its US-situs part, when abroad"
    )
    parser.add_argument(
        "--qdot-amount", type=types.amount, metavar="AMOUNT", help="default: what is above the exclusion left"
    )
    parser.add_argument(
        "--inherited-us-situs",
        type=types.percent,
        default=DEFAULT_INHERITED_US_SITUS,
        metavar="PERCENT",
        help="share of what a survivor abroad inherits that stays in US-situs assets "
        f"(assumed {DEFAULT_INHERITED_US_SITUS * 100:g}%%)",
    )
    parser.add_argument("--growth", type=signed_percent, default=Decimal(0), metavar="PERCENT", help="of principal")
    parser.add_argument(
        "--discount-rate", type=signed_percent, metavar="PERCENT", help="for present values (default: the growth)"
    )
    parser.add_argument("--income-yield", type=yield_percent, default=Decimal(0), metavar="PERCENT")
    parser.add_argument(
        "--naturalize-probability",
        type=types.percent,
        default=Decimal(0),
        metavar="PERCENT",
        help="chance a survivor in the US naturalises after the return (IRC 2056A(b)(12))",
    )
    parser.add_argument(
        "--naturalize-year",
        type=year_after,
        default=DEFAULT_NATURALIZE_YEAR,
        help=f"the year after the death it happens in (assumed {DEFAULT_NATURALIZE_YEAR})",
    )
    parser.add_argument(
        "--naturalize-before-return-probability",
        type=types.percent,
        default=Decimal(0),
        metavar="PERCENT",
        help="chance of citizenship before the return is made (IRC 2056(d)(4))",
    )
    parser.add_argument(
        "--inflation",
        type=types.percent,
        default=DEFAULT_INFLATION,
        metavar="PERCENT",
        help=f"indexes the exclusions past the last published year (assumed {DEFAULT_INFLATION * 100:g}%%)",
    )
    parser.add_argument(
        "--residence-exclusion",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="residence in the QDOT whose security exclusion is elected",
    )
    parser.add_argument(
        "--gift-intangibles",
        type=types.amount,
        default=0,
        metavar="AMOUNT",
        help="with --nonresident: US intangibles given to the survivor now, outside US gift tax (IRC 2501(a)(2))",
    )
    parser.add_argument(
        "--several-qdots",
        action="store_true",
        help="several QDOTs without a designated filer: QDOT tax at the highest rate (IRC 2056A(b)(2)(C))",
    )
    pro_rata = parser.add_argument_group(
        "estate tax treaty",
        "the pro-rata unified credit (IRC 2102(b)(3)(A)) of a verified treaty row, in every route; any other row is "
        "named and not computed",
    )
    pro_rata.add_argument(
        "--treaty", type=types.country, metavar="CC", help="with --nonresident: the first decedent's treaty country"
    )
    pro_rata.add_argument(
        "--worldwide-estate", type=types.amount, metavar="AMOUNT", help="first decedent's gross estate, everywhere"
    )
    pro_rata.add_argument(
        "--spouse-treaty",
        type=types.country,
        metavar="CC",
        help="with --spouse-domicile abroad: the survivor's treaty country (pro-rata credit at the survivor's death)",
    )
    treaty = parser.add_argument_group(
        "Canadian marital credit",
        "price Art. XXIX B(3)-(4) as one more route, elected instead of a QDOT (a citizen or resident first decedent)",
    )
    treaty.add_argument("--canadian-marital-credit", action="store_true", help="add the route")
    treaty.add_argument(
        "--spouse-residence",
        type=types.country,
        metavar="CC",
        help="survivor's country of residence (default: US with --spouse-domicile us)",
    )
    treaty.add_argument(
        "--canadian-citizen-in-couple",
        action="store_true",
        help="the decedent or the survivor is a Canadian citizen (needed when both live in the US)",
    )
    parser.add_argument("--bank-trustee", action="store_true", help="a bank is the QDOT's trustee: no bond")
    parser.add_argument("--no-costs", action="store_true", help="leave the QDOT's costs out")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    today = dt.date.today()
    death = args.death_date or today
    notes = []
    if death < today:
        notes.append(f"the death date {death.isoformat()} is in the past: the first death is taken as today")
        death = today
    discount = args.growth if args.discount_rate is None else args.discount_rate
    facts = ComparisonInput(
        estate=args.estate,
        death_date=death,
        valuation_date=today,
        decedent_nonresident=args.nonresident,
        adjusted_taxable_gifts=args.adjusted_taxable_gifts,
        treaty=args.treaty,
        worldwide_estate=args.worldwide_estate,
        spouse_age=args.spouse_age,
        spouse_domicile=Domicile(args.spouse_domicile),
        spouse_estate=args.spouse_us_situs if args.spouse_estate is None else args.spouse_estate,
        spouse_us_situs=args.spouse_us_situs,
        spouse_treaty=args.spouse_treaty,
        qdot_amount=args.qdot_amount,
        inherited_us_situs=args.inherited_us_situs,
        growth=args.growth,
        income_yield=args.income_yield,
        discount_rate=discount,
        inflation=args.inflation,
        naturalize_probability=args.naturalize_probability,
        naturalize_year=args.naturalize_year,
        naturalize_before_return_probability=args.naturalize_before_return_probability,
        bank_trustee=args.bank_trustee,
        costs=not args.no_costs,
        residence_exclusion=args.residence_exclusion,
        nonresident_gift_intangibles=args.gift_intangibles,
        several_qdots_without_filer=args.several_qdots,
    )
    routes = ROUTES
    if args.canadian_marital_credit:
        residence = args.spouse_residence or ("US" if args.spouse_domicile == "us" else None)
        if residence is None:
            raise InputError("--canadian-marital-credit with a survivor abroad needs --spouse-residence CC")
        route = canadian_marital_credit_route(
            spouse_residence=residence, canadian_citizen_in_couple=args.canadian_citizen_in_couple
        )
        routes = (*ROUTES, route)
    result = compare_routes(facts, routes)
    assumptions = list(result.assumptions)
    if args.discount_rate is None:
        assumptions.append("no discount rate given: it is set equal to the growth (r = g)")
    result = result.model_copy(update={"assumptions": tuple(assumptions), "notes": (*notes, *result.notes)})
    if args.json:
        data = result.model_dump(mode="json")
        for route in data["routes"].values():
            if route["feasible"]:
                del route["why_not"]
        print_json({"death_date": death.isoformat(), **data})
    else:
        print(render(result, death))
    return 0


def render(result: ComparisonResult, death: dt.date) -> str:
    money = format_money
    rows = [
        (
            route.key + (" *" if route.key == result.best_route else ""),
            money(route.pv_taxes) if route.feasible else "-",
            money(route.pv_costs) if route.feasible else "-",
            money(route.pv_total) if route.feasible else "-",
            money(route.expected_to_heirs) if route.feasible else "not open: " + (route.why_not or ""),
        )
        for route in result.routes.values()
    ]
    lines = [
        f"Routes for the survivor, first death on {death.isoformat()} (present values at that date)",
        "",
        table(rows, header=("route", "taxes", "costs", "taxes + costs", "to the heirs"), align="lrrrl"),
        "",
        f"Best route: {result.best_route} ({result.routes[result.best_route].title})",
        f"Best route for the heirs: {result.best_route_for_heirs}",
        f"Tax at the first death without a QDOT: {money(result.tax_without_qdot)}; "
        f"QDOT amount {money(result.qdot_amount)}",
        f"DSUE available to the survivor on the best route: {'yes' if result.dsue_available_to_survivor else 'no'}",
    ]
    b = result.breakevens
    if b is not None and b.sensitivity:
        lines += [
            "",
            "Where the QDOT and paying now cost the same:",
            f"  naturalisation probability: {_or_none(b.naturalize_probability, lambda p: f'{p * 100:.1f}%')}",
            f"  survivor's own estate: {_or_none(b.spouse_estate, money)}",
            f"  discount rate less growth: {_or_none(b.rate_spread, lambda s: f'{s * 100:.2f}%')}",
            "",
            table(
                ((f"{row.spread * 100:+g}%", money(row.pay_now), money(row.qdot)) for row in b.sensitivity),
                header=("r - g", "pay now", "QDOT"),
            ),
        ]
    for route in result.routes.values():
        lines += [f"  - {route.key}: {note}" for note in route.notes]
    lines += ["", "Assumptions:", *(f"  - {line}" for line in result.assumptions)]
    lines.append(citations_block(result.citations, result.notes))
    return "\n".join(lines)


def _or_none(value: Decimal | None, shown: Callable[[Decimal], str]) -> str:
    return "does not flip in the range searched" if value is None else shown(value)
