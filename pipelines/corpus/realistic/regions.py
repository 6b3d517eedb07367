"""Where things were drawn: every marked paragraph logs its page, box, role and field.

The renderer, not a re-reading of the PDF, is the source of truth for gold provenance and for
the per-document region file (`regions/<doc_id>.json`) that tells a block labeller which boxes
are finding fields and which are distractors (summary rows, interview prose, checklists...).
This module only records; it decides nothing about content or layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..render import BBox, absolute_box

# Roles of drawn text. "finding" marks a field of a gold finding; every other role is text a
# reader must not take for a finding (the distractors the issue lists), or page furniture.
FINDING = "finding"
DISTRACTOR_ROLES = (
    "summary_row",
    "interview",
    "systems",
    "checklist",
    "sample_table",
    "legend",
    "question",
)
ROLES = (
    FINDING,
    *DISTRACTOR_ROLES,
    "cover",
    "disclaimer",
    "contents",
    "heading",
    "profile",
    "demographics",
    "method",
    "documents",
    "attendees",
    "photo",
    "signoff",
    "furniture",
    "prose",
)


@dataclass(frozen=True)
class Mark:
    """What a paragraph is: its role, the finding ordinal it belongs to (0: none), its field."""

    role: str
    ordinal: int = 0
    field: str | None = None


@dataclass(frozen=True)
class Region:
    page: int
    bbox: BBox
    mark: Mark


@dataclass
class RegionLog:
    """Every marked paragraph drawn, in drawing order (reading order within a frame)."""

    regions: list[Region] = field(default_factory=list)

    def add(self, mark: Mark, page: int, bbox: BBox) -> None:
        self.regions.append(Region(page, tuple(round(v, 1) for v in bbox), mark))  # type: ignore[arg-type]

    def finding_order(self) -> list[int]:
        """Finding ordinals in the order their first field was drawn."""
        order: list[int] = []
        for region in self.regions:
            mark = region.mark
            if mark.role == FINDING and mark.ordinal and mark.ordinal not in order:
                order.append(mark.ordinal)
        return order

    def provenance(self, ordinal: int) -> tuple[int, BBox]:
        """Return the first page a finding is drawn on and the box of its first run there.

        The run ends where drawing jumps back up the page (the finding flows on into the next
        column): a box covering both column pieces would also cover whatever the page prints
        between them, and a reader could not tell where the finding starts.
        """
        pieces = [r for r in self.regions if r.mark.role == FINDING and r.mark.ordinal == ordinal]
        if not pieces:
            raise KeyError(f"finding {ordinal} was never drawn")
        page = min(r.page for r in pieces)
        boxes = [r.bbox for r in pieces if r.page == page]
        run = boxes[:1]
        for box in boxes[1:]:
            if box[3] < run[-1][1]:  # wholly above the piece before: a new column
                break
            run.append(box)
        return page, (
            round(min(b[0] for b in run), 1),
            round(min(b[1] for b in run), 1),
            round(max(b[2] for b in run), 1),
            round(max(b[3] for b in run), 1),
        )


class Marked(Paragraph):
    """A Paragraph that logs its drawn box under its `Mark` (kept when platypus splits it)."""

    # Optional because platypus re-creates split halves through the class without them.
    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        *,
        mark: Mark | None = None,
        log: RegionLog | None = None,
        **kw: Any,
    ):
        super().__init__(text, style, **kw)
        self.mark = mark
        self.log = log

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.mark = self.mark  # type: ignore[attr-defined]
            part.log = self.log  # type: ignore[attr-defined]
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if self.log is not None and self.mark is not None:
            box = absolute_box(canvas, x, y, self.width, self.height)
            self.log.add(self.mark, canvas.getPageNumber(), box)
        super().drawOn(canvas, x, y, _sW)


def para(
    text: str,
    style: ParagraphStyle,
    log: RegionLog,
    role: str,
    *,
    ordinal: int = 0,
    field: str | None = None,
    markup: bool = False,
) -> Marked:
    """A marked paragraph from plain text (escaped here) or from ready `markup`."""
    return Marked(text if markup else escape(text), style, mark=Mark(role, ordinal, field), log=log)
