"""The calculators' command line: JSON contract, readable tables, and one-line errors for bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli.command import refusal, run, run_json


def test_estate_tax_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc estate-tax --taxable-estate $20,000,000 --year 2024")
    assert data["tentative_tax"] == "7945800.00"
    assert data["applicable_credit"] == "5389800.00"
    assert data["net_estate_tax"] == "2556000.00"
    assert data["exclusion_amount"] == "13610000.00"
    assert any("Rev. Proc. 2023-34" in c["source"] for c in data["citations"])


def test_estate_tax_table_shows_basis(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "estate-tax", "--taxable-estate", "20m", "--death-date", "2026-03-01")
    assert code == 0
    assert "Net estate tax" in out and "$2,000,000.00" in out and "Rev. Proc. 2025-32" in out


def test_qprt_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc qprt --fmv 100k --age 65 --term 10 --rate 4.8 --table 2010CM")
    assert data["gift"] == "51394.00"
    assert data["rate"] == pytest.approx(4.8)
    assert data["table"] == "2010CM"
    for key in ("remainder_factor", "reversion_factor", "term_factor", "survival_probability"):
        assert isinstance(data[key], float)
    assert data["remainder_factor"] + data["reversion_factor"] + data["term_factor"] == pytest.approx(1)


def test_qprt_sweep_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "calc qprt --fmv 2.5m --age 60 --term 10 --valuation-date 2026-07-15 --growth 3 --sweep")
    assert data["rate"] == pytest.approx(5.2)
    assert len(data["sweep"]) == 40 and data["best_term"] in {row["term"] for row in data["sweep"]}


def test_qprt_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "qprt", "--fmv", "2m", "--age", "60", "--term", "10", "--rate", "5.2", "--sweep")
    assert code == 0
    assert "Remainder factor" in out and "Term sweep" in out and "*" in out and "mortality Table 2010CM" in out


BAD = [
    (["calc", "qprt", "--fmv", "lots", "--age", "60", "--term", "10", "--rate", "5"], "could not read 'lots'"),
    (["calc", "qprt", "--fmv", "-5", "--age", "60", "--term", "10", "--rate", "5"], "negative"),
    (["calc", "qprt", "--fmv", "1e400", "--age", "60", "--term", "10", "--rate", "5"], "could not read"),
    (["calc", "qprt", "--fmv", "1m", "--age", "130", "--term", "10", "--rate", "5"], "beyond Table 2010CM"),
    (["calc", "qprt", "--fmv", "1m", "--age", "60", "--term", "0", "--rate", "5"], "outside 1 to 100"),
    (
        ["calc", "qprt", "--fmv", "1m", "--age", "60", "--term", "10", "--rate", "5", "--table", "1980CNSMT"],
        "invalid choice",
    ),
    (["calc", "qprt", "--fmv", "1m", "--age", "60", "--term", "10", "--valuation-date", "2027-01-01"], "--rate"),
    (["calc", "qprt", "--fmv", "1m", "--age", "60", "--term", "10", "--rate", "0"], "above 0%"),
    (["calc", "qprt", "--fmv", "1m", "--age", "60", "--term", "10"], "--valuation-date"),
    (["calc", "estate-tax", "--taxable-estate", "ten", "--year", "2026"], "could not read 'ten'"),
    (["calc", "estate-tax", "--taxable-estate", "-1", "--year", "2026"], "negative"),
    (["calc", "estate-tax", "--taxable-estate", "1m", "--year", "2030"], "--exclusion-amount"),
    (["calc", "estate-tax", "--taxable-estate", "1m", "--year", "2001"], "not in the data"),
    (["calc", "estate-tax", "--taxable-estate", "1m", "--death-date", "2026-13-01"], "not a date"),
    (["calc", "estate-tax", "--taxable-estate", "1m"], "one of the arguments --year --death-date is required"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[" ".join(a[1:5]) + "…" for a, _ in BAD])
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert message in refusal(capsys, *argv)


def test_real_process_bad_input_has_no_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "calc", "qprt", "--fmv", "abc", "--age", "60", "--term", "5", "--rate", "5"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "could not read 'abc'" in proc.stderr


def test_self_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "self-check")
    assert code == 0
    assert out.strip().splitlines()[-1].endswith("0 failed")
    assert out.count("PASS") >= 50 and "FAIL" not in out


@pytest.mark.parametrize("spelling", ["JP", "jp", "Japan", "japan", "JAPAN", "jpn"])
def test_estate_tax_treaty_json(capsys: pytest.CaptureFixture[str], spelling: str) -> None:
    data = run_json(
        capsys,
        f"calc estate-tax --taxable-estate 2.5m --year 2026 --nonresident --treaty {spelling} --worldwide-estate 10m",
    )
    assert data["applicable_credit"] == "945800.00" and data["net_estate_tax"] == "0.00"
    treaty = data["treaty"]
    assert treaty["country"] == "JP" and treaty["status"] == "applied"
    assert "2102(b)(3)(A)" in treaty["article"] and "PR-UC" in treaty["source"]
    assert treaty["pro_rata"]["pro_rata"] == "1486450.00"


def test_estate_tax_unverified_treaty_is_named_not_computed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "estate-tax", "--taxable-estate", "2.5m", "--year", "2026", "--nonresident",
                       "--treaty", "Norway", "--worldwide-estate", "10m")  # fmt: skip
    assert code == 0
    assert "Net estate tax" in out and "$932,800.00" in out
    assert "the Norway treaty may change this result — not computed" in out


def test_estate_tax_canadian_marital_credit(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "calc estate-tax --taxable-estate 3m --year 2026 --nonresident --treaty canada --worldwide-estate 40m "
        "--marital-credit-property 3m --spouse-residence CA",
    )
    assert data["net_estate_tax"] == "253930.00"
    assert data["treaty"]["marital_credit"]["credit"] == "445935.00"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--treaty", "Japn", "--worldwide-estate", "10m"], "did you mean Japan (JP)?"),
        (["--treaty", "JP"], "--worldwide-estate AMOUNT"),
        (["--treaty", "JP", "--worldwide-estate", "€10m"], "amounts are in US dollars"),
        (["--treaty", "CA", "--worldwide-estate", "40m", "--marital-credit-property", "2m", "--spouse-residence",
          "CA", "--qdot-elected"], "Reg. 20.2056A-1(c)"),
    ],
)  # fmt: skip
def test_estate_tax_treaty_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    estate = ["calc", "estate-tax", "--taxable-estate", "2.5m", "--year", "2026", "--nonresident"]
    assert message in refusal(capsys, *estate, *argv)


def test_estate_tax_canadian_marital_credit_for_a_citizen(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "calc estate-tax --taxable-estate 20m --year 2026 --treaty CA --marital-credit-property 20m "
        "--spouse-residence US --canadian-citizen-in-couple",
    )
    assert data["net_estate_tax"] == "0.00" and data["applicable_credit"] == "5945800.00"
    assert data["treaty"]["marital_credit"]["credit"] == "2000000.00"


FITS = [
    ["estate-tax", "--taxable-estate", "20m", "--year", "2026"],
    ["estate-tax", "--taxable-estate", "2.5m", "--year", "2026", "--nonresident", "--treaty", "Norway",
     "--worldwide-estate", "10m"],
    ["qdot-tax", "--decedent-taxable-estate", "15m", "--death-date", "2026-02-01", "--distributions", "1m"],
    ["qdot-due-date", "--event", "death", "--date", "2021-07-15"],
    ["qdot-security", "--value", "3m", "--foreign-real-property", "1.2m"],
    ["qprt", "--fmv", "2m", "--age", "60", "--second-age", "58", "--term", "10", "--rate", "5.2", "--basis", "500k",
     "--sweep"],
    ["qdot-deferral", "--gross-estate", "25m", "--death-date", "2026-03-01", "--spouse-age", "70", "--discount-rate",
     "5"],
    ["qdot-compare", "--estate", "18m", "--spouse-age", "60", "--growth", "3", "--discount-rate", "5",
     "--naturalize-probability", "20", "--canadian-marital-credit", "--canadian-citizen-in-couple"],
    ["qdot-check-deposit", "--routing", "021000021", "--account", "12-AB"],
    ["qdot-6166", "--tax", "1m", "--closely-held-business", "3m", "--adjusted-gross-estate", "8m"],
    ["qdot-stock-value", "--date", "2018-10-07", "--before-date", "2018-10-05", "--before-high", "21",
     "--before-low", "19", "--after-date", "2018-10-08", "--after-high", "23", "--after-low", "21"],
]  # fmt: skip


@pytest.mark.parametrize("argv", FITS, ids=[" ".join(argv[:3]) for argv in FITS])
def test_text_output_fits_80_columns(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, "calc", *argv)
    assert code == 0 and out.strip()
    too_wide = [line for line in out.splitlines() if len(line) > 80]
    assert not too_wide, too_wide


def test_qprt_flags_keep_their_meaning(capsys: pytest.CaptureFixture[str]) -> None:
    base = "calc qprt --fmv 1m --age 60 --term 10 --rate 5"
    plain = run_json(capsys, base)
    changed = run_json(capsys, f"{base} --discount 10 --no-reversion --cg-rate 25")
    assert float(changed["discount"]) == pytest.approx(float(changed["gift_before_discount"]) * 0.10, abs=0.01)
    assert changed["reversion_factor"] == 0 and plain["reversion_factor"] > 0
    assert changed["projection"]["capital_gains_rate"] == pytest.approx(25)


def test_help_is_the_models_docstring(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "qdot-tax", "--help")
    assert code == 0
    assert "Line 7: the decedent's taxable estate as filed or as finally determined." in " ".join(out.split())
    assert "--highest-rate-percent PERCENT" in out
