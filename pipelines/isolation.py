"""Run extractions in a child process that can be killed when a document takes too long.

Python threads cannot be stopped, and a PDF that sends pdfminer into a loop would otherwise hold
a Ray worker for ever. The child loads the models once and serves one path at a time; on timeout
or crash it is killed and a fresh one started, and the document becomes an error record.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
from multiprocessing.connection import Connection
from pathlib import Path

from pydantic import BaseModel

from extractor.pipeline import Extractor
from extractor.record.errors import E009, E010, ReportError
from extractor.record.schema import AuditRecord, ErrorRecord, ExtractorInfo


class ExtractorSettings(BaseModel):
    models_dir: Path
    ocr: bool = True
    max_pages: int | None = None
    max_bytes: int | None = None

    def load(self) -> Extractor:
        return Extractor.load(
            self.models_dir, ocr=self.ocr, max_pages=self.max_pages, max_bytes=self.max_bytes
        )


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB; 0 where /proc is unavailable."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _serve(settings: ExtractorSettings, conn: Connection) -> None:
    extractor = settings.load()
    conn.send(("ready", extractor.info.model_dump_json(), peak_rss_mb()))
    while True:
        path = conn.recv()
        if path is None:
            return
        record = extractor.extract_or_error(Path(path))
        conn.send((type(record).__name__, record.model_dump_json(), peak_rss_mb()))


class IsolatedExtractor:
    """An `Extractor` in a killable child process, with a per-document timeout."""

    def __init__(self, settings: ExtractorSettings, timeout_s: float) -> None:
        self.settings = settings
        self.timeout_s = timeout_s
        self.peak_child_mb = 0.0
        self._ctx = mp.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self._conn, child_conn = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(self.settings, child_conn), daemon=True)
        self._proc.start()
        child_conn.close()
        _kind, info_json, peak = self._conn.recv()
        self.info = ExtractorInfo.model_validate_json(info_json)
        self.peak_child_mb = max(self.peak_child_mb, peak)

    def _restart(self) -> None:
        self._proc.kill()
        self._proc.join()
        self._conn.close()
        self._start()

    def extract(self, path: Path) -> AuditRecord | ErrorRecord:
        """Extract `path`, or return an error record if it times out or kills the child."""
        self._conn.send(str(path))
        try:
            if self._conn.poll(self.timeout_s):
                kind, payload, peak = self._conn.recv()
                self.peak_child_mb = max(self.peak_child_mb, peak)
                model = AuditRecord if kind == "AuditRecord" else ErrorRecord
                return model.model_validate_json(payload)
            err = ReportError(E009, name=path.name, seconds=self.timeout_s)
        except (EOFError, OSError) as exc:
            # The child died (out of memory, a crash in a native library): only this file fails.
            err = ReportError(E010, name=path.name, detail=f"worker process died ({exc!r})")
        self._restart()
        return (
            Extractor(ocr=False).error_record(path, err).model_copy(update={"extractor": self.info})
        )

    def close(self) -> None:
        if self._proc.is_alive():
            with contextlib.suppress(OSError):
                self._conn.send(None)
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.kill()
