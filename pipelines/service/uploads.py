"""Receive one uploaded PDF from a multipart request, streaming it to the file store.

The body is parsed as it arrives: the file's first KB is sniffed (a PDF header, not an archive)
before anything else is written, its size is counted while it streams (never read whole into
memory), and it is hashed on the way. A rejected upload's temporary file is removed at once.
After a rejection the rest of a modestly oversized body is read and discarded, so the client
gets the JSON error instead of a reset connection. This module does not parse the PDF.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

import anyio
from pydantic import BaseModel
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from extractor.record.errors import E002, E008, E011, E015
from pipelines.service.errors import S005, S006, ApiError
from pipelines.service.filestore import FileStore, safe_filename

FILE_FIELD = "file"
# The PDF reader accepts a header preceded by junk within the first KB; so do we.
SNIFF_BYTES = 1024
PDF_HEADER = b"%PDF-"
# Form overhead allowed beside the file (part headers, small extra fields).
FORM_OVERHEAD_BYTES = 64 * 1024
# After a rejection, read and drop at most this much more so the client sees the answer.
LINGER_BYTES = 8 * 1024 * 1024
MB = 1024 * 1024

ARCHIVE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)


class ReceivedFile(BaseModel):
    """A complete upload in the store's temporary folder, not yet accepted."""

    tmp_path: Path
    filename: str
    sha256: str
    size_bytes: int


def sniff(head: bytes, filename: str) -> None:
    """Raise a 415 ApiError unless `head` (the file's first KB) looks like a PDF."""
    # Archives first: an uncompressed ZIP of a PDF has the PDF header within its first KB.
    for magic, container in ARCHIVE_MAGIC:
        if head.startswith(magic):
            raise ApiError(415, E015, name=filename, container=container)
    if len(head) > 262 and head[257:262] == b"ustar":
        raise ApiError(415, E015, name=filename, container="tar")
    if PDF_HEADER in head[:SNIFF_BYTES]:
        return
    raise ApiError(415, E002, name=filename, head=head[:16])


def too_large(filename: str, size: int, limit: int) -> ApiError:
    return ApiError(413, E008, name=filename, size_mb=size / MB, limit_mb=limit / MB)


class _FilePart:
    """State of the multipart parse: the `file` part goes to disk, other parts are dropped."""

    def __init__(self, store: FileStore, max_bytes: int) -> None:
        self.store = store
        self.max_bytes = max_bytes
        self.headers: dict[str, str] = {}
        self._field = bytearray()
        self._value = bytearray()
        self.in_file = False
        self.filename = ""
        self.seen_file = False
        self.head = bytearray()
        self.sniffed = False
        self.size = 0
        self.digest = hashlib.sha256()
        self.tmp_path: Path | None = None
        self.handle: BinaryIO | None = None
        self.finished = False

    # Part headers.
    def on_part_begin(self) -> None:
        self.headers = {}

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self._field.decode("latin-1").lower()] = self._value.decode("latin-1")
        self._field.clear()
        self._value.clear()

    def on_headers_finished(self) -> None:
        _disposition, options = parse_options_header(self.headers.get("content-disposition"))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        self.in_file = name == FILE_FIELD and not self.seen_file
        if self.in_file:
            self.seen_file = True
            raw_name = options.get(b"filename", b"").decode("utf-8", "replace")
            self.filename = safe_filename(raw_name)

    # Part data.
    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if not self.in_file:
            return
        chunk = data[start:end]
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise too_large(self.filename, self.size, self.max_bytes)
        if not self.sniffed:
            self.head += chunk
            if len(self.head) < SNIFF_BYTES:
                return
            self._sniff_and_open()
            chunk = bytes(self.head)
        self.digest.update(chunk)
        assert self.handle is not None
        self.handle.write(chunk)

    def on_part_end(self) -> None:
        if not self.in_file:
            return
        self.in_file = False
        if self.size == 0:
            raise ApiError(400, E011, name=self.filename)
        if not self.sniffed:
            self._sniff_and_open()
            self.digest.update(self.head)
            assert self.handle is not None
            self.handle.write(self.head)
        self.finished = True

    def _sniff_and_open(self) -> None:
        sniff(bytes(self.head), self.filename)
        self.sniffed = True
        self.tmp_path = self.store.temp_path()
        self.handle = self.tmp_path.open("wb")

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self.on_part_begin,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
        }

    def discard(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.tmp_path is not None:
            with contextlib.suppress(OSError):
                self.tmp_path.unlink()


async def receive_pdf(
    headers: dict[str, str],
    body: AsyncIterator[bytes],
    store: FileStore,
    *,
    max_bytes: int,
) -> ReceivedFile:
    """Stream the `file` field of a multipart body into the store; raise ApiError on bad input."""
    content_type, options = parse_options_header(headers.get("content-type"))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        await _linger(body, 0)
        raise ApiError(400, S006, detail="expected Content-Type multipart/form-data")
    limit = max_bytes + FORM_OVERHEAD_BYTES
    declared = _content_length(headers)
    if declared is not None and declared > limit:
        # Refused before reading: a client that sent Expect: 100-continue never sends the body.
        raise too_large("the upload", declared, max_bytes)

    part = _FilePart(store, max_bytes)
    parser = MultipartParser(boundary, part.callbacks())  # type: ignore[arg-type]
    received = 0
    try:
        async for chunk in body:
            received += len(chunk)
            if received > limit:
                raise too_large(part.filename or "the upload", received, max_bytes)
            parser.write(chunk)
        parser.finalize()
    except ApiError:
        part.discard()
        await _linger(body, received)
        raise
    except MultipartParseError as exc:
        part.discard()
        await _linger(body, received)
        raise ApiError(400, S006, detail=str(exc)[:200]) from None
    except BaseException:
        part.discard()
        raise
    if not part.seen_file:
        part.discard()
        raise ApiError(400, S005)
    if not part.finished or part.handle is None or part.tmp_path is None:
        part.discard()
        raise ApiError(400, S006, detail="the file part ended early")
    handle, tmp_path = part.handle, part.tmp_path
    try:
        await anyio.to_thread.run_sync(_flush_and_close, handle)
    except OSError:
        part.discard()
        raise
    return ReceivedFile(
        tmp_path=tmp_path,
        filename=part.filename,
        sha256=part.digest.hexdigest(),
        size_bytes=part.size,
    )


def _flush_and_close(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()


def _content_length(headers: dict[str, str]) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


async def _linger(body: AsyncIterator[bytes], received: int) -> None:
    """Read and drop up to LINGER_BYTES more of the body, so the client reads our answer."""
    drained = 0
    with contextlib.suppress(Exception):
        async for chunk in body:
            drained += len(chunk)
            if drained > LINGER_BYTES:
                return
