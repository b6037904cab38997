"""REVIEW-advice 5.8 and the issue's JSON contract, checked as an outside checker would: by running the installed
command (``python -m advisor``) in a subprocess and reading only its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from typing import Any

D = Decimal
BASE = ["--death-date", "2030-06-01"]
FLAT = ["--inflation", "0"]
"""Exclusions held at $15M past the published years: a flat 40% above them."""
ROUTES = ("pay_now", "qdot", "naturalize_before_return", "spousal_gifts")


def compare(*argv: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "advisor", "calc", "qdot-compare", *BASE, *argv, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    check_contract(data)
    return data


def check_contract(data: dict[str, Any]) -> None:
    """Deliverable 5: every route with money strings, feasible and why_not; the best route the cheapest open one;
    breakevens, assumptions and the DSUE flag present."""
    routes = data["routes"]
    assert set(ROUTES) <= set(routes)
    for route in routes.values():
        for key in ("pv_taxes", "pv_costs", "pv_total", "expected_to_heirs"):
            assert isinstance(route[key], str) and D(route[key]) == D(route[key]).quantize(D("0.01"))
        assert D(route["pv_total"]) == D(route["pv_taxes"]) + D(route["pv_costs"])
        assert isinstance(route["feasible"], bool) and ("why_not" in route) is not route["feasible"]
    open_routes = {key: D(r["pv_total"]) for key, r in routes.items() if r["feasible"]}
    assert open_routes[data["best_route"]] == min(open_routes.values())
    assert isinstance(data["dsue_available_to_survivor"], bool)
    assert set(data["breakevens"]) >= {"naturalize_probability", "spouse_estate", "rate_spread", "sensitivity"}
    assert isinstance(data["assumptions"], list) and all(isinstance(line, str) for line in data["assumptions"])


def total(data: dict[str, Any], route: str) -> Decimal:
    return D(data["routes"][route]["pv_total"])


def test_check_1_equal_growth_and_discount_a_survivor_not_taxable_no_costs() -> None:
    data = compare(*FLAT, "--estate", "30m", "--spouse-age", "70", "--growth", "4", "--discount-rate", "4",
                   "--no-costs", "--spouse-domicile", "abroad", "--inherited-us-situs", "0")  # fmt: skip
    assert D(data["tax_without_qdot"]) == D("0.4") * 15_000_000
    assert abs(total(data, "pay_now") - total(data, "qdot")) <= D("0.05")
    assert all(route["pv_costs"] == "0.00" for route in data["routes"].values())


def test_check_2_a_taxable_survivor_makes_the_qdot_win() -> None:
    data = compare(*FLAT, "--estate", "30m", "--spouse-age", "60", "--spouse-estate", "30m", "--growth", "3",
                   "--discount-rate", "3", "--no-costs")  # fmt: skip
    assert total(data, "qdot") < total(data, "pay_now") and data["best_route"] == "qdot"


def test_check_3_certain_naturalisation_after_the_return_is_close_to_before_it() -> None:
    # the whole estate in the QDOT (so the first decedent's exclusion is not used at the first death), a young
    # survivor: B and C differ only by the deaths before the naturalisation year
    args = [*FLAT, "--estate", "20m", "--spouse-age", "35", "--growth", "3", "--discount-rate", "3", "--no-costs",
            "--qdot-amount", "20m", "--naturalize-probability", "100",
            "--naturalize-before-return-probability", "100"]  # fmt: skip
    data = compare(*args)
    b, c = total(data, "qdot"), total(data, "naturalize_before_return")
    assert c <= b <= c + D("0.01") * D(8_000_000)  # within 1% of the QDOT tax at stake
    assert data["routes"]["qdot"]["dsue_available"] is True


def test_check_4_growth_above_discount_a_survivor_abroad_the_qdot_loses() -> None:
    data = compare(*FLAT, "--estate", "30m", "--spouse-age", "70", "--growth", "5", "--discount-rate", "4",
                   "--no-costs", "--spouse-domicile", "abroad", "--inherited-us-situs", "0")  # fmt: skip
    pay = data["routes"]["pay_now"]
    assert D(pay["pv_taxes"]) == (D(6_000_000) / D("1.04")).quantize(D("0.01"))
    assert total(data, "qdot") > total(data, "pay_now") and data["best_route"] != "qdot"
    assert data["routes"]["naturalize_before_return"]["feasible"] is False


def test_check_5_no_dsue_for_a_survivor_abroad_and_a_redetermined_one_with_the_qdot() -> None:
    abroad = compare("--estate", "10m", "--spouse-age", "70", "--spouse-domicile", "abroad", "--qdot-amount", "10m")
    assert abroad["dsue_available_to_survivor"] is False
    assert not any(route["dsue_available"] for route in abroad["routes"].values())
    # in the US, a 10M estate all in the QDOT leaves 5M of exclusion unused, available once redetermined
    home = compare("--estate", "10m", "--spouse-age", "70", "--qdot-amount", "10m", "--spouse-estate", "20m")
    assert home["routes"]["qdot"]["dsue_available"] is True and home["routes"]["pay_now"]["dsue_available"] is True


def test_breakevens_are_where_the_ranking_flips() -> None:
    args = ["--estate", "20m", "--spouse-age", "70", "--growth", "0", "--discount-rate", "0"]
    data = compare(*args)
    flip = data["breakevens"]["naturalize_probability"]
    assert flip is not None and 0 < flip < 100  # a percent, as --naturalize-probability takes it
    at = compare(*args, "--naturalize-probability", f"{flip:.6f}")
    assert abs(total(at, "qdot") - total(at, "pay_now")) <= D(1)
    spread = data["breakevens"]["rate_spread"]
    given = next(row for row in data["breakevens"]["sensitivity"] if row["spread"] == 0)
    assert (D(given["pay_now"]), D(given["qdot"])) == (total(data, "pay_now"), total(data, "qdot"))
    assert spread is not None
    moved = compare(*args[:-2], "--discount-rate", str(spread + 0.1))  # growth 0: the discount rate is the spread
    assert (total(moved, "qdot") < total(moved, "pay_now")) is not (total(data, "qdot") < total(data, "pay_now"))
