"""Type styles for one document: font family, base size, and the paragraph styles built on them.

Only reportlab's built-in fonts are used (Helvetica, Times, Courier), so nothing is embedded
and output stays byte-stable. This module knows nothing about content.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

FONTS = {
    "helvetica": ("Helvetica", "Helvetica-Bold"),
    "times": ("Times-Roman", "Times-Bold"),
    "courier": ("Courier", "Courier-Bold"),
}
SIZES = {"small": 8.0, "normal": 9.0, "large": 10.5}
GRID = colors.Color(0.25, 0.25, 0.25)
FILLS = (
    colors.Color(0.85, 0.88, 0.92),
    colors.Color(0.9, 0.9, 0.9),
    colors.Color(0.82, 0.9, 0.84),
    colors.white,
)


@dataclass(frozen=True)
class Styles:
    regular: str
    bold: str
    size: float
    body: ParagraphStyle
    cell: ParagraphStyle
    cellb: ParagraphStyle
    small: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    fill: colors.Color


def make_styles(font: str, size_name: str, fill_index: int) -> Styles:
    regular, bold = FONTS[font]
    # Courier is wide; the same point size holds about a third fewer characters per line.
    size = SIZES[size_name] - (1.0 if font == "courier" else 0.0)
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.25)
    cell = ParagraphStyle("cell", parent=body, fontSize=size - 1, leading=(size - 1) * 1.2)
    return Styles(
        regular=regular,
        bold=bold,
        size=size,
        body=body,
        cell=cell,
        cellb=ParagraphStyle("cellb", parent=cell, fontName=bold),
        small=ParagraphStyle("small", parent=body, fontSize=size - 1.5, leading=size * 1.05),
        h1=ParagraphStyle(
            "h1", parent=body, fontName=bold, fontSize=size + 7, leading=size + 11, spaceAfter=10
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=bold,
            fontSize=size + 3,
            leading=size + 6,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=bold,
            fontSize=size + 1,
            leading=size + 3,
            spaceBefore=7,
            spaceAfter=3,
        ),
        bullet=ParagraphStyle(
            "bullet", parent=body, leftIndent=16, bulletIndent=4, spaceBefore=2, spaceAfter=2
        ),
        fill=FILLS[fill_index % len(FILLS)],
    )
