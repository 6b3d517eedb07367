"""Reading order of hand-built one- and two-column pages."""

from __future__ import annotations

from extractor.reading.columns import Word, find_gutter, layout_lines

SIZE = 9.0


def _row(top: float, x: float, text: str) -> list[Word]:
    """Lay out `text` from `x` on a row at `top`, 5 pt per character plus a 2.5 pt space."""
    words = []
    for token in text.split():
        words.append(Word(token, x, top, x + 5 * len(token), top + SIZE, size=SIZE))
        x += 5 * len(token) + 2.5
    return words


LEFT = "left words fill this column line"
RIGHT = "right words fill that column line"


def _two_columns(rows: int = 20) -> list[Word]:
    words = _row(40, 50, "A title printed right across both of the columns of the page")
    for i in range(rows):
        words += _row(70 + 11 * i, 50, f"{LEFT} {i}")
        words += _row(70 + 11 * i, 320, f"{RIGHT} {i}")
    return words


def test_two_columns_read_left_then_right_with_title_first() -> None:
    lines = layout_lines(_two_columns(), 1)
    assert lines[0].text.startswith("A title") and lines[0].column == 0
    assert [line.text for line in lines[1:21]] == [f"{LEFT} {i}" for i in range(20)]
    assert [line.text for line in lines[21:]] == [f"{RIGHT} {i}" for i in range(20)]
    assert {line.column for line in lines[1:21]} == {1}
    assert {line.column for line in lines[21:]} == {2}


def test_full_width_heading_between_column_bands_stays_in_place() -> None:
    words = _two_columns(10)
    words += _row(190, 50, "A heading that also runs across the whole width of the page")
    for i in range(10, 20):
        words += _row(210 + 11 * i, 50, f"{LEFT} {i}")
        words += _row(210 + 11 * i, 320, f"{RIGHT} {i}")
    texts = [line.text for line in layout_lines(words, 1)]
    heading = texts.index("A heading that also runs across the whole width of the page")
    assert texts[heading - 1] == f"{RIGHT} 9"
    assert texts[heading + 1] == f"{LEFT} 10"


def test_single_column_prose_has_no_gutter() -> None:
    sentence = "ordinary prose runs across the whole width of the page in one column here"
    words = [w for i in range(30) for w in _row(50 + 11 * i, 50, sentence)]
    assert find_gutter([w.box for w in words]) is None
    assert {line.column for line in layout_lines(words, 1)} == {0}


def test_borderless_table_is_not_read_as_two_columns() -> None:
    # Regression: sa8000_table's borderless findings table was read column by column, which
    # separated each finding's details from its evidence.
    words: list[Word] = []
    for i in range(12):
        top = 60 + 22 * i
        words += _row(top, 50, f"{i}.1") + _row(top, 90, "Minor NC")
        words += _row(top, 160, "details of the finding text")
        words += _row(top, 330, "objective evidence text here") + _row(top, 500, "01.02.2020")
    lines = layout_lines(words, 1)
    assert {line.column for line in lines} == {0}
    assert [line.text for line in lines[:5]] == [
        "0.1",
        "Minor NC",
        "details of the finding text",
        "objective evidence text here",
        "01.02.2020",
    ]


def test_label_and_value_far_apart_are_separate_lines_on_one_row() -> None:
    words = _row(50, 50, "Facility:") + _row(50, 160, "Acme Garments Ltd")
    lines = layout_lines(words, 3)
    assert [(line.text, line.page) for line in lines] == [
        ("Facility:", 3),
        ("Acme Garments Ltd", 3),
    ]
    assert lines[0].bbox[1] == lines[1].bbox[1]


def test_cells_one_line_height_apart_are_separate_lines() -> None:
    # A borderless table with narrow gutters: read as one line, two columns' words interleave.
    words = _row(50, 50, "Management was not aware") + _row(50, 50 + 5 * 21 + 7.5 + 10, "Minor")
    assert [line.text for line in layout_lines(words, 1)] == ["Management was not aware", "Minor"]


def test_justified_prose_with_stretched_spaces_stays_one_line() -> None:
    words, x = [], 50.0
    for token in ["wages", "were", "paid", "late", "in", "March", "and", "April"]:
        words.append(Word(token, x, 50, x + 5 * len(token), 50 + SIZE, size=SIZE))
        x += 5 * len(token) + 0.6 * SIZE  # twice a normal word space
    assert [line.text for line in layout_lines(words, 1)] == [
        "wages were paid late in March and April"
    ]


def test_borderless_key_value_boxes_are_read_row_by_row() -> None:
    # Regression: findings printed as borderless label/value boxes were read as two columns,
    # all labels of the page first, then all values, so no value stayed with its label. The
    # clear band between labels and values reaches into the gutter search window, but its
    # centre lies near the left margin: a label column, not a gutter.
    labels = ("Finding No.", "Code Section", "Finding Description", "Severity")
    description = "overtime wages were paid late to the workers of the sewing section"
    values = ("D-01", "Code A1", description, "Major")
    words = _row(30, 36, "Detailed findings of the audit") + _row(30, 540, "Page 3")
    for box in range(6):
        for row, (label, value) in enumerate(zip(labels, values, strict=True)):
            top = 60 + 90 * box + 16 * row
            words += _row(top, 50, label) + _row(top, 210, value)
    assert find_gutter([w.box for w in words]) is None
    texts = [line.text for line in layout_lines(words, 1)]
    start = texts.index("Finding No.")
    assert texts[start : start + 4] == ["Finding No.", "D-01", "Code Section", "Code A1"]
