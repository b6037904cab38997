"""The browser server binds to this machine unless told otherwise, and warns when it is told."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from advisor.cli import build_parser
from advisor.cli.serve import DEFAULT_HOST, app_command, host_allowed, is_loopback
from advisor.store import DATA_DIR_ENV


def test_default_host_is_loopback() -> None:
    args = build_parser(["serve"]).parse_args(["serve"])
    assert args.host == DEFAULT_HOST == "127.0.0.1"
    assert args.port == 8000


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_warns_when_bound_elsewhere(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    served: list[tuple[str, int]] = []

    class FakeServer:
        def serve(self) -> None:
            pass

    def fake(command: str, saving: str, host: str, port: int, max_windows: int) -> FakeServer:
        served.append((host, port))
        return FakeServer()

    monkeypatch.setattr("advisor.cli.serve.guarded_server", fake)
    argv = ["serve", "--host", "0.0.0.0", "--port", "8123"]
    args = build_parser(argv).parse_args(argv)
    assert args.handler(args) == 0
    assert served == [("0.0.0.0", 8123)]
    assert "warning: serving on 0.0.0.0" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected", "saving"),
    [
        (["--data-dir", "{tmp}/a", "serve"], ["--data-dir", "{tmp}/a"], "sessions are saved in {tmp}/a"),
        (["serve", "--data-dir", "{tmp}/b"], ["--data-dir", "{tmp}/b"], "sessions are saved in {tmp}/b"),
        (["serve"], ["--data-dir", "{tmp}/env"], "sessions are saved in {tmp}/env"),
        (["--no-save", "serve"], ["--no-save"], "nothing is saved (--no-save)"),
        (["serve", "--no-save", "--data-dir", "{tmp}/c"], ["--no-save"], "nothing is saved (--no-save)"),
    ],
)
def test_the_served_app_saves_where_serve_was_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], expected: list[str], saving: str
) -> None:
    """--data-dir (before or after 'serve'), the environment variable and --no-save reach each window's app."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    argv = [part.format(tmp=tmp_path) for part in argv]
    args = build_parser(argv).parse_args(argv)
    command, said = app_command(args)
    assert shlex.split(command) == [sys.executable, "-m", "advisor", *(p.format(tmp=tmp_path) for p in expected)]
    assert said == saving.format(tmp=tmp_path)


@pytest.mark.parametrize(
    ("header", "served", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("localhost:8000", "127.0.0.1", True),
        ("[::1]:8000", "127.0.0.1", True),
        ("127.0.0.1:9999", "127.0.0.1", False),  # another port
        ("attacker.example:8000", "127.0.0.1", False),  # DNS rebinding: a name that is not ours
        ("192.168.1.5:8000", "127.0.0.1", False),
        ("192.168.1.5:8000", "0.0.0.0", True),  # a wildcard bind answers on the machine's addresses
        ("attacker.example:8000", "0.0.0.0", False),
        ("advisor.lan:8000", "advisor.lan", True),
        ("[::1]:8000", "::1", True),
    ],
)
def test_host_allowed(header: str, served: str, allowed: bool) -> None:
    assert host_allowed(header, served, 8000) is allowed
