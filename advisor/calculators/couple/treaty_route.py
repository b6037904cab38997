"""The Canadian marital credit as one more route of the couple model (Art. XXIX B(3)-(4)).

Everything passes outright to the survivor, as in ``pay_now``, but the first decedent's estate takes the
marital credit: the lesser of the unified credit allowed and the tax on the qualifying property (here the
whole estate). The election waives the QDOT marital deduction irrevocably, so this route and ``qdot`` are
alternatives, never both (Reg. 20.2056A-1(c)). The tax still paid is a 2013 credit in the survivor's estate
(IRC 2056(d)(3)), as on ``pay_now``.

For a nonresident first decedent (a resident of Canada) the unified credit allowed is the pro-rata credit
of Art. XXIX B(2), which every route then uses: the route opens when the comparison claims the Canadian
treaty with the worldwide estate known.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from advisor.calculators.couple.models import RouteResult
from advisor.calculators.couple.routes import Route, infeasible, outright_start, result
from advisor.calculators.couple.setting import Context
from advisor.calculators.money import format_money
from advisor.calculators.treaty import MaritalClaim, canadian_marital_credit
from advisor.calculators.treaty_provisions import provision

ZERO = Decimal(0)
KEY = "canadian_marital_credit"
TITLE = "elect the Canadian marital credit instead of a QDOT"
BASIS = (
    "Canada-US Income Tax Convention Art. XXIX B(3)-(4): a credit of the lesser of the unified credit allowed and "
    "the US tax on qualifying property passing to the spouse, elected with an irrevocable waiver of the QDOT "
    "marital deduction (Reg. 20.2056A-1(c)); the tax still paid is a 2013 credit (IRC 2056(d)(3))"
)


def canadian_marital_credit_route(
    *, spouse_residence: str | None, decedent_residence: str = "US", canadian_citizen_in_couple: bool = False
) -> Route:
    """The route for a couple whose residences and citizenships are known (ISO alpha-2 codes)."""

    def evaluate(context: Context, route: Route) -> RouteResult:
        facts = context.facts
        if facts.spouse_citizen:
            return infeasible(route, "the survivor is a US citizen: the marital deduction needs no treaty credit")
        treaty = context.setting.decedent.treaty
        if facts.decedent_nonresident and (treaty is None or treaty.country != "CA" or treaty.pro_rata is None):
            return infeasible(
                route,
                "for a nonresident the treaty's unified credit is the pro-rata credit of Art. XXIX B(2), which needs "
                "the Canadian treaty claimed and the worldwide estate (--treaty CA --worldwide-estate AMOUNT)",
            )
        row = provision("CA", "marital_credit", facts.death_date)
        if row is None or not row.verified:
            return infeasible(route, "the data holds no verified Canadian marital credit for this date")
        pay = outright_start(context, facts.estate)
        marital = canadian_marital_credit(
            MaritalClaim(
                unified_credit=context.setting.decedent.applicable_credit(),
                tax_after_unified_credit=pay.first_tax,
                taxable_estate=facts.estate,
                qualifying_property=facts.estate,
                decedent_residence="CA" if facts.decedent_nonresident else decedent_residence,
                spouse_residence=spouse_residence,
                canadian_citizen_in_couple=canadian_citizen_in_couple,
            )
        )
        if not marital.allowed:
            return infeasible(route, marital.reason)
        tax = pay.first_tax - marital.credit
        start = replace(pay, first_tax=tax, outright=facts.estate - tax)
        note = (
            f"marital credit {format_money(marital.credit)}: the tax at the first death is {format_money(tax)} "
            f"instead of {format_money(pay.first_tax)}; electing it waives the QDOT for good"
        )
        return result(route, context.follow(start), start, ZERO, notes=(note,))

    return Route(KEY, TITLE, BASIS, evaluate)
