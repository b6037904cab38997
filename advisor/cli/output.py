"""Plain-text and JSON rendering of calculator results for the terminal."""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from advisor.calculators.money import InputError
from advisor.calculators.parameters import Citation
from advisor.files import write_output
from advisor.presentation.model import Line, Presentation

if TYPE_CHECKING:
    from advisor.advice import Format

WIDTH = 80
"""Every line of text output fits an 80-column terminal."""
LABEL_WIDTH = 52
"""The widest a figure's label runs before it folds."""
VALUE_WIDTH = 24
"""The widest value shown beside its label; a longer one (a sentence) goes under it."""


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def print_json(payload: BaseModel | dict[str, object]) -> None:
    """One JSON object: money as strings of decimals, factors as numbers, rates as percents."""
    data = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    print(json.dumps(data, indent=2))


def table(rows: Iterable[Sequence[str]], header: Sequence[str] | None = None, align: str = "") -> str:
    """Columns padded to their widest cell; ``align`` has an ``l`` or ``r`` per column (default: the
    first left, the others right)."""
    body = [list(row) for row in rows]
    lines = [list(header), *body] if header else body
    widths = [max(len(row[i]) for row in lines) for i in range(len(lines[0]))]
    align = align or "l" + "r" * (len(widths) - 1)

    def fmt(row: Sequence[str]) -> str:
        cells = [
            cell.ljust(width) if side == "l" else cell.rjust(width)
            for cell, width, side in zip(row, widths, align, strict=True)
        ]
        return "  ".join(cells).rstrip()

    out = [fmt(row) for row in lines]
    if header:
        out.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(out)


def presentation_text(presentation: Presentation) -> str:
    """A calculator's presentation for an 80-column terminal: its title, each figure beside its value
    with its basis folded under it, its tables, the one-line answer, assumptions and the rows cited."""
    out = [*textwrap.wrap(presentation.title, WIDTH), "", *figure_lines(presentation.lines)]
    for extra in presentation.tables:
        out += ["", extra.title, table(extra.rows, header=extra.header, align=extra.align)]
    out += ["", *textwrap.wrap(presentation.summary, WIDTH)]
    if presentation.assumptions:
        out += ["", "Assumptions:", *(line for item in presentation.assumptions for line in wrapped(item, "  - "))]
    if presentation.citations or presentation.notes:
        out.append(citations_block(presentation.citations, presentation.notes))
    return "\n".join(out)


def figure_lines(lines: Sequence[Line]) -> list[str]:
    """Each label beside its value, values aligned on the right; a label too long for the width folds
    under itself, a value too long for a column goes under its label, and the basis is folded under the
    line, indented."""
    values = max((len(line.value) for line in lines if len(line.value) <= VALUE_WIDTH), default=0)
    width = min(LABEL_WIDTH, max((len(line.label) for line in lines), default=0), WIDTH - 2 - values)
    out = []
    for line in lines:
        if len(line.value) > values:
            out += textwrap.wrap(line.label, WIDTH)
            out += textwrap.wrap(line.value, WIDTH, initial_indent="  ", subsequent_indent="  ")
        else:
            first, *rest = textwrap.wrap(line.label, width) or [""]
            out.append(f"{first.ljust(width)}  {line.value.rjust(values)}".rstrip())
            out += [f"  {more}" for more in rest]
        out += textwrap.wrap(line.basis, WIDTH, initial_indent="    ", subsequent_indent="    ")
    return out


def citations_block(citations: Iterable[Citation], notes: Iterable[str] = ()) -> str:
    """The parameter rows and notes behind a result, each folded to 80 columns under its dash."""
    items = [str(citation) for citation in citations] + [f"note: {note}" for note in notes]
    lines = ["", "Basis:"]
    for item in items:
        lines += wrapped(item, "  - ")
    return "\n".join(lines)


def wrapped(text: str, first: str) -> list[str]:
    """A list item folded to 80 columns, its continuation lines under its text."""
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=" " * len(first), break_on_hyphens=False)


REPORT_SUFFIXES: dict[str, Format] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
"""The report formats the tool writes, by file extension."""


def report_format(path: Path, suffixes: Mapping[str, Format] = REPORT_SUFFIXES) -> Format | None:
    """The format a report file's extension asks for; None for no extension (or ``-``, the screen).
    An extension the tool cannot write (``.pdf``, ``.docx``) is bad input, not a Markdown file in disguise."""
    suffix = path.suffix.lower()
    if str(path) == "-" or not suffix:
        return None
    if suffix not in suffixes:
        accepted = ", ".join(sorted(suffixes))
        raise InputError(
            f"{path}: cannot write a {suffix} report; the formats are {accepted} "
            "(for a PDF, open the .html report in a browser and print it)"
        )
    return suffixes[suffix]


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="replace an output file that already exists")


def emit(text: str, out: Path | None, *, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    """Print the text, or write it to a file with ``write_output`` (owner-only; an existing file only with
    ``force``, an input never); ``-`` is standard output."""
    if out is None or str(out) == "-":
        print(text, end="")
        return
    write_output(out, text, force=force, inputs=inputs)
