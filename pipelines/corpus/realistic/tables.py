"""Table helpers: column widths that never let a word overflow its cell, and ruling styles.

A word wider than its column would run into the next cell and glue two cells' text together in
the PDF; `fit_widths` gives every column at least its widest word and shares the rest by weight.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from .style import GRID, Styles

PAD = 4.0


class TooNarrow(ValueError):
    """The columns' widest words do not fit the available width."""


def fit_widths(
    columns: Sequence[Sequence[str]],
    weights: Sequence[float],
    total: float,
    *,
    font: str,
    size: float,
    bold_font: str | None = None,
    bold_columns: Sequence[int] = (),
) -> list[float]:
    """Widths for `columns` (each a list of cell texts, header first) that sum to `total`.

    The first cell of each column is measured in `bold_font` (a header), and so is every cell
    of the columns in `bold_columns` (label columns)."""
    minimum = []
    for i, texts in enumerate(columns):
        widest = 0.0
        for j, text in enumerate(texts):
            bold = bold_font and (j == 0 or i in bold_columns)
            face = bold_font if bold else font
            for word in text.split():
                widest = max(widest, stringWidth(word, face, size))
        minimum.append(widest + 2 * PAD + 2)
    spare = total - sum(minimum)
    if spare < 0:
        raise TooNarrow(f"columns need {sum(minimum):.0f} pt, have {total:.0f}")
    # Share the width by weight, but never below a column's minimum.
    widths = [total * w / sum(weights) for w in weights]
    for _ in range(len(widths)):
        short = [i for i, (w, m) in enumerate(zip(widths, minimum, strict=True)) if w < m]
        if not short:
            break
        deficit = sum(minimum[i] - widths[i] for i in short)
        for i in short:
            widths[i] = minimum[i]
        others = [i for i in range(len(widths)) if i not in short]
        pool = sum(widths[i] - minimum[i] for i in others)
        for i in others:
            widths[i] -= deficit * (widths[i] - minimum[i]) / pool if pool else 0
    return widths


def ruled_table(
    data: list[list[Flowable]],
    widths: Sequence[float],
    st: Styles,
    *,
    ruling: str,
    header_rows: int = 1,
    repeat_header: bool = False,
    split_in_row: bool = False,
    extra: Sequence[tuple] = (),
) -> Table:
    """A table with one of the grammar's rulings: full grid, horizontal rules, or none."""
    table = Table(
        data,
        colWidths=list(widths),
        repeatRows=header_rows if repeat_header else 0,
        splitInRow=18 if split_in_row else 0,
        hAlign="LEFT",
    )
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if ruling == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, GRID))
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), st.fill))
    elif ruling == "horizontal":
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID))
        commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, GRID))
    elif header_rows:
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, GRID))
    table.setStyle(TableStyle(commands + list(extra)))
    return table
