"""Running the command line in process, as the CLI tests do."""

from __future__ import annotations

import json
import shlex
from typing import Any

import pytest

from advisor.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``estate-advisor ARGV``: its exit status (argparse's SystemExit included), stdout and stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], line: str) -> Any:
    """The JSON of ``estate-advisor LINE --json``, a command line as typed, which must succeed."""
    code, out, err = run(capsys, *shlex.split(line), "--json")
    assert code == 0, err
    return json.loads(out)


def refusal(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What ``estate-advisor ARGV`` says on stderr: it must exit 2 with one line and nothing on stdout."""
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.count("\n") == 1, err
    return err
