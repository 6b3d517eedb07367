"""Block building on real PDFs: paragraphs, labelled lines, borderless and ruled table cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.reading.blocks import build_blocks, split_line
from extractor.reading.document import Document, Line, Page
from extractor.reading.pdf import read_pdf

PDFS = Path(__file__).resolve().parent / "pdfs"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def mixed():
    return build_blocks(read_pdf(PDFS / "blocks_mixed.pdf"))


def by_text(blocks, start: str):
    return next(b for b in blocks if b.text.startswith(start))


def test_labelled_line_keeps_its_wrapped_second_line_and_drops_the_label(mixed) -> None:
    block = by_text(mixed, "Overtime was paid")
    assert block.label == "Description"
    assert block.text.endswith("legal premium for the whole of March.")
    assert block.n_lines == 2
    assert by_text(mixed, "Payroll for March").label == "Objective evidence"


def test_borderless_cells_wrapping_side_by_side_stay_apart_and_know_their_header(mixed) -> None:
    cell = by_text(mixed, "The fire exit")
    assert cell.text == "The fire exit on the second floor was locked during working hours."
    assert cell.col_header == "Issue found"
    assert cell.row_header == "7"
    grade = [b for b in mixed if b.text == "Major" and b.table is None][0]
    assert grade.col_header == "Grade"


def test_table_header_cells_do_not_become_section_headings(mixed) -> None:
    assert all(b.section == "Finding 1 - Wages and benefits" for b in mixed[1:])


def test_key_value_box_cells_carry_their_row_label(mixed) -> None:
    value = by_text(mixed, "Passports kept.")
    assert value.table is not None
    assert value.row_header == "Details of non-compliance"


def test_blocks_come_in_reading_order_with_consecutive_indexes(mixed) -> None:
    assert [b.index for b in mixed] == list(range(len(mixed)))
    tops = [(b.page, b.bbox[1]) for b in mixed if b.col in (None, 0)]
    assert tops == sorted(tops)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(a) Observed: Wages were late.", ("(a)", "Observed", "Wages were late.")),
        ("4.1.2 Workers were not paid.", ("4.1.2", None, "Workers were not paid.")),
        ("11 of the 37 workers said so.", (None, None, "11 of the 37 workers said so.")),
        # A colon after a long clause is punctuation, not a label.
        (
            "Working hours exceeded the legal limit: records showed 80 hours.",
            (None, None, "Working hours exceeded the legal limit: records showed 80 hours."),
        ),
        (
            "leave the compound after 21: 00 hours",
            (None, None, "leave the compound after 21: 00 hours"),
        ),
        # Labels printed without a colon (in bold on the page): field vocabulary before a value.
        ("Priority Major", (None, "Priority", "Major")),
        ("Required action Reimburse all fees.", (None, "Required action", "Reimburse all fees.")),
        ("Target date 2 months", (None, "Target date", "2 months")),
        # Better Work's labels: the basis of a finding is its evidence, its nature its type.
        (
            "BASIS OF FINDING Observed during the site tour.",
            (None, "BASIS OF FINDING", "Observed during the site tour."),
        ),
        ("NATURE OF FINDING Non-compliant", (None, "NATURE OF FINDING", "Non-compliant")),
        # ... but not a sentence that starts with a label word, nor a numbered heading.
        ("Evidence was not kept.", (None, None, "Evidence was not kept.")),
        ("Finding 3 - Wages", (None, None, "Finding 3 - Wages")),
        ("Plan B was adopted.", (None, None, "Plan B was adopted.")),
        # A line that is a whole label is not split into a shorter label and a value.
        ("ROOT CAUSE ANALYSIS", (None, None, "ROOT CAUSE ANALYSIS")),
        ("Local law or code requirement", (None, None, "Local law or code requirement")),
    ],
)
def test_split_line(line: str, expected: tuple) -> None:
    assert split_line(line) == expected


def test_two_column_page_reads_left_column_first() -> None:
    blocks = build_blocks(read_pdf(PDFS / "two_column.pdf"))
    texts = [b.text for b in blocks]
    alpha = next(i for i, t in enumerate(texts) if t.startswith("Alpha"))
    bravo = next(i for i, t in enumerate(texts) if t.startswith("Bravo"))
    assert alpha < bravo
    assert blocks[alpha].column == 1 and blocks[bravo].column == 2


def test_running_footer_is_marked_as_furniture() -> None:
    blocks = build_blocks(read_pdf(GOLDEN / "rba_table-02.pdf"))
    footers = [b for b in blocks if "Page" in b.text and "Confidential" in b.text]
    assert footers and all(b.furniture for b in footers)


def _line(text: str, top: float, size: float, x0: float = 50.0) -> Line:
    return Line(text=text, page=1, bbox=(x0, top, x0 + 5.0 * len(text), top + size), size=size)


def _one_page(lines: list[Line]) -> Document:
    """A one-page A4 Document holding `lines`."""
    return Document(
        filename="x.pdf",
        sha256="0" * 64,
        page_count=1,
        pages=[Page(number=1, width=595, height=842, lines=lines)],
    )


def test_short_body_lines_are_not_headings_where_small_cells_outnumber_paragraphs() -> None:
    # 40 short 7 pt cells against a 9 pt paragraph: the paragraph sets the body size, so its
    # short last line continues it and a short 9 pt value line is no heading.
    cells = [_line(f"{i}", 400 + 9 * i, 7.0) for i in range(40)]
    paragraph = [
        _line("The site kept the passports of all migrant workers in the", 60, 9.0),
        _line("HR office.", 71, 9.0),
        _line("Root cause", 100, 9.0),
        _line("Management was not aware of the legal requirement.", 120, 9.0),
    ]
    doc = _one_page(paragraph + cells)
    blocks = build_blocks(doc)
    first = blocks[0]
    assert first.text.endswith("in the HR office.") and first.n_lines == 2
    value = next(b for b in blocks if b.text.startswith("Management"))
    assert not value.heading


def test_stacked_label_and_value_lines_do_not_run_into_the_description() -> None:
    # Each field of a finding on its own line, without colons or spacing: a line that stops
    # with room for the next line's first word was broken on purpose, so the description is a
    # block of its own. Its wrapped lines (each too long to have taken the next word) stay one.
    lines = [
        _line("Ref", 100, 9.0),
        _line("D-01", 111, 9.0),
        _line("Section", 122, 9.0),
        _line("Child labour", 133, 9.0),
        _line("Juvenile workers are assigned to the dye house, where they handle", 144, 9.0),
        _line("caustic chemicals every day.", 155, 9.0),
    ]
    doc = _one_page(lines)
    texts = [b.text for b in build_blocks(doc)]
    assert texts[-1] == (
        "Juvenile workers are assigned to the dye house, where they handle caustic chemicals "
        "every day."
    )
    assert texts[0].startswith("Ref")
