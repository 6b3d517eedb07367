"""Per-report limits inside the process that extracts: a wall-clock timeout and a memory cap.

A `Watchdog` thread checks the report being extracted every `CHECK_INTERVAL_S`: when it has run
longer than the timeout, or the process and its children (tesseract) hold more resident memory
than the cap, the watchdog hands a `Breach` (what happened, and in which stage) to its owner,
which records the error and ends the process. Resource limits set on the process are the
backstop for what a thread cannot see in time: `RLIMIT_DATA` turns a huge allocation into a
`MemoryError` at once, and `RLIMIT_CPU` ends a loop that holds the GIL so the watchdog never runs.

This module measures and stops; it must not import the extractor or Ray.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Literal

from pydantic import BaseModel, Field

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MAX_MEMORY_MB = 2048
CHECK_INTERVAL_S = 0.1
# The CPU backstop fires only when the watchdog thread could not (a loop that never releases
# the GIL): well after the wall-clock limit, so the watchdog's clearer message normally wins.
CPU_BACKSTOP_FACTOR = 2.0
CPU_BACKSTOP_MARGIN_S = 10.0
MB = 1024 * 1024

# In priority order: the first stage with a frame anywhere on the stack names what the
# extraction was doing (OCR calls pdfium to render, so "OCR" must win over "parsing").
STAGES: tuple[tuple[str, str], ...] = (
    ("extractor.reading.ocr", "reading scanned pages with OCR"),
    ("spacy", "tagging entities in the findings"),
    ("thinc", "tagging entities in the findings"),
    ("sklearn", "classifying the findings"),
    ("extractor.indicators", "tagging entities and ILO indicators"),
    ("extractor.findings", "finding the audit findings"),
    ("extractor.audit", "reading the audit details"),
    ("pdfminer", "parsing the PDF"),
    ("pdfplumber", "parsing the PDF"),
    ("pypdfium2", "parsing the PDF"),
    ("extractor.reading", "reading the PDF"),
)
UNKNOWN_STAGE = "processing the report"


class Limits(BaseModel):
    """What one report may use: wall-clock seconds and resident memory of the process."""

    timeout_s: float = Field(DEFAULT_TIMEOUT_S, gt=0)
    max_memory_mb: int = Field(DEFAULT_MAX_MEMORY_MB, gt=0)


class Breach(BaseModel):
    """A limit a report went over, and what the extraction was doing at the time."""

    kind: Literal["timeout", "memory"]
    name: str
    seconds: float
    rss_mb: float
    stage: str


def _proc_mb(path: str, field: str) -> float:
    """A kB figure `field` ('VmRSS:', 'Pss:') of a /proc file, in MB; 0 when the process is gone
    or /proc is unavailable."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` in MB (0 when it is gone or /proc is unavailable)."""
    return _proc_mb(f"/proc/{pid}/status", "VmRSS:")


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB; 0 where /proc is unavailable."""
    return _proc_mb("/proc/self/status", "VmHWM:")


def pss_mb(pid: int | str = "self") -> float:
    """Proportional set size of process `pid` (this one by default) in MB: shared pages split
    among their users."""
    return _proc_mb(f"/proc/{pid}/smaps_rollup", "Pss:")


def descendants(pid: int) -> list[int]:
    """Return the ids of every process below `pid` (children, grandchildren, ...)."""
    found: list[int] = []
    stack = [pid]
    while stack:
        parent = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                text = Path(f"/proc/{parent}/task/{tid}/children").read_text()
            except OSError:
                continue
            children = [int(c) for c in text.split()]
            found += children
            stack += children
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and all its descendants, in MB."""
    return rss_mb(pid) + sum(rss_mb(child) for child in descendants(pid))


def kill_descendants(pid: int | None = None) -> None:
    """SIGKILL every process below `pid` (default: this one), so no tesseract outlives us."""
    for child in descendants(os.getpid() if pid is None else pid):
        with contextlib.suppress(OSError):
            os.kill(child, signal.SIGKILL)


def stage_of(frame: FrameType | None) -> str:
    """Name, in plain words, the stage a stack of frames is in (see `STAGES`)."""
    modules: list[str] = []
    while frame is not None:
        modules.append(str(frame.f_globals.get("__name__", "")))
        frame = frame.f_back
    for prefix, stage in STAGES:
        if any(m == prefix or m.startswith(prefix + ".") for m in modules):
            return stage
    return UNKNOWN_STAGE


def _vm_data_bytes() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def apply_memory_rlimit(max_memory_mb: int) -> None:
    """Bound this process's data segment to what it holds now plus `max_memory_mb`.

    Call after the models are loaded. A single huge allocation then fails at once with
    `MemoryError` (inherited by tesseract too) instead of growing until the watchdog looks.
    """
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a killed extraction leaves no core
    limit = _vm_data_bytes() + max_memory_mb * MB
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def arm_cpu_backstop(timeout_s: float) -> None:
    """Let the kernel end this process if the next report burns CPU far past `timeout_s`."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    soft = int(used + CPU_BACKSTOP_FACTOR * timeout_s + CPU_BACKSTOP_MARGIN_S)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


class Watchdog:
    """A daemon thread that reports a `Breach` when the watched report exceeds its `Limits`.

    `on_breach` runs on the watchdog thread while the extraction is still stuck; it should
    record the error and end the process (it must not return control to the extraction).
    """

    def __init__(self, limits: Limits, on_breach: Callable[[Breach], None]) -> None:
        self.limits = limits
        self.on_breach = on_breach
        self._lock = threading.Lock()
        self._watched: tuple[str, float, int] | None = None  # name, start, thread id
        self._thread = threading.Thread(target=self._run, name="extraction-watchdog", daemon=True)
        self._thread.start()

    @contextlib.contextmanager
    def watching(self, name: str) -> Iterator[None]:
        """Watch the calling thread while it extracts the report `name`."""
        arm_cpu_backstop(self.limits.timeout_s)
        with self._lock:
            self._watched = (name, time.monotonic(), threading.get_ident())
        try:
            yield
        finally:
            with self._lock:
                self._watched = None

    def stage(self) -> str:
        """What the watched thread is doing now (or UNKNOWN_STAGE)."""
        with self._lock:
            watched = self._watched
        if watched is None:
            return UNKNOWN_STAGE
        return stage_of(sys._current_frames().get(watched[2]))

    def _run(self) -> None:
        pid = os.getpid()
        while True:
            time.sleep(CHECK_INTERVAL_S)
            with self._lock:
                watched = self._watched
            if watched is None:
                continue
            name, started, thread_id = watched
            elapsed = time.monotonic() - started
            memory = tree_rss_mb(pid)
            kind: Literal["timeout", "memory"] | None = None
            if memory > self.limits.max_memory_mb:
                kind = "memory"
            elif elapsed > self.limits.timeout_s:
                kind = "timeout"
            if kind is None:
                continue
            with self._lock:
                if self._watched != watched:
                    continue  # the report finished just now
                stage = stage_of(sys._current_frames().get(thread_id))
            self.on_breach(
                Breach(kind=kind, name=name, seconds=elapsed, rss_mb=memory, stage=stage)
            )
            return
