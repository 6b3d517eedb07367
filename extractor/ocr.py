"""Read image-only pages with the tesseract command-line tool.

The page is rendered with pdfium, written to a temporary PNG and read by `tesseract ... tsv`;
tesseract's own block/paragraph/line grouping is kept because it copes with skewed scans. This
module only turns pixels into positioned Lines: it never decides which pages need OCR.
"""

from __future__ import annotations

import csv
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pdfplumber.page

from extractor.columns import find_gutter, is_table_like, order_lines
from extractor.document import Line

OCR_TIMEOUT_SECONDS = 120.0
# Marks with no letter or digit and low confidence are scanner speckle, not text.
MIN_SYMBOL_CONFIDENCE = 50.0


class OcrError(RuntimeError):
    """Raised when tesseract fails or times out on a page; the message is one short line."""


@functools.cache
def ocr_available() -> bool:
    """Return True when the tesseract executable is on PATH."""
    return shutil.which("tesseract") is not None


def ocr_page(page: pdfplumber.page.Page, page_number: int, *, resolution: int = 300) -> list[Line]:
    """Return the Lines tesseract reads on `page`, in reading order, boxes in PDF points.

    Raise `OcrError` when tesseract is missing, fails or runs longer than the timeout.
    """
    # Antialiasing smooths the scan image when it is scaled up, which tesseract reads better.
    image = page.to_image(resolution=resolution, antialias=True).original.convert("L")
    scale = page.width / image.width  # points per pixel
    with tempfile.TemporaryDirectory(prefix="audit-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png, compress_level=1)  # fast: the file lives for one tesseract call
        tsv = _run_tesseract(png)
    lines = _tsv_lines(tsv, page_number, scale)
    gutter = find_gutter([line.bbox for line in lines])
    if gutter is None or is_table_like(lines, gutter):
        return lines
    return order_lines(lines, gutter)


def _run_tesseract(png: Path) -> str:
    # One thread per tesseract: the bulk importer already runs one reader per core.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", str(png), "stdout", "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            timeout=OCR_TIMEOUT_SECONDS,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract timed out after {OCR_TIMEOUT_SECONDS:.0f} s") from exc
    except OSError as exc:
        raise OcrError(f"tesseract could not be run: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise OcrError(f"tesseract exited with {done.returncode}: {last[:200]}")
    return done.stdout


def _tsv_lines(tsv: str, page_number: int, scale: float) -> list[Line]:
    """Group tesseract's word rows into Lines by (block, paragraph, line), in tesseract's order."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row.get("conf") or -1)
        if confidence < MIN_SYMBOL_CONFIDENCE and not any(ch.isalnum() for ch in text):
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        groups.setdefault(key, []).append(row)
    return [_line(words, page_number, scale) for words in groups.values()]


def _line(words: list[dict[str, str]], page_number: int, scale: float) -> Line:
    boxes = [
        (
            int(w["left"]) * scale,
            int(w["top"]) * scale,
            (int(w["left"]) + int(w["width"])) * scale,
            (int(w["top"]) + int(w["height"])) * scale,
        )
        for w in words
    ]
    return Line(
        text=" ".join(w["text"].strip() for w in words),
        page=page_number,
        bbox=(
            round(min(b[0] for b in boxes), 2),
            round(min(b[1] for b in boxes), 2),
            round(max(b[2] for b in boxes), 2),
            round(max(b[3] for b in boxes), 2),
        ),
        # A line's box runs from its highest ascender to its lowest descender, close to the font
        # size; single word boxes are often only x-height tall.
        size=round(max(b[3] for b in boxes) - min(b[1] for b in boxes), 2),
    )
