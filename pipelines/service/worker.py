"""Job workers: claim a queued report, extract it in a killable child process, store the record.

A worker process loads the models once (in its `IsolatedExtractor` child, which is killed and
restarted on a timeout or crash, so a hostile PDF costs one error record, not the worker) and
renews its job's lease while extracting. `serve` starts `--workers N` of them; more can run on
other machines with `audit-extractor worker` against the same database and file store. A job
whose workers died `max_attempts` times becomes an E010 error record instead of a crash loop.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import threading

from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
from extractor.record.errors import E010, ReportError
from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.isolation import ExtractorSettings, IsolatedExtractor
from pipelines.service.context import ServiceContext, open_service
from pipelines.service.jobs import ClaimedJob, claim_next, finish, release, renew_lease
from pipelines.service.settings import ServiceSettings
from pipelines.service.webhooks import WebhookSender

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1


def extractor_settings(settings: ServiceSettings) -> ExtractorSettings:
    """The isolated extractor's settings; the memory cap is passed where isolation supports it."""
    wanted: dict = {
        "models_dir": settings.models_dir or DEFAULT_MODELS_DIR,
        "ocr": settings.ocr,
        "max_pages": settings.max_pages,
        "max_bytes": settings.max_upload_bytes,
        "max_memory_mb": settings.max_memory_mb,
    }
    fields = ExtractorSettings.model_fields
    return ExtractorSettings(**{k: v for k, v in wanted.items() if k in fields})


class LeaseKeeper(threading.Thread):
    """Renew a job's lease every third of its length while the job runs."""

    def __init__(self, context: ServiceContext, job: ClaimedJob) -> None:
        super().__init__(name=f"lease-{job.report_id}", daemon=True)
        self.context = context
        self.job = job
        self.done = threading.Event()
        self.lost = False

    def run(self) -> None:
        interval = max(self.context.settings.lease_s / 3, 0.2)
        while not self.done.wait(interval):
            try:
                if not renew_lease(self.context, self.job):
                    self.lost = True
                    return
            except Exception:  # noqa: BLE001 - retry at the next interval
                log.exception("renewing the lease of %s", self.job.report_id)

    def __enter__(self) -> LeaseKeeper:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.done.set()
        self.join()


class Worker:
    """One worker: a loop over claim → extract → finish."""

    def __init__(
        self,
        context: ServiceContext,
        worker_id: str | None = None,
        stopping: threading.Event | None = None,
    ) -> None:
        self.context = context
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}"
        self.stopping = stopping or threading.Event()
        self.extractor = IsolatedExtractor(
            extractor_settings(context.settings), context.settings.timeout_s
        )

    def run_once(self) -> bool:
        """Process one job; False when the queue was empty."""
        job = claim_next(self.context, self.worker_id)
        if job is None:
            return False
        self.process(job)
        return True

    def process(self, job: ClaimedJob) -> None:
        record: AuditRecord | ErrorRecord
        if job.attempts > self.context.settings.max_attempts:
            record = self._abandoned(job)
        else:
            with LeaseKeeper(self.context, job):
                record = self.extractor.extract(job.path)
            if self.stopping.is_set() and isinstance(record, ErrorRecord):
                # Ctrl-C reaches the extraction process too; the report is not at fault.
                release(self.context, job)
                log.info("report %s: back in the queue (shutting down)", job.report_id)
                return
        if finish(self.context, job, record, self.worker_id):
            log.info("report %s: %s", job.report_id, _outcome(record))
        else:
            log.warning("report %s: lease lost (deleted or taken over)", job.report_id)

    def _abandoned(self, job: ClaimedJob) -> ErrorRecord:
        times = job.attempts - 1
        err = ReportError(
            E010,
            name=job.path.name,
            detail=f"the worker processing it stopped {times} times without finishing",
        )
        record = Extractor(ocr=False).error_record(job.path, err)
        return record.model_copy(update={"extractor": self.extractor.info})

    def run_forever(self) -> None:
        stopping = self.stopping
        while not stopping.is_set():
            try:
                busy = self.run_once()
            except Exception:  # noqa: BLE001 - the database may be briefly unavailable
                log.exception("worker loop")
                busy = False
            if not busy:
                stopping.wait(self.context.settings.poll_interval_s)

    def close(self) -> None:
        self.extractor.close()


def _outcome(record: AuditRecord | ErrorRecord) -> str:
    if isinstance(record, ErrorRecord):
        return f"error {record.error.code}"
    return f"{len(record.findings)} findings"


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this process when the `serve` process that started it dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def worker_main(settings_json: str, parent_pid: int | None = None) -> None:
    """Entry point of a worker process (started by `serve`, or by `audit-extractor worker`)."""
    if parent_pid is not None:
        _die_with_parent(parent_pid)
    # A worker process logs its progress whatever the command line configured.
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s worker %(process)d %(levelname)s: %(message)s",
        force=True,
    )
    settings = ServiceSettings.model_validate_json(settings_json)
    stopping = threading.Event()

    def _stop(_signum: int, _frame: object) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, _stop)
    # The extraction process inherits an ignored SIGINT, so Ctrl-C in a terminal stops this
    # worker (below) without killing the report being extracted.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # `serve` migrated the database already; a stand-alone worker migrates it itself.
    context = open_service(settings, migrate=parent_pid is None)
    sender = WebhookSender(context)
    sender.start()
    worker = Worker(context, stopping=stopping)
    signal.signal(signal.SIGINT, _stop)
    log.info("worker %s ready", worker.worker_id)
    try:
        worker.run_forever()
    finally:
        sender.stop()
        worker.close()
        context.close()
