"""A one-line progress display for bulk runs: documents and pages per second, errors so far."""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_SECONDS = 0.5
LOG_SECONDS = 10.0


class Progress:
    """Redraws in place on a terminal; prints a line every few seconds when logging to a file.

    `total` may be None: inputs are listed while the run goes, so the total is not known yet.
    """

    def __init__(self, total: int | None, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.stream = stream
        self.docs = self.pages = self.errors = 0
        self.started = time.perf_counter()
        self._interactive = stream.isatty()
        self._last_draw = 0.0
        self._drawn = False

    def update(self, pages: int, error: bool) -> None:
        self.advance(1, pages, int(error))

    def advance(self, docs: int, pages: int, errors: int) -> None:
        self.docs += docs
        self.pages += pages
        self.errors += errors
        now = time.perf_counter()
        interval = REDRAW_SECONDS if self._interactive else LOG_SECONDS
        if now - self._last_draw >= interval or self.docs == self.total:
            self._last_draw = now
            self._draw(now)

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self._drawn or self.docs:
            self._draw(time.perf_counter(), final=True)

    def _draw(self, now: float, final: bool = False) -> None:
        elapsed = max(now - self.started, 1e-9)
        if self.total:
            width = 24
            filled = min(width, int(width * self.docs / self.total))
            head = f"[{'#' * filled}{'-' * (width - filled)}] {self.docs}/{self.total} docs"
        else:
            head = f"{self.docs} docs"
        line = (
            f"{head}  {self.docs / elapsed:.2f} docs/s  "
            f"{self.pages / elapsed:.1f} pages/s  errors {self.errors}  {elapsed:.0f}s"
        )
        end = "\n" if final or not self._interactive else ""
        self.stream.write(("\r" if self._interactive else "") + line + end)
        self.stream.flush()
        self._drawn = True
