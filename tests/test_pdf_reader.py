"""read_pdf on real fixture PDFs: error codes for bad inputs, and the shape of good output."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.reading.document import Document
from extractor.reading.ocr import ocr_available
from extractor.reading.pdf import read_pdf
from extractor.record.errors import ReportError

needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="tesseract is not installed")


def _error(path: Path, **kwargs: object) -> ReportError:
    with pytest.raises(ReportError) as info:
        read_pdf(path, **kwargs)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("not_pdf.pdf", "E002"),
        ("empty.pdf", "E011"),
        ("truncated.pdf", "E003"),
        ("corrupt.pdf", "E003"),
        ("encrypted.pdf", "E004"),
        ("zero_pages.pdf", "E005"),
    ],
)
def test_bad_input_raises_its_error_code_naming_the_file(pdfs: Path, name: str, code: str) -> None:
    error = _error(pdfs / name)
    assert error.code == code
    message = str(error)
    assert name in message
    assert "Traceback" not in message and "\n" not in message


def test_missing_file_is_e001(tmp_path: Path) -> None:
    error = _error(tmp_path / "nowhere.pdf")
    assert error.code == "E001"
    assert "nowhere.pdf" in str(error)


def test_non_pdf_message_shows_first_bytes_escaped(pdfs: Path) -> None:
    message = str(_error(pdfs / "not_pdf.pdf"))
    assert "\\x89PNG" in message  # control bytes are escaped, never printed raw
    assert "\x89" not in message and "\r" not in message


def test_corrupt_detail_is_short(pdfs: Path) -> None:
    error = _error(pdfs / "corrupt.pdf")
    assert len(str(error.details["detail"])) <= 120


def test_too_many_pages_is_e007(pdfs: Path) -> None:
    error = _error(pdfs / "split_table.pdf", max_pages=1)
    assert error.code == "E007"
    assert error.details["pages"] == 2


def test_too_large_is_e008(pdfs: Path) -> None:
    assert _error(pdfs / "split_table.pdf", max_bytes=100).code == "E008"


def test_image_only_without_ocr_is_e006(pdfs: Path) -> None:
    error = _error(pdfs / "image_only.pdf", ocr=False)
    assert error.code == "E006"
    assert "OCR was turned off" in str(error)


def test_empty_user_password_pdf_is_read_normally(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "encrypted_owner_only.pdf")
    assert "Owner password only." in doc.full_text()


def test_header_after_leading_junk_is_accepted(pdfs: Path) -> None:
    assert "Simple one-page report." in read_pdf(pdfs / "leading_junk.pdf").full_text()


def test_unparseable_page_is_skipped_with_w107(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "broken_page.pdf")
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.pages[0].lines[0].text == "Readable first page"
    assert doc.pages[1].lines == []
    assert any(w.startswith("W107: page 2 ") for w in doc.warnings)


def test_sha256_is_of_the_file_bytes(pdfs: Path) -> None:
    import hashlib

    path = pdfs / "simple.pdf"
    assert read_pdf(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["two_column.pdf", "split_table.pdf", "unrelated_tables.pdf"])
def test_pages_are_one_based_and_boxes_inside_the_page(pdfs: Path, name: str) -> None:
    doc = read_pdf(pdfs / name)
    assert [p.number for p in doc.pages] == list(range(1, doc.page_count + 1))
    for page in doc.pages:
        boxes = [line.bbox for line in page.lines]
        boxes += [row.bbox for t in doc.tables for row in t.rows if row.page == page.number]
        for x0, top, x1, bottom in boxes:
            assert 0 <= x0 <= x1 <= page.width
            assert 0 <= top <= bottom <= page.height


def test_table_words_are_not_repeated_as_running_lines(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "split_table.pdf")
    assert not any("Wages were paid" in line.text for line in doc.lines)
    assert doc.pages[0].lines[0].text == "Findings and corrective actions"
    assert doc.pages[0].lines[0].bold and doc.pages[0].lines[0].size == 12


def test_cut_row_is_rejoined_across_the_page_break(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "split_table.pdf")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert [row.cells[0] for row in table.rows] == ["#", "1", "2", "3"]  # header not repeated
    assert table.rows[2].cells[2] == (
        "Passports of 12 workers were kept by the HR manager in a locked safe."
    )
    assert table.rows[2].cells[3] == "Interviews with 8 workers."
    assert [row.page for row in table.rows] == [1, 1, 1, 2]
    assert table.pages == [1, 2]


def test_tables_with_other_columns_or_text_between_are_not_joined(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "unrelated_tables.pdf")
    assert [(t.page, len(t.rows[0].cells)) for t in doc.tables] == [(1, 3), (2, 4), (3, 4)]
    assert all(t.pages == [t.page] for t in doc.tables)


def test_two_column_page_reads_left_column_first(pdfs: Path) -> None:
    lines = read_pdf(pdfs / "two_column.pdf").lines
    assert lines[0].text.startswith("Legacy assessment report") and lines[0].column == 0
    columns = [line.column for line in lines[1:]]
    assert columns == sorted(columns) and set(columns) == {1, 2}
    text = " ".join(line.text for line in lines)
    assert text.index("Alpha paragraph closes") < text.index("Bravo paragraph opens")


@needs_tesseract
def test_image_only_page_is_read_by_ocr(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "image_only.pdf")
    assert doc.ocr_pages == [1] and doc.pages[0].ocr
    text = doc.full_text().lower()
    assert "passports" in text and "hr office" in text and "45 days" in text
    assert doc.warnings[0].startswith("W101: pages 1 ")


@needs_tesseract
def test_only_the_scanned_page_of_a_mixed_pdf_is_ocred(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "mixed_scan.pdf")
    assert doc.ocr_pages == [2]
    assert [p.ocr for p in doc.pages] == [False, True]


def test_scanned_page_without_ocr_is_skipped_with_w102(pdfs: Path) -> None:
    doc = read_pdf(pdfs / "mixed_scan.pdf", ocr=False)
    assert isinstance(doc, Document) and doc.ocr_pages == []
    assert doc.warnings == [
        "W102: pages 2 have no text layer and OCR is not available; they were skipped."
    ]
