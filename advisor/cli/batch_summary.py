"""A batch's summary: a row for each file (screened, failed or skipped), written to summary.md and summary.csv
as the rows come, so a long batch never holds them all."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from advisor.content import markdown_text


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the summary: a screened file, a failed one, or a skipped one."""

    source: str
    report: str = ""
    route: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    error: str | None = None
    skipped: str | None = None
    """Why a file that is not an answers file was left alone."""

    @property
    def client(self) -> str:
        return Path(self.source).stem


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP's CSV injection rule)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_line(row: Row) -> str:
    buffer = io.StringIO()
    route = " + ".join(row.route)
    cells = [row.source, row.client, route, "; ".join(row.figures), row.report, row.error or "", row.skipped or ""]
    csv.writer(buffer).writerow([csv_cell(cell) for cell in cells])
    return buffer.getvalue()


CSV_HEADER = "file,client,route,key figures,report,error,skipped\r\n"
MD_HEADER = "| file | client | route | key figures | report |\n|---|---|---|---|---|\n"


def md_line(row: Row) -> str:
    """One table row; every cell is escaped, so names and answers read as text in any Markdown viewer."""
    if row.skipped is not None:
        route = f"**skipped**: {markdown_text(row.skipped)}"
    elif row.error is not None:
        route = f"**failed**: {markdown_text(row.error)}"
    else:
        route = markdown_text(" + ".join(row.route))
    cells = [markdown_text(row.source), markdown_text(row.client), route]
    cells += [markdown_text("; ".join(row.figures)), markdown_text(row.report)]
    return "| " + " | ".join(cells) + " |\n"


class Summary:
    """summary.md and summary.csv, written row by row and put in place complete at the end."""

    def __init__(self, md: BinaryIO, csv_stream: BinaryIO) -> None:
        self.md, self.csv = md, csv_stream
        self.md.write(MD_HEADER.encode())
        self.csv.write(CSV_HEADER.encode())
        self.screened = self.failed = self.skipped = 0

    def add(self, row: Row, say: Callable[[str], None]) -> None:
        self.md.write(md_line(row).encode("utf-8"))
        self.csv.write(csv_line(row).encode("utf-8"))
        if row.skipped is not None:
            self.skipped += 1
            say(f"skipped {row.source}: {row.skipped}")
        elif row.error is not None:
            self.failed += 1
            say(row.error)
        else:
            self.screened += 1
