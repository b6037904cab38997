"""Safe output writes: owner-only whatever the umask, never over an existing file or an input, never through a link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from advisor import files
from advisor.files import FileWriteError, is_within, output_folder, output_stream, write_output


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_writes_owner_only_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_output(target, "# Report\n")
    assert target.read_text(encoding="utf-8") == "# Report\n"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileWriteError, match=r"report\.md: already exists; add --force to replace it"):
        write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "keep me"
    write_output(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_never_writes_through_a_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("secret", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    for force in (False, True):
        with pytest.raises(FileWriteError, match="is a symbolic link"):
            write_output(link, "overwritten", force=force)
    assert victim.read_text(encoding="utf-8") == "secret"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "created-by-the-link.txt")
    with pytest.raises(FileWriteError, match="is a symbolic link"):
        write_output(dangling, "x")
    assert not (tmp_path / "created-by-the-link.txt").exists()


def test_refuses_a_folder_link_leading_out_of_the_output_folder(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(FileWriteError, match="leads outside the output folder"):
        write_output(out / "sub" / "a.json", "{}", folder=out)
    with pytest.raises(FileWriteError, match="leads outside the output folder"):
        write_output(out / ".." / "b.json", "{}", folder=out)
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "b.json").exists()
    write_output(out / "c.json", "{}", folder=out)
    assert (out / "c.json").exists()


def test_never_writes_onto_an_input_even_with_force(tmp_path: Path) -> None:
    answers = tmp_path / "person.json"
    answers.write_text('{"age": 64}', encoding="utf-8")
    hard_link = tmp_path / "same-file.json"
    os.link(answers, hard_link)
    for target in (answers, hard_link, tmp_path / "." / "person.json"):
        with pytest.raises(FileWriteError, match="is one of the input files"):
            write_output(target, "report", force=True, inputs=[answers])
    assert answers.read_text(encoding="utf-8") == '{"age": 64}'


def test_a_folder_in_the_way_and_a_missing_folder_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(FileWriteError, match="not a regular file"):
        write_output(tmp_path / "taken", "x", force=True)
    with pytest.raises(FileWriteError, match=r"cannot write the output \(No such file or directory\)"):
        write_output(tmp_path / "missing" / "x.md", "x")


def test_output_folder_is_created_owner_only_and_a_file_in_its_place_refused(tmp_path: Path) -> None:
    folder = output_folder(tmp_path / "reports")
    assert folder.is_dir() and mode(folder) == 0o700
    (tmp_path / "plain").write_text("", encoding="utf-8")
    with pytest.raises(FileWriteError, match="is not a folder"):
        output_folder(tmp_path / "plain")


def test_is_within(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "out").symlink_to(tmp_path, target_is_directory=True)
    assert is_within(tmp_path / "in" / "x", tmp_path / "in")
    assert not is_within(tmp_path / "in" / "out" / "x", tmp_path / "in")
    assert not is_within(tmp_path / "in" / ".." / "x", tmp_path / "in")


def test_owner_only_under_umask_000_in_a_real_process(tmp_path: Path) -> None:
    """The report a user asks for is 0600 even in a shell with ``umask 000``."""
    out = tmp_path / "report.md"
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "interview", "--persona", "modest-estate", "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0),
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert mode(out) == 0o600


def test_interview_never_writes_its_report_onto_its_answers_file(tmp_path: Path) -> None:
    """``interview --answers X --out X`` used to replace the client's answers with the report."""
    answers = tmp_path / "person.yaml"
    original = Path("content/personas/modest-estate.yaml").read_text(encoding="utf-8")
    answers.write_text(original, encoding="utf-8")
    for extra in ([], ["--force"]):
        proc = subprocess.run(
            [sys.executable, "-m", "advisor", "interview", "--answers", str(answers), "--out", str(answers), *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 2
        assert (
            proc.stderr == f"estate-advisor: error: {answers}: is one of the input files; choose another output name\n"
        )
    assert answers.read_text(encoding="utf-8") == original


def test_session_exports_refuse_an_existing_file_until_forced(tmp_path: Path) -> None:
    from advisor.cli import main
    from advisor.store import SessionStore

    store = SessionStore.open(tmp_path)
    record = store.import_answers({"citizenship": "us"}, flow_version="test", client_name="Ana")
    store.close()
    target = tmp_path / "answers.json"
    target.write_text("keep", encoding="utf-8")
    export = ["sessions", "export", record.id, "--answers", str(target), "--data-dir", str(tmp_path)]
    assert main(export) == 2
    assert target.read_text(encoding="utf-8") == "keep"
    assert main([*export, "--force"]) == 0
    assert '"citizenship": "us"' in target.read_text(encoding="utf-8")
    assert mode(target) == 0o600
    transcript = tmp_path / "t.md"
    transcript.symlink_to(tmp_path / "elsewhere.md")
    assert main(["sessions", "transcript", record.id, "--out", str(transcript), "--data-dir", str(tmp_path)]) == 2
    assert not (tmp_path / "elsewhere.md").exists()


@pytest.fixture(params=["unnamed file", "named temporary"])
def naming(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each way a file is made before it gets its name: unnamed (Linux's O_TMPFILE), or a temporary name."""
    if request.param == "named temporary":
        monkeypatch.setattr(files, "_NAMES_UNNAMED_FILES", False)
    elif not files._NAMES_UNNAMED_FILES:
        pytest.skip("this system has no unnamed files")
    return str(request.param)


@pytest.mark.skipif(not files._NAMES_UNNAMED_FILES, reason="this system has no unnamed files")
def test_a_new_file_is_made_unnamed_and_never_has_a_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_temporary(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary name was made")

    monkeypatch.setattr(tempfile, "mkstemp", no_temporary)
    write_output(tmp_path / "report.md", "whole")
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "whole" and mode(tmp_path / "report.md") == 0o600


def test_a_write_that_fails_leaves_nothing_and_the_old_file_whole(tmp_path: Path, naming: str) -> None:
    target = tmp_path / "report.md"

    def stopped_halfway(force: bool) -> None:
        with output_stream(target, force=force) as stream:
            stream.write(b"half a rep")
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        stopped_halfway(force=False)
    assert list(tmp_path.iterdir()) == []
    write_output(target, "old")
    with pytest.raises(RuntimeError):
        stopped_halfway(force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_each_way_of_naming_writes_owner_only_and_never_replaces(tmp_path: Path, naming: str) -> None:
    target = tmp_path / "report.md"
    with output_stream(target, durable=False) as stream:
        stream.write(b"first, ")
        stream.write(b"in pieces")
    assert target.read_text(encoding="utf-8") == "first, in pieces" and mode(target) == 0o600
    with pytest.raises(FileWriteError, match="already exists"):
        write_output(target, "second")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_file_system_without_hard_links_still_never_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, naming: str
) -> None:
    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "report.md"
    write_output(target, "first")
    assert target.read_text(encoding="utf-8") == "first" and mode(target) == 0o600
    with pytest.raises(FileWriteError, match="already exists"):
        write_output(target, "second")
    write_output(target, "third", force=True)
    assert target.read_text(encoding="utf-8") == "third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_link_planted_at_the_output_name_is_refused_in_a_real_process(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    planted = tmp_path / "report.md"
    planted.symlink_to(victim)
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "interview", "--persona", "modest-estate", "--out", str(planted), "--force"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    message = "is a symbolic link, never written through; remove it or choose another name"
    assert proc.stderr == f"estate-advisor: error: {planted}: {message}\n"
    assert victim.read_text(encoding="utf-8") == "untouched" and planted.is_symlink()
