"""The browser server binds to this machine unless told otherwise, and warns when it is told."""

from __future__ import annotations

import pytest

from advisor.cli import build_parser
from advisor.cli.serve import DEFAULT_HOST, is_loopback


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
        def __init__(self, command: str, host: str, port: int, title: str) -> None:
            served.append((host, port))

        def serve(self) -> None:
            pass

    monkeypatch.setattr("textual_serve.server.Server", FakeServer)
    argv = ["serve", "--host", "0.0.0.0", "--port", "8123"]
    args = build_parser(argv).parse_args(argv)
    assert args.handler(args) == 0
    assert served == [("0.0.0.0", 8123)]
    assert "warning: serving on 0.0.0.0" in capsys.readouterr().err
