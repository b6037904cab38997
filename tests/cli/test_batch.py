"""Batch screening: one report per good file, bad files named with their error, a summary, an honest exit status."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from advisor.answers_file import MAX_BYTES, personas
from advisor.cli import main
from advisor.cli.batch import _read, find_files


def persona_folder(tmp_path: Path, copies: int = 1) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, path in personas().items():
        for n in range(copies):
            shutil.copy(path, folder / f"{name}-{n}.yaml")
    return folder


def test_good_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = persona_folder(tmp_path)
    (folder / "broken.yaml").write_text("age: [\n", encoding="utf-8")
    (folder / "bad.json").write_text('{"citizenship": "martian"}', encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(folder), "--out", str(out), "--format", "html", "--no-projection"])
    err = capsys.readouterr().err
    assert code == 2
    assert "broken.yaml: not valid YAML" in err and "bad.json: invalid answer: citizenship" in err
    rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert len(rows) == len(personas()) + 2
    good = [row for row in rows if not row["error"]]
    assert len(good) == len(personas())
    assert all((out / row["report"]).is_file() for row in good)
    expat = next(row for row in good if row["client"] == "expat-couple-0")
    assert expat["route"] == "qdot"
    assert "Estate tax at a first death this year without a QDOT: $1,200,000" in expat["key figures"]
    assert "| **failed**: " in (out / "summary.md").read_text(encoding="utf-8")


def test_hostile_file_name_is_escaped_in_html(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(personas()["modest-estate"], folder / "<script>alert(1)<script> {{ 7*7 }}.yaml")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "--out", str(out), "--format", "html"]) == 0
    [report] = out.glob("*.html")
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;script&gt; {{ 7*7 }}" in html
    assert "<script>alert(1)" not in html


def test_large_batch_in_parallel_with_json_reports(tmp_path: Path) -> None:
    folder = persona_folder(tmp_path, copies=7)
    out = tmp_path / "out"
    assert main(["batch", str(folder), "--out", str(out), "--format", "json", "--no-projection"]) == 0
    reports = sorted(out.glob("*.json"))
    assert len(reports) == 7 * len(personas())
    kinds = {tuple(r["kind"] for r in json.loads(p.read_text())["recommendations"]) for p in reports}
    assert ("no_action",) in kinds and any("qdot" in k for k in kinds)


def test_no_answers_files_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no answers files" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_batch_reports_are_byte_identical_to_one_file_at_a_time(tmp_path: Path, fmt: str) -> None:
    """The streaming, parallel batch writes exactly the report the one-file path writes for each file
    (projections included, on enough files to use the workers)."""
    from advisor.advice import AdviceOptions, advise
    from advisor.cli.batch import PARALLEL_FROM
    from advisor.day import today

    copies = PARALLEL_FROM // len(personas()) + 1
    folder = persona_folder(tmp_path, copies=copies)
    out = tmp_path / "out"
    assert main(["batch", str(folder), "--out", str(out), "--format", fmt]) == 0
    sources = sorted(folder.iterdir())
    assert len(sources) > PARALLEL_FROM
    for source in sources:
        expected = advise(source, today=today(), options=AdviceOptions()).render(fmt, client=source.stem)  # type: ignore[arg-type]
        assert (out / f"{source.stem}.{fmt}").read_text(encoding="utf-8") == expected, source.name


def test_jobs_must_be_at_least_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = persona_folder(tmp_path)
    assert main(["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "0"]) == 2
    assert "--jobs 0: give at least 1 process" in capsys.readouterr().err


@pytest.mark.parametrize("size", [0, 1, 4096, MAX_BYTES - 1, MAX_BYTES, MAX_BYTES + 1, 3 * MAX_BYTES])
def test_a_file_is_read_whole_up_to_the_bound_and_one_byte_past_it(tmp_path: Path, size: int) -> None:
    """The reader sees every byte of a file within the bound, and a byte more of a larger one to name it."""
    path = tmp_path / "answers.json"
    content = bytes(range(256)) * (size // 256) + bytes(size % 256)
    path.write_bytes(content)
    assert _read(path) == content[: MAX_BYTES + 1]


def test_files_are_found_in_name_order_with_the_reason_each_is_skipped(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "in" / "out"
    for folder in (inputs / "b", inputs / "a", out):
        folder.mkdir(parents=True)
    for name in ("z.json", "a/x.yaml", "b/y.yml", ".hidden.json", "notes.txt", "out/report.json"):
        (inputs / name).write_text("{}", encoding="utf-8")
    os.mkfifo(inputs / "pipe.json")
    (inputs / "same.json").symlink_to(inputs / "z.json")
    (inputs / "outside.json").symlink_to(tmp_path / "nowhere.json")
    (inputs / "linked").symlink_to(inputs / "a")
    found = [(path.relative_to(inputs).as_posix(), reason) for path, reason in find_files([inputs], out)]
    assert found == [
        (".hidden.json", "a hidden file"),
        ("notes.txt", "not an answers file (answers files end in .json, .yaml, .yml)"),
        ("outside.json", f"a link to a file outside {inputs}; not followed"),
        ("pipe.json", "not a regular file"),
        ("same.json", None),
        ("z.json", None),
        ("linked", "a link to a folder; not followed"),
        ("a/x.yaml", None),
        ("b/y.yml", None),
    ]
