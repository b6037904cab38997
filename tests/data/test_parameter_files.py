"""Every parameter file: its schema, its dates in order, a citation on every row, and the same
figures as the reference data it was copied from."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from advisor.calculators import parameters as p


def _dates_in_order(periods: list[tuple[dt.date, dt.date | None]]) -> None:
    for (start, end), (next_start, _) in itertools.pairwise(periods):
        assert end is not None, "only the last period may be open-ended"
        assert start <= end < next_start, f"periods overlap or are out of order: {start}..{end}, {next_start}"


def test_rate_schedule_is_contiguous_and_cited() -> None:
    rows = p.read_rows("estate_tax_rate_schedule.csv")
    assert rows, "the rate schedule is empty"
    for row, following in itertools.pairwise(rows):
        assert row["not_over"] == following["over"], "brackets must be contiguous"
        width = Decimal(row["not_over"]) - Decimal(row["over"])
        expected = Decimal(row["base_tax"]) + Decimal(row["rate_percent"]) / 100 * width
        assert Decimal(following["base_tax"]) == expected, "each base tax = previous base + rate x width"
    assert rows[0]["over"] == "0" and rows[-1]["not_over"] == ""
    assert all(row["source"] and row["effective_from"] for row in rows)


def test_exclusion_years_consecutive_and_cited() -> None:
    rows = p.read_rows("exclusion_amounts.csv")
    years = [int(row["year"]) for row in rows]
    assert years == list(range(years[0], years[-1] + 1))
    for row in rows:
        assert row["source"].strip()
        for column in p.EXCLUSION_COLUMNS:
            assert Decimal(row[column]) > 0


def test_max_rate_periods_in_order_and_cited() -> None:
    rows = p.read_rows("max_estate_tax_rates.csv")
    periods = [
        (
            dt.date.fromisoformat(r["death_after"]),
            dt.date.fromisoformat(r["death_before"]) if r["death_before"] else None,
        )
        for r in rows
    ]
    for (after, before), (next_after, _) in itertools.pairwise(periods):
        assert before is not None and after < before
        assert next_after == before - dt.timedelta(days=1), "each period starts where the previous ends"
    assert all(r["source"] for r in rows)
    assert all(0 < Decimal(r["max_rate_percent"]) < 100 for r in rows)


def test_7520_months_consecutive_cited_and_rounded_per_statute() -> None:
    rows = p.read_rows("section_7520_rates.csv")
    months = [dt.date.fromisoformat(r["month"] + "-01") for r in rows]
    for month, following in itertools.pairwise(months):
        assert (following.year * 12 + following.month) - (month.year * 12 + month.month) == 1
    for row in rows:
        assert row["revenue_ruling"] and row["source_url"]
        if row["afr_midterm_120_percent"]:
            # IRC 7520(a)(2): 120% of the mid-term AFR rounded to the nearest 0.2%, half-way up.
            steps = (Decimal(row["afr_midterm_120_percent"]) / Decimal("0.2")).quantize(Decimal(1), "ROUND_HALF_UP")
            assert steps * Decimal("0.2") == Decimal(row["rate_percent"]), row["month"]


@pytest.mark.parametrize("name", ["2000CM", "2010CM"])
def test_mortality_tables_complete_and_decreasing(name: str) -> None:
    table = p.mortality_table(name)
    assert table.lx[0] == 100000 and table.lx[-1] == 0 and table.max_age == 110
    assert all(a >= b for a, b in zip(table.lx, table.lx[1:], strict=False))


def test_mortality_table_periods_in_order_and_cited() -> None:
    rows = p.read_rows("mortality_tables.csv")
    periods = [
        (
            dt.date.fromisoformat(r["valuation_from"]),
            dt.date.fromisoformat(r["valuation_to"]) if r["valuation_to"] else None,
        )
        for r in rows
    ]
    _dates_in_order(periods)
    assert all(r["source"] for r in rows)


def test_nonresident_credit_cited() -> None:
    rows = p.read_rows("nonresident_credit.csv")
    assert [r["credit"] for r in rows] == ["13000"] and rows[0]["source"]


@pytest.mark.parametrize(
    "name",
    [
        "exclusion_amounts.csv",
        "max_estate_tax_rates.csv",
        "section_7520_rates.csv",
        "mortality_2000cm.csv",
        "mortality_2010cm.csv",
        "state_estate_taxes_2026.csv",
    ],
)
def test_copied_files_equal_the_reference_data(name: str, shared_data: Path) -> None:
    with (shared_data / name).open(encoding="utf-8") as reference:
        assert p.read_rows(name) == list(csv.DictReader(reference))


def test_rate_schedule_equals_the_reference_data(shared_data: Path) -> None:
    with (shared_data / "estate_tax_rate_schedule.csv").open(encoding="utf-8") as reference:
        expected = [dict(r) for r in csv.DictReader(reference)]
    keep = ("over", "not_over", "base_tax", "rate_percent")
    assert [{k: r[k] for k in keep} for r in p.read_rows("estate_tax_rate_schedule.csv")] == expected


def test_qdot_security_figures_cited_to_the_instructions() -> None:
    rows = {row["parameter"]: row for row in p.read_rows("qdot_security.csv")}
    assert set(rows) == set(p.QDOT_SECURITY_PARAMETERS)
    # Instructions for Form 706-QDT (Rev. August 2025), Security for Payment of the Tax
    assert {name: (row["value"], row["unit"]) for name, row in rows.items()} == {
        "security_threshold": ("2000000", "dollars"),
        "residence_exclusion_limit": ("600000", "dollars"),
        "bond_or_letter_of_credit_percent": ("65", "percent"),
        "foreign_real_property_max_percent": ("35", "percent"),
    }
    for row in rows.values():
        assert "Form 706-QDT" in row["source"] and "20.2056A-2(d)" in row["source"]
        assert dt.date.fromisoformat(row["stated_in"] + "-01")


def test_qdot_security_figures_appear_in_the_seed(shared_data: Path) -> None:
    seed = (shared_data.parent / "seeds" / "form-706-qdt-instructions-2025.txt").read_text(encoding="utf-8")
    for figure in ("$2 million", "$600,000", "65%", "35%", "20.2056A-2(d)"):
        assert figure in seed
