"""Every template renders for every persona under StrictUndefined; hostile text stays text."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from advisor.compiled_flow import question_text
from advisor.content import Format, environment, explain, render_report
from advisor.engine import load_flow
from advisor.screening.data import legal_basis
from tests.screening.personas import persona, routes

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = "<script>alert('x')</script> {{ 7*7 }} {% raw %}"


def test_every_question_has_a_prompt_and_help() -> None:
    for question in load_flow().questions.values():
        text = question_text(question.help_key)
        assert text.prompt.endswith(("?", ")")) and len(text.help) > 40, question.id


def test_every_rule_has_its_text() -> None:
    module = environment().get_template("rules.txt.j2").module
    for rule in legal_basis():
        assert callable(getattr(module, rule, None)), f"rules.txt.j2 has no macro for {rule}"


@pytest.mark.parametrize("name", sorted(routes()))
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_renders_for_every_persona(name: str, fmt: Format) -> None:
    session, screening = persona(name)
    text = render_report(screening, session, fmt)
    assert "not legal or tax advice" in text
    assert text.count("not legal or tax advice") == len(screening.recommendations) + 1
    for r in screening.recommendations:
        assert r.kind in ("qdot", "qprt", "no_action")
    assert "Undefined" not in text and "None" not in text


@pytest.mark.parametrize("name", sorted(routes()))
def test_json_explains_each_recommendation(name: str) -> None:
    session, screening = persona(name)
    data = json.loads(json.dumps(explain(screening, session)))
    assert [r["kind"] for r in data["recommendations"]] == list(screening.kinds)
    for r in data["recommendations"]:
        assert r["summary"] and r["reasons"] and r["figures"] and r["costs"] and r["citations"] and r["disclaimer"]
        assert all(reason["text"] for reason in r["reasons"])
        assert all(p["text"] for p in r["pitfalls"])
        assert all(figure["basis"] for figure in r["figures"])


def test_html_escapes_client_text_and_never_evaluates_it() -> None:
    session, screening = persona("modest-estate")
    html = render_report(screening, session, "html", client=HOSTILE)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{ 7*7 }} {% raw %}" in html


def test_markdown_keeps_client_text_literal() -> None:
    """Escaped for Markdown, so a viewer shows the characters instead of acting on them; never evaluated."""
    session, screening = persona("modest-estate")
    heading = render_report(screening, session, "md", client=HOSTILE).splitlines()[0]
    assert heading == r"# Estate screening for \<script\>alert('x')\</script\> \{\{ 7\*7 \}\} \{% raw %\}"
    assert "49" not in heading


def test_html_report_is_self_contained() -> None:
    session, screening = persona("qdot-and-qprt-couple")
    html = render_report(screening, session, "html")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "@media print" in html
    assert not re.search(r"<(link|script|img)\b", html) and "http" not in html.split("<body>")[0]


@pytest.mark.parametrize("name", sorted(routes()))
def test_markdown_report_golden(name: str) -> None:
    """Every persona's report as a practitioner reads it; regenerate with UPDATE_GOLDEN=1 and read the diff."""
    session, screening = persona(name)
    text = render_report(screening, session, "md", client="Priya and Arjun" if name == "qdot-and-qprt-couple" else None)
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


INTERNAL = re.compile(
    r"\.py\b|\.csv\b|\.ya?ml\b|\.j2\b|compute_|project_|excerpt|not read|content/|advisor/|"
    r"\b[a-z0-9]+_[a-z0-9_]+\b|Traceback|None\b|Undefined|"
    r"= \d{4,}\b"  # a cited amount printed as a bare number instead of dollars
)


@pytest.mark.parametrize("name", sorted(routes()))
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_client_text_has_no_internal_markers(name: str, fmt: str) -> None:
    """What a client reads names the law and IRS publications, never our files, functions or rule ids."""
    session, screening = persona(name)
    text = render_report(screening, session, fmt)  # type: ignore[arg-type]
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.S)
    found = sorted({match.group() for match in INTERNAL.finditer(text)})
    assert not found, f"{name}: internal markers in the client report: {found}"


def test_only_the_exclusion_rows_a_result_used_are_cited() -> None:
    """One 2523(i) row (this year's), not a decade of them."""
    for name in routes():
        _, screening = persona(name)
        for r in screening.recommendations:
            rows = [c for c in r.citations if "2523(i)" in c.parameter and "projected" not in c.parameter]
            assert len(rows) <= 1, (name, rows)


def test_report_without_a_session_lists_the_profile_facts() -> None:
    _, screening = persona("elderly-homeowner")
    text = render_report(screening, None, "md")
    assert "| birth_date | 1942-06-10 |" in text and "interview version" not in text
