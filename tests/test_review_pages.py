"""Page images and the text under a drawn box, from real PDFs, in the renderer's child process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from extractor.reading.ocr import ocr_available
from pipelines.review.pages import MAX_SIDE_PX, PageError, PageRenderer, PageSize, render_scale

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "labelled_samples" / "train"
TEXT_REPORT = TRAIN / "bsci_table-02.pdf"
SCANNED_REPORT = TRAIN / "bsci_table-06-scan.pdf"


@pytest.fixture
def renderer(tmp_path: Path) -> Iterator[PageRenderer]:
    pages = PageRenderer(tmp_path / "cache")
    yield pages
    pages.close()


def test_pages_render_once_within_the_size_bound(renderer: PageRenderer) -> None:
    sizes = renderer.page_sizes("r1", TEXT_REPORT)
    assert len(sizes) == 2 and sizes[0].width == pytest.approx(595.3, abs=0.1)
    image_path = renderer.page_image("r1", TEXT_REPORT, 2)
    with Image.open(image_path) as image:
        assert max(image.size) <= MAX_SIDE_PX
        assert image.size[0] == pytest.approx(sizes[1].width * render_scale(sizes[1]), abs=1)
    before = image_path.stat().st_mtime_ns
    assert renderer.page_image("r1", TEXT_REPORT, 2) == image_path  # from the cache
    assert image_path.stat().st_mtime_ns >= before
    with pytest.raises(PageError, match="no page 3"):
        renderer.page_image("r1", TEXT_REPORT, 3)


def test_a_huge_page_is_scaled_down() -> None:
    assert render_scale(PageSize(width=14_400, height=14_400)) * 14_400 == MAX_SIDE_PX
    assert render_scale(PageSize(width=595, height=842)) == pytest.approx(MAX_SIDE_PX / 842)
    assert render_scale(PageSize(width=200, height=300)) == 2.0  # never more than 2 px/pt


def test_text_under_a_box_comes_from_the_text_layer(renderer: PageRenderer) -> None:
    gold = json.loads(TEXT_REPORT.with_suffix(".json").read_text())
    finding = gold["findings"][0]
    found = renderer.text_in_box(
        "r1", TEXT_REPORT, finding["provenance"]["page"], tuple(finding["provenance"]["bbox"])
    )
    assert found.source == "text layer"
    assert finding["description"][:60] in found.text
    empty = renderer.text_in_box("r1", TEXT_REPORT, 1, (0, 0, 5, 5))
    assert empty.text == ""


@pytest.mark.skipif(not ocr_available(), reason="tesseract is not installed")
def test_text_under_a_box_on_a_scan_comes_from_the_extractors_ocr(renderer: PageRenderer) -> None:
    gold = json.loads(SCANNED_REPORT.with_suffix(".json").read_text())
    finding = gold["findings"][0]
    page, bbox = finding["provenance"]["page"], tuple(finding["provenance"]["bbox"])
    found = renderer.text_in_box("scan", SCANNED_REPORT, page, bbox)
    assert found.source == "ocr"
    words = set(finding["description"].lower().split()[:8])
    assert len(words & set(found.text.lower().split())) >= 5
    # The page's reading is cached: a second box on it needs no OCR.
    assert (renderer.cache_dir / "scan" / f"page-{page}.lines.json").exists()


def test_a_broken_pdf_is_an_error_not_a_crash(renderer: PageRenderer, pdfs: Path) -> None:
    with pytest.raises(PageError):
        renderer.page_sizes("bad", pdfs / "corrupt.pdf")
    # The child process survives (or is restarted) for the next report.
    assert len(renderer.page_sizes("r1", TEXT_REPORT)) == 2


def test_the_cache_is_trimmed_oldest_first(tmp_path: Path) -> None:
    pages = PageRenderer(tmp_path / "cache", max_cache_bytes=1)
    try:
        first = pages.page_image("r1", TEXT_REPORT, 1)
        assert first.exists()  # the image being sent is kept, whatever the limit
        second = pages.page_image("r1", TEXT_REPORT, 2)
        assert second.exists() and not first.exists()
    finally:
        pages.close()
