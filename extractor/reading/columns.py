"""Group a page's positioned words into Lines in reading order, on one- or two-column pages.

A two-column page has a vertical gutter near the middle that no text crosses over most of the
page's height. There, left-column lines come before right-column lines, band by band between
full-width lines (a title or heading printed across the gutter). This module sees only words and
boxes: it knows nothing about PDFs, tables or audits, and never drops or rewrites text.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from extractor.reading.document import Line

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points
Gutter = tuple[float, float]  # x0, x1 of the clear band between the columns

# Search the gutter in the middle of the text's horizontal extent only: a clear band near a
# margin is an indent or a label column, not a gutter.
GUTTER_SEARCH = (0.3, 0.7)
# A gutter may be crossed by full-width lines covering at most this share of the text height.
GUTTER_MAX_CROSSED = 0.15
GUTTER_MIN_WIDTH = 3.0
# Each column needs this share of the words, and this many, to call the page two-column.
COLUMN_MIN_SHARE = 0.2
COLUMN_MIN_WORDS = 15
# Pad boxes by this share of their height on each side so inter-word spaces count as text.
SPACE_PAD = 0.3
# Words of one row further apart than this many heights are separate Lines (label and value,
# cells of a borderless table), so their x positions survive. A word space is ~0.3 height and
# justified prose stretches it to ~0.6; borderless tables often leave less than 1.5 between
# columns, and cells read as one line interleave two columns' words.
SEGMENT_GAP = 1.0
# Inside the gutter a smaller gap already separates the columns (a word space is ~0.3 height).
GUTTER_GAP = 0.8
# Above this share of rows with several cells on one side, a "two-column" page is a table.
TABLE_ROW_SHARE = 0.15


class Word(NamedTuple):
    """One word with its box in points (top-left origin), font size and weight.

    A named tuple: pages hold hundreds of words and a tuple is the cheapest object to build.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0
    bold: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def find_gutter(boxes: Sequence[Box]) -> Gutter | None:
    """Return the clear vertical band between two text columns, or None for a one-column page."""
    if len(boxes) < 2 * COLUMN_MIN_WORDS:
        return None
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    start = left + GUTTER_SEARCH[0] * (right - left)
    stop = left + GUTTER_SEARCH[1] * (right - left)
    window = int(stop - start)
    if window <= 0:
        return None
    # 1-point bins over the whole text width, aligned on the search window's left edge.
    before = math.ceil(start - left)
    origin = start - before
    bins = before + int(right - origin) + 1
    # Height of text crossing each bin: add each box's height over the bins it covers.
    array = np.asarray(boxes, dtype=np.float64)
    heights = array[:, 3] - array[:, 1]
    pad = SPACE_PAD * heights
    lo = np.clip(np.trunc(array[:, 0] - pad - origin), 0, bins).astype(np.int64)
    hi = np.clip(np.trunc(array[:, 2] + pad - origin) + 1, 0, bins).astype(np.int64)
    covers = hi > lo
    steps = np.zeros(bins + 1)
    np.add.at(steps, lo[covers], heights[covers])
    np.add.at(steps, hi[covers], -heights[covers])
    crossed = np.cumsum(steps[:bins])
    limit = GUTTER_MAX_CROSSED * _covered_height(boxes)
    # A little slack: the running sum leaves rounding dust where no box is.
    clear = (crossed <= limit + 1e-9).tolist()
    run = _widest_run(clear[before : before + window])
    if run is None or run[1] - run[0] < GUTTER_MIN_WIDTH:
        return None
    if not before <= _band_centre(clear, before + run[0], before + run[1]) <= before + window:
        return None
    gutter = (start + run[0], start + run[1])
    return gutter if _columns_balanced(boxes, gutter) else None


def _band_centre(clear: list[bool], begin: int, end: int) -> float:
    """Centre of the whole clear band holding bins `begin`..`end`, which may reach past them.

    The gap between a column of field labels and their values is clear too, and the search window
    may cut it; its centre, unlike a gutter's, lies near the left margin.
    """
    while begin > 0 and clear[begin - 1]:
        begin -= 1
    while end < len(clear) and clear[end]:
        end += 1
    return (begin + end) / 2


def _covered_height(boxes: Sequence[Box]) -> float:
    """Return the total height covered by the boxes' vertical extents (overlaps counted once)."""
    total = 0.0
    end = float("-inf")
    for top, bottom in sorted((b[1], b[3]) for b in boxes):
        if top > end:
            total += bottom - top
            end = bottom
        elif bottom > end:
            total += bottom - end
            end = bottom
    return total


def _widest_run(flags: list[bool]) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    begin: int | None = None
    for i, flag in enumerate([*flags, False]):
        if flag and begin is None:
            begin = i
        elif not flag and begin is not None:
            if best is None or i - begin > best[1] - best[0]:
                best = (begin, i)
            begin = None
    return best


def _columns_balanced(boxes: Sequence[Box], gutter: Gutter) -> bool:
    """Check that both sides hold enough text, side by side rather than one above the other."""
    left = [b for b in boxes if b[2] <= gutter[0]]
    right = [b for b in boxes if b[0] >= gutter[1]]
    need = max(COLUMN_MIN_WORDS, COLUMN_MIN_SHARE * len(boxes))
    if len(left) < need or len(right) < need:
        return False
    left_span = (min(b[1] for b in left), max(b[3] for b in left))
    right_span = (min(b[1] for b in right), max(b[3] for b in right))
    overlap = min(left_span[1], right_span[1]) - max(left_span[0], right_span[0])
    shorter = min(left_span[1] - left_span[0], right_span[1] - right_span[0])
    return overlap >= 0.5 * shorter


def layout_lines(words: Sequence[Word], page_number: int) -> list[Line]:
    """Group words into Lines and return them in reading order, column by column if two."""
    rows = group_rows(words)
    gutter = find_gutter([w.box for w in words])
    lines = [_line(segment, page_number) for row in rows for segment in _segments(row, gutter)]
    if gutter is not None and is_table_like(lines, gutter):
        gutter = None
        lines = [_line(segment, page_number) for row in rows for segment in _segments(row, None)]
    return order_lines(lines, gutter)


def is_table_like(lines: Sequence[Line], gutter: Gutter) -> bool:
    """Tell whether lines split by `gutter` form a borderless table rather than two columns.

    In prose columns each visual row holds one line per column; a table's rows hold several
    cells on the same side of the gutter (ref, grade, text), so reading column by column would
    tear its rows apart.
    """
    middle = (gutter[0] + gutter[1]) / 2
    boxes = [Word(line.text, *line.bbox) for line in lines]
    multi = [0, 0]
    filled = [0, 0]
    for row in group_rows(boxes):
        left = sum(1 for w in row if w.x1 <= middle)
        right = sum(1 for w in row if w.x0 >= middle)
        for side, count in enumerate((left, right)):
            filled[side] += count > 0
            multi[side] += count > 1
    return any(m > TABLE_ROW_SHARE * f for m, f in zip(multi, filled, strict=True))


def order_lines(lines: Sequence[Line], gutter: Gutter | None) -> list[Line]:
    """Return `lines` in reading order with `column` set; keep their order within each column.

    Without a gutter the lines are returned unchanged (column 0). With one, each band between
    full-width lines is read left column first, then right column, then the full-width line.
    """
    if gutter is None:
        return list(lines)
    middle = (gutter[0] + gutter[1]) / 2
    spanning = sorted(
        (line for line in lines if line.bbox[0] < middle < line.bbox[2]), key=lambda ln: ln.bbox[1]
    )
    bands: list[tuple[list[Line], list[Line]]] = [([], []) for _ in range(len(spanning) + 1)]
    for line in lines:
        if line.bbox[0] < middle < line.bbox[2]:
            continue
        centre = (line.bbox[1] + line.bbox[3]) / 2
        band = sum(1 for s in spanning if s.bbox[1] < centre)
        side = 0 if line.bbox[2] <= middle else 1
        bands[band][side].append(line)
    ordered: list[Line] = []
    for index, (left, right) in enumerate(bands):
        ordered.extend(line.model_copy(update={"column": 1}) for line in left)
        ordered.extend(line.model_copy(update={"column": 2}) for line in right)
        if index < len(spanning):
            ordered.append(spanning[index].model_copy(update={"column": 0}))
    return ordered


def group_rows(words: Sequence[Word]) -> list[list[Word]]:
    """Cluster words into visual rows, top to bottom; each row sorted left to right."""
    rows: list[list[Word]] = []
    anchor: Word | None = None
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        # Compare with the row's first word, not its growing box, so rows cannot chain downwards.
        if anchor is not None and _same_row(anchor, word):
            rows[-1].append(word)
        else:
            rows.append([word])
            anchor = word
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _same_row(a: Word, b: Word) -> bool:
    """Tell whether `a` and `b` overlap vertically by half the smaller height (or more)."""
    # Written without min/max calls: this runs for every pair of neighbouring words.
    top = a.top if a.top > b.top else b.top
    bottom = a.bottom if a.bottom < b.bottom else b.bottom
    height_a, height_b = a.bottom - a.top, b.bottom - b.top
    smaller = height_a if height_a < height_b else height_b
    return bottom - top >= 0.5 * (smaller if smaller > 0.1 else 0.1)


def _segments(row: list[Word], gutter: Gutter | None) -> list[list[Word]]:
    """Split a row at wide gaps, and always where the gap holds the gutter's middle."""
    middle = (gutter[0] + gutter[1]) / 2 if gutter else None
    segments = [[row[0]]]
    for prev, word in zip(row, row[1:], strict=False):
        gap = word.x0 - prev.x1
        height = max(prev.height, word.height)
        in_gutter = middle is not None and prev.x1 <= middle <= word.x0
        if gap > SEGMENT_GAP * height or (in_gutter and gap > GUTTER_GAP * height):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _line(words: list[Word], page_number: int) -> Line:
    sizes = [w.size for w in words if w.size > 0]
    bold_chars = sum(len(w.text) for w in words if w.bold)
    return Line(
        text=" ".join(w.text for w in words),
        page=page_number,
        bbox=(
            min(w.x0 for w in words),
            min(w.top for w in words),
            max(w.x1 for w in words),
            max(w.bottom for w in words),
        ),
        size=round(statistics.median(sizes), 2) if sizes else 0.0,
        bold=2 * bold_chars > sum(len(w.text) for w in words),
    )
