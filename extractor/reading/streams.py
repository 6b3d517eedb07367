"""Refuse decompression bombs before a PDF parser inflates them.

Every zlib (Flate) stream in the file's bytes is inflated here piece by piece, counting the
output and keeping none of it; so is a zlib stream found inside another one's output (chained
`/FlateDecode` filters). A stream that expands beyond the limit stops the read with E013, in
time and memory proportional to the limit, not to the bomb. This module finds streams by their
`stream` keyword and zlib header only: it does not parse PDF syntax, so encrypted streams (whose
bytes are not zlib until decrypted) and LZW streams are left to the parser and to the process
memory cap.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from extractor.record.errors import E013, ReportError

MB = 1024 * 1024
# A 600 dpi colour A3 scan inflates to about 200 MB; nothing a report needs is larger.
DEFAULT_MAX_STREAM_BYTES = 256 * MB
# `stream` followed by its end-of-line, but not the tail of `endstream`.
STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
INPUT_CHUNK = 64 * 1024
OUTPUT_CHUNK = 1024 * 1024
# Filters chained deeper than this are refused by parsers anyway.
MAX_LAYERS = 4


class _TooLarge(Exception):
    pass


def check_stream_sizes(
    path: Path, data: bytes, *, max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES
) -> None:
    """Raise E013 when a zlib stream in `data` inflates to more than `max_stream_bytes`."""
    view = memoryview(data)
    for match in STREAM_START.finditer(data):
        start = match.end()
        if not looks_like_zlib(view[start : start + 2]):
            continue
        inflater = _Inflater(max_stream_bytes, layer=1)
        position = start
        try:
            while not inflater.finished and position < len(data):
                inflater.feed(view[position : position + INPUT_CHUNK])
                position += INPUT_CHUNK
        except _TooLarge:
            raise ReportError(E013, name=path.name, limit_mb=max_stream_bytes / MB) from None
        except zlib.error:
            continue  # damaged or not zlib after all: the parser decides what to make of it


def looks_like_zlib(head: bytes | memoryview) -> bool:
    """Tell whether `head` (two bytes) is a zlib header: deflate method and a valid check."""
    if len(head) < 2:
        return False
    cmf, flg = head[0], head[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf * 256 + flg) % 31 == 0


class _Inflater:
    """Inflate one zlib stream, counting its output, and feed that output to a nested one."""

    def __init__(self, limit: int, *, layer: int) -> None:
        self.limit = limit
        self.layer = layer
        self.size = 0
        self.decompressor = zlib.decompressobj()
        # None: not decided yet; False: the output is not a zlib stream.
        self.inner: _Inflater | None | bool = None

    @property
    def finished(self) -> bool:
        return self.decompressor.eof

    def feed(self, data: bytes | memoryview) -> None:
        pending: bytes | memoryview = data
        while pending and not self.decompressor.eof:
            out = self.decompressor.decompress(pending, OUTPUT_CHUNK)
            pending = self.decompressor.unconsumed_tail
            if out:
                self._emit(out)
            elif not pending:
                break

    def _emit(self, out: bytes) -> None:
        self.size += len(out)
        if self.size > self.limit:
            raise _TooLarge
        if self.inner is None and len(out) >= 2:
            nested = self.layer < MAX_LAYERS and looks_like_zlib(out[:2])
            self.inner = _Inflater(self.limit, layer=self.layer + 1) if nested else False
        if isinstance(self.inner, _Inflater) and not self.inner.finished:
            try:
                self.inner.feed(out)
            except zlib.error:
                self.inner = False
