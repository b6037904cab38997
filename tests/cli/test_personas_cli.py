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


def test_personas_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["personas"]) == 0
    out = capsys.readouterr().out
    assert "us-couple-valuable-home" in out and "route or rule" in out and "NO PERSONA" not in out
