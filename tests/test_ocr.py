"""OCR of a real image-only fixture page with the tesseract CLI (skipped without tesseract)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from extractor.ocr import _tsv_lines, ocr_available, ocr_page

needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="tesseract is not installed")


@needs_tesseract
def test_ocr_page_reads_words_with_boxes_in_points(pdfs: Path) -> None:
    with pdfplumber.open(pdfs / "image_only.pdf") as pdf:
        page = pdf.pages[0]
        lines = ocr_page(page, 1, resolution=200)
        width, height = float(page.width), float(page.height)
    texts = [line.text for line in lines]
    assert texts[0].startswith("Passports of migrant workers")
    assert any("45 days late" in t for t in texts)
    first = lines[0]
    # Drawn at x=72 pt, 100 pt below the top, in 18 pt type.
    assert abs(first.bbox[0] - 72) < 4 and abs(first.bbox[1] - 104) < 6
    assert 12 < first.size < 24
    assert all(0 <= ln.bbox[0] < ln.bbox[2] <= width and ln.bbox[3] <= height for ln in lines)


def test_tsv_words_are_grouped_by_line_and_speckle_dropped() -> None:
    header = "\t".join(
        [
            "level",
            "page_num",
            "block_num",
            "par_num",
            "line_num",
            "word_num",
            "left",
            "top",
            "width",
            "height",
            "conf",
            "text",
        ]
    )
    rows = [
        "5\t1\t1\t1\t1\t1\t100\t200\t80\t30\t95\tWages",
        "5\t1\t1\t1\t1\t2\t190\t200\t60\t30\t93\tpaid",
        "5\t1\t1\t1\t2\t1\t100\t240\t10\t10\t12\t.,",
        "5\t1\t1\t1\t3\t1\t100\t280\t70\t30\t90\tlate",
    ]
    lines = _tsv_lines("\n".join([header, *rows]), 4, 0.24)
    assert [(ln.text, ln.page) for ln in lines] == [("Wages paid", 4), ("late", 4)]
    assert lines[0].bbox == (24.0, 48.0, 60.0, 55.2)
