"""The QDOT commands: JSON contract of CALCULATIONS.md section 5, readable tables, one-line errors."""

from __future__ import annotations

import json
import shlex

import pytest

from tests.cli.command import refusal, run, run_json


def test_qdot_tax_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    # death 2024 (credit 5,389,800): line 8 = 20,000,000: 345,800 + 0.4 x 19,000,000 - 5,389,800 = 2,556,000;
    # line 9 = 21,000,000: 8,345,800 - 5,389,800 = 2,956,000
    data = run_json(
        capsys,
        "calc qdot-tax --decedent-taxable-estate $20,000,000 --death-date 2024-07-01 --distributions 1.2m "
        "--hardship 200k",
    )
    assert data["taxable_amount"] == "1000000.00"
    assert data["tax_on_total"] == "2956000.00"
    assert data["tax_on_prior"] == "2556000.00"
    assert data["qdot_tax"] == "400000.00"
    assert data["highest_rate"] is None
    assert any("Rev. Proc. 2023-34" in c["source"] for c in data["citations"])


def test_qdot_tax_highest_rate_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "calc qdot-tax --decedent-taxable-estate 3m --death-date 2006-03-01 --distributions 100000 --highest-rate",
    )
    assert data["highest_rate"] == 46.0 and data["qdot_tax"] == "46000.00"


def test_qdot_tax_table_shows_the_form_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *shlex.split(
        "calc qdot-tax --decedent-taxable-estate 5m --death-date 2026-02-01 --distributions 0 --property-at-death 12m "
        "--charitable-deduction 1m"
    ))  # fmt: skip
    assert code == 0
    assert "Line 10 Recomputed estate tax on line 9" in out and "QDOT tax: $400,000.00" in out
    assert "Rev. Proc. 2025-32" in out


def test_qdot_due_date_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc qdot-due-date --event death --date 2025-06-14 --extension")
    assert data["due_date"] == "2026-03-14"
    assert data["next_business_day"] == "2026-03-16"
    assert data["extended_due_date"] == "2026-09-14"
    assert data["filing_deadline"] == "2026-09-14" and data["payment_deadline"] == "2026-03-16"


def test_qdot_due_date_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "qdot-due-date", "--event", "distribution", "--date", "2021-08-01")
    assert code == 0 and "Fri 2022-04-15" in out and "Mon 2022-04-18" in out and "Emancipation Day" in out


def test_qdot_security_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc qdot-security --value 3m --residence 500k")
    assert data["over_threshold"] is True
    assert data["value_for_threshold"] == "2500000.00" and data["bond_amount"] == "1625000.00"
    assert [a["satisfies"] for a in data["arrangements"]] == [True, True, True, False]


def test_qdot_security_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "qdot-security", "--value", "1m", "--foreign-real-property", "400k")
    assert code == 0 and "40.00% of FMV, above the 35% limit" in out and "20.2056A-2(d)" in out


def test_qdot_check_deposit_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc qdot-check-deposit --routing 021000021 --account 12-AB")
    assert data == {"routing_number": "021000021", "account_number": "12-AB", "valid": True}


def test_qdot_6166_and_stock_value_json(capsys: pytest.CaptureFixture[str]) -> None:
    six = run_json(capsys, "calc qdot-6166 --tax 1m --closely-held-business 3m --adjusted-gross-estate 8m")
    assert six["installment_tax"] == "375000.00"
    stock = run_json(
        capsys,
        "calc qdot-stock-value --date 2018-10-07 --before-date 2018-10-05 --before-high 21 --before-low 19 "
        "--after-date 2018-10-08 --after-high 24 --after-low 22",
    )
    assert stock["value"] == "21.50"


TAX = ["calc", "qdot-tax", "--decedent-taxable-estate", "5m", "--death-date", "2026-02-01"]
BAD = [
    ([*TAX, "--distributions", "1m", "--hardship", "2m"], "hardship exemption ($2,000,000.00) is larger"),
    ([*TAX, "--distributions", "0", "--property-at-death", "1m", "--marital-deduction", "2m"], "deductions"),
    ([*TAX, "--distributions", "0", "--charitable-deduction", "5"], "deductions ($5.00) are larger"),
    ([*TAX, "--distributions", "-100"], "negative"),
    ([*TAX, "--distributions", "1m", "--prior-taxable", "-1"], "negative"),
    ([*TAX, "--distributions", "lots"], "could not read 'lots'"),
    ([*TAX], "the following arguments are required: --distributions"),
    ([*TAX, "--distributions", "1m", "--highest-rate-percent", "40"], "only with the highest-rate rule"),
    ([*TAX, "--distributions", "1m", "--highest-rate", "--highest-rate-percent", "0"], "above 0%"),
    (shlex.split("calc qdot-tax --decedent-taxable-estate 1m --death-date 1999-01-01 --distributions 1 --highest-rate"),
     "--highest-rate-percent"),
    (shlex.split("calc qdot-tax --decedent-taxable-estate 1m --death-date 2001-06-01 --distributions 1"),
     "rate schedule"),
    (shlex.split("calc qdot-tax --decedent-taxable-estate 1m --death-date 2031-01-01 --distributions 1"),
     "--exclusion-amount"),
    ([*TAX, "--distributions", "1m", "--nonresident", "--dsue", "1m"], "nonresident not a citizen"),
    (shlex.split("calc qdot-tax --decedent-taxable-estate 5m --death-date 2026-02-30 --distributions 1"), "not a date"),
    (["calc", "qdot-due-date", "--event", "birthday", "--date", "2026-01-01"], "invalid choice"),
    (["calc", "qdot-due-date", "--event", "death", "--date", "14/06/2025"], "not a date"),
    (["calc", "qdot-due-date", "--event", "death"], "required: --date"),
    (["calc", "qdot-security", "--value", "1m", "--residence", "2m"], "residence ($2,000,000) is worth more"),
    (["calc", "qdot-security", "--value", "1m", "--foreign-real-property", "-3"], "negative"),
    (["calc", "qdot-security"], "required: --value"),
    (["calc", "qdot-check-deposit", "--routing", "12345678", "--account", "1"], "has 8 digits"),
    (["calc", "qdot-check-deposit", "--routing", "131000015", "--account", "1"], "starts with 13"),
    (["calc", "qdot-check-deposit", "--routing", "021000021", "--account", "12 34"], "contains a space"),
    (["calc", "qdot-check-deposit", "--routing", "021000021", "--account", "1" * 18], "has 18 characters"),
    (
        ["calc", "qdot-6166", "--tax", "1m", "--closely-held-business", "9m", "--adjusted-gross-estate", "8m"],
        "larger than the adjusted gross estate",
    ),
    (shlex.split("calc qdot-stock-value --date 2018-06-15 --before-date 2018-06-16 --before-high 1 --before-low 1 "
                 "--after-date 2018-06-20 --after-high 1 --after-low 1"),
     "before and after"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[" ".join(a[1:2] + a[-3:]) for a, _ in BAD])
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert message in refusal(capsys, *argv)


DEFERRAL = ["calc", "qdot-deferral", "--gross-estate", "25m", "--death-date", "2026-03-01", "--spouse-age", "70"]


def test_qdot_deferral_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, shlex.join([*DEFERRAL, "--discount-rate", "5", "--growth", "3"]))
    assert data["tax_without_qdot"] == "4000000.00"
    for key in ("expected_tax_with_qdot", "present_value_benefit"):
        assert isinstance(data[key], str) and float(data[key]) == float(data[key])
    assert isinstance(data["years"], list) and len(data["years"]) == data["expected_death_year"]
    assert len(data["alternatives"]) == 3 and any("no published source" in a for a in data["assumptions"])


def test_qdot_deferral_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *DEFERRAL, "--discount-rate", "5", "--bank-trustee")
    assert code == 0 and out.count("Alternative: ") == 3 and "Table 2010CM" in out
    # the one-death figure is labelled for what it is, and points to the two-death comparison
    assert "Net benefit" not in out
    assert "Present value of deferring the first-death tax " in out and "  (first death only, growth and" in out
    assert "estate-advisor calc qdot-compare" in " ".join(out.split())  # folded to 80 columns
    assert max(len(line) for line in out.splitlines()) <= 80  # an 80-column terminal shows every column
    assert "year       QDOT tax     costs  tax if dies  p(death)" in out


def test_qdot_deferral_json_keeps_its_keys_and_says_what_the_figure_is(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, shlex.join([*DEFERRAL, "--discount-rate", "5"]))
    assert isinstance(data["present_value_benefit"], str)
    assert any("first death only" in n and "calc qdot-compare" in n for n in data["notes"])


def test_qdot_deferral_treaty_flags(capsys: pytest.CaptureFixture[str]) -> None:
    # 20M US of 25M, Japan: tax 3,189,160 (not 7,932,800) and the QDOT takes 7,972,900
    argv = ["calc", "qdot-deferral", "--gross-estate", "20m", "--death-date", "2026-03-01", "--spouse-age", "70",
            "--discount-rate", "5", "--nonresident", "--json"]  # fmt: skip
    code, out, _ = run(capsys, *argv, "--treaty", "JP", "--worldwide-estate", "25m")
    data = json.loads(out)
    assert code == 0 and data["tax_without_qdot"] == "3189160.00" and data["qdot_amount"] == "7972900.00"
    assert "--worldwide-estate" in refusal(capsys, *argv, "--treaty", "JP")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--discount-rate", "0"], "above 0%"),
        (["--discount-rate", "5", "--qdot-amount", "26m"], "larger than the estate left"),
        (["--discount-rate", "5", "--gift-years", "30"], "--noncitizen-spouse-exclusion"),
        (["--discount-rate", "5", "--growth", "lots"], "could not read"),
        (["--discount-rate", "5", "--trustee-fee", "-1"], "outside 0% to 100%"),
        ([], "required: --discount-rate"),
    ],
)
def test_qdot_deferral_bad_input(capsys: pytest.CaptureFixture[str], extra: list[str], message: str) -> None:
    assert message in refusal(capsys, *DEFERRAL, *extra)
