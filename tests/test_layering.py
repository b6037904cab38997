"""The layers hold: import contracts (pyproject.toml, [tool.importlinter]) and a headless core.

The contracts say which layer may import which; the subprocess check proves that importing every
module of the deciding core (calculators, engine, screening, wording, the application service)
leaves the UI toolkit unloaded, so reports, batch runs and tests stay light.
"""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = [
    "advisor.calculators",
    "advisor.engine",
    "advisor.screening",
    "advisor.content",
    "advisor.advice",
    "advisor.batch",
    "advisor.presentation",
]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint_imports, "import-linter is a test dependency: pip install -e '.[test]'"
    proc = subprocess.run(
        [lint_imports, "--no-logo", "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _modules_under(package: str) -> list[str]:
    """The package and every module below it, found on disk (a new module is checked without listing it)."""
    path = ROOT.joinpath(*package.split("."))
    if not path.is_dir():
        return [package]
    return [package] + [name for _, name, _ in pkgutil.walk_packages([str(path)], prefix=f"{package}.")]


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_core_does_not_load_textual(package: str) -> None:
    modules = _modules_under(package)
    code = f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\nprint('textual' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout.strip() == "False"


def test_command_line_starts_without_textual() -> None:
    """`estate-advisor calc ...` and reports never pay for the TUI: it loads only when the app starts."""
    code = "import sys, advisor.cli; print('textual' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout.strip() == "False"
