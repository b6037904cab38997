"""The headless core never imports the UI toolkit (so reports, batch runs and tests stay light)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "advisor.calculators",
        "advisor.calculators.qprt",
        "advisor.cli",
        "advisor.engine",
        "advisor.screening",
        "advisor.content",
    ],
)
def test_core_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"
