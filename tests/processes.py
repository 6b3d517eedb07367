"""Processes below a test's process, read from /proc (for the tests that watch OCR).

Not a test module: `test_bulk.py`, `test_bulk_faults.py` and `test_isolation.py` use it.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.limits import descendants


def tesseracts_below(pid: int) -> list[int]:
    """The tesseract processes running below `pid` (a process gone while looked at is not)."""
    found = []
    for child in descendants(pid):
        try:
            if b"tesseract" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found
