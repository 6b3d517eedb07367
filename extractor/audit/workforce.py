"""The site's total number of workers: from a labelled value or a demographics table.

A labelled value may print a breakdown ('Total: 423 (local 397, migrant 26)', '278 persons').
A demographics table (local/migrant, male/female, permanent/temporary...) gives its total where
a 'Total' row meets a 'Total' column, or the total row's only number, or the sum of a total row
split by gender only. Tables of wages, hours or samples are not demographics. Anything less
clear gives None: a total is never summed from rows that may overlap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.audit.cover import clean, visual_rows
from extractor.audit.labels import metadata_vocabulary
from extractor.reading.document import Document, Line

TABLE_PAGES = 8
MAX_WORKERS = 500_000
# Thousands separated by a comma, a dot or a no-break space; a plain space separates numbers.
_NUMBER = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|(?<![\d.,])\d+(?![\d.,]\d)"
)
_GENDER = re.compile(r"^(male|female|men|women|m|f)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = metadata_vocabulary().workers
    return (
        re.compile(words.total_labels, re.IGNORECASE),
        re.compile(words.table_words, re.IGNORECASE),
        re.compile(words.not_table_words, re.IGNORECASE),
    )


def _int(text: str) -> int | None:
    digits = re.sub(r"[,.\u00a0\u202f]", "", text)
    value = int(digits) if digits.isdigit() else None
    return value if value is not None and 0 < value <= MAX_WORKERS else None


def numbers(text: str) -> list[int]:
    """Return the whole numbers printed in `text` ('1,234' and '1 234' are one number)."""
    return [n for n in (_int(m.group(0)) for m in _NUMBER.finditer(text or "")) if n is not None]


def workers_from_value(text: str | None) -> int | None:
    """Return the worker total a labelled value prints, or None when it is not clear which."""
    value = clean(text)
    if not value or re.search(r"\d\s*%", value):
        return None
    total = re.search(r"\btotal\b\D{0,12}?(\d[\d,.]*)", value, re.IGNORECASE)
    if total:
        found = numbers(total.group(1))
        return found[0] if found else None
    found = numbers(value)
    if len(found) == 1:
        return found[0]
    # "350 (200 male / 150 female)": the number before the breakdown is the total.
    head = re.match(r"^\D{0,20}?(\d[\d,.]*)\s*(?:\w+\s*)?[(:\[]", value)
    if found and head and numbers(head.group(1)):
        return numbers(head.group(1))[0]
    return None


def workers_from_tables(doc: Document, pages: int = TABLE_PAGES) -> int | None:
    """Return the total of the first demographics table on the first `pages` pages."""
    wanted = {page.number for page in doc.pages[:pages]}
    grids: list[list[list[str]]] = [
        [row.cells for row in table.rows if row.page in wanted] for table in doc.tables
    ]
    # A borderless table may run on over a page break (running headers join it harmlessly).
    grids.extend(_line_grids([line for page in doc.pages[:pages] for line in page.lines]))
    for grid in grids:
        total = table_total(grid)
        if total is not None:
            return total
    return None


def table_total(grid: list[list[str]]) -> int | None:
    """Return the total a demographics table prints, or None if it is not one or not clear."""
    rows = [[clean(cell) for cell in row] for row in grid if any(cell.strip() for cell in row)]
    if len(rows) < 2 or not _is_demographics(rows):
        return None
    total_label, _, _ = _patterns()
    header = rows[0]
    total_column = next(
        (i for i, cell in enumerate(header) if i > 0 and total_label.match(cell)), None
    )
    for row in rows[1:]:
        if not row or not total_label.match(row[0]):
            continue
        if total_column is not None and total_column < len(row):
            return _int(row[total_column]) if numbers(row[total_column]) else None
        values = [(i, numbers(cell)) for i, cell in enumerate(row) if i > 0 and numbers(cell)]
        if len(values) == 1 and len(values[0][1]) == 1:
            return values[0][1][0]
        # Male + female is the whole workforce; other splits may overlap.
        if values and all(i < len(header) and _GENDER.match(header[i]) for i, _ in values):
            return sum(found[0] for _, found in values)
        return None
    # A transposed table: the totals are the last column's header row.
    return None


def _is_demographics(rows: list[list[str]]) -> bool:
    _, table_words, not_table_words = _patterns()
    header = " ".join(rows[0])
    first_column = " ".join(row[0] for row in rows if row)
    return bool(table_words.search(header + " " + first_column)) and not not_table_words.search(
        header
    )


def _line_grids(lines: list[Line]) -> list[list[list[str]]]:
    """Consecutive visual rows of two or more cells, read as one borderless table."""
    grids: list[list[list[str]]] = []
    current: list[list[Line]] = []
    for row in [*visual_rows(lines), []]:
        if len(row) >= 2:
            current.append(row)
            continue
        if len(current) >= 2:
            grids.append(_aligned(current))
        current = []
    return grids


def _aligned(rows: list[list[Line]]) -> list[list[str]]:
    """Put each line in the column it sits under, so an empty header cell keeps its place."""
    widest = max(rows, key=len)
    anchors = [(line.bbox[0], line.bbox[2]) for line in widest]
    grid = []
    for row in rows:
        cells = [""] * len(anchors)
        for line in row:
            column = min(
                range(len(anchors)),
                key=lambda i: (
                    -_overlap(anchors[i], (line.bbox[0], line.bbox[2]))
                    + abs(anchors[i][0] - line.bbox[0]) / 1000
                ),
            )
            cells[column] = f"{cells[column]} {line.text}".strip()
        grid.append(cells)
    return grid


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
