"""All wording the person reads, rendered from content/ through one Jinja2 environment.

StrictUndefined makes a missing value an error instead of a blank; HTML templates are
autoescaped, and plain-text macros (``*.txt.j2``) return plain strings, so anything they print is
escaped again when an HTML report includes it. Nothing a person typed is ever used as a template:
it reaches templates only as data.

Jinja loads at the first rendering, not at import: the questions and the app's fixed messages are
shipped precompiled (:mod:`advisor.compiled_flow`), so the first question needs no template; the other
templates are shipped compiled to Python (:mod:`advisor.compiled_templates`), so the first report needs
no template compiled.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

from advisor.calculators.money import format_money
from advisor.resources import COMPILED_TEMPLATES, compiled_interview, data_dir

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment
    from jinja2.runtime import Macro

    from advisor.calculators.parameters import Citation
    from advisor.engine.session import Session
    from advisor.screening.models import CostRange, Figure, Recommendation, Screening
    from advisor.screening.treaty import TreatyOutlook


def _money(value: Decimal | int | str | None) -> str:
    """``$1,234`` (whole dollars, as the returns show them)."""
    if value is None:
        return "not known"
    return format_money(Decimal(value))


def _pct(value: Decimal | float | str, places: int = 1) -> str:
    """A fraction as a percent: ``0.4 -> 40%``, ``0.0525 -> 5.3%``."""
    percent = Decimal(str(value)) * 100
    text = f"{percent:.{places}f}".rstrip("0").rstrip(".")
    return f"{text}%"


_MARKDOWN_INLINE = re.compile(r"[\\`*_{}\[\]<>&|~]")
_MARKDOWN_BLOCK_START = re.compile(r"^(\d+)([.)])|^([#+\-=])")


def markdown_text(value: object) -> str:
    """Text a person typed, shown as itself in Markdown (the ``md`` filter): one line, and every character
    that Markdown, HTML or a template engine would act on backslash-escaped, so ``<script>`` or
    ``{{ 7*7 }}`` reads literally."""
    text = _MARKDOWN_INLINE.sub(lambda match: "\\" + match.group(), " ".join(str(value).split()))
    return _MARKDOWN_BLOCK_START.sub(
        lambda match: f"{match[1]}\\{match[2]}" if match[1] else f"\\{match[3]}", text, count=1
    )


@cache
def _qdot_rule(name: str) -> Decimal:
    """A QDOT security figure from its latest data row (money in dollars, percents as fractions), read once:
    a pitfall quotes several in every QDOT report."""
    from advisor.calculators.parameters import qdot_security

    return qdot_security(name).value


def _nonresident_exemption() -> Decimal:
    """What the non-resident's unified credit shelters, from its latest data row."""
    from advisor.calculators.parameters import latest

    return latest("nonresident_credit.csv").decimal("exemption_equivalent")


def _cite(citation: Citation | dict[str, str]) -> str:
    from advisor.calculators.parameters import Citation

    if isinstance(citation, dict):
        citation = Citation.model_validate(citation)
    return str(citation)


@cache
def environment() -> Environment:
    """The environment reports, cards and transcripts render with: the templates as shipped, compiled to
    Python (:mod:`advisor.compiled_templates`), each loaded once."""
    from jinja2 import ModuleLoader

    return _environment(ModuleLoader(COMPILED_TEMPLATES))


@cache
def source_environment() -> Environment:
    """The same environment reading content/ itself: to compile the shipped templates, and for the texts
    the compiled interview ships (the questions and the app's fixed messages)."""
    from jinja2 import FileSystemLoader

    return _environment(FileSystemLoader(data_dir("content")))


def _environment(loader: BaseLoader) -> Environment:
    from jinja2 import Environment, StrictUndefined, select_autoescape

    class DataEnvironment(Environment):
        """``x.name`` on a dict (the explained screening the reports lay out) reads its key first. Jinja tries
        an attribute first, so each such value cost a raised and caught AttributeError: half a report's
        rendering. A key named like a dict method would now win over the method; no template calls one but
        ``get``, and no key is named so."""

        def getattr(self, obj: Any, attribute: str) -> Any:
            if type(obj) is dict:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
            return Environment.getattr(self, obj, attribute)  # not super(): this runs ~170 times a report

        def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
            """A template's globals as one dict, not Jinja's chain over the environment's: every rendering
            copies them into its context, and a chain is copied key by key in Python. The environment's
            globals are all set before the first template loads, so the copy misses nothing."""
            return {**self.globals, **(d or {})}

    env = DataEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters.update(money=_money, pct=_pct, cite=_cite, md=markdown_text)
    env.globals.update(qdot_rule=_qdot_rule, nonresident_exemption=_nonresident_exemption)
    return env


def ui_text(name: str) -> str:
    """A fixed message of the app as shipped (no template engine needed to show it)."""
    return str(compiled_interview()["ui"][name])


# --- explaining a screening -----------------------------------------------------------------


@cache
def _macro(template: str, name: str) -> Macro:
    """A macro of a content template, by name, looked up once; a missing one is an error naming both."""
    module = environment().get_template(template).module
    macro: Macro | None = getattr(module, name, None)  # a template module's macros are untyped
    if macro is None:
        raise LookupError(f"content/{template} has no text for {name!r}")
    return macro


def _text(template: str, name: str, *args: object) -> str:
    return str(_macro(template, name)(*args)).strip()


@lru_cache(maxsize=4096, typed=True)
def _facts_text(template: str, name: str, /, **facts: Any) -> str:
    """A text given only a few facts without amounts (an assumption, a note), rendered once per name and
    facts: many clients share them (the same growth and horizon). Facts are passed by keyword and the cache
    is typed, so its key (made in C) tells ``True`` from ``1``, which render differently."""
    return _text(template, name, facts)


def _keyed_text(template: str, key: str, *args: object) -> str:
    """A rule's reason, a pitfall, a next step or an alternative. One whose macro takes no arguments reads
    the same for everyone and is rendered once; the others are given ``args`` (the rule's facts; the
    recommendation, the profile and the figures by name)."""
    macro = _macro(template, key)
    if macro.arguments:
        return str(macro(*args)).strip()
    return _fixed_text(template, key)


@cache
def _fixed_text(template: str, name: str) -> str:
    return _text(template, name)


def _by_name(figures: tuple[Figure, ...]) -> dict[str, Figure]:
    """A recommendation's figures by name, for the templates to read as data (``f.gift``) rather than call
    a method for each; the first of a name, as ``Recommendation.figure`` finds it."""
    return {figure.name: figure for figure in reversed(figures)}


def _route_costs(recommendation: Recommendation) -> tuple[dict[str, Figure], Figure | None]:
    """The two-death comparison's cost of each route (its ``route_cost`` figures by route) and the lowest,
    which the comparison marked best; none when the routes were not compared."""
    routes = {str(f.facts["route"]): f for f in recommendation.figures if f.name == "route_cost"}
    return routes, next((f for f in routes.values() if f.facts["best"]), None)


@lru_cache(maxsize=4096, typed=True)
def _figure_words(name: str, /, **facts: Any) -> tuple[str, str]:
    """A figure's label and basis, rendered once per name and facts (keyed as :func:`_facts_text` is): the
    templates are given only those two (never the value), so the same pair always reads the same, and most
    figures of a batch share one."""
    described = {"name": name, "facts": facts}
    return _text("figures.txt.j2", "label", described), _text("figures.txt.j2", "basis", described)


def _figure(figure: Figure) -> dict[str, Any]:
    label, basis = _figure_words(figure.name, **figure.facts)
    return {
        "name": figure.name,
        "label": label,
        "value": str(figure.value),
        "unit": figure.unit,
        "display": _display(figure.unit, figure.value),
        "basis": basis,
        "facts": figure.facts,
        "citations": list(map(str, figure.citations)),
    }


def _display(unit: str, value: Decimal) -> str:
    """A figure's value as shown: money and fractions are numbers, written here (the figures of every report
    pass through it); a value in years is worded by content/figures.txt.j2, once per whole number of years."""
    if unit == "money":
        return format_money(value)
    if unit == "years":
        return _years(round(value))
    return _pct(value)


@lru_cache(maxsize=256)
def _years(count: int) -> str:
    return _text("figures.txt.j2", "years", count)


def _citation(citation: Citation) -> dict[str, str]:
    return dict(_cited(citation))


@lru_cache(maxsize=1024)
def _cited(citation: Citation) -> tuple[tuple[str, str], ...]:
    """A citation's fields and text, made once: every report cites the same few dozen rows."""
    return (*citation.model_dump().items(), ("text", str(citation)))


@lru_cache(maxsize=256)
def _cost_fields(cost: CostRange) -> tuple[tuple[str, Any], ...]:
    """A cost's fields as JSON, made once: every report of a kind lists the same few costs."""
    return tuple(cost.model_dump(mode="json").items())


def explain(screening: Screening, session: Session | None = None) -> dict[str, Any]:
    """The screening with every text rendered: the shape of ``--format json`` and what the report
    templates lay out. Values are JSON-ready (money as strings of decimals). With a session, the answers
    are listed as the interview asked them; otherwise as the profile holds them."""
    profile = screening.profile
    recommendations = []
    for r in screening.recommendations:
        figures, (routes, best) = _by_name(r.figures), _route_costs(r)
        recommendations.append(
            {
                "kind": r.kind,
                "scenario": r.scenario,
                "title": _text("recommendations.txt.j2", "title", r, profile, figures),
                "summary": _text("recommendations.txt.j2", "summary", r, profile, figures, routes, best),
                "reasons": [
                    {
                        "rule": hit.name,
                        "facts": hit.facts,
                        "text": _keyed_text("rules.txt.j2", hit.name, hit.facts),
                    }
                    for hit in r.rules
                ],
                "figures": [_figure(figure) for figure in r.figures],
                "costs": [dict(_cost_fields(cost)) for cost in r.costs],
                "pitfalls": [
                    {"key": key, "text": _keyed_text("pitfalls.txt.j2", key, r, profile, figures)} for key in r.pitfalls
                ],
                "next_steps": [
                    {"key": key, "text": _keyed_text("next_steps.txt.j2", key, r, profile, figures)}
                    for key in r.next_steps
                ],
                "alternatives": [
                    {"key": key, "text": _keyed_text("alternatives.txt.j2", key, r, profile, figures)}
                    for key in r.alternatives
                ],
                "what_would_change": [
                    {**change.model_dump(mode="json"), "text": _text("changes.txt.j2", change.fact, change, profile)}
                    for change in r.what_would_change
                ],
                "standby": r.standby,
                "assumptions": [_facts_text("assumptions.txt.j2", a.key, **a.facts) for a in r.assumptions],
                "legal_basis": list(r.legal_basis),
                "citations": [_citation(c) for c in r.citations],
                "disclaimer": disclaimer(),
            }
        )
    answers = (
        [
            {"question_id": item.question_id, "prompt": item.prompt, "answer": item.answer, "assumed": item.assumed}
            for item in session.review()
        ]
        if session is not None
        else [
            {"question_id": key, "answer": str(value)}
            for key, value in profile.model_dump(mode="json", exclude_none=True).items()
        ]
    )
    return {
        "recommendations": recommendations,
        "answers": answers,
        "assumed": list(profile.assumed),
        "state_tax": None if screening.state_tax is None else screening.state_tax.model_dump(mode="json"),
        "notes": [_facts_text("notes.txt.j2", note.key, **note.facts) for note in screening.notes],
        "treaty": treaty_box(screening),
        "date": screening.today.isoformat(),
        "tax_year": screening.tax_year,
        "flow_version": None if session is None else session.flow.version,
        "disclaimer": disclaimer(),
    }


def treaty_box(screening: Screening) -> list[str]:
    """The paragraphs of the treaty box (content/treaty.txt.j2); empty when no treaty could matter."""
    outlook = screening.treaty
    if outlook is None or not (outlook.relevant or outlook.countries):
        return []
    return list(_treaty_paragraphs(outlook))


@lru_cache(maxsize=256)
def _treaty_paragraphs(outlook: TreatyOutlook) -> tuple[str, ...]:
    """The box rendered once per outlook: clients of the same countries share it. Outlooks that are equal
    may differ only in how an amount is written (``5E+5`` and ``500000``), which the box shows in whole
    dollars alike."""
    text = str(_macro("treaty.txt.j2", "box")(outlook))
    return tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())


@cache
def disclaimer() -> str:
    return _text("disclaimer.txt.j2", "disclaimer")


def render_recommendation(recommendation: dict[str, Any], level: str = "###") -> str:
    """One recommendation of :func:`explain` as Markdown: the report's section, the app's card."""
    return _text("report/recommendation.md.j2", "recommendation", recommendation, level)


Format = Literal["md", "html"]


def render_report(
    screening: Screening, session: Session | None = None, fmt: Format = "md", *, client: str | None = None
) -> str:
    """The report in Markdown or as one self-contained printable HTML page. ``client`` (any text a
    person typed) is data: escaped in HTML, never evaluated."""
    return render_explained(explain(screening, session), fmt, client=client)


def render_explained(report: dict[str, Any], fmt: Format = "md", *, client: str | None = None) -> str:
    """The report from a screening already passed through :func:`explain` (to render it more than one way).
    The report is its template's ``document`` macro, as a card is a macro: a macro gathers its text in a list,
    where a template's body hands it over piece by piece (some 170 pieces a report)."""
    return str(_macro(f"report/report.{fmt}.j2", "document")(**report_context(report, client)))


def report_context(report: dict[str, Any], client: str | None) -> dict[str, Any]:
    """What the report templates are given: the explained screening, each answer's row ready (the question
    as the interview asked it, its id without a session), the answers the screening assumed, the client."""
    answers = [
        (item.get("prompt", item["question_id"]), item["answer"], item.get("assumed", False))
        for item in report["answers"]
    ]
    defaults = [item for item in report["answers"] if item.get("assumed")]
    return {"report": report, "answers": answers, "defaults": defaults, "client": client}
