"""Read image-only pages with the tesseract command-line tool.

The page is rendered with pdfium at 300 dpi, or less when that would exceed a pixel budget (a
poster-sized page must not need gigabytes), and read by `tesseract ... tsv`; words are
straightened by the page's measured skew and then grouped into rows and columns like a text
page's words, so scanned tables reach the finding extractor in rows. Table rulings are erased
first: tesseract's page segmentation treats a ruled grid as an image and drops the text inside
it, so without this a scanned findings table comes back nearly empty. This module only turns
pixels into positioned Lines: it never decides which pages need OCR. `read_image` touches no
pdfium state, so `read_pages` reads pages in parallel threads; rendering holds the pdfium lock.
"""

from __future__ import annotations

import csv
import functools
import os
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from scipy import ndimage

from extractor.reading.columns import Box, Word, layout_lines
from extractor.reading.document import Line

OCR_TIMEOUT_SECONDS = 120.0
# Tesseract reads body text best at about 300 dpi (scans are usually 200-300 dpi).
DEFAULT_DPI = 300
# A4 and US Legal fit at 300 dpi; larger pages are rendered at a lower resolution. 12 million
# greyscale pixels and the working copies `erase_rules` makes stay under 150 MB.
MAX_PIXELS = 12_000_000
# Marks with no letter or digit and low confidence are scanner speckle, not text.
MIN_SYMBOL_CONFIDENCE = 50.0
# Grey levels below this are ink; cell shading and paper tone are lighter.
INK_THRESHOLD = 160
# A straight dark run at least this long (in inches) is a table rule: no glyph is that wide or tall.
MIN_RULE_INCHES = 0.4
# ... and never shorter than this many pixels: a page over the pixel budget is rendered below
# 300 dpi, and its text is then large in pixels, not small (posters, not fine print).
MIN_RULE_PX = 120
# Scanned rules are rough and slightly skewed: erase this many pixels around them as well.
RULE_FRINGE_PX = 3
MAX_SPECK_PX = 4
# Skew is measured on lines of at least this many words; steeper than this is not skew.
MIN_SKEW_WORDS = 4
MAX_SKEW_SLOPE = 0.05
# Tesseract page segmentation: full automatic layout first; sparse text for what it left unread.
PAGE_SEGMENTATION_MODE = "3"
SPARSE_SEGMENTATION_MODE = "11"
# Ink within this many pixels of a word tesseract read belongs to that word.
READ_BOX_PAD_PX = 4
# At 300 dpi a 6-point letter has some 60 ink pixels; smaller blobs are not text.
MIN_GLYPH_PX = 40
# A second pass is worth its time only for at least a short word's ink.
MIN_MISSED_INK_PX = 400
# Space kept around the missed ink when cropping it for the second pass.
MISSED_MARGIN_PX = 30
# Recovered words come from a page region tesseract's layout judged not to be text.
MIN_RECOVERED_CONFIDENCE = 60.0


class OcrError(RuntimeError):
    """Raised when tesseract fails or times out on a page; the message is one short line."""


@functools.cache
def ocr_available() -> bool:
    """Return True when the tesseract executable is on PATH."""
    return shutil.which("tesseract") is not None


def render_scale(
    width: float, height: float, *, dpi: float = DEFAULT_DPI, max_pixels: int = MAX_PIXELS
) -> float:
    """Return the pixels per point to render a `width` x `height` point page at: `dpi`, or less
    to keep the image within `max_pixels`."""
    scale = dpi / 72
    pixels = width * height * scale * scale
    if pixels > max_pixels:
        scale *= (max_pixels / pixels) ** 0.5
    return scale


def render_page(
    page: pdfium.PdfPage, *, dpi: float = DEFAULT_DPI, max_pixels: int = MAX_PIXELS
) -> tuple[Image.Image, float]:
    """Render `page` as displayed (its /Rotate applied) to a greyscale image within the pixel
    budget; return the image and the points per pixel. Hold the pdfium lock around this."""
    width, height = page.get_size()
    scale = render_scale(width, height, dpi=dpi, max_pixels=max_pixels)
    # Antialiasing smooths the scan image when it is scaled up, which tesseract reads better.
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil().convert("L")
    finally:
        bitmap.close()
    return image, width / image.width


def ocr_page(
    page: pdfium.PdfPage,
    page_number: int,
    *,
    dpi: float = DEFAULT_DPI,
    max_pixels: int = MAX_PIXELS,
    second_pass: bool = True,
) -> list[Line]:
    """Render `page` and return the Lines tesseract reads on it (see `read_image`)."""
    image, points_per_pixel = render_page(page, dpi=dpi, max_pixels=max_pixels)
    return read_image(
        image, page_number, points_per_pixel=points_per_pixel, second_pass=second_pass
    )


def read_image(
    image: Image.Image,
    page_number: int,
    *,
    points_per_pixel: float,
    second_pass: bool = True,
) -> list[Line]:
    """Return the Lines tesseract reads on a rendered page, in reading order, boxes in points.

    With `second_pass`, glyph-sized ink that full-page segmentation left unread is read again
    in sparse-text mode. Raise `OcrError` when tesseract is missing, fails or times out.
    """
    dpi = 72 / points_per_pixel
    image = erase_rules(image, min_length=max(round(MIN_RULE_INCHES * dpi), MIN_RULE_PX))
    with tempfile.TemporaryDirectory(prefix="audit-ocr-") as tmp:
        lines = _tsv_lines(_run_tesseract(_save(image, Path(tmp)), PAGE_SEGMENTATION_MODE))
        # Full-page segmentation sometimes drops a narrow table column (a grade column, say)
        # as non-text; sparse-text mode on the ink it left unread finds it again.
        missed = (
            missed_ink(image, [word.box for line in lines for word in line])
            if second_pass
            else None
        )
        if missed is not None:
            tsv = _run_tesseract(_save(missed.image, Path(tmp)), SPARSE_SEGMENTATION_MODE)
            offset = (missed.left, missed.top)
            lines += _tsv_lines(tsv, min_confidence=MIN_RECOVERED_CONFIDENCE, offset=offset)
    # The words go through the same row and column grouping as a text page's words.
    return layout_lines(_words(lines, points_per_pixel), page_number)


def read_pages(
    page_numbers: Sequence[int],
    render: Callable[[int], tuple[Image.Image, float]],
    *,
    workers: int = 1,
) -> list[list[Line] | BaseException]:
    """OCR pages, `workers` at a time; return each page's Lines, or the exception that stopped
    it (OcrError, a failed render), in the order of `page_numbers`.

    `render(i)` renders the i-th page (it must take the pdfium lock itself) and returns the
    image and its points per pixel. It is called in this thread, one page at a time and only
    when a worker is free, so at most `workers` page images are held at once; tesseract and the
    image cleaning run in the workers.
    """
    outcomes: list[list[Line] | BaseException] = []
    if workers <= 1:
        for index, number in enumerate(page_numbers):
            try:
                image, points_per_pixel = render(index)
                outcomes.append(read_image(image, number, points_per_pixel=points_per_pixel))
            except Exception as exc:  # noqa: BLE001 - one page's failure is reported per page
                outcomes.append(exc)
        return outcomes
    futures: list[Future[list[Line]]] = []
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        for index, number in enumerate(page_numbers):
            while sum(not f.done() for f in futures) >= workers:
                wait([f for f in futures if not f.done()], return_when=FIRST_COMPLETED)
            try:
                image, points_per_pixel = render(index)
            except Exception as exc:  # noqa: BLE001
                failed: Future[list[Line]] = Future()
                failed.set_exception(exc)
                futures.append(failed)
                continue
            futures.append(
                pool.submit(read_image, image, number, points_per_pixel=points_per_pixel)
            )
        wait(futures)
    return [f.exception() or f.result() for f in futures]


def erase_rules(image: Image.Image, *, min_length: int) -> Image.Image:
    """Return `image` binarised, without rules of `min_length` px or more and without speckle.

    Binarising also drops grey cell shading, which tesseract otherwise reads as a picture.
    """
    ink = np.asarray(image) < INK_THRESHOLD
    length = min_length | 1  # odd, so the erosion and dilation windows are centred alike
    # Scanned rules are a few pixels thick and slightly rough; widen the mask to take the fringe.
    rules = _line_opening(ink, length, axis=0) | _line_opening(ink, length, axis=1)
    if rules.any():  # prose pages have none: skip the dilation
        ink &= ~ndimage.binary_dilation(rules, iterations=RULE_FRINGE_PX)
    # Scanner speckle: specks of a few pixels, which tesseract reads as quotes and stops that
    # glue neighbouring cells into one word. A printed full stop is several times larger.
    labels, sizes = _blobs(ink)
    ink &= sizes[labels] > MAX_SPECK_PX
    return _ink_image(ink)


def _line_opening(ink: np.ndarray, length: int, *, axis: int) -> np.ndarray:
    """Return the ink that a `length`-long bar along `axis` fits inside (a morphological opening).

    Min and max filters run in time independent of `length`, unlike `binary_opening`'s
    structuring element, which took seconds per page for a 120-pixel bar.
    """
    eroded = ndimage.minimum_filter1d(ink.view(np.uint8), length, axis=axis, mode="constant")
    return ndimage.maximum_filter1d(eroded, length, axis=axis, mode="constant").astype(bool)


class Missed(NamedTuple):
    """The part of a page image holding ink that the first pass left unread."""

    image: Image.Image
    left: int  # position of the part in the page image, pixels
    top: int


def missed_ink(image: Image.Image, read: list[Box]) -> Missed | None:
    """Return the glyph-sized ink outside the `read` pixel boxes, cropped to where it lies (with
    a margin), or None when every glyph was read. `image` is binarised (see `erase_rules`)."""
    ink = np.asarray(image) < INK_THRESHOLD
    pad = READ_BOX_PAD_PX
    for x0, top, x1, bottom in read:
        ink[max(0, int(top) - pad) : int(bottom) + pad, max(0, int(x0) - pad) : int(x1) + pad] = 0
    labels, sizes = _blobs(ink)
    glyphs = sizes >= MIN_GLYPH_PX
    glyphs[0] = False
    # Stray marks and the leftovers of rules are smaller than a letter; they alone are not
    # worth a second pass (small parts of letters, like the dot of an i, stay in the image).
    if sizes[glyphs].sum() < MIN_MISSED_INK_PX:
        return None
    rows, columns = np.nonzero(glyphs[labels])
    margin = MISSED_MARGIN_PX
    top, left = max(int(rows.min()) - margin, 0), max(int(columns.min()) - margin, 0)
    bottom, right = int(rows.max()) + margin + 1, int(columns.max()) + margin + 1
    # Tesseract's sparse mode takes as long on a mostly blank page as on a full one: read the
    # region with the missed ink only.
    return Missed(_ink_image(ink[top:bottom, left:right]), left, top)


def _blobs(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the connected-component label of each pixel and each label's size (0: no ink)."""
    labels, count = ndimage.label(ink)
    return labels, np.bincount(labels.ravel(), minlength=count + 1)


def _ink_image(ink: np.ndarray) -> Image.Image:
    """Return a black-on-white greyscale image of the `ink` mask."""
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))


def _save(image: Image.Image, directory: Path) -> Path:
    png = directory / "page.png"
    image.save(png, compress_level=1)  # fast: the file lives for one tesseract call
    return png


def _run_tesseract(png: Path, psm: str) -> str:
    # One thread per tesseract: the bulk importer already runs one reader per core.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", str(png), "stdout", "--psm", psm, "tsv"],
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


class _PixelWord(NamedTuple):
    text: str
    box: Box  # pixels: x0, top, x1, bottom


def _tsv_lines(
    tsv: str, *, min_confidence: float = 0.0, offset: tuple[int, int] = (0, 0)
) -> list[list[_PixelWord]]:
    """Return tesseract's words grouped by the line tesseract put them on, speckle dropped;
    boxes are moved by `offset` (the read image's position in the page image)."""
    groups: dict[tuple[str, str, str, str], list[_PixelWord]] = {}
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row.get("conf") or -1)
        if confidence < min_confidence:
            continue
        if confidence < MIN_SYMBOL_CONFIDENCE and not any(ch.isalnum() for ch in text):
            continue
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        x0, top, x1, bottom = _box(row)
        box = (x0 + offset[0], top + offset[1], x1 + offset[0], bottom + offset[1])
        groups.setdefault(key, []).append(_PixelWord(text, box))
    return list(groups.values())


def _tsv_words(tsv: str, scale: float) -> list[Word]:
    """Return the words of one tesseract TSV in points (see `_words`)."""
    return _words(_tsv_lines(tsv), scale)


def _words(lines: list[list[_PixelWord]], scale: float) -> list[Word]:
    """Return tesseract's words in points, rotated level, each sized by its tesseract line.

    Word boxes are straightened by the page's skew so the cells of one table row share a top
    again; the shift is at most a few points, well inside any cell.
    """
    slope = _skew_slope([[word.box for word in line] for line in lines])
    centre = max((word.box[2] for line in lines for word in line), default=0.0) / 2
    words: list[Word] = []
    for line in lines:
        # A line's height runs from its highest ascender to its lowest descender, close to the
        # font size; a single word's box is often only x-height tall.
        size = (max(w.box[3] for w in line) - min(w.box[1] for w in line)) * scale
        for text, (x0, top, x1, bottom) in line:
            shift = slope * ((x0 + x1) / 2 - centre)
            words.append(
                Word(
                    text=text,
                    x0=round(x0 * scale, 2),
                    top=round((top - shift) * scale, 2),
                    x1=round(x1 * scale, 2),
                    bottom=round((bottom - shift) * scale, 2),
                    size=round(size, 2),
                )
            )
    return words


def _box(row: dict[str, str]) -> Box:
    left, top = int(row["left"]), int(row["top"])
    return (left, top, left + int(row["width"]), top + int(row["height"]))


def _skew_slope(lines: list[list[Box]]) -> float:
    """Return the median baseline slope (dy/dx) of lines with several words, 0 when unknown."""
    slopes = []
    for boxes in lines:
        if len(boxes) < MIN_SKEW_WORDS:
            continue
        xs = np.array([(b[0] + b[2]) / 2 for b in boxes])
        bottoms = np.array([b[3] for b in boxes])
        if np.ptp(xs) > 0:
            slopes.append(float(np.polyfit(xs, bottoms, 1)[0]))
    if not slopes:
        return 0.0
    slope = statistics.median(slopes)
    return slope if abs(slope) <= MAX_SKEW_SLOPE else 0.0
