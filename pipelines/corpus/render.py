"""Shared drawing helpers: styles, position-recording paragraphs and byte-stable PDF builds.

`Tagged` paragraphs record where they are drawn (page and box, top-left origin) so gold
provenance comes from the renderer itself, not from re-reading the PDF. All builds go through
`build`, which sets reportlab's invariant mode so the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

# No timestamps or random document IDs in the output: regeneration must be byte-identical.
rl_config.invariant = 1
# Binary streams, not ASCII85: smaller files, and scans stay under their size budget.
rl_config.useA85 = 0

PAGE_SIZES = {"A4": A4, "A4L": landscape(A4), "LETTER": letter}

BBox = tuple[float, float, float, float]


@dataclass
class ProvenanceLog:
    """Where each finding (by ordinal) was drawn: a list of (page, bbox) pieces in draw order."""

    pieces: dict[int, list[tuple[int, BBox]]] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # ordinals in the order first drawn

    def add(self, ordinal: int, page: int, bbox: BBox) -> None:
        if ordinal not in self.pieces:
            self.order.append(ordinal)
        self.pieces.setdefault(ordinal, []).append((page, bbox))

    def provenance(self, ordinal: int) -> tuple[int, BBox]:
        """Return the first page of a finding and the union of its boxes on that page."""
        pieces = self.pieces.get(ordinal)
        if not pieces:
            raise KeyError(f"finding {ordinal} was never drawn")
        page = min(p for p, _ in pieces)
        boxes = [b for p, b in pieces if p == page]
        return page, (
            round(min(b[0] for b in boxes), 1),
            round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1),
            round(max(b[3] for b in boxes), 1),
        )


def absolute_box(canv: Canvas, x: float, y: float, width: float, height: float) -> BBox:
    """Convert a box drawn at (x, y) under the canvas's current translation to top-left points."""
    a, _b, _c, d, e, f = canv._currentMatrix
    x0, y0 = e + a * x, f + d * y
    page_height = canv._pagesize[1]
    return (x0, page_height - (y0 + height * d), x0 + width * a, page_height - y0)


class Tagged(Paragraph):
    """A Paragraph that logs its drawn box under a finding ordinal (kept across splits)."""

    def __init__(self, *args: Any, ordinal: int = 0, log: ProvenanceLog | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.ordinal = ordinal
        self.log = log

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.ordinal = self.ordinal  # type: ignore[attr-defined]
            part.log = self.log  # type: ignore[attr-defined]
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if self.log is not None and self.ordinal:
            box = absolute_box(canvas, x, y, self.width, self.height)
            self.log.add(self.ordinal, canvas.getPageNumber(), box)
        super().drawOn(canvas, x, y, _sW)


def styles(base_font: str = "Helvetica", size: float = 9.0) -> dict[str, ParagraphStyle]:
    bold = "Helvetica-Bold" if base_font == "Helvetica" else "Times-Bold"
    body = ParagraphStyle("body", fontName=base_font, fontSize=size, leading=size * 1.25)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=size - 1.5, leading=size * 1.05),
        "cell": ParagraphStyle("cell", parent=body, fontSize=size - 1.5, leading=size * 1.05),
        "cellb": ParagraphStyle(
            "cellb", parent=body, fontName=bold, fontSize=size - 1.5, leading=size * 1.05
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=bold, fontSize=size + 7, leading=size + 11, spaceAfter=8
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=bold,
            fontSize=size + 3,
            leading=size + 6,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=bold, fontSize=size + 1, leading=size + 3, spaceBefore=6
        ),
        "label": ParagraphStyle("label", parent=body, fontName=bold),
    }


def p(text: str, style: ParagraphStyle, *, ordinal: int = 0, log: ProvenanceLog | None = None):
    """Build a paragraph from plain text (escaped); tag it when `log` is given."""
    if log is not None:
        return Tagged(escape(text), style, ordinal=ordinal, log=log)
    return Paragraph(escape(text), style)


def rich(markup: str, style: ParagraphStyle, *, ordinal: int = 0, log: ProvenanceLog | None = None):
    """Build a paragraph from markup the caller has already escaped (bold labels etc.)."""
    if log is not None:
        return Tagged(markup, style, ordinal=ordinal, log=log)
    return Paragraph(markup, style)


def esc(text: str) -> str:
    return escape(text)


GRID = colors.Color(0.2, 0.2, 0.2)
HEADER_FILL = colors.Color(0.85, 0.88, 0.92)


def build(
    story: Sequence[Flowable],
    *,
    pagesize: str = "A4",
    margins: tuple[float, float, float, float] = (50, 50, 56, 56),  # left, right, top, bottom
    columns: int = 1,
    gutter: float = 18,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    title: str = "Audit report",
) -> bytes:
    """Lay `story` out in one or more columns per page and return the PDF bytes."""
    buf = io.BytesIO()
    size = PAGE_SIZES[pagesize]
    left, right, top, bottom = margins
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author="",
        creator="",
        producer="",
        invariant=1,
    )
    width = (size[0] - left - right - gutter * (columns - 1)) / columns
    frames = [
        Frame(left + i * (width + gutter), bottom, width, size[1] - top - bottom, id=f"col{i}")
        for i in range(columns)
    ]
    template = PageTemplate(id="main", frames=frames)
    if on_page is not None:
        template = PageTemplate(id="main", frames=frames, onPage=on_page)
    doc.addPageTemplates([template])
    doc.build(list(story))
    return buf.getvalue()
