"""Batch against hostile folders, run as a real process: bad files named and the run goes on, client text
escaped in the summaries, nothing overwritten or followed that should not be, owner-only files."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.answers_file import personas
from advisor.resources import data_dir


def batch(*args: str | Path, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "advisor", "batch", *map(str, args), "--no-projection"],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=set_umask,
    )


def one_line_errors(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert all(line.startswith("estate-advisor") or not line.strip() for line in stderr.splitlines()), stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(personas()["modest-estate"], inputs / "good.yaml")
    return inputs


def summary_rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as stream:
        return {Path(row["file"]).name: row for row in csv.DictReader(stream)}


def test_bad_files_are_named_and_the_run_goes_on(folder: Path, tmp_path: Path) -> None:
    good = personas()["modest-estate"].read_text(encoding="utf-8")
    (folder / "feb30.yaml").write_text(good.replace("age: ", "birth_date: 1960-02-30\nx_age: "), encoding="utf-8")
    (folder / "invalid.yaml").write_text("citizenship: [us\n", encoding="utf-8")
    (folder / "huge.json").write_text('{"age": ' + "9" * 5000 + "}", encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "latin1.yaml").write_bytes("citizenship: Fran\xe7ois\n".encode("latin-1"))
    out = tmp_path / "out"
    proc = batch(folder, "--out", out)
    one_line_errors(proc.stderr)
    assert proc.returncode == 2
    rows = summary_rows(out)
    assert rows["good.yaml"]["report"] == "good.md" and not rows["good.yaml"]["error"]
    for name in ("feb30.yaml", "invalid.yaml", "huge.json", "deep.json", "latin1.yaml"):
        assert rows[name]["error"].startswith(str(folder / name)), rows[name]
        assert str(folder / name) in proc.stderr
    assert "1 screened, 5 failed" in proc.stderr
    assert "is not a real date" in rows["feb30.yaml"]["error"]
    assert "more than 40 digits" in rows["huge.json"]["error"] and "levels deep" in rows["deep.json"]["error"]


def test_non_answers_files_are_skipped_with_the_reason_and_never_echoed(folder: Path, tmp_path: Path) -> None:
    shutil.copy(data_dir("content") / "personas" / "routes.yaml", folder / "routes.yaml")
    (folder / "notes.txt").write_text("SECRET-NOTES-LINE\n", encoding="utf-8")
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:SECRET-SHADOW-LINE:19000:0:99999:7:::\n", encoding="utf-8")
    (folder / "shadow.yaml").symlink_to(secret)
    out = tmp_path / "out"
    proc = batch(folder, "--out", out)
    one_line_errors(proc.stderr)
    rows = summary_rows(out)
    assert "not an answers file" in rows["notes.txt"]["skipped"]
    assert "a link to a file outside" in rows["shadow.yaml"]["skipped"]
    assert rows["routes.yaml"]["skipped"].startswith("not an answers file (none of its keys is a question")
    everything = proc.stderr + (out / "summary.csv").read_text() + (out / "summary.md").read_text()
    assert "SECRET" not in everything
    assert "skipped" in proc.stderr and str(folder / "notes.txt") in proc.stderr


def test_summaries_escape_client_text_and_neutralise_formulas(folder: Path, tmp_path: Path) -> None:
    hostile = ["=HYPERLINK(x)", "+cmd", "@SUM(A1)", "-2+3", "<img src=x onerror=alert(1)>", "[a](javascript:x)"]
    for number, name in enumerate(hostile):
        shutil.copy(folder / "good.yaml", folder / f"{name}.yaml")
        (folder / f"bad {number} <script>.json").write_text('{"citizenship": "<script>x</script>"}', encoding="utf-8")
    out = tmp_path / "out"
    proc = batch(folder, "--out", out)
    one_line_errors(proc.stderr)
    with (out / "summary.csv").open(encoding="utf-8", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(x)" in cells and "'+cmd" in cells and "'@SUM(A1)" in cells and "'-2+3" in cells
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)[<>\[\]]", md), "an unescaped <, >, [ or ] reached summary.md"
    assert "\\<img src=x onerror=alert(1)\\>" in md and "\\[a\\](javascript:x)" in md
    assert all(line.count(" | ") == 4 for line in md.splitlines()[2:]), "a cell broke out of its column"


def test_json_reports_never_replace_their_inputs_nor_existing_files(folder: Path) -> None:
    (folder / "client.json").write_text('{"citizenship": "us"}', encoding="utf-8")
    shutil.copy(folder / "good.yaml", folder / "summary.yaml")
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    proc = batch(folder, "--out", folder, "--format", "json")
    one_line_errors(proc.stderr)
    for name, data in before.items():
        assert (folder / name).read_bytes() == data, f"{name} was overwritten"
    rows = summary_rows(folder)
    assert rows["good.yaml"]["report"] == "good.json"
    assert rows["summary.yaml"]["report"] == "summary-2.json" or rows["summary.yaml"]["report"].startswith("summary")
    assert (folder / "summary.md").is_file()
    again = batch(folder, "--out", folder, "--format", "json", "--force")
    one_line_errors(again.stderr)
    assert (folder / "client.json").read_bytes() == before["client.json"], "--force replaced an input"
    rerun = batch(folder, "--out", folder, "--format", "json")
    assert rerun.returncode == 2 and "already exists; add --force" in rerun.stderr
    one_line_errors(rerun.stderr)


def test_existing_reports_need_force(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.md").write_text("an older report", encoding="utf-8")
    proc = batch(folder, "--out", out)
    assert proc.returncode == 2 and "good.md: already exists; add --force" in proc.stderr
    assert (out / "good.md").read_text() == "an older report" and (out / "summary.md").is_file()
    assert batch(folder, "--out", out, "--force").returncode == 0
    assert (out / "good.md").read_text().startswith("# ")


def test_links_planted_in_the_output_folder_are_not_written_through(folder: Path, tmp_path: Path) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("untouched", encoding="utf-8")
    (out / "good.md").symlink_to(victim)
    (out / "summary.csv").symlink_to(victim)
    proc = batch(folder, "--out", out, "--force")
    one_line_errors(proc.stderr)
    assert proc.returncode != 0 and "symbolic link" in proc.stderr
    assert victim.read_text() == "untouched"


def test_files_are_owner_only_under_umask_000(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(folder, "--out", out, umask=0).returncode == 0
    for path in out.iterdir():
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} is readable by others"


def test_a_named_file_that_cannot_be_read_fails_the_run(folder: Path, tmp_path: Path) -> None:
    proc = batch(folder / "good.yaml", folder / "missing.yaml", "--out", tmp_path / "out")
    one_line_errors(proc.stderr)
    assert proc.returncode == 2
    assert f"{folder / 'missing.yaml'}: cannot read the answers file (No such file or directory)" in proc.stderr
    assert summary_rows(tmp_path / "out")["good.yaml"]["report"] == "good.md"
