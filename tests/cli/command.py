"""Running the command line in process, as the CLI tests do."""

from __future__ import annotations

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
