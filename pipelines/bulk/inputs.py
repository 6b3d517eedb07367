"""The reports of a bulk run: list an input folder or URI, and fetch one report's bytes.

Listing and fetching run on the Ray workers, never on the driver. `list_inputs` walks the
input without following symbolic links out of it (a link to a file inside the folder is read
as that file; anything else named `*.pdf` that is not a regular file becomes an input with an
error, so it gets an error row instead of vanishing). `fetch_input` copies one report into a
private scratch file while hashing it: the record, its key in the run state and its
`report_id` all come from those same bytes, whatever happens to the original afterwards.

Nothing here reads a symlink's target outside the input, or echoes file content in a message.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from extractor.record.errors import E001, E008, E016, ReportError

PDF_SUFFIX = ".pdf"
READ_CHUNK = 1 << 20
MB = 1024 * 1024

InputKind = Literal["file", "not_regular", "link_outside"]


class InputFile(BaseModel):
    """One entry to import: its path relative to the input root, and what the listing saw."""

    rel: str
    size: int = 0
    kind: InputKind = "file"
    detail: str | None = None  # why a non-file entry cannot be read

    @property
    def name(self) -> str:
        return self.rel.rsplit("/", 1)[-1]


class ListingSummary(BaseModel):
    files: int = 0
    links_not_followed: int = 0


@dataclass
class Fetched:
    """A report's bytes copied to `local`, with their sha256; or why nothing was read."""

    sha256: str | None
    size: int
    local: Path | None
    error: ReportError | None


def is_pdf_name(name: str) -> bool:
    return name.lower().endswith(PDF_SUFFIX)


def is_local(location: str) -> bool:
    return "://" not in location or location.startswith("file://")


def local_root(location: str) -> Path:
    return Path(location.removeprefix("file://")).resolve()


def list_inputs(location: str, summary: ListingSummary) -> Iterator[InputFile]:
    """Yield every `*.pdf` entry under `location` (any case of the suffix), in a stable order."""
    if is_local(location):
        yield from _list_local(local_root(location), summary)
    else:
        yield from _list_arrow(location, summary)


def _list_local(root: Path, summary: ListingSummary) -> Iterator[InputFile]:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue  # an unreadable subfolder: nothing in it can be listed
        subfolders = []
        for entry in entries:
            rel = Path(entry.path).relative_to(root).as_posix()
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode):
                item = _link(root, rel, Path(entry.path), summary)
                if item is not None:
                    summary.files += 1
                    yield item
                continue
            if stat.S_ISDIR(info.st_mode):
                subfolders.append(Path(entry.path))
                if is_pdf_name(entry.name):
                    summary.files += 1
                    yield InputFile(rel=rel, kind="not_regular", detail="it is a folder")
                continue
            if not is_pdf_name(entry.name):
                continue
            summary.files += 1
            if stat.S_ISREG(info.st_mode):
                yield InputFile(rel=rel, size=info.st_size)
            else:  # a FIFO would block a reader for ever; a device is not a report
                yield InputFile(rel=rel, kind="not_regular", detail="it is a special file")
        stack.extend(reversed(subfolders))


def _link(root: Path, rel: str, path: Path, summary: ListingSummary) -> InputFile | None:
    """A symlink is read only when it resolves to a regular PDF file inside the input root."""
    try:
        target = path.resolve(strict=True)
        inside = target.is_relative_to(root)
        regular = inside and target.is_file()
    except (OSError, RuntimeError):  # dangling, or a loop of links
        inside = regular = False
    if not is_pdf_name(path.name):
        summary.links_not_followed += 1  # linked folders are not descended
        return None
    if regular:
        return InputFile(rel=rel)
    detail = "it is a symbolic link that points outside the input folder, or nowhere"
    if inside:
        detail = "it is a symbolic link to something that is not a file"
    return InputFile(rel=rel, kind="link_outside", detail=detail)


def _list_arrow(location: str, summary: ListingSummary) -> Iterator[InputFile]:
    from pyarrow import fs as pafs

    filesystem, base = pafs.FileSystem.from_uri(location)
    base = base.rstrip("/")
    infos = filesystem.get_file_info(pafs.FileSelector(base, recursive=True))
    for info in sorted(infos, key=lambda i: i.path):
        if not is_pdf_name(info.base_name):
            continue
        rel = info.path[len(base) + 1 :]
        summary.files += 1
        if info.type == pafs.FileType.File:
            yield InputFile(rel=rel, size=info.size or 0)
        else:
            yield InputFile(rel=rel, kind="not_regular", detail="it is a folder")


def fetch_input(location: str, item: InputFile, scratch: Path, *, max_bytes: int | None) -> Fetched:
    """Copy `item` into `scratch` (under its own name) while hashing the bytes read.

    A file larger than `max_bytes` is hashed but not copied (E008). A non-file entry, or one
    that vanished or cannot be opened, gives an error and no hash.
    """
    if item.kind != "file":
        err = ReportError(E016, name=item.name, detail=item.detail or "not a regular file")
        return Fetched(None, 0, None, err)
    local = scratch / item.name
    try:
        with _open_input(location, item) as source, open(local, "wb") as copy:
            digest, size = hashlib.sha256(), 0
            while chunk := source.read(READ_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if max_bytes is None or size <= max_bytes:
                    copy.write(chunk)
    except _NotRegular as exc:
        return Fetched(None, 0, None, ReportError(E016, name=item.name, detail=str(exc)))
    except FileNotFoundError:
        return Fetched(None, 0, None, ReportError(E001, path=item.rel))
    except OSError as exc:
        detail = f"{item.rel} ({exc.strerror or type(exc).__name__})"
        return Fetched(None, 0, None, ReportError(E001, path=detail))
    sha = digest.hexdigest()
    if max_bytes is not None and size > max_bytes:
        local.unlink(missing_ok=True)
        err = ReportError(E008, name=item.name, size_mb=size / MB, limit_mb=max_bytes / MB)
        return Fetched(sha, size, None, err)
    return Fetched(sha, size, local, None)


def hash_input(location: str, item: InputFile) -> str | None:
    """The sha256 of `item`'s bytes now, or None when it cannot be read (nothing is copied)."""
    if item.kind != "file":
        return None
    try:
        with _open_input(location, item) as source:
            digest = hashlib.sha256()
            while chunk := source.read(READ_CHUNK):
                digest.update(chunk)
    except (_NotRegular, OSError):
        return None
    return digest.hexdigest()


class _NotRegular(Exception):
    """The entry changed into something other than a regular file inside the input."""


@contextlib.contextmanager
def _open_input(location: str, item: InputFile) -> Iterator:  # noqa: ANN401 - a binary stream
    if not is_local(location):
        from pyarrow import fs as pafs

        filesystem, base = pafs.FileSystem.from_uri(location)
        with filesystem.open_input_stream(f"{base.rstrip('/')}/{item.rel}") as stream:
            yield stream
        return
    root = local_root(location)
    # Resolve links inside the root, then open without following any further link, and check
    # where the open file really is: a path swapped for a link after listing stays unread.
    target = (root / item.rel).resolve()
    if not target.is_relative_to(root):
        raise _NotRegular("it is a symbolic link that points outside the input folder")
    fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular("it is not a regular file")
        with contextlib.suppress(OSError):
            real = Path(os.readlink(f"/proc/self/fd/{fd}"))
            if not real.is_relative_to(root):
                raise _NotRegular("it is a symbolic link that points outside the input folder")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle
