"""``interview`` and ``flow diagram`` on the command line: the JSON contract, reports, and one-line
errors with exit status 2 for every kind of bad answers file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.command import run
from tests.screening.personas import PERSONAS, routes

TODAY = "2026-11-23"


@pytest.mark.parametrize("name", sorted(routes()))
def test_json_kinds_for_every_persona_file(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, err = run(capsys, "interview", "--answers", str(PERSONAS / f"{name}.yaml"), "--format", "json",
                         "--today", TODAY)  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert [r["kind"] for r in data["recommendations"]] == routes()[name]["kinds"]
    assert all(r["reasons"] and r["figures"] for r in data["recommendations"])


def test_json_answers_file_with_contract_keys_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = {
        "citizenship": "us", "domicile": "us", "state": "ny", "age": 66, "married": True,
        "spouse_citizenship": "non_us", "spouse_domicile": "us", "spouse_plans_to_naturalize": False,
        "spouse_birth_date": "1962-02-03", "estate_total": "$22,000,000", "spouse_estate_total": 500000,
        "prior_taxable_gifts": "0", "owns_residence": True, "residence_type": "principal",
        "residence_value": "2.5m", "residence_basis": "900k", "residence_to_children": True,
    }  # fmt: skip
    path = tmp_path / "client.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    code, out, _ = run(capsys, "interview", "--answers", str(path), "--format", "json", "--today", TODAY)
    assert code == 0
    data = json.loads(out)
    assert [r["kind"] for r in data["recommendations"]] == ["qdot", "qprt"]
    assumed = {"estate_growth", "foreign_real_estate", "retirement_accounts", "joint_property", "residence_mortgage"}
    assert set(data["assumed"]) == assumed | {"spouse_citizenship_country"}


def test_persona_by_name_and_report_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    code, out, _ = run(capsys, "interview", "--persona", "expat-couple", "--format", "html", "--out", str(out_file),
                       "--client", "<b>Dana</b>", "--today", TODAY)  # fmt: skip
    assert code == 0 and out == ""
    html = out_file.read_text(encoding="utf-8")
    assert "&lt;b&gt;Dana&lt;/b&gt;" in html and "QDOT" in html


def test_markdown_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "interview", "--persona", "modest-estate", "--today", TODAY)
    assert code == 0 and out.startswith("# Estate screening") and "What would change the answer" in out


BAD_FILES = [
    ("unknown.json", '{"citizenship": "us", "estate_totl": 5}', "unknown question 'estate_totl'; did you mean"),
    ("broken.json", '{"citizenship": "us",', "not valid JSON (line 1"),
    ("broken.yaml", "citizenship: [us\n", "not valid YAML"),
    ("list.yaml", "- us\n- us\n", "one mapping of question ids"),
    ("invalid.yaml", "citizenship: us\ndomicile: mars\n", "invalid answer: domicile: 'mars' is not one of"),
    ("amount.yaml", "citizenship: us\ndomicile: abroad\nage: 40\nmarried: no\nestate_total: lots\n",
     "invalid answer: estate_total: could not read 'lots' as an amount; enter a dollar amount such as"),
    ("missing.yaml", "citizenship: us\ndomicile: us\nstate: ny\n", "missing answer for age or birth_date (How old"),
    ("empty.yaml", "", "one mapping"),
    ("binary.json", None, "is not UTF-8; save the file as UTF-8 text"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_answers_file_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is None:
        path.write_bytes(b"\xff\xfe\x00bad")
    else:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "interview", "--answers", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"estate-advisor: error: {path}: ")
    assert message in err


def test_missing_file_and_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "interview", "--answers", str(tmp_path / "absent.json"))
    assert code == 2 and "cannot read the answers file (No such file or directory)" in err
    code, _, err = run(capsys, "interview", "--persona", "modest-estate", "--out", str(tmp_path / "no" / "x.md"))
    assert code == 2 and err.count("\n") == 1 and "cannot write the output" in err


def test_flow_diagram_lights_the_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, plain, _ = run(capsys, "flow", "diagram")
    assert code == 0 and plain.startswith("---\ntitle: Cross-border estate screening\n---\nflowchart TD\n")
    assert "classDef path" not in plain
    code, lit, _ = run(capsys, "flow", "diagram", "--answers", str(PERSONAS / "modest-estate.yaml"))
    (lit_nodes,) = [line for line in lit.splitlines() if line.startswith("    class ")]
    assert code == 0 and "q_married" in lit_nodes and lit_nodes.endswith(",screening,r_no_action path")
    assert "✔ no estate tax, now or as it grows" in lit
    code, _, err = run(capsys, "flow", "diagram", "--answers", str(PERSONAS / "routes.yaml"))
    assert code == 2 and err.startswith(f"estate-advisor: error: {PERSONAS / 'routes.yaml'}: answers: unknown question")


def test_no_traceback_from_the_real_command(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "interview", "--answers", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_no_projection_leaves_out_the_deferral(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "interview", "--persona", "expat-couple", "--format", "json", "--no-projection")
    names = {figure["name"] for figure in json.loads(out)["recommendations"][0]["figures"]}
    assert code == 0 and "tax_without_qdot" in names and "present_value_benefit" not in names


def test_minimal_answers_file_runs_with_stated_assumptions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text(
        "citizenship: us\ndomicile: abroad\nage: 50\nmarried: true\nspouse_citizenship: non_us\n"
        "spouse_domicile: abroad\nestate_total: 20m\nspouse_estate_total: 0\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "interview", "--answers", str(path), "--format", "json", "--today", TODAY)
    assert code == 0, err
    data = json.loads(out)
    assert [r["kind"] for r in data["recommendations"]] == ["qdot"]
    assert {"spouse_age", "owns_residence", "prior_taxable_gifts"} <= set(data["assumed"])
    assert any("age is not known" in line for line in data["recommendations"][0]["assumptions"])
    assert not any(r["name"] == "route_cost" for r in data["recommendations"][0]["figures"])
