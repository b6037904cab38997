"""``calc qdot-deferral`` and the deferral screen: the first-death tax deferred in a QDOT over the
surviving spouse's life, first death only (the two deaths are ``calc qdot-compare``)."""

from __future__ import annotations

from collections.abc import Mapping

from advisor.calculators.money import format_money
from advisor.calculators.parameters import mortality_tables
from advisor.calculators.qdot_deferral import DeferralInput, DeferralResult, project_deferral
from advisor.presentation.inputs import inputs_of
from advisor.presentation.model import Calculator, Chart, Line, Presentation, Table
from advisor.presentation.wording import text, wording

KEY = "qdot-deferral"


def compute(values: Mapping[str, object]) -> DeferralResult:
    """The projection, with a note that it is the first death only (``--json`` carries it too)."""
    result = project_deferral(DeferralInput.model_validate(values))
    return result.model_copy(update={"notes": (*result.notes, text(KEY, "two_deaths"))})


def present(result: DeferralResult) -> Presentation:
    money = format_money

    def line(name: str, value: str, detail: bool = False) -> Line:
        return Line(text(KEY, name), value, text(KEY, f"{name}_basis"), detail)

    security = text(KEY, "bond", amount=money(result.bond_amount)) if result.bond_required else text(KEY, "no_bond")
    lines = [
        line("qdot_amount", money(result.qdot_amount)),
        line("tax_without_qdot", money(result.tax_without_qdot)),
        line("tax_with_qdot", money(result.tax_at_first_death_with_qdot)),
        line("security", security),
        line("life_expectancy", text(KEY, "life_expectancy_value", years=float(result.life_expectancy))),
        Line(
            text(KEY, "expected_death", year=result.expected_death_year),
            money(result.tax_with_qdot_at_expected_death),
            text(KEY, "expected_death_basis"),
            detail=True,
        ),
        line("expected_tax", money(result.expected_tax_with_qdot)),
        line("expected_costs", money(result.expected_costs), detail=True),
        line("pv_without", money(result.present_value_tax_without_qdot)),
        line("pv_with", money(result.present_value_tax_with_qdot)),
        line("pv_costs", money(result.present_value_costs)),
        line("benefit", money(result.present_value_benefit)),
    ]
    lines += [
        Line(
            text(KEY, "alternative", name=alt.name),
            money(alt.present_value_benefit),
            text(
                KEY,
                "alternative_basis",
                basis=alt.basis,
                first=money(alt.tax_at_first_death),
                later=money(alt.expected_later_tax),
            ),
        )
        for alt in result.alternatives
    ]
    return Presentation(
        title=text(KEY, "title"),
        lines=lines,
        summary=text(KEY, "summary", benefit=money(result.present_value_benefit)),
        citations=result.citations,
        notes=result.notes,
        assumptions=result.assumptions,
        chart=_chart(result),
        tables=_tables(result),
    )


def _chart(result: DeferralResult) -> Chart:
    return Chart.worded(
        KEY,
        [y.year for y in result.years],
        ("chart_value", [float(y.value_end) / 1000 for y in result.years]),
        ("chart_tax", [float(y.tax_if_spouse_dies) / 1000 for y in result.years]),
    )


def _tables(result: DeferralResult) -> tuple[Table, Table]:
    """The trust year by year, and what each year would cost: two tables narrow enough for 80 columns."""
    money, words = format_money, wording(KEY)["text"]
    trust = [
        (f"{y.year} ({y.calendar_year})", money(y.value_start), money(y.income), money(y.principal_distributions),
         money(y.tax_paid_from_trust))
        for y in result.years
    ]  # fmt: skip
    costs = [
        (f"{y.year} ({y.calendar_year})", money(y.qdot_tax), money(y.costs), money(y.tax_if_spouse_dies),
         f"{y.probability_of_death:.4f}")
        for y in result.years
    ]  # fmt: skip
    return (
        Table(words["trust_table"], words["trust_header"], trust),
        Table(words["cost_table"], words["cost_header"], costs),
    )


CALCULATOR = Calculator(
    key=KEY,
    inputs=inputs_of(
        DeferralInput,
        KEY,
        ui={
            "gross_estate": "25m",
            "deductions": "0",
            "death_date": "2026-03-01",
            "spouse_age": "70",
            "growth": "3",
            "income_yield": "3",
            "principal_distributions": "0",
            "discount_rate": "5",
        },
        percent=("growth", "income_yield", "discount_rate", "trustee_fee", "bond_premium"),
        choices={"table": sorted(mortality_tables())},
        flags={"worldwide_gross_estate": "worldwide-estate"},
    ),
    compute=compute,
    present=present,
)
