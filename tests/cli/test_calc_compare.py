"""``calc qdot-compare``: the JSON contract of issue 9, a hand-checked case, the table, and one-line errors."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from tests.cli.command import run

# A survivor aged 109 dies within the year (Table 2010CM ends at 110); exclusions held at $15M (0% inflation).
CERTAIN = [
    "calc",
    "qdot-compare",
    "--estate",
    "$20,000,000",
    "--death-date",
    "2030-06-01",
    "--spouse-age",
    "109",
    "--spouse-estate",
    "10m",
    "--growth",
    "0",
    "--discount-rate",
    "5",
    "--inflation",
    "0",
    "--no-costs",
]
ROUTES = ("pay_now", "qdot", "naturalize_before_return", "spousal_gifts")


def test_json_contract_and_hand_checked_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CERTAIN, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(ROUTES) <= set(data["routes"])
    for key in ROUTES:
        route = data["routes"][key]
        assert isinstance(route["feasible"], bool)
        assert ("why_not" in route) is not route["feasible"]
        for money in ("pv_taxes", "pv_costs", "pv_total", "expected_to_heirs"):
            assert isinstance(route[money], str) and Decimal(route[money]) == Decimal(route[money]).quantize(
                Decimal("0.01")
            )
    # pay now: 2,000,000 now, then 40% x (28M - 15M) less the 2,000,000 credit, a year later
    r = Decimal("1.05")
    assert data["routes"]["pay_now"]["pv_taxes"] == str((2_000_000 / r + 3_200_000 / r**2).quantize(Decimal("0.01")))
    # QDOT: 2,000,000 of QDOT tax and 4,000,000 of the survivor's own after the credit, both a year after the death
    assert data["routes"]["qdot"]["pv_taxes"] == str((6_000_000 / r**2).quantize(Decimal("0.01")))
    assert data["best_route"] in ROUTES and data["routes"][data["best_route"]]["feasible"]
    assert data["dsue_available_to_survivor"] is False
    assert isinstance(data["breakevens"], dict) and "rate_spread" in data["breakevens"]
    assert isinstance(data["assumptions"], list) and data["assumptions"]
    assert any("Table 2010CM" in c["parameter"] for c in data["citations"])


def test_a_spouse_abroad_cannot_naturalise_before_the_return(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CERTAIN, "--spouse-domicile", "abroad", "--spouse-us-situs", "1m", "--json")
    route = json.loads(out)["routes"]["naturalize_before_return"]
    assert code == 0 and route["feasible"] is False and "2056(d)(4)(B)" in route["why_not"]


def test_a_past_death_date_is_moved_to_today_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    args = [*CERTAIN, "--json"]
    args[args.index("2030-06-01")] = "2020-01-01"
    code, out, _ = run(capsys, *args)
    data = json.loads(out)
    assert code == 0 and data["death_date"] == dt.date.today().isoformat()
    assert any("in the past" in note for note in data["notes"])


def test_default_discount_rate_is_the_growth_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    args = [*CERTAIN, "--json"]
    del args[args.index("--discount-rate") : args.index("--discount-rate") + 2]
    code, out, _ = run(capsys, *args)
    assert code == 0 and any("set equal to the growth" in a for a in json.loads(out)["assumptions"])


def test_table_names_the_routes_and_the_breakevens(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CERTAIN)
    assert code == 0
    assert "Best route:" in out and "discount rate less growth" in out and "Assumptions:" in out
    assert all(key in out for key in ROUTES)


@pytest.mark.parametrize(("chance", "weighed"), [("0", False), ("40", True)])
def test_naturalising_before_the_return_at_no_chance_reads_not_weighed(
    capsys: pytest.CaptureFixture[str], chance: str, weighed: bool
) -> None:
    """Unweighed, the route's figures would only repeat its fallback's: the table says so, the note keeps what
    the route would cost."""
    args = [*CERTAIN, "--naturalize-before-return-probability", chance]
    code, out, _ = run(capsys, *args)
    row = next(line for line in out.splitlines() if line.startswith("naturalize_before_return "))
    assert code == 0 and row.endswith("not weighed") is not weighed
    assert "if the survivor is a citizen when the return" in out
    weighting = " ".join(out.split())  # the notes fold at 80 columns
    assert ("weighted at a 40.0% chance of citizenship in time" in weighting) is weighed
    assert ("not weighed: no chance of citizenship in time was given" in weighting) is not weighed
    code, out, _ = run(capsys, *args, "--json")
    route = json.loads(out)["routes"]["naturalize_before_return"]
    assert route["feasible"] is True and route["weighed"] is weighed


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--qdot-amount", "30m"], "larger than the estate"),
        (["--spouse-domicile", "mars"], "invalid choice"),
        (["--growth", "lots"], "could not read"),
        (["--spouse-age", "150"], "spouse-age"),
        (["--naturalize-probability", "120"], "outside 0% to 100%"),
        (["--gift-intangibles", "1m"], "only to a nonresident donor"),
        (["--income-yield", "60"], "outside 0% to 50%"),
        (["--spouse-age", "110"], "outside 0 to 109"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], extra: list[str], message: str) -> None:
    code, out, err = run(capsys, *CERTAIN, *extra)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err and "Traceback" not in err


def test_canadian_marital_credit_route(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CERTAIN, "--canadian-marital-credit", "--canadian-citizen-in-couple", "--json")
    data = json.loads(out)
    assert code == 0
    route = data["routes"]["canadian_marital_credit"]
    assert route["feasible"] and route["tax_at_first_death"] == "0.00"
    assert "Art. XXIX B(3)-(4)" in route["basis"]


def test_canadian_marital_credit_for_a_survivor_abroad_needs_the_residence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, *CERTAIN, "--spouse-domicile", "abroad", "--canadian-marital-credit")
    assert code == 2 and out == "" and "--spouse-residence" in err and err.count("\n") == 1
    code, out, _ = run(capsys, *CERTAIN, "--spouse-domicile", "abroad", "--canadian-marital-credit",
                       "--spouse-residence", "Canada", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["routes"]["canadian_marital_credit"]["feasible"]


def test_treaty_pro_rata_credit_kenji_and_a_partly_sheltered_estate(capsys: pytest.CaptureFixture[str]) -> None:
    # Kenji (Japan): 2.5M US of 10M: 5,945,800 x 0.25 = 1,486,450 > 945,800: no tax at the first death, no QDOT
    kenji = ["--estate", "2.5m", "--nonresident", "--treaty", "Japan", "--worldwide-estate", "10m"]
    code, out, _ = run(capsys, *CERTAIN, *kenji, "--json")
    data = json.loads(out)
    assert code == 0 and data["tax_without_qdot"] == "0.00" and data["qdot_amount"] == "0.00"
    assert data["routes"]["qdot"]["feasible"] is False
    # 20M US of 25M: 7,945,800 - 4,756,640 = 3,189,160 at the first death (the Code's credit: 7,932,800)
    code, out, _ = run(capsys, *CERTAIN, "--nonresident", "--treaty", "JP", "--worldwide-estate", "25m", "--json")
    data = json.loads(out)
    assert code == 0 and data["tax_without_qdot"] == "3189160.00" and data["qdot_amount"] == "7972900.00"
    assert any("Japan treaty" in note for note in data["notes"])
    code, out, _ = run(capsys, *CERTAIN, "--nonresident", "--json")
    assert json.loads(out)["tax_without_qdot"] == "7932800.00"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--treaty", "JP", "--worldwide-estate", "25m"], "add --nonresident"),
        (["--nonresident", "--worldwide-estate", "25m"], "--treaty"),
        (["--nonresident", "--treaty", "JP"], "--worldwide-estate"),
        (["--nonresident", "--treaty", "Japn", "--worldwide-estate", "25m"], "did you mean"),
        (["--spouse-treaty", "JP"], "domiciled abroad"),
    ],
)
def test_treaty_flags_that_do_not_fit(capsys: pytest.CaptureFixture[str], extra: list[str], message: str) -> None:
    code, out, err = run(capsys, *CERTAIN, *extra)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err and "Traceback" not in err
