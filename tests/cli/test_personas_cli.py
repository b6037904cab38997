"""`estate-advisor personas`: the example people, their routes and the coverage table."""

from __future__ import annotations

import json

import pytest

from advisor.answers_file import personas
from advisor.cli import main
from advisor.screening.data import legal_basis


def test_personas_json_covers_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["personas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["personas"]) == set(personas())
    assert data["personas"]["expat-couple"] == ["qdot"]
    for name in legal_basis():
        assert data["coverage"][f"rule:{name}"], f"no persona reaches rule {name}"
    assert data["coverage"]["route:qprt"] == [
        "elderly-homeowner", "qdot-and-qprt-couple", "us-couple-new-york-home", "us-couple-valuable-home"
    ]  # fmt: skip


def test_personas_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["personas"]) == 0
    out = capsys.readouterr().out
    assert "noncitizen-couple-in-us: QDOT (if you die first) + QDOT (if your spouse dies first)\n" in out
    assert "expat-couple: QDOT (if you die first)\n    US citizen abroad married to a non-citizen\n" in out
    assert "\nRule: the spouse is not a US citizen\n    citizen-with-noncitizen-spouse, expat-couple," in out
    assert "none of the examples" not in out
    for identifier in ("qdot + qdot", "no_action", "spouse_not_citizen", "route:", "rule:"):
        assert identifier not in out
    assert max(len(line) for line in out.splitlines()) <= 84  # person names are never broken
