"""One extraction worker of a bulk run: a Ray actor that is also the extraction process.

The actor loads the models once and works through chunks of inputs: fetch the bytes (hashing
them), ask the ledger whether to extract, extract under a `Watchdog`, and write durable parts
to the output location itself. There is no second process per worker: when a report goes over
the time limit or the memory cap, the watchdog commits everything the worker holds plus an
error record for that report, then ends the actor. Ray restarts it and the driver resubmits the
chunk; the ledger makes the retry skip what was committed, so every report lands exactly once.

The actor imports only what extraction needs; it must not import the training code or Ray Data.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
import time
import uuid
from pathlib import Path

import ray
from pydantic import BaseModel

from extractor.heap import freeze_heap
from extractor.record.errors import E009, E010, ReportError
from extractor.record.schema import AuditRecord, ErrorRecord, ExtractorInfo
from pipelines.bulk.inputs import Fetched, InputFile, fetch_input, hash_input
from pipelines.bulk.ledger import Verdict
from pipelines.bulk.state import FINDINGS_DIR, RECORDS_DIR, DoneEntry, entry_for, part_files
from pipelines.bulk.store import open_store
from pipelines.isolation import ExtractorSettings, breach_error, error_record, extract_guarded
from pipelines.limits import (
    Breach,
    Limits,
    Watchdog,
    apply_memory_rlimit,
    kill_descendants,
    peak_rss_mb,
    pss_mb,
)

FLUSH_EVERY = 16  # reports per part at most: what a killed worker can make us redo
FLUSH_SECONDS = 15.0
# How long the watchdog waits for the worker's part lock before ending the actor regardless.
BREACH_LOCK_S = 10.0


class WorkerConfig(BaseModel):
    input: str
    out: str
    settings: ExtractorSettings
    limits: Limits


class ChunkResult(BaseModel):
    documents: int = 0
    pages: int = 0
    errors: int = 0
    seconds: float = 0.0  # the chunk's time in the actor, committing included


class WorkerInfo(BaseModel):
    node: str
    pid: int
    load_seconds: float
    extractor: ExtractorInfo


class BulkWorker:
    """Extracts chunks of inputs and commits them; one per CPU slot (use through `ray.remote`)."""

    def __init__(self, config_json: str, ledger_name: str) -> None:
        started = time.perf_counter()
        # JSON, not a pickled object: small enough to travel inline with the actor's creation,
        # so Ray can always restart the actor from it.
        config = WorkerConfig.model_validate_json(config_json)
        self.config = config
        # Looked up by name: a handle among the arguments would make Ray keep them in the object
        # store, from where a restart could fail to fetch them.
        self.ledger = ray.get_actor(ledger_name)
        self.worker_id = uuid.uuid4().hex[:12]  # one per incarnation: a restart is a new worker
        self.node = ray.get_runtime_context().get_node_id()[:12]
        self.store = open_store(config.out)
        self.extractor = config.settings.load()
        self.info = self.extractor.info
        freeze_heap()  # the models stay for the actor's life: no collection needs to scan them
        apply_memory_rlimit(config.limits.max_memory_mb)
        self.load_seconds = time.perf_counter() - started
        self._lock = threading.Lock()
        self._buffer: list[tuple[DoneEntry, AuditRecord | ErrorRecord]] = []
        self._last_flush = time.monotonic()
        self._parts = 0
        self._current: tuple[InputFile, Fetched] | None = None
        self.watchdog = Watchdog(config.limits, self._stop_on_breach)

    def describe(self) -> WorkerInfo:
        return WorkerInfo(
            node=self.node, pid=os.getpid(), load_seconds=self.load_seconds, extractor=self.info
        )

    def process(self, chunk: list[InputFile]) -> ChunkResult:
        """Extract every input of `chunk` not yet done, and commit them before returning."""
        started = time.perf_counter()
        result = ChunkResult()
        keys = [hash_input(self.config.input, item) or f"path:{item.rel}" for item in chunk]
        # One round trip per chunk, not per report: the ledger is shared by every worker.
        verdicts = ray.get(
            self.ledger.claim_many.remote(
                [(key, item.rel) for key, item in zip(keys, chunk, strict=True)], self.worker_id
            )
        )
        with tempfile.TemporaryDirectory(prefix="bulk-") as scratch:
            for item, key, verdict in zip(chunk, keys, verdicts, strict=True):
                if verdict.action in ("done", "duplicate"):
                    continue
                record = self._one(item, key, verdict, Path(scratch))
                if record is not None:
                    result.documents += 1
                    if isinstance(record, AuditRecord):
                        result.pages += record.source.page_count
                    else:
                        result.errors += 1
        with self._lock:
            self._flush()
        result.seconds = time.perf_counter() - started
        return result

    def _one(
        self, item: InputFile, key: str, verdict: Verdict, scratch: Path
    ) -> AuditRecord | ErrorRecord | None:
        if verdict.action == "poisoned":
            sha = None if key.startswith("path:") else key
            err = self._poisoned_error(item, verdict.seconds)
            record: AuditRecord | ErrorRecord = error_record(item.name, err, self.info, sha256=sha)
            return self._keep(key, item, record)
        fetched = fetch_input(
            self.config.input, item, scratch, max_bytes=self.config.settings.max_bytes
        )
        try:
            read_key = fetched.sha256 or f"path:{item.rel}"
            if read_key != key:
                # The file changed between hashing and reading: the bytes read are the report.
                self.ledger.release.remote(key, self.worker_id)
                verdict = ray.get(self.ledger.claim.remote(read_key, item.rel, self.worker_id))
                if verdict.action in ("done", "duplicate"):
                    return None
                key = read_key
            else:
                self.ledger.started.remote(key, self.worker_id)  # ordered; no need to wait
            if fetched.error is not None or fetched.local is None:
                err = fetched.error or ReportError(E010, name=item.name, detail="not read")
                record = self._error(item, fetched, err)
            else:
                self._current = (item, fetched)
                with self.watchdog.watching(item.name):
                    record = extract_guarded(self.extractor, fetched.local, self.config.limits)
                self._current = None
        finally:
            if fetched.local is not None:
                fetched.local.unlink(missing_ok=True)
        return self._keep(key, item, record)

    def _keep(
        self, key: str, item: InputFile, record: AuditRecord | ErrorRecord
    ) -> AuditRecord | ErrorRecord:
        with self._lock:
            self._buffer.append((entry_for(key, item.rel, record), record))
            if (
                len(self._buffer) >= FLUSH_EVERY
                or time.monotonic() - self._last_flush > FLUSH_SECONDS
            ):
                self._flush()
        return record

    def _poisoned_error(self, item: InputFile, seconds: float) -> ReportError:
        limits = self.config.limits
        if seconds >= limits.timeout_s:
            # The kernel's CPU-time backstop ended the worker: the watchdog could not run.
            return ReportError(
                E009,
                name=item.name,
                seconds=seconds,
                stage="processing the report (it held the interpreter so the watchdog could "
                "not run)",
                limit_s=limits.timeout_s,
            )
        detail = (
            "the extraction worker died twice while reading it: a crash in a native library, or "
            "the system ran out of memory"
        )
        return ReportError(E010, name=item.name, detail=detail)

    def _error(self, item: InputFile, fetched: Fetched, err: ReportError) -> ErrorRecord:
        return error_record(item.name, err, self.info, sha256=fetched.sha256)

    def _flush(self) -> None:
        """Write the buffered results as one part and commit it (caller holds the lock)."""
        self._last_flush = time.monotonic()
        if not self._buffer:
            return
        results, self._buffer = self._buffer, []
        self._parts += 1
        part = f"part-{self.worker_id}-{self._parts:05d}"
        records, findings = part_files(results)
        self.store.write_atomic(f"{RECORDS_DIR}/{part}.jsonl", records)
        self.store.write_atomic(f"{FINDINGS_DIR}/{part}.parquet", findings)
        ray.get(
            self.ledger.commit.remote(
                part,
                [entry for entry, _ in results],
                worker_node=self.node,
                peak_mb=peak_rss_mb(),
                pss_mb=pss_mb(),
            )
        )

    def _stop_on_breach(self, breach: Breach) -> None:
        """Watchdog thread: commit the error and what we hold, then end this actor."""
        try:
            current = self._current
            if current is not None and self._lock.acquire(timeout=BREACH_LOCK_S):
                try:
                    item, fetched = current
                    err = breach_error(breach, self.config.limits)
                    record = self._error(item, fetched, err)
                    key = fetched.sha256 or f"path:{item.rel}"
                    self._buffer.append((entry_for(key, item.rel, record), record))
                    self._flush()
                finally:
                    self._lock.release()
        finally:
            kill_descendants()
            with contextlib.suppress(OSError):
                os.kill(os.getpid(), signal.SIGKILL)
