"""The decision graph in Mermaid: a snapshot, so any flow change shows in review."""

from __future__ import annotations

import os
from pathlib import Path

from advisor.engine import load_flow
from advisor.engine.diagram import mermaid
from tests.screening.personas import persona

GOLDEN = Path(__file__).parent / "golden" / "interview.mmd"


def test_mermaid_snapshot() -> None:
    text = mermaid(load_flow())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_every_transition_is_drawn_with_its_conditions() -> None:
    text = mermaid(load_flow())
    assert "domicile --> state: next [domiciled_in_us]" in text
    assert "estate_total --> spouse_estate_total: next [is_married]" in text
    assert "s_previous\n" not in text.replace("classDef s_previous", "") and "s_active\n" not in text


def test_path_is_lit() -> None:
    session, _ = persona("modest-estate")
    text = mermaid(load_flow(), session.path, "done")
    lit = {line.split()[1] for line in text.splitlines() if line.strip().startswith("Class") and "s_previous" in line}
    assert lit == set(session.path)
    assert "Class done s_active" in text and "Class spouse_age s_default" in text
