"""Ruled tables: read them off a page's ruling lines, and re-join tables that continue across a
page break.

Only ruled tables are read here, with pdfplumber's table algorithms (snap and join the edges,
find their intersections, the cells between them, and the tables those cells form) run over
the ruling lines `graphics` took from pdfium, so no page is ever parsed twice. Borderless tables
are left as Lines for the finding extractor, which knows the audit vocabulary; guessing them
from whitespace here would swallow prose. Joining is conservative: a wrong join merges two
findings, a missed one only splits a finding, so anything doubtful stays apart.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractor.reading.columns import Word, group_rows
from extractor.reading.document import Line, Page, Table, TableRow

# pdfplumber's default table settings (points).
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
EDGE_MIN_LENGTH = 3.0
INTERSECTION_TOLERANCE = 3.0
# Column edges of a continuation may move this much (points) and still be the same column.
EDGE_TOLERANCE = 6.0
# Page header and footer zones, in points from the page edge: page numbers and running titles
# printed there do not separate a table from its continuation. Body text starts lower (page
# margins are rarely under 50 pt), so a paragraph at the top of the next page does.
MARGIN_ZONE = 40.0
# A table must end in the lower part of its page to be continued on the next one.
MIN_BOTTOM_SHARE = 0.6
CONTINUED = re.compile(r"\bcont(inued|inuation|'d|\.)", re.IGNORECASE)
PAGE_MARK = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE)

Cell = tuple[float, float, float, float]


class TooManyRules(ValueError):
    """Raised when a page has more ruling lines than the table search may take on."""


@dataclass(frozen=True)
class PageTable:
    """A ruled table found on one page, with the x positions of its column edges in points."""

    table: Table
    edges: tuple[float, ...]

    @property
    def width(self) -> int:
        return len(self.edges) - 1


def could_hold_table(edges: Sequence[dict[str, Any]]) -> bool:
    """Tell whether `edges` could form a cell: two rules each way, long enough to count."""
    long = [e for e in edges if e["width" if e["orientation"] == "h" else "height"] >= 3]
    horizontal = sum(1 for e in long if e["orientation"] == "h")
    return horizontal >= 2 and len(long) - horizontal >= 2


def find_page_tables(
    edges: Sequence[dict[str, Any]],
    words: Sequence[Word],
    page_number: int,
    *,
    max_rules: int | None = None,
) -> list[PageTable]:
    """Return the ruled tables that `edges` draw, with cell text taken from `words`, top to
    bottom. Edges and words share the page frame (points, top-left origin).

    Tables of a single column are ignored: they are boxes drawn around text, whose text stays in
    the running Lines. Raise `TooManyRules` when more than `max_rules` rules remain after
    merging (the cell search grows with their square).
    """
    found: list[PageTable] = []
    placed = _Placed(words)
    for cells in table_cells(edges, max_rules=max_rules):
        xs = sorted({cell[0] for cell in cells})
        if len(xs) < 2:
            continue
        rows = [row for row in (_row(group, placed, page_number) for group in _rows(cells)) if row]
        if not rows:
            continue
        box = (
            min(cell[0] for cell in cells),
            min(cell[1] for cell in cells),
            max(cell[2] for cell in cells),
            max(cell[3] for cell in cells),
        )
        edges_x = (*(float(x) for x in xs), box[2])
        found.append(PageTable(Table(page=page_number, bbox=box, rows=rows), edges_x))
    return sorted(found, key=lambda t: (t.table.bbox[1], t.table.bbox[0]))


class _Placed:
    """Words indexed by the height of their centres, to find those inside a box quickly."""

    def __init__(self, words: Sequence[Word]) -> None:
        centred = sorted(((w.top + w.bottom) / 2, (w.x0 + w.x1) / 2, w) for w in words)
        self.ys = [c[0] for c in centred]
        self.centred = centred

    def inside(self, box: Cell) -> list[tuple[float, float, Word]]:
        """Return (y, x, word) for the words whose centre lies in `box`, by centre height."""
        start = bisect.bisect_left(self.ys, box[1])
        stop = bisect.bisect_right(self.ys, box[3])
        return [c for c in self.centred[start:stop] if box[0] <= c[1] <= box[2]]


def table_cells(
    edges: Sequence[dict[str, Any]], *, max_rules: int | None = None
) -> list[list[Cell]]:
    """Return the cells of each table that `edges` draw (pdfplumber's `lines` strategy)."""
    # Imported here: only pages with ruling lines need pdfplumber's algorithms.
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    merged = merge_edges(
        list(edges),
        snap_x_tolerance=SNAP_TOLERANCE,
        snap_y_tolerance=SNAP_TOLERANCE,
        join_x_tolerance=JOIN_TOLERANCE,
        join_y_tolerance=JOIN_TOLERANCE,
    )
    merged = [
        e for e in merged if e["width" if e["orientation"] == "h" else "height"] >= EDGE_MIN_LENGTH
    ]
    if max_rules is not None and len(merged) > max_rules:
        raise TooManyRules(f"{len(merged)} ruling lines")
    intersections = edges_to_intersections(merged, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    return cells_to_tables(intersections_to_cells(intersections))


def _rows(cells: Sequence[Cell]) -> list[list[Cell | None]]:
    """Group a table's cells into rows, each with one slot per column (None where a cell to the
    left spans it), top to bottom; as pdfplumber's `Table.rows`."""
    xs = sorted({cell[0] for cell in cells})
    rows: dict[float, dict[float, Cell]] = {}
    for cell in sorted(cells, key=lambda c: (c[1], c[0])):
        rows.setdefault(cell[1], {})[cell[0]] = cell
    return [[row.get(x) for x in xs] for _, row in sorted(rows.items())]


def _row(cells: Sequence[Cell | None], placed: _Placed, page_number: int) -> TableRow | None:
    present = [c for c in cells if c is not None]
    if not present:
        return None
    box = (
        min(c[0] for c in present),
        min(c[1] for c in present),
        max(c[2] for c in present),
        max(c[3] for c in present),
    )
    inside = placed.inside(box)
    texts = ["" if cell is None else _cell_text(cell, inside) for cell in cells]
    return TableRow(cells=texts, page=page_number, bbox=box, cell_boxes=list(cells))


def _cell_text(cell: Cell, inside: Sequence[tuple[float, float, Word]]) -> str:
    words = [w for y, x, w in inside if cell[1] <= y <= cell[3] and cell[0] <= x <= cell[2]]
    rows = group_rows(words)
    return " ".join(" ".join(w.text for row in rows for w in row).split())


def join_continued_tables(tables: Sequence[PageTable], pages: Sequence[Page]) -> list[Table]:
    """Re-join tables that a page break cut in two; return all tables in document order.

    `tables` are the ruled tables of every page, in page order; `pages` give each page's height
    and running Lines, which must not stand between a table and its continuation. Rows keep
    their own page and box; a repeated header row is dropped, and a row cut by the page break
    is merged back into the row it continues (its page and box are those of its first part).
    """
    by_number = {page.number: page for page in pages}
    joined: list[Table] = []
    last: PageTable | None = None  # the most recent part of joined[-1]
    for current in tables:
        if last is not None and _continues(last, current, by_number):
            joined[-1] = _append(joined[-1], current.table)
        else:
            joined.append(current.table)
        last = current
    return joined


def _continues(before: PageTable, after: PageTable, pages: dict[int, Page]) -> bool:
    first, second = before.table, after.table
    if second.page != first.page + 1 or before.width != after.width:
        return False
    if any(abs(a - b) > EDGE_TOLERANCE for a, b in zip(before.edges, after.edges, strict=True)):
        return False
    page_before, page_after = pages.get(first.page), pages.get(second.page)
    if page_before is None or page_after is None:
        return False
    if first.bbox[3] < MIN_BOTTOM_SHARE * page_before.height:
        return False
    return _nothing_below(first, page_before) and _nothing_above(second, page_after)


def _nothing_below(table: Table, page: Page) -> bool:
    """Check that only footer text follows the table on its page."""
    footer = page.height - MARGIN_ZONE
    return all(
        line.bbox[1] < table.bbox[3] or line.bbox[3] >= footer or _is_page_mark(line)
        for line in page.lines
    )


def _nothing_above(table: Table, page: Page) -> bool:
    """Check that only header text or a '(continued)' label precedes the table on its page."""
    return all(
        line.bbox[3] > table.bbox[1]
        or line.bbox[1] <= MARGIN_ZONE
        or _is_page_mark(line)
        or (CONTINUED.search(line.text) is not None and len(line.text.split()) <= 12)
        for line in page.lines
    )


def _is_page_mark(line: Line) -> bool:
    return PAGE_MARK.match(line.text.strip()) is not None


def _append(table: Table, continuation: Table) -> Table:
    rows = list(continuation.rows)
    if rows and table.rows and _key(rows[0]) == _key(table.rows[0]):
        rows = rows[1:]  # the header row, repeated on the new page
    merged = list(table.rows)
    if rows and merged and _is_cut_row(merged[-1], rows[0]):
        merged[-1] = _merge_rows(merged[-1], rows[0])
        rows = rows[1:]
    return table.model_copy(update={"rows": merged + rows})


def _key(row: TableRow) -> list[str]:
    return [cell.casefold() for cell in row.cells]


def _is_cut_row(before: TableRow, after: TableRow) -> bool:
    """Tell whether `after` is the rest of `before`, cut by the page break."""
    filled = [cell for cell in after.cells if cell]
    if not filled:
        return False
    # A new row always names its key (ref, clause or area); the rest of a cut row often doesn't.
    if not after.cells[0] and before.cells[0]:
        return True
    # Otherwise every piece must read as the middle of a sentence.
    return all(cell[0].islower() for cell in filled)


def _merge_rows(before: TableRow, after: TableRow) -> TableRow:
    cells = [
        " ".join(part for part in (a, b) if part)
        for a, b in zip(before.cells, after.cells, strict=True)
    ]
    return before.model_copy(update={"cells": cells})
