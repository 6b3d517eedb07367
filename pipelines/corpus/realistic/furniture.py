"""Page furniture: running headers and footers ('Page x of y', report ids, confidentiality).

'Page x of y' needs the page count before any page is written, so the canvas keeps every page
and draws the furniture when the document is saved (the usual reportlab recipe). Furniture
boxes are logged with role 'furniture' so a block labeller can tell them from content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .regions import Mark, RegionLog


@dataclass(frozen=True)
class Furniture:
    header_left: str | None
    header_right: str | None
    footer_style: str  # "page_x_of_y", "page_x", "x_slash_y" or "none"
    footer_left: str | None  # e.g. "Confidential" or the report reference
    font: str
    size: float
    skip_first: bool  # covers carry no furniture
    rule: bool  # a thin line under the running header


def page_label(style: str, page: int, total: int) -> str | None:
    return {
        "page_x_of_y": f"Page {page} of {total}",
        "page_x": f"Page {page}",
        "x_slash_y": f"{page}/{total}",
    }.get(style)


def canvas_class(furniture: Furniture, log: RegionLog) -> type[Canvas]:
    """A Canvas subclass that draws `furniture` on every page once the page count is known."""

    class FurnishedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if not (furniture.skip_first and self._pageNumber == 1):
                    _draw(self, furniture, total, log)
                Canvas.showPage(self)
            Canvas.save(self)

    return FurnishedCanvas


def _draw(canvas: Canvas, f: Furniture, total: int, log: RegionLog) -> None:
    width, height = canvas._pagesize
    page = canvas._pageNumber
    margin = 36.0
    canvas.saveState()
    canvas.setFont(f.font, f.size)

    def text(x: float, top: float, value: str, *, right: bool = False) -> None:
        w = stringWidth(value, f.font, f.size)
        x0 = x - w if right else x
        canvas.drawString(x0, height - top - f.size, value)
        log.add(Mark("furniture"), page, (x0, top, x0 + w, top + f.size * 1.2))

    if f.header_left:
        text(margin, 18, f.header_left)
    if f.header_right:
        text(width - margin, 18, f.header_right, right=True)
    if f.rule and (f.header_left or f.header_right):
        canvas.setLineWidth(0.4)
        canvas.line(margin, height - 30, width - margin, height - 30)
    label = page_label(f.footer_style, page, total)
    if label:
        text(width - margin, height - 26, label, right=True)
    if f.footer_left:
        text(margin, height - 26, f.footer_left)
    canvas.restoreState()
