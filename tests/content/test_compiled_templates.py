"""The templates shipped compiled are exactly content/'s templates compiled now (rebuild with
``python -m advisor.compiled_templates``), and render as their sources do."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.compiled_templates import compile_templates
from advisor.content import environment, explain, report_context, source_environment
from advisor.resources import COMPILED_TEMPLATES
from tests.screening.personas import persona, routes


def _modules(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.py")}


def test_shipped_templates_are_compiled_from_their_sources(tmp_path: Path) -> None:
    compile_templates(tmp_path)
    assert len(_modules(tmp_path)) > 10
    fresh, built = _modules(tmp_path), _modules(COMPILED_TEMPLATES)
    stale = sorted(name for name in fresh.keys() | built.keys() if fresh.get(name) != built.get(name))
    assert not stale, f"stale compiled templates {stale}: run python -m advisor.compiled_templates"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_compiled_and_source_templates_render_the_same_report(fmt: str) -> None:
    for name in sorted(routes()):
        session, screening = persona(name)
        report = explain(screening, session)
        template = f"report/report.{fmt}.j2"
        context = report_context(report, client="Priya <&>")
        shipped = environment().get_template(template).module.document(**context)  # type: ignore[attr-defined]
        source = source_environment().get_template(template).module.document(**context)  # type: ignore[attr-defined]
        assert shipped == source
