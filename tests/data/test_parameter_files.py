"""Every parameter file: the one dated-table shape, periods that never overlap, a readable citation on
every row, and the same figures as the reference data it was reshaped from (vendored in
``tests/data/reference``; compared with ``../shared/data`` too when that folder is beside the checkout)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from advisor.calculators import parameters as p
from advisor.calculators.parameters.dated import KEY_COLUMNS
from advisor.calculators.tentative_tax import tentative_tax

REFERENCE = Path(__file__).parent / "reference"
RESEARCH_TRAIL = ("http", "github", ".com", "not read", "excerpt", "vanderbr", "stepuplaw", "codexstanford")
"""Words of the research trail, which belongs in SOURCES.md, never in a citation a client reads."""


def _reference(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", p.parameter_files())
def test_every_file_has_the_dated_shape_and_periods_never_overlap(name: str) -> None:
    rows = p.rows(name)
    assert rows, f"{name} is empty"
    keys = KEY_COLUMNS.get(name, ())
    groups: dict[tuple[str, ...], list[p.Row]] = {}
    for row in rows:
        assert row.unit and row.source.strip(), f"{name}: a row without unit or source"
        assert row.effective_to is None or row.effective_from <= row.effective_to
        groups.setdefault(tuple(row[k] for k in keys), []).append(row)
    for group in groups.values():
        ordered = sorted(group, key=lambda r: r.effective_from)
        for row, following in itertools.pairwise(ordered):
            assert row.effective_to is not None, f"{name}: only the last period may be open-ended"
            assert row.effective_to < following.effective_from, f"{name}: periods overlap at {following.period}"


@pytest.mark.parametrize("name", [n for n in p.parameter_files() if n != "state_estate_taxes.csv"])
def test_sources_are_citations_not_research_notes(name: str) -> None:
    for row in p.rows(name):
        assert not any(word in row.source for word in RESEARCH_TRAIL), f"{name} {row.period}: {row.source}"


def test_sources_md_says_how_to_add_next_years_figures() -> None:
    text = (Path(p.__file__).parent / "SOURCES.md").read_text(encoding="utf-8")
    assert "How to add next year's figures" in text


@pytest.mark.parametrize("name", ["estate_tax_rate_schedule.csv", "state_death_tax_credit.csv"])
def test_bracket_tables_are_contiguous_and_consistent(name: str) -> None:
    periods: dict[dt.date, list[p.Row]] = {}
    for row in p.rows(name):
        periods.setdefault(row.effective_from, []).append(row)
    for brackets in periods.values():
        assert brackets[-1]["not_over"] == ""
        for row, following in itertools.pairwise(brackets):
            assert row["not_over"] == following["over"], "brackets must be contiguous"
            width = row.decimal("not_over") - row.decimal("over")
            expected = row.decimal("base_tax") + row.decimal("rate_percent") / 100 * width
            assert following.decimal("base_tax") == expected, "each base tax = previous base + rate x width"


def test_state_death_tax_credit_table_as_printed_in_the_statute() -> None:
    # IRC 2011(b)(1): "Over $10,040,000: $1,082,800 plus 16% of the excess over $10,040,000"; nothing up to $40,000.
    rows = p.rows_on("state_death_tax_credit.csv", dt.date(2004, 12, 31))
    assert (rows[0]["not_over"], rows[0]["rate_percent"]) == ("40000", "0")
    assert (rows[-1]["over"], rows[-1]["base_tax"], rows[-1]["rate_percent"]) == ("10040000", "1082800", "16.0")
    allowed = {r.effective_from.year: r["allowed_percent"] for r in p.rows("state_death_tax_credit_allowed.csv")}
    assert allowed == {2002: "75", 2003: "50", 2004: "25"}
    assert not p.rows_on("state_death_tax_credit.csv", dt.date(2005, 1, 1)), "repealed for deaths after 2004"


def test_highest_rate_table_agrees_with_the_rate_schedules() -> None:
    for schedule_start in {row.effective_from for row in p.rows("estate_tax_rate_schedule.csv")}:
        schedule = p.rate_schedule(schedule_start)
        assert p.highest_rate(schedule_start).value == schedule.top_rate, schedule_start


def test_exclusion_years_consecutive() -> None:
    rows = p.rows("exclusion_amounts.csv")
    assert [r.effective_from.year for r in rows] == list(p.exclusion_years())
    assert all(r.period == str(r.effective_from.year) for r in rows)


def test_7520_months_consecutive_and_rounded_per_statute() -> None:
    rows = p.rows("section_7520_rates.csv")
    for row, following in itertools.pairwise(rows):
        assert following.effective_from == row.effective_to + dt.timedelta(days=1)  # type: ignore[operator]
    for row in rows:
        assert row.source.startswith("Rev. Rul. ")
        if row["afr_midterm_120_percent"]:
            # IRC 7520(a)(2): 120% of the mid-term AFR rounded to the nearest 0.2%, half-way up.
            steps = (row.decimal("afr_midterm_120_percent") / Decimal("0.2")).quantize(Decimal(1), "ROUND_HALF_UP")
            assert steps * Decimal("0.2") == row.decimal("rate_percent"), row.period


@pytest.mark.parametrize("name", ["2000CM", "2010CM"])
def test_mortality_tables_complete_and_decreasing(name: str) -> None:
    table = p.mortality_table(name)
    assert table.lx[0] == 100000 and table.lx[-1] == 0 and table.max_age == 110
    assert all(a >= b for a, b in itertools.pairwise(table.lx))


def test_nonresident_credit_and_what_it_shelters() -> None:
    (row,) = p.rows("nonresident_credit.csv")
    assert (row["credit"], row["exemption_equivalent"]) == ("13000", "60000") and "2102(b)(1)" in row.source
    # The credit is the tentative tax on the amount it shelters, under every schedule the data holds.
    for start in {r.effective_from for r in p.rows("estate_tax_rate_schedule.csv")}:
        assert tentative_tax(row.decimal("exemption_equivalent"), p.rate_schedule(start)) == row.decimal("credit")


# --- the same figures as the reference data ----------------------------------------------------


def test_rate_schedule_from_2013_equals_the_reference() -> None:
    keep = ("over", "not_over", "base_tax", "rate_percent")
    ours = [{k: r[k] for k in keep} for r in p.rows_on("estate_tax_rate_schedule.csv", dt.date(2013, 1, 1))]
    assert ours == _reference("estate_tax_rate_schedule.csv")


def test_exclusions_equal_the_reference() -> None:
    columns = [c for c in _reference("exclusion_amounts.csv")[0] if c not in ("year", "source", "cross_check")]
    ours = {str(r.effective_from.year): {c: r[c] for c in columns} for r in p.rows("exclusion_amounts.csv")}
    for ref in _reference("exclusion_amounts.csv"):
        assert ours[ref["year"]] == {c: ref[c] for c in columns}, ref["year"]


def test_highest_rates_equal_the_reference() -> None:
    for ref in _reference("max_estate_tax_rates.csv"):
        first_day = dt.date.fromisoformat(ref["death_after"]) + dt.timedelta(days=1)
        row = p.row_on("max_estate_tax_rates.csv", first_day, what="highest rate")
        assert row["max_rate_percent"] == ref["max_rate_percent"]
        last_day = dt.date.fromisoformat(ref["death_before"]) - dt.timedelta(days=1) if ref["death_before"] else None
        assert row.effective_from == first_day and row.effective_to == last_day


def test_7520_rates_equal_the_reference() -> None:
    ours = {f"{r.effective_from:%Y-%m}": r for r in p.rows("section_7520_rates.csv")}
    reference = _reference("section_7520_rates.csv")
    assert list(ours) == [ref["month"] for ref in reference]
    for ref in reference:
        row = ours[ref["month"]]
        assert row.source.startswith(ref["revenue_ruling"] + ",")
        for column in ("rate_percent", "afr_midterm_120_percent", "afr_midterm_annual_percent"):
            assert row[column] == ref[column], ref["month"]


@pytest.mark.parametrize(("table", "name"), [("2000CM", "mortality_2000cm.csv"), ("2010CM", "mortality_2010cm.csv")])
def test_mortality_equals_the_reference(table: str, name: str) -> None:
    assert [str(v) for v in p.mortality_table(table).lx] == [r["lx"] for r in _reference(name)]


def test_state_taxes_equal_the_reference() -> None:
    for ref in _reference("state_estate_taxes_2026.csv"):
        for year in ("2025", "2026"):
            found = p.rows_on("state_estate_taxes.csv", dt.date(int(year), 7, 1), state=ref["state"])
            if ref[f"exemption_{year}"] or year == "2025":
                (row,) = found
                assert (row["exemption"], row["top_rate_percent"]) == (
                    ref[f"exemption_{year}"],
                    ref[f"top_rate_{year}_percent"],
                )
            else:
                assert not found


@pytest.mark.parametrize("path", sorted(REFERENCE.glob("*.csv")), ids=lambda path: path.name)
def test_vendored_reference_equals_the_shared_copy(path: Path, shared_data: Path) -> None:
    assert path.read_text(encoding="utf-8") == (shared_data / path.name).read_text(encoding="utf-8")


def test_qdot_security_figures_cited_to_the_regulation_and_instructions() -> None:
    rows = {row["parameter"]: row for row in p.rows("qdot_security.csv")}
    assert set(rows) == set(p.QDOT_SECURITY_PARAMETERS)
    # Instructions for Form 706-QDT (Rev. August 2025), Security for Payment of the Tax
    assert {name: (row["value"], row.unit) for name, row in rows.items()} == {
        "security_threshold": ("2000000", "USD"),
        "residence_exclusion_limit": ("600000", "USD"),
        "bond_or_letter_of_credit_percent": ("65", "percent"),
        "foreign_real_property_max_percent": ("35", "percent"),
    }
    for row in rows.values():
        assert "Form 706-QDT" in row.source and "20.2056A-2(d)" in row.source


EXCERPT = REFERENCE / "form-706-qdt-instructions-2025-excerpt.txt"
"""Instructions for Form 706-QDT (Rev. August 2025), Security for Payment of the Tax."""


def test_qdot_security_figures_appear_in_the_instructions() -> None:
    seed = EXCERPT.read_text(encoding="utf-8")
    for figure in ("$2 million", "$600,000", "65%", "35%", "20.2056A-2(d)"):
        assert figure in seed


def test_vendored_excerpt_is_part_of_the_shared_instructions(shared_data: Path) -> None:
    seed = (shared_data.parent / "seeds" / "form-706-qdt-instructions-2025.txt").read_text(encoding="utf-8")
    assert EXCERPT.read_text(encoding="utf-8") in seed
