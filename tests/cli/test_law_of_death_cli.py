"""The law of the year of death on the command line: the independent 2012 case through --json, the 2010
election, the state death tax credit and the DSUE limit as options, and one-line refusals."""

from __future__ import annotations

import pytest

from tests.cli.command import refusal, run_json


def test_qdot_tax_2012_death_json(capsys: pytest.CaptureFixture[str]) -> None:
    # Line 9 = 6,120,000: 155,800 + 35% x 5,620,000 - credit on 5,120,000 (1,772,800) = 350,000; line 8 = 0.
    data = run_json(capsys, "calc qdot-tax --decedent-taxable-estate 5.12m --death-date 2012-06-01 --distributions 1m")
    assert (data["tax_on_total"], data["tax_on_prior"], data["qdot_tax"]) == ("350000.00", "0.00", "350000.00")
    assert any(c["effective"] == "2012" and "Rev. Proc. 2011-52" in c["source"] for c in data["citations"])


def test_estate_tax_2010_election_json(capsys: pytest.CaptureFixture[str]) -> None:
    taxed = run_json(capsys, "calc estate-tax --taxable-estate 6m --year 2010")
    elected = run_json(capsys, "calc estate-tax --taxable-estate 6m --year 2010 --carryover-basis-election")
    # 155,800 + 35% x 5,500,000 - 1,730,800 = 350,000 under the estate tax; nothing with the election.
    assert (taxed["net_estate_tax"], taxed["carryover_basis_election"]) == ("350000.00", False)
    assert (elected["net_estate_tax"], elected["carryover_basis_election"]) == ("0.00", True)


def test_estate_tax_2004_state_death_tax_credit(capsys: pytest.CaptureFixture[str]) -> None:
    # 2,500,000 in 2004: 1,020,800 - 555,800 = 465,000; credit 25% x 138,800 = 34,700.
    data = run_json(capsys, "calc estate-tax --taxable-estate 2.5m --death-date 2004-05-01 --state-death-taxes 100k")
    assert (data["state_death_tax_credit"], data["net_estate_tax"]) == ("34700.00", "430300.00")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--year", "2026", "--dsue", "16m"], "at most the largest basic exclusion amount of any year"),
        (["--year", "2026", "--dsue", "6m", "--dsue-year", "2012"], "basic exclusion amount of 2012"),
        (["--year", "2005", "--state-death-taxes", "1"], "IRC 2058"),
        (["--year", "2011", "--carryover-basis-election"], "only for deaths in 2010"),
    ],
)
def test_refusals_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert message in refusal(capsys, "calc", "estate-tax", "--taxable-estate", "20m", *argv)
