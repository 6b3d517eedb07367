"""Take a report's bytes in, refusing what no PDF parser should see.

Checks, in order: the path names a regular file (not a directory, pipe or device), it is not
empty or over the size limit, it is not an archive, and it starts like a PDF. Every refusal is a
`ReportError` naming the file by its name only. It never echoes more than a few escaped bytes of
a file, and nothing at all of a file reached through a symbolic link (whose target may be any
file on the machine). It does not parse PDF syntax.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from extractor.record.errors import E001, E002, E003, E008, E011, E015, E016, ReportError

# PDF readers accept a header preceded by junk (mail gateways, download wrappers) within 1 KB.
HEADER_WINDOW = 1024
HEADER = b"%PDF-"
MB = 1024 * 1024
# Enough to recognise a file type from its signature, too little to leak a secret.
SHOWN_BYTES = 8
# Archive signatures at the start of the file. An archive that stores a PDF uncompressed has
# `%PDF-` within its first kilobyte, so these are checked before the PDF header.
ARCHIVES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
)
TAR_MAGIC = (257, b"ustar")
FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_report_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """Return the bytes of the regular file at `path`; raise `ReportError` for anything else.

    The file is opened without blocking and checked again once open, so a path swapped for a
    pipe between the two checks cannot hang the read.
    """
    try:
        kind = os.stat(path).st_mode
    except FileNotFoundError:
        raise ReportError(E001, path=str(path)) from None
    except OSError as exc:
        raise ReportError(E003, name=path.name, detail=f"unreadable: {exc.strerror}") from None
    _check_regular(path, kind)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReportError(E001, path=str(path)) from None
    except OSError as exc:
        raise ReportError(E003, name=path.name, detail=f"unreadable: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check_regular(path, info.st_mode)
        if info.st_size == 0:
            raise ReportError(E011, name=path.name)
        _check_size(path, info.st_size, max_bytes)
        try:
            # One byte over the limit is enough to tell that a growing file is too large.
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except OSError as exc:
            raise ReportError(E003, name=path.name, detail=f"unreadable: {exc.strerror}") from None
    if not data:  # truncated between stat and read
        raise ReportError(E011, name=path.name)
    _check_size(path, len(data), max_bytes)
    return data


def check_pdf_signature(path: Path, data: bytes) -> None:
    """Raise E015 for an archive and E002 for anything else that does not start like a PDF."""
    for signature, container in ARCHIVES:
        if data.startswith(signature):
            raise ReportError(E015, name=path.name, container=container)
    offset, magic = TAR_MAGIC
    if data[offset : offset + len(magic)] == magic:
        raise ReportError(E015, name=path.name, container="tar")
    if HEADER not in data[:HEADER_WINDOW]:
        raise ReportError(E002, name=path.name, head=describe_start(path, data))


def describe_start(path: Path, data: bytes) -> str:
    """Say how `data` starts, for E002; say nothing about a file behind a symbolic link."""
    if path.is_symlink():
        return "its content is not shown because the path is a symbolic link"
    # bytes' repr escapes control characters, so the message stays one printable line.
    return f"it starts with {data[:SHOWN_BYTES]!r}"


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    detail = next((kind for test, kind in FILE_KINDS if test(mode)), "not a regular file")
    raise ReportError(E016, name=path.name, detail=detail)


def _check_size(path: Path, size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise ReportError(E008, name=path.name, size_mb=size / MB, limit_mb=max_bytes / MB)
