"""Page images for the report view, and the text under a box a reviewer draws.

Uploaded PDFs are untrusted, so the web process never opens one: a child process (restarted
after a timeout or crash, like the extraction workers') renders pages with pypdfium2 and reads
text. Images are bounded (longest side `MAX_SIDE_PX`) and cached on disk under the file store,
and the cache is trimmed, oldest first, when it grows past its limit. The text under a box comes
from the PDF's text layer; a scanned page has none, so that one page is read by the extractor's
own reader (`read_pdf`, which OCRs it) and its lines under the box are used.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing as mp
import os
import resource
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pydantic import BaseModel

MAX_SIDE_PX = 1600
MAX_SCALE = 2.0
RENDER_TIMEOUT_S = 30.0
OCR_TIMEOUT_S = 180.0
CHILD_MEMORY_BYTES = 3 * 1024**3
DEFAULT_CACHE_BYTES = 512 * 1024**2
# A page with fewer characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 20


class PageError(RuntimeError):
    """A page that could not be rendered or read; the message says why."""


class PageSize(BaseModel):
    """A page's size in PDF points, as the extractor's boxes measure it."""

    width: float
    height: float


class BoxText(BaseModel):
    text: str
    source: str  # "text layer" or "ocr"


def render_scale(size: PageSize) -> float:
    """Pixels per point: at most `MAX_SCALE`, and the longest side at most `MAX_SIDE_PX`."""
    longest = max(size.width, size.height, 1.0)
    return min(MAX_SCALE, MAX_SIDE_PX / longest)


# --- the child process --------------------------------------------------------------------------


def _child(conn: Connection) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    import pypdfium2 as pdfium

    handlers: dict[str, Callable[..., Any]] = {
        "sizes": _sizes,
        "render": _render,
        "text": _text,
        "ocr": _ocr_lines,
    }
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the web process is gone
            return
        if request is None:
            return
        kind, args = request
        try:
            conn.send(("ok", handlers[kind](pdfium, *args)))
        except Exception as exc:  # noqa: BLE001 - reported to the caller as a PageError
            conn.send(("error", f"{type(exc).__name__}: {exc}"[:300]))


def _sizes(pdfium: Any, pdf_path: str) -> list[tuple[float, float]]:
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        return [tuple(pdf[i].get_size()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _render(pdfium: Any, pdf_path: str, index: int, scale: float, out: str) -> int:
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        image = pdf[index].render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="PNG", optimize=False)
    finally:
        pdf.close()
    _write_atomic(Path(out), buffer.getvalue())
    return len(buffer.getvalue())


def _text(
    pdfium: Any, pdf_path: str, index: int, bbox: tuple[float, float, float, float]
) -> tuple[str, int]:
    """Text of the text layer inside `bbox` (top-left origin), and the page's character count."""
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        page = pdf[index]
        height = page.get_size()[1]
        textpage = page.get_textpage()
        x0, top, x1, bottom = bbox
        # pdfium counts y upwards from the bottom of the page.
        text = textpage.get_text_bounded(
            left=x0, bottom=height - bottom, right=x1, top=height - top
        )
        return text, textpage.count_chars()
    finally:
        pdf.close()


def _ocr_lines(pdfium: Any, pdf_path: str, index: int) -> list[tuple[str, list[float]]]:
    """The extractor's reading of one page (OCR for a scan), as (text, bbox) lines."""
    import tempfile

    from extractor.reading.pdf import read_pdf

    single = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(pdf_path)
    try:
        single.import_pages(source, [index])
        with tempfile.TemporaryDirectory(prefix="review-page-") as tmp:
            path = Path(tmp) / "page.pdf"
            single.save(str(path))
            doc = read_pdf(path, ocr=True)
    finally:
        source.close()
        single.close()
    lines = [(line.text, list(line.bbox)) for line in doc.lines]
    for table in doc.tables:
        for row in table.rows:
            lines.append((" ".join(c for c in row.cells if c), list(row.bbox)))
    return lines


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --- the web process's side ---------------------------------------------------------------------


class PageRenderer:
    """Page images and box text for the review app, produced by a killable child process."""

    def __init__(self, cache_dir: Path, *, max_cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.cache_dir = cache_dir
        self.max_cache_bytes = max_cache_bytes
        self._lock = threading.Lock()
        self._ctx = mp.get_context("spawn")
        self._proc: Any = None
        self._conn: Connection | None = None

    def _call(self, kind: str, args: tuple, timeout_s: float) -> Any:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._start()
            assert self._conn is not None
            self._conn.send((kind, args))
            try:
                if self._conn.poll(timeout_s):
                    status, payload = self._conn.recv()
                    if status == "ok":
                        return payload
                    raise PageError(payload)
                message = f"reading the page took longer than {timeout_s:.0f} s"
            except (EOFError, OSError) as exc:
                message = f"the page reader stopped ({exc!r})"
            self._kill()
            raise PageError(message)

    def _start(self) -> None:
        self._conn, child_conn = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_child, args=(child_conn,), daemon=True)
        self._proc.start()
        child_conn.close()

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        with self._lock:
            if self._proc is not None and self._proc.is_alive() and self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
                self._proc.join(timeout=5)
            self._kill()

    def _folder(self, report_id: str) -> Path:
        # Report ids are generated by the service (url-safe base64), never taken from a path.
        return self.cache_dir / report_id

    def page_sizes(self, report_id: str, pdf_path: Path) -> list[PageSize]:
        """Every page's size in points (cached)."""
        cached = self._folder(report_id) / "sizes.json"
        try:
            return [PageSize(width=w, height=h) for w, h in json.loads(cached.read_text())]
        except (OSError, ValueError):
            pass
        sizes = self._call("sizes", (str(pdf_path),), RENDER_TIMEOUT_S)
        _write_atomic(cached, json.dumps(sizes).encode())
        return [PageSize(width=w, height=h) for w, h in sizes]

    def page_image(self, report_id: str, pdf_path: Path, page: int) -> Path:
        """A PNG of 1-based `page`, rendered once and cached."""
        sizes = self.page_sizes(report_id, pdf_path)
        if not 1 <= page <= len(sizes):
            raise PageError(f"the report has no page {page}")
        target = self._folder(report_id) / f"page-{page}.png"
        if target.exists():
            with contextlib.suppress(OSError):
                os.utime(target)  # recently used: trimmed last
            return target
        scale = render_scale(sizes[page - 1])
        self._call("render", (str(pdf_path), page - 1, scale, str(target)), RENDER_TIMEOUT_S)
        self.trim_cache(keep=target)
        return target

    def text_in_box(
        self, report_id: str, pdf_path: Path, page: int, bbox: tuple[float, float, float, float]
    ) -> BoxText:
        """The words inside `bbox` (points, top-left origin) on 1-based `page`."""
        sizes = self.page_sizes(report_id, pdf_path)
        if not 1 <= page <= len(sizes):
            raise PageError(f"the report has no page {page}")
        text, page_chars = self._call(
            "text", (str(pdf_path), page - 1, tuple(bbox)), RENDER_TIMEOUT_S
        )
        if page_chars >= MIN_TEXT_CHARS:
            return BoxText(text=" ".join(text.split()), source="text layer")
        lines = self._ocr_page(report_id, pdf_path, page)
        inside = [text for text, line_box in lines if _centre_inside(line_box, bbox)]
        return BoxText(text=" ".join(" ".join(inside).split()), source="ocr")

    def _ocr_page(self, report_id: str, pdf_path: Path, page: int) -> list[tuple[str, list[float]]]:
        cached = self._folder(report_id) / f"page-{page}.lines.json"
        try:
            return [(text, box) for text, box in json.loads(cached.read_text())]
        except (OSError, ValueError):
            pass
        lines = self._call("ocr", (str(pdf_path), page - 1), OCR_TIMEOUT_S)
        _write_atomic(cached, json.dumps(lines).encode())
        return lines

    def trim_cache(self, keep: Path | None = None) -> int:
        """Remove the least recently used cached files past the size limit; return how many.

        `keep` (the image about to be sent) is never removed.
        """
        files = []
        total = 0
        for path in self.cache_dir.rglob("*"):
            with contextlib.suppress(OSError):
                if path.is_file() and path != keep:
                    info = path.stat()
                    files.append((info.st_mtime, info.st_size, path))
                    total += info.st_size
        removed = 0
        for _mtime, size, path in sorted(files, key=lambda item: item[0]):
            if total <= self.max_cache_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
                removed += 1
        return removed


def _centre_inside(line_box: list[float], bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (line_box[0] + line_box[2]) / 2, (line_box[1] + line_box[3]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]
