"""What the PDF reader hands to the finding extractor: pages of positioned lines and tables.

These models carry no interpretation of the audit; they only say what text is where.
Coordinates are PDF points with the origin at the top-left corner of the upright page: the page
as displayed (its /Rotate applied), turned further when its text was drawn turned, so that text
always reads left to right (`Page.rotation`, `Page.text_rotation`).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from extractor.record.schema import BBox


def union_bbox(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """Return the smallest box that contains all `boxes`."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class Line(BaseModel):
    """One line of running text (outside tables), in reading order."""

    text: str
    page: int = Field(ge=1)
    bbox: BBox
    size: float = Field(default=0.0, description="Median font size in points; 0 when unknown.")
    bold: bool = False
    column: int = Field(default=0, description="0 for single-column text, else 1-based column.")


class TableRow(BaseModel):
    cells: list[str]
    page: int = Field(ge=1)
    bbox: BBox
    cell_boxes: list[BBox | None] = Field(
        default_factory=list,
        description="Box of each cell (None for a cell spanned by its left neighbour); empty "
        "when unknown.",
    )


class Table(BaseModel):
    """A ruled table; rows may come from several pages when the table crossed a page break."""

    page: int = Field(ge=1, description="Page where the table starts.")
    bbox: BBox = Field(description="Box of the part on the first page.")
    rows: list[TableRow]

    @property
    def pages(self) -> list[int]:
        return sorted({row.page for row in self.rows})


class Page(BaseModel):
    number: int = Field(ge=1)
    width: float = Field(description="Width of the upright page in points.")
    height: float = Field(description="Height of the upright page in points.")
    lines: list[Line] = Field(default_factory=list)
    ocr: bool = False
    rotation: int = Field(
        default=0, description="The page's /Rotate: degrees clockwise viewers turn it by."
    )
    text_rotation: int = Field(
        default=0,
        description="Degrees clockwise the displayed page was turned further so its text reads "
        "upright (0 unless the text was drawn sideways or upside down).",
    )

    def display_bbox(self, bbox: BBox) -> BBox:
        """Return `bbox` (in this upright page) in the page as viewers show it, /Rotate applied:
        where to draw it on a rendering of the page."""
        x0, top, x1, bottom = bbox
        width, height = self.width, self.height
        for _ in range(self.text_rotation // 90 % 4):
            # Undo one clockwise quarter turn; the page before it was `height` wide.
            x0, top, x1, bottom = top, width - x1, bottom, width - x0
            width, height = height, width
        return (x0, top, x1, bottom)


class Document(BaseModel):
    """A parsed PDF: its pages in order, and its tables (re-joined across page breaks)."""

    filename: str
    sha256: str
    page_count: int
    pages: list[Page]
    tables: list[Table] = Field(default_factory=list)
    ocr_pages: list[int] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    def full_text(self) -> str:
        """Return running text and table cells, page by page, for format and metadata detection."""
        parts: list[str] = []
        for page in self.pages:
            parts.extend(line.text for line in page.lines)
            for table in self.tables:
                parts.extend(" | ".join(r.cells) for r in table.rows if r.page == page.number)
        return "\n".join(parts)
