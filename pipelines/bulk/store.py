"""Where a bulk run's outputs live: a local folder, or a URI that pyarrow filesystems write.

`open_store(location)` returns an `OutputStore` with the few operations the run needs: write a
file atomically, append a line durably to the journal, list, read and delete. A local folder
gets real durability (fsync, rename, an advisory lock that dies with its holder); object stores
(`s3://`, `gs://`) have no append, so each journal append becomes an object of its own, and a
single PUT is what makes a write atomic there.

Errors are turned into `StoreError` with a message a user can act on (read-only folder, disk
full), never a raw OSError traceback. This module knows nothing about records or Ray.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol


class StoreError(RuntimeError):
    """The output location cannot be used; the message says why and what to do."""


class OutputLocked(StoreError):
    """Another bulk run holds the output location."""


def is_uri(location: str) -> bool:
    return "://" in location


def describe_os_error(exc: OSError, where: str) -> str:
    """A one-line, actionable description of a failed write to `where`."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}: no space left on the device; free some space and re-run to resume"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}: not writable ({exc.strerror}); choose an output folder you can write to"
    return f"{where}: {exc.strerror or exc}"


class OutputStore(Protocol):
    """The operations a bulk run needs on its output location; paths are relative to it."""

    location: str

    def ensure_dirs(self, *names: str) -> None: ...
    def write_atomic(self, name: str, data: bytes) -> None: ...
    def append_journal(self, name: str, line: str) -> None: ...
    def read_journal(self, name: str) -> list[str]: ...
    def read_bytes(self, name: str) -> bytes | None: ...
    def list(self, folder: str) -> list[str]: ...
    def delete(self, name: str) -> None: ...
    def lock(self) -> contextlib.AbstractContextManager[None]: ...


class LocalStore:
    """An output folder on a local (or shared POSIX) filesystem."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.location = str(root)

    def _guard(self, what: str) -> contextlib.AbstractContextManager[None]:
        return _os_errors_as_store_errors(f"{self.root / what}")

    def ensure_dirs(self, *names: str) -> None:
        with self._guard(""):
            for name in names:
                (self.root / name).mkdir(parents=True, exist_ok=True)

    def write_atomic(self, name: str, data: bytes) -> None:
        path = self.root / name
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        with self._guard(name):
            try:
                with open(tmp, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, path)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            _fsync_dir(path.parent)

    def append_journal(self, name: str, line: str) -> None:
        """Append one line and fsync; on failure cut the file back so no torn line stays."""
        path = self.root / name
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        with self._guard(name):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                size = os.fstat(fd).st_size
                try:
                    written = os.write(fd, data)
                    if written != len(data):
                        raise OSError(errno.ENOSPC, "short write to the journal")
                    os.fsync(fd)
                except OSError:
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, size)
                    raise
            finally:
                os.close(fd)

    def read_journal(self, name: str) -> list[str]:
        """Return the journal's complete lines; a torn last line is cut off the file first."""
        path = self.root / name
        with self._guard(name):
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                return []
            if data and not data.endswith(b"\n"):
                # A kill or a full disk cut the last append: drop it, or the next append would
                # glue onto it. Its part was never committed and is redone.
                keep = data.rfind(b"\n") + 1
                os.truncate(path, keep)
                data = data[:keep]
        return data.decode("utf-8", errors="replace").splitlines()

    def read_bytes(self, name: str) -> bytes | None:
        with self._guard(name):
            try:
                return (self.root / name).read_bytes()
            except FileNotFoundError:
                return None

    def list(self, folder: str) -> list[str]:
        with self._guard(folder):
            try:
                return sorted(os.listdir(self.root / folder))
            except FileNotFoundError:
                return []

    def delete(self, name: str) -> None:
        with self._guard(name), contextlib.suppress(FileNotFoundError):
            (self.root / name).unlink()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold an exclusive lock on the folder; the kernel releases it if we are killed."""
        self.ensure_dirs("")
        path = self.root / ".lock"
        with self._guard(".lock"):
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 4096, 0).decode("utf-8", errors="replace").strip()
                raise OutputLocked(_locked_message(self.location, holder)) from None
            with self._guard(".lock"):
                os.ftruncate(fd, 0)
                os.pwrite(fd, _holder().encode("utf-8"), 0)
            yield
        finally:
            os.close(fd)


class ArrowStore:
    """An output location behind a pyarrow filesystem (s3://, gs://, hdfs://, file://)."""

    # A lease older than this is taken to belong to a run that died.
    LEASE_STALE_S = 120.0

    def __init__(self, uri: str) -> None:
        from pyarrow import fs as pafs

        self.location = uri
        try:
            self.fs, self.base = pafs.FileSystem.from_uri(uri)
        except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for unknown schemes
            raise StoreError(f"{uri}: cannot open this output location ({exc})") from None
        self.base = self.base.rstrip("/")
        self._folders: set[str] = set()

    def _path(self, name: str) -> str:
        return f"{self.base}/{name}".rstrip("/") if name else self.base

    def ensure_dirs(self, *names: str) -> None:
        with _os_errors_as_store_errors(self.location):
            for name in names:
                self.fs.create_dir(self._path(name), recursive=True)

    def write_atomic(self, name: str, data: bytes) -> None:
        # One stream closed once: a single PUT on object stores, which is atomic there.
        path = self._path(name)
        parent = path.rsplit("/", 1)[0]
        if parent not in self._folders:  # local and HDFS need the folder; object stores ignore it
            self.ensure_dirs(parent[len(self.base) + 1 :])
            self._folders.add(parent)
        with _os_errors_as_store_errors(path), self.fs.open_output_stream(path) as out:
            out.write(data)

    def append_journal(self, name: str, line: str) -> None:
        # No appends on object stores: each journal line is an object under `<name>.d/`.
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        self.write_atomic(f"{name}.d/{stamp}-{uuid.uuid4().hex[:8]}", line.encode("utf-8"))

    def read_journal(self, name: str) -> list[str]:
        lines: list[str] = []
        whole = self.read_bytes(name)
        if whole:
            lines += whole.decode("utf-8", errors="replace").splitlines()
        for entry in self.list(f"{name}.d"):
            data = self.read_bytes(f"{name}.d/{entry}")
            if data:
                lines.append(data.decode("utf-8", errors="replace").strip())
        return lines

    def read_bytes(self, name: str) -> bytes | None:
        with _os_errors_as_store_errors(self._path(name)):
            try:
                with self.fs.open_input_stream(self._path(name)) as stream:
                    return bytes(stream.read())
            except FileNotFoundError:
                return None

    def list(self, folder: str) -> list[str]:
        from pyarrow import fs as pafs

        with _os_errors_as_store_errors(self._path(folder)):
            selector = pafs.FileSelector(self._path(folder), allow_not_found=True)
            return sorted(info.base_name for info in self.fs.get_file_info(selector))

    def delete(self, name: str) -> None:
        with _os_errors_as_store_errors(self._path(name)), contextlib.suppress(FileNotFoundError):
            self.fs.delete_file(self._path(name))

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """A lease object: refuse when another run's lease is fresh. Best effort (no CAS)."""
        self.ensure_dirs("")
        existing = self.read_bytes(".lock")
        if existing:
            try:
                lease = json.loads(existing)
                age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(lease["at"])
                if age.total_seconds() < self.LEASE_STALE_S:
                    raise OutputLocked(_locked_message(self.location, existing.decode()))
            except (ValueError, KeyError, TypeError):
                pass
        mine = _holder()
        self.write_atomic(".lock", mine.encode("utf-8"))
        try:
            yield
        finally:
            self.delete(".lock")

    def renew_lease(self) -> None:
        self.write_atomic(".lock", _holder().encode("utf-8"))


def open_store(location: str | Path) -> OutputStore:
    """The store for a local folder (a path) or a pyarrow filesystem URI."""
    text = str(location)
    # file:// goes through pyarrow too: the object-store code path, testable on local disk.
    return ArrowStore(text) if is_uri(text) else LocalStore(Path(text))


def _holder() -> str:
    return json.dumps(
        {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
    )


def _locked_message(location: str, holder: str) -> str:
    try:
        info = json.loads(holder)
        who = f"process {info['pid']} on {info['host']}, started {info['at']}"
    except (ValueError, KeyError, TypeError):
        who = "another process"
    return (
        f"{location} is in use by another bulk run ({who}). Wait for it to finish, or give "
        f"this run another --out; two runs on one output folder would both process every report."
    )


@contextlib.contextmanager
def _os_errors_as_store_errors(where: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise StoreError(describe_os_error(exc, where)) from None


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
