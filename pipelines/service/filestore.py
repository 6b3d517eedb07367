"""The folder that holds uploaded PDFs, shared by the web process and every worker.

An upload is written to `tmp/` while it streams in, flushed to disk, and renamed into
`reports/<report id>/<file name>` only when it is complete and accepted: a rejected or broken
upload leaves nothing behind but a temporary file that is removed at once (or at the next
start, after a crash). Workers on other machines need the same folder (a shared file system).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
import uuid
from pathlib import Path

# Letters and digits of any script are kept: members name files in their own language.
SAFE_NAME = re.compile(r"[^\w.() +-]+")
MAX_NAME_LENGTH = 150
DEFAULT_NAME = "report.pdf"
STALE_TMP_S = 3600.0


def safe_filename(name: str | None) -> str:
    """Keep the last path segment of an uploaded file name, in characters safe on any disk."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = SAFE_NAME.sub("_", base).strip(" .")
    if not base:
        return DEFAULT_NAME
    if len(base) > MAX_NAME_LENGTH:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[: MAX_NAME_LENGTH - 10] + dot + suffix[:8]) if dot else base[:MAX_NAME_LENGTH]
    return base


class FileStore:
    """Uploaded PDFs under one root folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp_dir = root / "tmp"
        self.reports_dir = root / "reports"

    def prepare(self) -> None:
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self.reports_dir.mkdir(parents=True, exist_ok=True)

    def temp_path(self) -> Path:
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        return self.tmp_dir / f"upload-{uuid.uuid4().hex}.part"

    def commit(self, tmp: Path, report_id: str, filename: str) -> str:
        """Move a complete upload into place; return its path relative to the root."""
        folder = self.reports_dir / report_id
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / filename
        os.replace(tmp, target)
        _fsync_dir(folder)
        return str(target.relative_to(self.root))

    def path(self, relative: str) -> Path:
        return self.root / relative

    def delete_report(self, report_id: str) -> None:
        shutil.rmtree(self.reports_dir / report_id, ignore_errors=True)

    def remove_stale_temp_files(self, older_than_s: float = STALE_TMP_S) -> int:
        """Remove uploads a crash left half-written; return how many."""
        removed = 0
        now = time.time()
        for path in self.tmp_dir.glob("upload-*.part"):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > older_than_s:
                    path.unlink()
                    removed += 1
        return removed


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the directory entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
