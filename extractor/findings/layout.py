"""Geometry helpers over the reader's lines: rows printed side by side, page furniture, headings."""

from __future__ import annotations

import re
from collections import Counter

from extractor.reading.document import Document, Line

FURNITURE_MARGIN = 0.08
# A line ending in a full stop with at least this many words is a sentence, not a heading.
SENTENCE_MIN_WORDS = 6


def visual_rows(lines: list[Line], tolerance: float = 2.5) -> list[list[Line]]:
    """Group consecutive lines on one baseline (same page and column) into rows, left to right."""
    rows: list[list[Line]] = []
    for line in lines:
        last = rows[-1][-1] if rows else None
        if (
            last is not None
            and last.page == line.page
            and last.column == line.column
            and abs(last.bbox[1] - line.bbox[1]) <= tolerance
            and line.bbox[0] > last.bbox[0]
        ):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.bbox[0]) for row in rows]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def furniture_ids(doc: Document) -> set[int]:
    """Return ids of running headers and footers: edge lines repeated on other pages."""
    edge: list[Line] = []
    for page in doc.pages:
        margin = page.height * FURNITURE_MARGIN
        edge.extend(
            line
            for line in page.lines
            if line.bbox[1] < margin or line.bbox[3] > page.height - margin
        )
    shapes = Counter(_shape(line.text) for line in edge)
    return {
        id(line)
        for line in edge
        if (shapes[_shape(line.text)] > 1 and len(doc.pages) > 1)
        or re.fullmatch(r"(page\s*)?\d+(\s*(of|/)\s*\d+)?", line.text.strip(), re.I)
    }


def body_size(lines: list[Line]) -> float:
    """Return the most common font size of running text (0 when unknown)."""
    sizes = Counter(round(line.size, 1) for line in lines if line.size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading(line: Line, body: float) -> bool:
    """A short line set in bold or in a larger size than the running text, not a sentence."""
    text = line.text.rstrip()
    words = len(text.split())
    larger = body > 0 and line.size > body + 0.9
    # Headings are not punctuated like sentences. This matters most on OCR'd pages, where a
    # line's size is read off its box and a paragraph set larger than the tables around it
    # would otherwise look like a heading.
    sentence = text.endswith(",") or (text.endswith(".") and words >= SENTENCE_MIN_WORDS)
    return words <= 12 and (line.bold or larger) and not sentence
