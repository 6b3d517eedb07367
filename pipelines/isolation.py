"""Extract one report at a time in a child process with a time limit and a memory cap.

`IsolatedExtractor(settings, timeout_s, max_memory_mb=...)` starts a child process that loads
the models once and serves one path at a time. Inside the child a `Watchdog` stops a report
that runs longer than `timeout_s` or holds more than `max_memory_mb` of resident memory (with
its tesseract children), and resource limits back it up. The parent keeps its own deadline and
watches the child's memory too, so a child that cannot even report is still killed. Whatever
happens the caller gets a record: an `AuditRecord`, or an `ErrorRecord` (E009 timeout, E012
memory limit, E010 the child died); a fresh child is started after any kill.

This is the API for the command line and the upload service's workers. It must stay light in
the parent: the models and the PDF libraries are imported only in the child.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing as mp
import os
import signal
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractor.heap import freeze_heap
from extractor.record.errors import E009, E010, E012, ErrorSpec, ReportError
from extractor.record.schema import AuditRecord, ErrorInfo, ErrorRecord, ExtractorInfo
from pipelines.limits import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT_S,
    Breach,
    Limits,
    Watchdog,
    apply_memory_rlimit,
    kill_descendants,
    peak_rss_mb,
    tree_rss_mb,
)

log = logging.getLogger(__name__)

# The parent gives the child's own watchdog this long to report before killing it blind.
PARENT_GRACE_S = 5.0
PARENT_POLL_S = 0.2
# The parent's memory check is a backstop: it fires only a little above the child's own cap.
PARENT_MEMORY_FACTOR = 1.25
START_TIMEOUT_S = 300.0
BREACH_EXIT_CODE = 86
__all__ = [
    "DEFAULT_MAX_MEMORY_MB",
    "DEFAULT_TIMEOUT_S",
    "ExtractorSettings",
    "IsolatedExtractor",
    "Limits",
    "breach_error",
    "error_record",
    "peak_rss_mb",
]


class ExtractorSettings(BaseModel):
    """How the child builds its `Extractor`: models folder, OCR, page and size limits.

    `ocr_workers` is how many pages of one report are OCR'd at once (None: the reader's default,
    up to two for a single upload).

    `max_memory_mb` is the memory cap of the extraction process (None: the default); an
    explicit `IsolatedExtractor(..., max_memory_mb=...)` wins over it.
    """

    models_dir: Path
    ocr: bool = True
    ocr_workers: int | None = None
    max_pages: int | None = None
    max_bytes: int | None = None
    max_memory_mb: int | None = None

    def load(self) -> Any:  # an extractor.pipeline.Extractor, imported only where it runs
        from extractor.pipeline import Extractor

        return Extractor.load(
            self.models_dir,
            ocr=self.ocr,
            ocr_workers=self.ocr_workers,
            max_pages=self.max_pages,
            max_bytes=self.max_bytes,
        )


def breach_error(breach: Breach, limits: Limits) -> ReportError:
    """The user-facing error for a report stopped by the watchdog."""
    if breach.kind == "memory":
        return ReportError(
            E012, name=breach.name, limit_mb=limits.max_memory_mb, stage=breach.stage
        )
    return ReportError(
        E009, name=breach.name, seconds=breach.seconds, stage=breach.stage, limit_s=limits.timeout_s
    )


def error_record(
    filename: str, err: ReportError, info: ExtractorInfo, *, sha256: str | None
) -> ErrorRecord:
    """An `ErrorRecord` for `filename`, without loading the extractor."""
    return ErrorRecord(
        report_id=sha256,
        filename=filename,
        error=ErrorInfo(code=err.code, reason=err.reason, message=str(err)),
        extractor=info,
    )


def file_sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def extract_guarded(extractor: Any, path: Path, limits: Limits) -> AuditRecord | ErrorRecord:
    """Extract `path` like `Extractor.extract_or_error`, but report a `MemoryError` as E012.

    The memory rlimit turns a huge allocation into `MemoryError`; it is the file's doing, not
    an internal error.
    """
    try:
        return extractor.extract(path)
    except ReportError as err:
        return extractor.error_record(path, err)
    except MemoryError:
        too_big = ReportError(
            E012, name=path.name, limit_mb=limits.max_memory_mb, stage="allocating memory"
        )
        return extractor.error_record(path, too_big)
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a run
        log.exception("internal error on %s", path)
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return extractor.error_record(path, ReportError(E010, name=path.name, detail=detail))


def _serve(settings: ExtractorSettings, limits: Limits, conn: Connection) -> None:
    # Its own process group, so the parent can end tesseract with it.
    with contextlib.suppress(OSError):
        os.setsid()
    extractor = settings.load()
    freeze_heap()  # the models stay for the process's life: no collection needs to scan them
    apply_memory_rlimit(limits.max_memory_mb)
    send_lock = threading.Lock()

    def stop(breach: Breach) -> None:
        kill_descendants()
        with send_lock:
            conn.send(("breach", breach.model_dump_json(), peak_rss_mb()))
        os._exit(BREACH_EXIT_CODE)

    watchdog = Watchdog(limits, stop)
    with send_lock:
        conn.send(("ready", extractor.info.model_dump_json(), peak_rss_mb()))
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return  # the parent went away (a service stopping): nothing left to answer
        if path is None:
            return
        with watchdog.watching(Path(path).name):
            record = extract_guarded(extractor, Path(path), limits)
        payload = (type(record).__name__, record.model_dump_json(), peak_rss_mb())
        with send_lock:
            conn.send(payload)


class IsolatedExtractor:
    """An `Extractor` in a killable child process, with a per-report timeout and memory cap.

    Use one per worker thread; `extract` never raises for a bad file and always returns within
    about `timeout_s` plus a few seconds. Close it (or use it as a context manager) when done.
    """

    def __init__(
        self,
        settings: ExtractorSettings,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        *,
        max_memory_mb: int | None = None,
    ) -> None:
        self.settings = settings
        cap = max_memory_mb or settings.max_memory_mb or DEFAULT_MAX_MEMORY_MB
        self.limits = Limits(timeout_s=timeout_s, max_memory_mb=cap)
        self.peak_child_mb = 0.0
        self._ctx = mp.get_context("spawn")
        self._proc: Any = None
        self._start()

    @property
    def timeout_s(self) -> float:
        return self.limits.timeout_s

    def __enter__(self) -> IsolatedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        self._conn, child_conn = self._ctx.Pipe()
        self._proc = self._ctx.Process(
            target=_serve, args=(self.settings, self.limits, child_conn), daemon=True
        )
        self._proc.start()
        child_conn.close()
        if not self._conn.poll(START_TIMEOUT_S):
            self._kill()
            raise RuntimeError("the extraction process did not start (models not loadable?)")
        try:
            _kind, info_json, peak = self._conn.recv()
        except (EOFError, OSError) as exc:
            self._kill()
            raise RuntimeError(f"the extraction process died while starting ({exc!r})") from exc
        self.info = ExtractorInfo.model_validate_json(info_json)
        self.peak_child_mb = max(self.peak_child_mb, peak)

    def _kill(self) -> None:
        if self._proc is None:
            return
        pid = self._proc.pid
        if pid is not None and self._proc.is_alive():
            kill_descendants(pid)
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)  # the child leads its own group
            with contextlib.suppress(OSError):
                self._proc.kill()
        self._proc.join()
        self._conn.close()

    def extract(self, path: Path) -> AuditRecord | ErrorRecord:
        """Extract `path`; a timeout, the memory cap or a crash gives an `ErrorRecord`."""
        path = Path(path)
        if self._proc is None:
            self._start()  # the previous child was killed; start its successor now
        self._conn.send(str(path))
        deadline = time.monotonic() + self.limits.timeout_s + PARENT_GRACE_S
        memory_backstop = self.limits.max_memory_mb * PARENT_MEMORY_FACTOR
        err: ReportError
        while True:
            try:
                ready = self._conn.poll(PARENT_POLL_S)
                if ready:
                    kind, payload, peak = self._conn.recv()
                    self.peak_child_mb = max(self.peak_child_mb, peak)
                    if kind == "breach":
                        err = breach_error(Breach.model_validate_json(payload), self.limits)
                        break
                    model = AuditRecord if kind == "AuditRecord" else ErrorRecord
                    return model.model_validate_json(payload)
            except (EOFError, OSError) as exc:
                err = self._death_error(path, exc)
                break
            if self._proc.pid is not None and tree_rss_mb(self._proc.pid) > memory_backstop:
                err = self._limit_error(E012, path, stage="processing the report")
                break
            if time.monotonic() > deadline:
                err = self._limit_error(E009, path, stage="processing the report")
                break
        self._kill()
        # The successor starts on the next call, so this answer is not delayed by model loading.
        self._proc = None
        return error_record(path.name, err, self.info, sha256=file_sha256(path))

    def _limit_error(self, spec: ErrorSpec, path: Path, *, stage: str) -> ReportError:
        if spec is E012:
            return ReportError(
                E012, name=path.name, limit_mb=self.limits.max_memory_mb, stage=stage
            )
        return ReportError(
            E009,
            name=path.name,
            seconds=self.limits.timeout_s + PARENT_GRACE_S,
            stage=f"{stage} (the process stopped responding)",
            limit_s=self.limits.timeout_s,
        )

    def _death_error(self, path: Path, exc: BaseException) -> ReportError:
        self._proc.join(timeout=2)
        code = self._proc.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        # A native library (pdfium, tesseract) crashing, or the kernel's out-of-memory killer.
        return ReportError(E010, name=path.name, detail=f"the extraction process died ({how})")

    def close(self) -> None:
        if self._proc is None:
            return
        if self._proc.is_alive():
            with contextlib.suppress(OSError):
                self._conn.send(None)
            self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._kill()
