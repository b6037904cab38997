"""All wording the person reads, rendered from content/ through one Jinja2 environment.

StrictUndefined makes a missing value an error instead of a blank; HTML templates are
autoescaped, and plain-text macros (``*.txt.j2``) return plain strings, so anything they print is
escaped again when an HTML report includes it. Nothing a person typed is ever used as a template:
it reaches templates only as data.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from pydantic import BaseModel, ConfigDict

from advisor.calculators.money import format_money
from advisor.calculators.parameters import Citation
from advisor.resources import data_dir


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


def _cite(citation: Citation | dict[str, str]) -> str:
    if isinstance(citation, dict):
        citation = Citation.model_validate(citation)
    return str(citation)


@cache
def environment() -> Environment:
    """The one environment: loaded once, templates compiled once and cached by Jinja."""
    env = Environment(
        loader=FileSystemLoader(data_dir("content")),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters.update(money=_money, pct=_pct, cite=_cite, md=markdown_text)
    return env


class QuestionText(BaseModel):
    """What a question says: the prompt and its 'why do we ask this?' help."""

    model_config = ConfigDict(frozen=True)

    prompt: str
    help: str


@cache
def question_text(help_key: str) -> QuestionText:
    template = environment().get_template(f"questions/{help_key}.md.j2")
    context = template.new_context({})
    return QuestionText(
        prompt="".join(template.blocks["prompt"](context)).strip(),
        help="".join(template.blocks["help"](context)).strip(),
    )
