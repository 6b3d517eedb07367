"""Read a PDF into a `Document`: pages of positioned Lines, and ruled tables re-joined across pages.

This is the only module that opens PDFs, with pdfium (through pypdfium2). It checks the file
before parsing (`intake`: a regular file, size, not an archive, a PDF header; `streams`: no
decompression bomb), turns every way a file can be unreadable into a `ReportError` (never a
traceback), reads each page once (text, ruling lines, images), and hands image-only pages to
OCR. It does not interpret the text: finding audits in it is a later stage.

pdfium is not thread-safe, so every call into it holds `PDFIUM_LOCK`; OCR of rendered pages
runs outside the lock, in parallel when asked.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.reading import pdfium_calls as c
from extractor.reading.columns import Word, layout_lines
from extractor.reading.document import Document, Line, Page
from extractor.reading.frame import PageFrame
from extractor.reading.graphics import PageGraphics, read_graphics
from extractor.reading.intake import check_pdf_signature, read_report_bytes
from extractor.reading.streams import DEFAULT_MAX_STREAM_BYTES, check_stream_sizes
from extractor.reading.tables import (
    PageTable,
    TooManyRules,
    could_hold_table,
    find_page_tables,
)
from extractor.reading.tables import join_continued_tables as join_tables
from extractor.reading.text import read_words
from extractor.record.errors import (
    E003,
    E004,
    E005,
    E006,
    E007,
    E014,
    W_OCR_UNAVAILABLE,
    W_OCR_USED,
    W_PAGE_SIZE,
    W_PAGES_FAILED,
    W_TEXT_ROTATED,
    W_TOO_MANY_RULES,
    ReportError,
)

if TYPE_CHECKING:
    from PIL import Image

# A page with fewer characters than this but covered by images is a scan (a stamp or page
# number is sometimes printed over the scan).
MIN_TEXT_CHARS = 20
MIN_IMAGE_SHARE = 0.25
# Over this share of characters without a Unicode mapping, the text layer is unreadable and the
# rendering is not: read the page by OCR.
MAX_UNMAPPED_SHARE = 1 / 3
DETAIL_LENGTH = 120
MIN_PAGE_SIDE = 1.0  # points; a smaller page box is no page box
LETTER = (612.0, 792.0)  # pdfium's page size for a page without one
# Beyond this many merged ruling lines the cell search is quadratic and slow; such pages are
# vector drawings, not findings tables.
MAX_RULES = 1000
OCR_WORKERS_VARIABLE = "AUDIT_EXTRACTOR_OCR_WORKERS"
# Evidence in the raw bytes that a document has pages although pdfium found none.
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


@dataclass
class _PageResult:
    page: Page
    tables: list[PageTable] = field(default_factory=list)
    needs_ocr: bool = False
    has_text: bool = False
    failed: bool = False
    # A replacement page box (user space) for a page whose own box is unusable.
    box: tuple[float, float, float, float] | None = None


def default_ocr_workers() -> int:
    """Return how many pages of one document to OCR at once: $AUDIT_EXTRACTOR_OCR_WORKERS, else
    one per available core, at most two (a single upload on a small server)."""
    configured = os.environ.get(OCR_WORKERS_VARIABLE, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(2, cores or 1))


def read_pdf(
    path: Path,
    *,
    ocr: bool = True,
    max_pages: int | None = None,
    max_bytes: int | None = None,
    max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES,
    ocr_workers: int | None = None,
) -> Document:
    """Read the PDF at `path` into a Document; raise `ReportError` when it cannot be read.

    `max_pages` and `max_bytes` are limits (None for none); a compressed stream inflating to
    more than `max_stream_bytes` is refused (E013). With `ocr`, pages without a text layer are
    read by tesseract when it is installed, `ocr_workers` pages at a time (None: see
    `default_ocr_workers`).
    """
    path = Path(path)
    data = read_report_bytes(path, max_bytes=max_bytes)
    check_pdf_signature(path, data)
    check_stream_sizes(path, data, max_stream_bytes=max_stream_bytes)
    sha256 = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
    with c.PDFIUM_LOCK:
        pdf = _open(path, data)
    try:
        with c.PDFIUM_LOCK:
            count = _page_count(pdf, path, data, max_pages)
            results = [_read_page_safely(pdf, index, warnings) for index in range(count)]
        if all(r.failed for r in results):
            detail = "no page could be loaded; its page tree is damaged or nested too deeply"
            raise ReportError(E003, name=path.name, detail=detail)
        workers = ocr_workers if ocr_workers is not None else default_ocr_workers()
        ocr_pages = _run_ocr(path, pdf, results, ocr=ocr, workers=workers, warnings=warnings)
    finally:
        with c.PDFIUM_LOCK:
            _close(pdf)
    pages = [r.page for r in results]
    tables = join_tables([t for r in results for t in r.tables], pages)
    return Document(
        filename=path.name,
        sha256=sha256,
        page_count=len(pages),
        pages=pages,
        tables=tables,
        ocr_pages=ocr_pages,
        warnings=warnings,
    )


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    """Open the PDF from memory (the bytes were already read for the hash)."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pdfium's last-error code can be left over from an earlier document, so a password
        # error also needs an /Encrypt dictionary in the file.
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD and b"/Encrypt" in data:
            # Files with only an owner password open with the empty user password and are read
            # normally; this one needs a password to open at all.
            raise ReportError(E004, name=path.name) from None
        if _has_empty_page_tree(data):
            raise ReportError(E005, name=path.name) from None
        raise ReportError(E003, name=path.name, detail=_short(exc)) from None


def _has_empty_page_tree(data: bytes) -> bool:
    """Tell whether a file pdfium refused declares an empty page tree and no page at all
    (pdfium refuses documents with no pages as damaged)."""
    return re.search(rb"/Count\s+0(?![0-9])", data) is not None and not PAGE_OBJECT.search(data)


def _page_count(pdf: pdfium.PdfDocument, path: Path, data: bytes, max_pages: int | None) -> int:
    count = len(pdf)
    if count <= 0:
        if PAGE_OBJECT.search(data):
            detail = "its page tree lists no readable page"
            raise ReportError(E003, name=path.name, detail=detail)
        raise ReportError(E005, name=path.name)
    if max_pages is not None and count > max_pages:
        raise ReportError(E007, name=path.name, pages=count, limit=max_pages)
    return count


def _close(pdf: pdfium.PdfDocument) -> None:
    # Closing must never replace the error being reported.
    with contextlib.suppress(Exception):
        pdf.close()


def _short(exc: BaseException) -> str:
    """Return a one-line description of `exc` for a user-facing message."""
    text = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return detail if len(detail) <= DETAIL_LENGTH else detail[: DETAIL_LENGTH - 3] + "..."


def _read_page_safely(pdf: pdfium.PdfDocument, index: int, warnings: list[str]) -> _PageResult:
    """Read one page; a page pdfium cannot load becomes an empty Page and a W107 warning."""
    number = index + 1
    try:
        page = pdf[index]
    except Exception as exc:  # noqa: BLE001 - one bad page must not lose the rest
        warnings.append(W_PAGES_FAILED.format(page=number, detail=_short(exc)))
        return _PageResult(Page(number=number, width=0.0, height=0.0), failed=True)
    try:
        return _read_page(page, number, warnings)
    except Exception as exc:  # noqa: BLE001
        warnings.append(W_PAGES_FAILED.format(page=number, detail=_short(exc)))
        width, height = _display_size(page)
        return _PageResult(Page(number=number, width=width, height=height), failed=True)
    finally:
        page.close()


def _display_size(page: pdfium.PdfPage) -> tuple[float, float]:
    try:
        width, height = page.get_size()
        return float(width), float(height)
    except Exception:  # noqa: BLE001
        return 0.0, 0.0


def _read_page(page: pdfium.PdfPage, number: int, warnings: list[str]) -> _PageResult:
    replacement = _repair_page_box(page, number, warnings)
    display = _display_frame(page)
    textpage = page.get_textpage()
    try:
        text = read_words(c.handle(textpage.raw), display)
    finally:
        textpage.close()
    frame = text.frame
    graphics = read_graphics(c.handle(page.raw), frame)
    if _needs_ocr(text.chars, text.unmapped, graphics, display):
        result = _PageResult(_page(number, display), needs_ocr=True, box=replacement)
        return result
    if frame.turns != display.turns:
        degrees = (display.turns - frame.turns) % 4 * 90
        warnings.append(W_TEXT_ROTATED.format(page=number, degrees=degrees))
    tables = _tables(graphics, text.words, number, warnings)
    boxes = [t.table.bbox for t in tables]
    running = [w for w in text.words if not _inside_any(w, boxes)] if boxes else text.words
    result = _PageResult(_page(number, frame, display), tables=tables, has_text=bool(text.words))
    result.page.lines = layout_lines(running, number)
    return result


def _page(number: int, frame: PageFrame, display: PageFrame | None = None) -> Page:
    display = display or frame
    return Page(
        number=number,
        width=frame.width,
        height=frame.height,
        rotation=display.turns * 90,
        text_rotation=(frame.turns - display.turns) % 4 * 90,
    )


def _display_frame(page: pdfium.PdfPage) -> PageFrame:
    """Return the page box (crop box within media box) turned as viewers display the page."""
    rect = c.FS_RECTF()
    pdfium_c.FPDF_GetPageBoundingBox(page.raw, rect)
    turns = pdfium_c.FPDFPage_GetRotation(page.raw) % 4
    # FS_RECTF: left, top, right, bottom, as 32-bit floats (841.8898 comes back as 841.88977).
    left, right = sorted((round(rect.left, 3), round(rect.right, 3)))
    bottom, top = sorted((round(rect.bottom, 3), round(rect.top, 3)))
    return PageFrame(left, bottom, right, top, turns)


def _repair_page_box(
    page: pdfium.PdfPage, number: int, warnings: list[str]
) -> tuple[float, float, float, float] | None:
    """Give a page without a usable MediaBox the box of its content; return that box, if any.

    pdfium falls back to US Letter for an empty MediaBox, which would cut off content drawn
    outside it; the content's own extent (from the origin) keeps every object on the page.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    declared = pdfium_c.FPDFPage_GetMediaBox(page.raw, left, bottom, right, top)
    box = (left.value, bottom.value, right.value, top.value)
    if declared and _usable(box):
        return None
    crop = pdfium_c.FPDFPage_GetCropBox(page.raw, left, bottom, right, top)
    crop_box = (left.value, bottom.value, right.value, top.value)
    replacement = crop_box if crop and _usable(crop_box) else _content_box(page)
    if replacement is None:
        return None
    _set_page_box(page, replacement)
    described = "no MediaBox" if not declared else f"MediaBox {[round(v, 1) for v in box]}"
    warnings.append(W_PAGE_SIZE.format(page=number, detail=described))
    return replacement


def _usable(box: tuple[float, float, float, float]) -> bool:
    return abs(box[2] - box[0]) >= MIN_PAGE_SIDE and abs(box[3] - box[1]) >= MIN_PAGE_SIDE


def _content_box(page: pdfium.PdfPage) -> tuple[float, float, float, float] | None:
    """Return pdfium's fallback page (US Letter from the origin) grown to hold everything drawn
    on the page."""
    handle = c.handle(page.raw)
    bounds = [ctypes.c_float() for _ in range(4)]
    extents = []
    for index in range(c.count_objects(handle)):
        obj = c.page_object(handle, index)
        if obj and c.object_bounds(obj, *bounds):
            extents.append(tuple(b.value for b in bounds))
    if not extents:
        return None
    return (
        min(0.0, *(e[0] for e in extents)),
        min(0.0, *(e[1] for e in extents)),
        max(LETTER[0], *(e[2] for e in extents)),
        max(LETTER[1], *(e[3] for e in extents)),
    )


def _set_page_box(page: pdfium.PdfPage, box: tuple[float, float, float, float]) -> None:
    pdfium_c.FPDFPage_SetMediaBox(page.raw, *box)
    pdfium_c.FPDFPage_SetCropBox(page.raw, *box)


def _needs_ocr(chars: int, unmapped: int, graphics: PageGraphics, display: PageFrame) -> bool:
    """Tell whether the page's text must come from OCR: a scan, or glyphs with no Unicode."""
    if chars and unmapped > MAX_UNMAPPED_SHARE * chars and graphics.image_area + chars > 0:
        return True  # mostly unmapped glyphs: the text layer is unreadable, the rendering is not
    area = display.width * display.height
    if chars >= MIN_TEXT_CHARS or area <= 0:
        return False
    return graphics.image_area >= MIN_IMAGE_SHARE * area


def _tables(
    graphics: PageGraphics, words: list[Word], number: int, warnings: list[str]
) -> list[PageTable]:
    if not could_hold_table(graphics.edges):
        return []
    try:
        if graphics.too_many_segments:
            raise TooManyRules
        return find_page_tables(graphics.edges, words, number, max_rules=MAX_RULES)
    except TooManyRules:
        warnings.append(W_TOO_MANY_RULES.format(page=number, limit=MAX_RULES))
        return []


def _inside_any(word: Word, boxes: list[tuple[float, float, float, float]]) -> bool:
    """Tell whether the word's centre lies in one of `boxes` (with a point of slack)."""
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return any(box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1 for box in boxes)


def _run_ocr(
    path: Path,
    pdf: pdfium.PdfDocument,
    results: list[_PageResult],
    *,
    ocr: bool,
    workers: int,
    warnings: list[str],
) -> list[int]:
    """OCR the pages that need it; return their numbers.

    Raise E006 when no page has text and OCR cannot run, E014 when no page has a text layer and
    OCR read nothing on any page.
    """
    from extractor.reading import ocr as ocr_module  # numpy, scipy and PIL only for scans

    wanted = [r for r in results if r.needs_ocr]
    has_text = any(r.has_text for r in results)
    available = ocr and ocr_module.ocr_available()
    if not wanted:
        if not has_text and not available:
            raise ReportError(E006, name=path.name, detail=_no_ocr_reason(ocr))
        return []
    if not available:
        if not has_text:
            raise ReportError(E006, name=path.name, detail=_no_ocr_reason(ocr))
        warnings.append(W_OCR_UNAVAILABLE.format(pages=_page_numbers(wanted)))
        return []

    def render(index: int) -> tuple[Image.Image, float]:
        with c.PDFIUM_LOCK:
            return _render(pdf, wanted[index])

    outcomes = ocr_module.read_pages([r.page.number for r in wanted], render, workers=workers)
    failures: list[str] = []
    done: list[_PageResult] = []
    for result, outcome in zip(wanted, outcomes, strict=True):
        number = result.page.number
        if isinstance(outcome, BaseException):
            # OcrError, or pdfium failing to render: skip the page.
            failures.append(_short(outcome))
            warnings.append(W_PAGES_FAILED.format(page=number, detail=_short(outcome)))
            continue
        result.page.lines = _clamp(outcome, result.page)
        result.page.ocr = True
        done.append(result)
    if not has_text and not any(r.page.lines for r in done):
        detail = failures[0] if failures else "no text was recognised on any page"
        raise ReportError(E014, name=path.name, detail=detail)
    if done:
        warnings.insert(0, W_OCR_USED.format(pages=_page_numbers(done)))
    return [r.page.number for r in done]


def _render(pdf: pdfium.PdfDocument, result: _PageResult) -> tuple[Image.Image, float]:
    """Render a page for OCR in its display frame; return the image and points per pixel."""
    from extractor.reading.ocr import render_page

    page = pdf[result.page.number - 1]
    try:
        if result.box is not None:
            _set_page_box(page, result.box)
        return render_page(page)
    finally:
        page.close()


def _no_ocr_reason(ocr: bool) -> str:
    return "OCR was turned off" if not ocr else "tesseract was not found on PATH"


def _page_numbers(results: Sequence[_PageResult]) -> str:
    return ", ".join(str(r.page.number) for r in results)


def _clamp(lines: list[Line], page: Page) -> list[Line]:
    """Keep OCR boxes inside the page (rounding at the image edge can overshoot it)."""
    w, h = page.width, page.height
    return [
        line.model_copy(
            update={
                "bbox": (
                    min(max(line.bbox[0], 0.0), w),
                    min(max(line.bbox[1], 0.0), h),
                    min(max(line.bbox[2], 0.0), w),
                    min(max(line.bbox[3], 0.0), h),
                )
            }
        )
        for line in lines
    ]
