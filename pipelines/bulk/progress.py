"""A one-line progress display for bulk runs: documents and pages per second, errors so far."""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_SECONDS = 0.5
LOG_SECONDS = 10.0


class Progress:
    """Redraws in place on a terminal; prints a line every few seconds when logging to a file."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.stream = stream
        self.docs = self.pages = self.errors = 0
        self.started = time.perf_counter()
        self._interactive = stream.isatty()
        self._last_draw = 0.0

    def update(self, pages: int, error: bool) -> None:
        self.docs += 1
        self.pages += pages
        self.errors += int(error)
        now = time.perf_counter()
        interval = REDRAW_SECONDS if self._interactive else LOG_SECONDS
        if now - self._last_draw >= interval or self.docs == self.total:
            self._last_draw = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        width = 24
        filled = int(width * self.docs / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        line = (
            f"[{bar}] {self.docs}/{self.total} docs  {self.docs / elapsed:.2f} docs/s  "
            f"{self.pages / elapsed:.1f} pages/s  errors {self.errors}  {elapsed:.0f}s"
        )
        end = "" if self._interactive and self.docs < self.total else "\n"
        self.stream.write(("\r" if self._interactive else "") + line + end)
        self.stream.flush()
