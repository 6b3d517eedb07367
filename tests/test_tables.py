"""join_continued_tables on hand-built tables, and find_page_tables on a real ruled table."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractor.reading import pdfium_calls
from extractor.reading.document import Line, Page, Table, TableRow
from extractor.reading.frame import PageFrame
from extractor.reading.graphics import read_graphics
from extractor.reading.tables import (
    PageTable,
    TooManyRules,
    find_page_tables,
    join_continued_tables,
)
from extractor.reading.text import read_words

EDGES = (40.0, 80.0, 300.0, 555.0)
HEIGHT = 842.0


def _part(page: int, top: float, bottom: float, *rows: list[str]) -> PageTable:
    step = (bottom - top) / len(rows)
    table_rows = [
        TableRow(cells=cells, page=page, bbox=(40.0, top + i * step, 555.0, top + (i + 1) * step))
        for i, cells in enumerate(rows)
    ]
    return PageTable(Table(page=page, bbox=(40.0, top, 555.0, bottom), rows=table_rows), EDGES)


def _page(number: int, *lines: tuple[str, float]) -> Page:
    return Page(
        number=number,
        width=595.0,
        height=HEIGHT,
        lines=[Line(text=t, page=number, bbox=(40.0, top, 300.0, top + 9)) for t, top in lines],
    )


HEADER = ["Ref", "Finding", "Evidence"]


def test_repeated_header_is_dropped_and_rows_keep_their_page() -> None:
    first = _part(1, 500, 800, HEADER, ["1", "Late wages.", "Payslips."])
    second = _part(2, 60, 200, HEADER, ["2", "No rest day.", "Time cards."])
    [table] = join_continued_tables([first, second], [_page(1), _page(2)])
    assert [r.cells[0] for r in table.rows] == ["Ref", "1", "2"]
    assert [r.page for r in table.rows] == [1, 1, 2]
    assert table.bbox == first.table.bbox


def test_row_with_empty_key_cell_is_merged_into_the_cut_row() -> None:
    first = _part(1, 500, 800, HEADER, ["1", "Passports were kept by", "Interviews"])
    second = _part(2, 60, 200, ["", "the HR manager.", "with 8 workers."], ["2", "X.", "Y."])
    [table] = join_continued_tables([first, second], [_page(1), _page(2)])
    assert table.rows[1].cells == [
        "1",
        "Passports were kept by the HR manager.",
        "Interviews with 8 workers.",
    ]
    assert table.rows[1].page == 1
    assert len(table.rows) == 3


def test_lowercase_continuation_is_merged_even_with_a_key_cell() -> None:
    first = _part(1, 500, 800, HEADER, ["1.2 (cont", "Passports were kept by", "Interviews"])
    second = _part(2, 60, 200, ["inued)", "the HR manager.", "with workers."])
    [table] = join_continued_tables([first, second], [_page(1), _page(2)])
    assert table.rows[-1].cells[0] == "1.2 (cont inued)"


def test_different_column_edges_are_not_joined() -> None:
    first = _part(1, 500, 800, HEADER, ["1", "a", "b"])
    moved = PageTable(_part(2, 60, 200, ["2", "c", "d"]).table, (40.0, 150.0, 300.0, 555.0))
    assert len(join_continued_tables([first, moved], [_page(1), _page(2)])) == 2


def test_table_ending_mid_page_is_not_continued() -> None:
    first = _part(1, 100, 300, HEADER, ["1", "a", "b"])
    second = _part(2, 60, 200, ["2", "c", "d"])
    assert len(join_continued_tables([first, second], [_page(1), _page(2)])) == 2


def test_paragraph_after_table_or_before_continuation_prevents_join() -> None:
    first = _part(1, 500, 760, HEADER, ["1", "a", "b"])
    second = _part(2, 80, 200, ["2", "c", "d"])
    below = _page(1, ("Observations follow.", 775))
    above = _page(2, ("Observations are not findings.", 60))
    assert len(join_continued_tables([first, second], [below, _page(2)])) == 2
    assert len(join_continued_tables([first, second], [_page(1), above])) == 2


def test_page_marks_and_continued_label_do_not_prevent_join() -> None:
    first = _part(1, 500, 800, HEADER, ["1", "a", "b"])
    second = _part(2, 80, 200, ["2", "c", "d"])
    footer = _page(1, ("Page 1 of 2", 815))
    header = _page(2, ("Audit report - ACME", 20), ("Findings (continued)", 60))
    assert len(join_continued_tables([first, second], [footer, header])) == 1


def _page_parts(path: Path, index: int) -> tuple[list, list]:
    """Return the ruling edges and words of one page, read with pdfium."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        width, height = page.get_size()
        frame = PageFrame(0.0, 0.0, width, height)
        textpage = page.get_textpage()
        words = read_words(pdfium_calls.handle(textpage.raw), frame).words
        edges = read_graphics(pdfium_calls.handle(page.raw), frame).edges
        textpage.close()
        page.close()
    finally:
        pdf.close()
    return edges, words


def test_find_page_tables_reads_cells_from_words(pdfs: Path) -> None:
    edges, words = _page_parts(pdfs / "split_table.pdf", 0)
    [found] = find_page_tables(edges, words, 1)
    assert found.width == 4
    assert found.table.rows[1].cells == [
        "1",
        "Wages",
        "Wages were paid 45 days late.",
        "Payroll records.",
    ]
    # Each row keeps the box of every cell, in points from the page's top-left corner.
    assert len(found.table.rows[1].cell_boxes) == 4
    assert found.edges[0] == pytest.approx(50.0)


def test_page_with_more_rules_than_the_limit_raises_too_many_rules(pdfs: Path) -> None:
    edges, words = _page_parts(pdfs / "unrelated_tables.pdf", 0)
    with pytest.raises(TooManyRules):
        find_page_tables(edges, words, 1, max_rules=5)
