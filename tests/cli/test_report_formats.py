"""A report goes to a file in a format the tool writes: the extension picks it, and one it cannot
write (``.pdf``) is refused with the formats it can, before anything is screened or written."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.cli import main
from advisor.store import SessionStore

COMPLETE = {"citizenship": "us", "domicile": "us", "state": "CA", "age": 50, "married": False}
COMPLETE |= {"estate_total": "2m", "prior_taxable_gifts": 0, "estate_growth": 3, "owns_residence": False}


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "REPORT.PDF"])
def test_interview_refuses_an_extension_it_cannot_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    assert main(["interview", "--persona", "modest-estate", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot write a {out.suffix.lower()} report" in err
    assert ".html" in err and ".md" in err and ".json" in err
    assert not out.exists()


def test_interview_takes_the_format_from_the_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["interview", "--persona", "modest-estate", "--out", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["interview", "--persona", "modest-estate", "--out", str(tmp_path / "r.json")]) == 0
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("{")


def test_session_report_export_refuses_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    record = store.import_answers(COMPLETE, flow_version="2026.11-1", client_name="Ana")
    store.close()
    out = tmp_path / "ana.pdf"
    code = main(["sessions", "export", record.id, "--report", str(out), "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write a .pdf report; the formats are .htm, .html, .markdown, .md" in err
    assert not out.exists()
