"""Regression tests for hostile and odd PDFs (issue 13): each file in tests/pdfs/hostile/ is
named for what it broke, and is written by tests/pdfs/make_hostile_reader.py.

Files that used to hang or exhaust memory are read in a child process with a wall-clock timeout
and an address-space limit, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

from extractor.audit.metadata import extract_audit_info
from extractor.pipeline import Extractor
from extractor.reading.ocr import MAX_PIXELS, ocr_available, render_scale
from extractor.reading.pdf import read_pdf
from extractor.reading.streams import check_stream_sizes
from extractor.record.errors import ReportError
from extractor.record.schema import ErrorRecord

HOSTILE = Path(__file__).resolve().parent / "pdfs" / "hostile"
GOLDEN = Path(__file__).resolve().parent / "golden"
COVER = [
    "Social compliance audit report",
    "Site name: Sunrise Garments Ltd",
    "Country: Bangladesh",
    "Date of audit: 12 March 2024",
]
GB = 1024**3

needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="tesseract is not installed")

# Peak memory from VmHWM, not ru_maxrss: Linux carries the forking parent's peak (pytest with
# spaCy loaded) over into the child's ru_maxrss across exec.
CHILD = """
import json, sys
from extractor.reading.pdf import read_pdf
from extractor.record.errors import ReportError
try:
    doc = read_pdf(sys.argv[1])
    out = {"lines": [line.text for line in doc.lines], "warnings": doc.warnings}
except ReportError as error:
    out = {"code": error.code, "message": str(error)}
with open("/proc/self/status") as status:
    out["peak_mb"] = next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM"))
print(json.dumps(out))
"""


def _read_in_child(path: Path, *, timeout: float, address_space: int = 3 * GB) -> dict:
    """Run read_pdf on `path` in a child process limited in time and address space."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _error(path: Path, **kwargs: object) -> ReportError:
    with pytest.raises(ReportError) as info:
        read_pdf(path, **kwargs)  # type: ignore[arg-type]
    return info.value


# --- objects that refer to themselves


def test_self_referencing_page_tree_gives_e003_without_hanging() -> None:
    result = _read_in_child(HOSTILE / "self_referencing_kids.pdf", timeout=60)
    assert result["code"] == "E003"
    assert "page tree" in result["message"]


def test_self_referencing_media_box_still_gives_the_text() -> None:
    result = _read_in_child(HOSTILE / "self_referencing_mediabox.pdf", timeout=60)
    assert result["lines"] == ["Text behind a looping media box"]
    assert result["warnings"][0].startswith("W109: page 1 has no usable page size")


# --- memory: OCR resolution and decompression


def test_render_scale_keeps_a4_at_300_dpi_and_huge_pages_within_the_pixel_budget() -> None:
    assert render_scale(595, 842) == pytest.approx(300 / 72)
    for side in (4000.0, 14400.0):
        scale = render_scale(side, side)
        assert (side * scale) ** 2 <= MAX_PIXELS * 1.0001


@needs_tesseract
def test_ocr_page_14400pt_is_read_within_the_pixel_budget() -> None:
    # 300 dpi would need a 60,000-pixel-square bitmap (14.4 GB with pdfplumber's RGBA render).
    result = _read_in_child(HOSTILE / "ocr_page_14400pt.pdf", timeout=300)
    assert result["lines"] == ["Wages were", "paid late"]
    assert result["peak_mb"] < 800


def test_decompression_bomb_1gib_is_refused_with_e013_in_little_memory() -> None:
    result = _read_in_child(HOSTILE / "decompression_bomb_1gib.pdf", timeout=120)
    assert result["code"] == "E013"
    assert "decompression bomb" in result["message"]
    assert result["peak_mb"] < 400


def test_single_flate_stream_over_the_limit_is_e013(tmp_path: Path) -> None:
    content = zlib.compress(b" " * (3 * 1024 * 1024))
    pdf = (GOLDEN / "rba_table-02.pdf").read_bytes()
    # Any file with a stream will do: append one after the end; the check reads raw bytes.
    path = tmp_path / "big_stream.pdf"
    path.write_bytes(pdf + b"\n9 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + content)
    assert _error(path, max_stream_bytes=2 * 1024 * 1024).code == "E013"
    assert read_pdf(path, max_stream_bytes=4 * 1024 * 1024).page_count >= 1


@pytest.mark.parametrize("pdf", sorted(GOLDEN.glob("*.pdf")), ids=lambda p: p.stem)
def test_stream_check_accepts_real_reports(pdf: Path) -> None:
    check_stream_sizes(pdf, pdf.read_bytes())


# --- OCR that reads nothing


@needs_tesseract
def test_ocr_failing_on_every_page_is_e014(
    pdfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tesseract finds no language data here and exits with an error on every page.
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    error = _error(pdfs / "image_only.pdf")
    assert error.code == "E014"
    assert "tesseract exited" in str(error)


@needs_tesseract
def test_ocr_failing_on_the_scanned_page_of_a_text_pdf_is_a_warning(
    pdfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    doc = read_pdf(pdfs / "mixed_scan.pdf")
    assert doc.ocr_pages == []
    assert any(w.startswith("W107: page 2 ") for w in doc.warnings)


@needs_tesseract
def test_blank_scan_is_e014() -> None:
    error = _error(HOSTILE / "blank_scan.pdf")
    assert error.code == "E014"
    assert "no text was recognised" in str(error)


# --- damaged structure


def test_page_tree_10000_levels_is_e003_not_an_internal_error() -> None:
    path = HOSTILE / "page_tree_10000_levels.pdf"
    assert _error(path).code == "E003"
    record = Extractor().extract_or_error(path)
    assert isinstance(record, ErrorRecord)
    assert record.error.code == "E003"
    assert "nested too deeply" in record.error.message


# --- rotation


@pytest.mark.parametrize(
    ("name", "size", "rotation", "text_rotation", "warning"),
    [
        ("rotate_90_sideways.pdf", (595, 842), 90, 270, "turned 90 degrees clockwise"),
        ("rotate_180_upside_down.pdf", (595, 842), 180, 180, "turned 180 degrees clockwise"),
        ("text_matrix_180.pdf", (595, 842), 0, 180, "turned 180 degrees clockwise"),
        ("rotate_90_landscape.pdf", (842, 595), 90, 0, None),
    ],
)
def test_rotated_pages_are_read_upright(
    name: str, size: tuple[int, int], rotation: int, text_rotation: int, warning: str | None
) -> None:
    doc = read_pdf(HOSTILE / name)
    page = doc.pages[0]
    assert [line.text for line in page.lines] == COVER
    assert (round(page.width), round(page.height)) == size
    assert (page.rotation, page.text_rotation) == (rotation, text_rotation)
    tops = [line.bbox[1] for line in page.lines]
    assert tops == sorted(tops) and all(0 <= t <= page.height for t in tops)
    if warning is None:
        assert doc.warnings == []
    else:
        assert doc.warnings == [
            f"W108: page 1 shows its text {warning}; it was read upright "
            "(its boxes are in the upright page)."
        ]


def test_upright_boxes_map_back_to_the_displayed_page() -> None:
    # Displayed sideways (/Rotate 90 on upright content): lines run down the shown page.
    page = read_pdf(HOSTILE / "rotate_90_sideways.pdf").pages[0]
    shown = [page.display_bbox(line.bbox) for line in page.lines]
    assert all(b[3] - b[1] > b[2] - b[0] for b in shown)  # taller than wide
    assert all(0 <= b[0] < b[2] <= page.height and 0 <= b[1] < b[3] <= page.width for b in shown)
    # Later lines sit further left on the shown page (its top is the content's left side).
    assert [b[0] for b in shown] == sorted((b[0] for b in shown), reverse=True)
    # Upside down: the first line is shown at the bottom, mirrored.
    flipped = read_pdf(HOSTILE / "text_matrix_180.pdf").pages[0]
    first = flipped.lines[0].bbox
    assert flipped.display_bbox(first) == pytest.approx(
        (
            flipped.width - first[2],
            flipped.height - first[3],
            flipped.width - first[0],
            flipped.height - first[1],
        )
    )


@pytest.mark.parametrize("name", ["rotate_90_sideways.pdf", "rotate_180_upside_down.pdf"])
def test_rotated_cover_page_keeps_its_metadata(name: str) -> None:
    info = extract_audit_info(read_pdf(HOSTILE / name), "generic", None)
    assert (info.site_name, info.country) == ("Sunrise Garments Ltd", "BD")
    assert info.audit_date is not None and info.audit_date.isoformat() == "2024-03-12"


def test_zero_size_mediabox_keeps_all_text_and_warns() -> None:
    doc = read_pdf(HOSTILE / "zero_size_mediabox.pdf")
    assert [line.text for line in doc.lines] == [
        "Text above the letter-size area",
        "Text inside the letter-size area",
    ]
    assert doc.pages[0].height > 1000
    assert doc.warnings == [
        "W109: page 1 has no usable page size (MediaBox [0.0, 0.0, 0.0, 0.0]); "
        "the size of its content was used."
    ]


# --- things that are not PDF files


def test_zip_holding_pdf_is_e015() -> None:
    error = _error(HOSTILE / "zip_holding_pdf.pdf")
    assert error.code == "E015"
    assert "ZIP archive" in str(error)


def test_gzipped_pdf_is_e015(pdfs: Path, tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "report.pdf"
    path.write_bytes(gzip.compress((pdfs / "simple.pdf").read_bytes(), mtime=0))
    assert _error(path).code == "E015"


def test_directory_named_like_a_pdf_is_e016_naming_it_only(tmp_path: Path) -> None:
    folder = tmp_path / "x.pdf"
    folder.mkdir()
    error = _error(folder)
    assert error.code == "E016"
    assert "x.pdf is not a regular file (a directory)" in str(error)
    assert str(tmp_path) not in str(error)


def test_named_pipe_is_e016_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    error = _error(fifo)
    assert error.code == "E016"
    assert "a named pipe" in str(error)


def test_named_pipe_gives_an_error_record_without_blocking(tmp_path: Path) -> None:
    # The error record hashes the file: that read must not wait for a writer either.
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    records: list[object] = []
    # In a daemon thread, so a regression fails the test instead of hanging the run.
    worker = threading.Thread(
        target=lambda: records.append(Extractor().extract_or_error(fifo)), daemon=True
    )
    worker.start()
    worker.join(timeout=30)
    assert records, "extract_or_error blocked on a named pipe"
    [record] = records
    assert isinstance(record, ErrorRecord)
    assert (record.error.code, record.report_id) == ("E016", None)


def test_non_pdf_behind_a_symlink_is_e002_without_its_content(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN=hunter2\n")
    link = tmp_path / "report.pdf"
    link.symlink_to(secret)
    error = _error(link)
    assert error.code == "E002"
    assert "SECRET" not in str(error) and "hunter2" not in str(error)
    assert "symbolic link" in str(error)


def test_non_pdf_message_shows_at_most_eight_bytes(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"password=hunter2 and more")
    message = str(_error(path))
    assert "b'password'" in message and "hunter2" not in message
