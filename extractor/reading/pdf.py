"""Read a PDF into a `Document`: pages of positioned Lines, and ruled tables re-joined across pages.

This is the only module that opens PDFs. It checks the file before parsing, turns every way a
file can be unreadable into a `ReportError` (never a traceback), reads each page once, and hands
image-only pages to OCR. It does not interpret the text: finding audits in it is a later stage.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pdfplumber.page
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extractor.reading.columns import Word, layout_lines
from extractor.reading.document import Document, Line, Page
from extractor.reading.ocr import ocr_available, ocr_page
from extractor.reading.tables import PageTable, find_page_tables, join_continued_tables
from extractor.record.errors import (
    E001,
    E002,
    E003,
    E004,
    E005,
    E006,
    E007,
    E008,
    E011,
    W_OCR_UNAVAILABLE,
    W_OCR_USED,
    W_PAGES_FAILED,
    ReportError,
)

# PDF readers accept a header preceded by junk (mail gateways, download wrappers) within 1 KB.
HEADER_WINDOW = 1024
HEADER = b"%PDF-"
MB = 1024 * 1024
# A page with fewer characters than this but covered by images is a scan (a stamp or page
# number is sometimes printed over the scan).
MIN_TEXT_CHARS = 20
MIN_IMAGE_SHARE = 0.25
BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
DETAIL_LENGTH = 120


@dataclass
class _PageResult:
    page: Page
    tables: list[PageTable] = field(default_factory=list)
    needs_ocr: bool = False
    has_text: bool = False
    failed: bool = False


def read_pdf(
    path: Path,
    *,
    ocr: bool = True,
    max_pages: int | None = None,
    max_bytes: int | None = None,
) -> Document:
    """Read the PDF at `path` into a Document; raise `ReportError` when it cannot be read.

    `max_pages` and `max_bytes` are limits (None for none). With `ocr`, pages without a text
    layer are read by tesseract when it is installed.
    """
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    _check_header(path, data)
    sha256 = hashlib.sha256(data).hexdigest()
    with _open(path, data) as pdf:
        plumber_pages = _page_list(pdf, path, max_pages)
        warnings: list[str] = []
        results = [_read_page_safely(p, warnings) for p in plumber_pages]
        if all(r.failed for r in results):
            raise ReportError(E003, name=path.name, detail="no page could be parsed")
        ocr_pages = _run_ocr(path, plumber_pages, results, ocr=ocr, warnings=warnings)
    pages = [r.page for r in results]
    tables = join_continued_tables([t for r in results for t in r.tables], pages)
    return Document(
        filename=path.name,
        sha256=sha256,
        page_count=len(pages),
        pages=pages,
        tables=tables,
        ocr_pages=ocr_pages,
        warnings=warnings,
    )


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    """Return the file's bytes after checking that it exists, is not empty and not too large."""
    if not path.is_file():
        raise ReportError(E001, path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise ReportError(E011, name=path.name)
    if max_bytes is not None and size > max_bytes:
        raise ReportError(E008, name=path.name, size_mb=size / MB, limit_mb=max_bytes / MB)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(E003, name=path.name, detail=f"unreadable: {exc.strerror}") from None
    if not data:  # truncated between stat and read
        raise ReportError(E011, name=path.name)
    return data


def _check_header(path: Path, data: bytes) -> None:
    if HEADER not in data[:HEADER_WINDOW]:
        # bytes' repr escapes control characters, so the message stays one printable line.
        raise ReportError(E002, name=path.name, head=data[:16])


def _open(path: Path, data: bytes) -> pdfplumber.PDF:
    """Open the PDF from memory (the bytes were already read for the hash)."""
    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        # pdfminer raises PDFPasswordIncorrect when the empty user password does not open the
        # file; files with only an owner password open with the empty one and are read normally.
        if isinstance(cause, PDFPasswordIncorrect):
            raise ReportError(E004, name=path.name) from None
        raise ReportError(E003, name=path.name, detail=_short(cause)) from None
    except Exception as exc:  # pdfminer raises many types on malformed input
        raise ReportError(E003, name=path.name, detail=_short(exc)) from None


def _page_list(
    pdf: pdfplumber.PDF, path: Path, max_pages: int | None
) -> list[pdfplumber.page.Page]:
    try:
        pages = list(pdf.pages)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        raise ReportError(E003, name=path.name, detail=_short(cause)) from None
    except Exception as exc:
        raise ReportError(E003, name=path.name, detail=_short(exc)) from None
    if not pages:
        raise ReportError(E005, name=path.name)
    if max_pages is not None and len(pages) > max_pages:
        raise ReportError(E007, name=path.name, pages=len(pages), limit=max_pages)
    return pages


def _short(exc: BaseException) -> str:
    """Return a one-line description of `exc` for a user-facing message."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    text = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return detail if len(detail) <= DETAIL_LENGTH else detail[: DETAIL_LENGTH - 3] + "..."


def _read_page_safely(plumber_page: pdfplumber.page.Page, warnings: list[str]) -> _PageResult:
    """Read one page; a page pdfminer cannot parse becomes an empty Page and a W107 warning."""
    number = plumber_page.page_number
    try:
        return _read_page(plumber_page)
    except Exception as exc:  # one bad page must not lose the rest of the report
        warnings.append(W_PAGES_FAILED.format(page=number, detail=_short(exc)))
        page = Page(number=number, width=_size(plumber_page, 0), height=_size(plumber_page, 1))
        return _PageResult(page, failed=True)
    finally:
        # Keep only what we built: the parsed layout of a page is large.
        plumber_page.close()


def _size(plumber_page: pdfplumber.page.Page, axis: int) -> float:
    try:
        return float(plumber_page.width if axis == 0 else plumber_page.height)
    except Exception:
        return 0.0


def _read_page(plumber_page: pdfplumber.page.Page) -> _PageResult:
    number = plumber_page.page_number
    width, height = float(plumber_page.width), float(plumber_page.height)
    page = Page(number=number, width=width, height=height)
    raw_words = plumber_page.extract_words(extra_attrs=["fontname", "size"])
    if _needs_ocr(plumber_page, raw_words, width * height):
        return _PageResult(page, needs_ocr=True)
    origin = (float(plumber_page.bbox[0]), float(plumber_page.bbox[1]))
    words = [w for w in (_word(raw, origin, width, height) for raw in raw_words) if w is not None]
    tables = find_page_tables(plumber_page, words, number, origin=origin)
    boxes = [t.table.bbox for t in tables]
    running = [w for w in words if not any(_inside(w, box) for box in boxes)]
    page.lines = layout_lines(running, number)
    return _PageResult(page, tables=tables, has_text=bool(words))


def _needs_ocr(plumber_page: pdfplumber.page.Page, raw_words: list[dict], area: float) -> bool:
    """Tell whether the page's text must come from OCR: a scan, or glyphs with no Unicode."""
    text = "".join(w["text"] for w in raw_words)
    if text.count("(cid:") * 6 > len(text) / 2:
        return True  # mostly unmapped glyphs: the text layer is unreadable, the rendering is not
    if len(text) >= MIN_TEXT_CHARS or area <= 0:
        return False
    image_area = sum(
        max(float(i["x1"]) - float(i["x0"]), 0) * max(float(i["bottom"]) - float(i["top"]), 0)
        for i in plumber_page.images
    )
    return image_area >= MIN_IMAGE_SHARE * area


def _word(raw: dict, origin: tuple[float, float], width: float, height: float) -> Word | None:
    x0, x1 = float(raw["x0"]) - origin[0], float(raw["x1"]) - origin[0]
    top, bottom = float(raw["top"]) - origin[1], float(raw["bottom"]) - origin[1]
    if x1 <= 0 or x0 >= width or bottom <= 0 or top >= height:
        return None  # outside the visible page (cropped away)
    return Word(
        text=raw["text"],
        x0=max(x0, 0.0),
        top=max(top, 0.0),
        x1=min(x1, width),
        bottom=min(bottom, height),
        size=round(float(raw.get("size") or 0.0), 2),
        bold=bool(BOLD_FONT.search(str(raw.get("fontname") or ""))),
    )


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _run_ocr(
    path: Path,
    plumber_pages: Sequence[pdfplumber.page.Page],
    results: list[_PageResult],
    *,
    ocr: bool,
    warnings: list[str],
) -> list[int]:
    """OCR the pages that need it; return their numbers. Raise E006 if no page has text."""
    wanted = [r for r in results if r.needs_ocr]
    has_text = any(r.has_text for r in results)
    if not wanted:
        if not has_text and not (ocr and ocr_available()):
            raise ReportError(E006, name=path.name, detail=_no_ocr_reason(ocr))
        return []
    if not (ocr and ocr_available()):
        if not has_text:
            raise ReportError(E006, name=path.name, detail=_no_ocr_reason(ocr))
        warnings.append(W_OCR_UNAVAILABLE.format(pages=_page_numbers(wanted)))
        return []
    done: list[_PageResult] = []
    for result in wanted:
        number = result.page.number
        try:
            lines = ocr_page(plumber_pages[number - 1], number)
        except Exception as exc:  # OcrError, or pdfium failing to render: skip the page
            warnings.append(W_PAGES_FAILED.format(page=number, detail=_short(exc)))
            continue
        finally:
            plumber_pages[number - 1].close()
        result.page.lines = _clamp(lines, result.page)
        result.page.ocr = True
        done.append(result)
    if done:
        warnings.insert(0, W_OCR_USED.format(pages=_page_numbers(done)))
    return [r.page.number for r in done]


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
