"""`audit-extractor bulk`: import a folder (or a URI) of audit reports with Ray, resumably.

The driver only coordinates: it locks the output location, starts a ledger actor (the run's
state), a listing task that streams chunks of input names, and one extraction actor per worker,
then hands chunks to actors and resubmits a chunk whose actor died. It never reads, hashes or
lists the inputs itself and holds only references to the chunks in flight, so its cost stays
flat per file. Workers on any node read the inputs and write the outputs (records, findings,
state, manifest) to the output location; see `worker.py`, `ledger.py` and `state.py`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import queue
import resource
import sys
import threading
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import extractor
from extractor import __version__
from pipelines.bulk.inputs import ListingSummary, is_local, list_inputs, local_root
from pipelines.bulk.ledger import MAX_DEATHS, Ledger, RunCounts
from pipelines.bulk.progress import Progress
from pipelines.bulk.store import OutputLocked, StoreError, open_store
from pipelines.bulk.worker import BulkWorker, ChunkResult, WorkerConfig
from pipelines.isolation import ExtractorSettings
from pipelines.limits import DEFAULT_MAX_MEMORY_MB, Limits, peak_rss_mb

log = logging.getLogger(__name__)

# extractor.pipeline.DEFAULT_MODELS_DIR, without importing the PDF stack into the driver.
DEFAULT_MODELS_DIR = Path(extractor.__file__).resolve().parent.parent / "models"
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_CHUNK_SIZE = 4
# A chunk also ends once its files reach this many bytes: a long report is a few seconds of
# work on its own, and four of them in one chunk left the other workers idle (4 long reports,
# 2 workers: one chunk, 0.98x one worker). Small files still travel --chunk-size at a time.
CHUNK_BYTES = 32 * 1024
WORKER_CPUS = 1  # Ray CPUs per extraction actor
CHUNKS_PER_WORKER = 2  # in flight per actor at most: one running, one queued behind it
# An actor gets a second chunk queued behind its running one only once its chunks take less
# than this: queueing hides the round trip between chunks of small files, but a queued chunk of
# long reports is work another idle actor can no longer take at the end of a run.
QUEUE_BELOW_S = 1.0
# A chunk is given up after this many worker deaths beyond one per input (see ledger.MAX_DEATHS).
EXTRA_CHUNK_ATTEMPTS = 3
POLL_S = 0.5
LEASE_RENEW_S = 30.0


class BulkError(RuntimeError):
    """The run cannot go on; the message says why and what to do."""


class Summary(BaseModel):
    documents: int = 0
    pages: int = 0
    findings: int = 0
    errors_by_reason: dict[str, int] = {}
    skipped_already_done: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    docs_per_s: float = 0.0
    pages_per_s: float = 0.0
    worker_peak_mb: float = 0.0
    workers: dict[str, int] = {}
    chunks_given_up: int = 0
    startup_seconds: float = 0.0


def list_chunks(location: str, chunk_size: int, ledger: Any):  # noqa: ANN201 - a Ray generator
    """Ray task: stream the inputs as chunks; report the listing's counts to the ledger."""
    import ray

    summary = ListingSummary()
    chunk: list = []
    size = 0
    for item in list_inputs(location, summary):
        chunk.append(item)
        size += item.size
        if len(chunk) >= chunk_size or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
    ray.get(ledger.listing_done.remote(summary))


def start_ray(address: str | None, workers: int) -> None:
    import ray

    if ray.is_initialized():
        return
    quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
    if address:
        ray.init(address=address, **quiet)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, **quiet)


def _settings_for_manifest(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "input": str(args.input),
        "extractor_version": __version__,
        "models_dir": str(args.models),
        "settings": {
            "workers": args.workers,
            "address": args.address,
            "timeout_s": args.timeout,
            "max_memory_mb": args.max_memory_mb,
            "max_pages": args.max_pages,
            "max_mb": args.max_mb,
            "ocr": not args.no_ocr,
            "chunk_size": args.chunk_size,
        },
    }


class _Feeder:
    """Pull chunk references from the listing generator on a thread, a few ahead of need."""

    def __init__(self, generator: Any, ahead: int) -> None:
        self.chunks: queue.Queue[Any] = queue.Queue(maxsize=ahead)
        self.finished = threading.Event()
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(generator,), daemon=True)
        self._thread.start()

    def _run(self, generator: Any) -> None:
        try:
            for ref in generator:
                self.chunks.put(ref)
        except BaseException as exc:  # noqa: BLE001 - handed to the driver loop
            self.error = exc
        finally:
            self.finished.set()

    def take(self) -> Any | None:
        try:
            return self.chunks.get_nowait()
        except queue.Empty:
            return None

    def drained(self) -> bool:
        return self.finished.is_set() and self.chunks.empty()


def run_bulk(args: argparse.Namespace) -> Summary:
    """Run (or resume) the import described by `args`; return this run's summary."""
    import ray

    started = time.perf_counter()
    if args.models is None:
        args.models = DEFAULT_MODELS_DIR
    out = str(args.out)
    store = open_store(out)
    with store.lock():
        _probe_writable(store)
        start_ray(args.address, args.workers)
        run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + uuid.uuid4().hex[:6]
        ledger_cls = ray.remote(num_cpus=0, max_restarts=0)(Ledger)
        ledger_name = f"audit-extractor-bulk-ledger-{run_id}"
        ledger = ledger_cls.options(name=ledger_name).remote(
            out, run_id, _settings_for_manifest(args)
        )
        worker_cls = ray.remote(num_cpus=WORKER_CPUS, max_restarts=-1, max_task_retries=0)(
            BulkWorker
        )
        config = worker_config(args)
        workers = [
            worker_cls.remote(config.model_dump_json(), ledger_name) for _ in range(args.workers)
        ]
        try:
            _call(ray, ledger.write_manifest.remote("running"))
            lister = ray.remote(num_cpus=0)(list_chunks).options(
                num_returns="streaming",
                _generator_backpressure_num_objects=CHUNKS_PER_WORKER * args.workers + 2,
            )
            generator = lister.remote(str(args.input), args.chunk_size, ledger)
            given_up, first_done, ready_at = _dispatch(
                ray, workers, generator, store, chunk_size=args.chunk_size
            )
            # A worker that died between writing a part and committing it left an orphan.
            _call(ray, ledger.sweep_orphans.remote())
            counts: RunCounts = _call(ray, ledger.stats.remote())
            driver = {**driver_cost(), "workers_ready_at": ready_at}
            manifest = _call(ray, ledger.write_manifest.remote("finished", driver=driver))
        except BaseException:
            with contextlib.suppress(Exception):
                ray.get(ledger.write_manifest.remote("stopped"), timeout=30)
            raise
        finally:
            for handle in [*workers, ledger]:
                with contextlib.suppress(Exception):
                    ray.kill(handle)
    this_run = manifest["this_run"]
    return Summary(
        documents=counts.documents,
        pages=counts.pages,
        findings=counts.findings,
        errors_by_reason=counts.errors_by_reason,
        skipped_already_done=counts.skipped_already_done,
        duplicates=counts.duplicates,
        seconds=round(time.perf_counter() - started, 2),
        docs_per_s=this_run["docs_per_s"],
        pages_per_s=this_run["pages_per_s"],
        worker_peak_mb=counts.worker_peak_mb,
        workers=counts.workers,
        chunks_given_up=given_up,
        startup_seconds=round(first_done - started, 2) if first_done else 0.0,
    )


def worker_config(args: argparse.Namespace) -> WorkerConfig:
    """What every extraction actor of the run is built with."""
    return WorkerConfig(
        input=str(args.input),
        out=str(args.out),
        settings=ExtractorSettings(
            models_dir=args.models or DEFAULT_MODELS_DIR,
            ocr=not args.no_ocr,
            # An actor holds one CPU and the other actors use the rest: a scanned report's pages
            # are OCR'd one at a time, which also keeps one page's images in memory, not two.
            ocr_workers=WORKER_CPUS,
            max_pages=args.max_pages,
            max_bytes=int(args.max_mb * 1024 * 1024),
        ),
        limits=Limits(timeout_s=args.timeout, max_memory_mb=args.max_memory_mb),
    )


def _probe_writable(store: Any) -> None:
    store.ensure_dirs("records", "findings", "state")
    store.write_atomic("state/.probe", b"ok")
    store.delete("state/.probe")


def _call(ray: Any, ref: Any) -> Any:
    """`ray.get` that turns a StoreError raised in an actor into the driver's BulkError."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayTaskError as exc:
        cause = exc.as_instanceof_cause()
        if isinstance(cause, StoreError):
            raise BulkError(str(cause.args[0]) if cause.args else str(cause)) from None
        raise


def _dispatch(
    ray: Any, workers: list, generator: Any, store: Any, *, chunk_size: int
) -> tuple[int, float, float | None]:
    """Keep every actor fed with chunks until the listing is exhausted and all are done.

    Return the chunks given up, when the first chunk finished, and when (epoch seconds) every
    worker had loaded its models (None if the run ended first).
    """
    loading = [worker.describe.remote() for worker in workers]
    ready_at: float | None = None
    n_workers = len(workers)
    # Every worker death blames the report in hand, and the ledger gives a report up after
    # MAX_DEATHS: a chunk can only die so often before all its reports are recorded.
    max_attempts = chunk_size * MAX_DEATHS + EXTRA_CHUNK_ATTEMPTS
    feeder = _Feeder(generator, ahead=CHUNKS_PER_WORKER * n_workers)
    inflight: dict[Any, tuple[int, Any, int]] = {}  # task -> (actor, chunk ref, attempts)
    load = [0] * len(workers)
    # Chunks each actor may hold: one until its chunks prove short (see QUEUE_BELOW_S).
    depth = [1] * len(workers)
    retry: deque[tuple[Any, int]] = deque()
    progress = Progress(None)
    given_up = 0
    first_done = 0.0
    last_lease = time.monotonic()
    while True:
        while any(held < most for held, most in zip(load, depth, strict=True)):
            if retry:
                chunk, attempts = retry.popleft()
            else:
                chunk, attempts = feeder.take(), 0
                if chunk is None:
                    break
            actor = min((i for i in range(n_workers) if load[i] < depth[i]), key=load.__getitem__)
            task = workers[actor].process.remote(chunk)
            inflight[task] = (actor, chunk, attempts)
            load[actor] += 1
        if feeder.error is not None:
            raise BulkError(f"listing the input failed: {feeder.error}")
        if not inflight:
            if feeder.drained() and not retry:
                break
            time.sleep(0.05)
            continue
        ready, _ = ray.wait(list(inflight), num_returns=1, timeout=POLL_S)
        for task in ready:
            actor, chunk, attempts = inflight.pop(task)
            load[actor] -= 1
            try:
                result: ChunkResult = _call(ray, task)
            except (ray.exceptions.RayActorError, ray.exceptions.OutOfMemoryError) as exc:
                # The actor died (the watchdog ended it, a crash, a lost node): the restarted
                # actor, or another, redoes the chunk; the ledger skips what was committed.
                log.info("worker died, chunk resubmitted: %s", type(exc).__name__)
                if attempts + 1 > max_attempts:
                    given_up += 1
                else:
                    retry.append((chunk, attempts + 1))
                continue
            depth[actor] = CHUNKS_PER_WORKER if result.seconds < QUEUE_BELOW_S else 1
            if not first_done:
                first_done = time.perf_counter()
            progress.advance(result.documents, result.pages, result.errors)
        if ready_at is None and loading:
            started_workers, loading = ray.wait(loading, num_returns=len(loading), timeout=0)
            for ref in started_workers:
                _check_started(ray, ref)
            if not loading:
                ready_at = time.time()
        if hasattr(store, "renew_lease") and time.monotonic() - last_lease > LEASE_RENEW_S:
            store.renew_lease()
            last_lease = time.monotonic()
    progress.close()
    return given_up, first_done, ready_at


def _check_started(ray: Any, ref: Any) -> None:
    """Stop the run when a worker cannot even start (its constructor failed): retrying is futile."""
    try:
        ray.get(ref)
    except ray.exceptions.RayActorError as exc:
        # Only an exception raised by the constructor; a worker killed while loading restarts.
        if getattr(exc, "actor_init_failed", False):
            lines = [line for line in str(exc).splitlines() if line.strip()]
            raise BulkError(f"an extraction worker could not start: {lines[-1][:300]}") from None


def driver_cost() -> dict[str, float]:
    """CPU seconds and peak resident memory of this (driver) process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input", help="folder of PDF reports (searched recursively), or an s3:// gs:// hdfs:// URI"
    )
    parser.add_argument("--out", required=True, help="output folder or URI (resumable)")
    parser.add_argument("--address", default=None, help="Ray cluster address (default: local)")
    parser.add_argument("--workers", type=int, default=2, help="extraction actors (default 2)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help=f"seconds one report may take (default {DEFAULT_TIMEOUT_S:.0f})",
    )
    parser.add_argument(
        "--max-memory-mb",
        type=int,
        default=DEFAULT_MAX_MEMORY_MB,
        help=f"resident memory of a worker while it extracts (default {DEFAULT_MAX_MEMORY_MB})",
    )
    parser.add_argument("--max-pages", type=int, default=500, help="refuse longer reports")
    parser.add_argument("--max-mb", type=float, default=200.0, help="refuse larger files (MB)")
    parser.add_argument("--models", type=Path, default=None, help="models directory")
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR image-only pages")
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK_SIZE,
        help=f"inputs handed to a worker at a time (default {DEFAULT_CHUNK_SIZE})",
    )


def _check_args(args: argparse.Namespace) -> str | None:
    if args.workers < 1:
        return "--workers must be at least 1"
    if args.chunk_size < 1:
        return "--chunk-size must be at least 1"
    if args.timeout <= 0 or args.max_memory_mb <= 0:
        return "--timeout and --max-memory-mb must be positive"
    if is_local(str(args.input)) and not local_root(str(args.input)).is_dir():
        return f"{args.input} is not a folder"
    return None


def run(args: argparse.Namespace) -> int:
    problem = _check_args(args)
    if problem:
        print(f"bulk: {problem}", file=sys.stderr)
        return 2
    import ray

    ray_was_up = ray.is_initialized()
    try:
        return _run_and_report(args)
    finally:
        # Stopped here rather than by Ray's exit hook, which first sleeps half a second for
        # log lines this command never forwards (log_to_driver is off).
        if not ray_was_up and ray.is_initialized():
            stop_ray()


def stop_ray() -> None:
    """Stop the Ray instance this process started."""
    import ray

    # Ray stops its GCS before the autoscaler monitor, whose SIGTERM handler then reports to
    # the stopped GCS and is killed only after a second's grace (Ray 2.60: 1.0 of the 1.2-1.6
    # s `ray.shutdown` took). A local instance has nothing to autoscale: end the monitor first.
    node = getattr(ray._private.worker, "_global_node", None)  # noqa: SLF001 - no public handle
    if node is not None and node.head:
        with contextlib.suppress(Exception):
            node.kill_monitor(check_alive=False)
    ray.shutdown()


def _run_and_report(args: argparse.Namespace) -> int:
    try:
        summary = run_bulk(args)
    except OutputLocked as exc:
        print(f"bulk: {exc}", file=sys.stderr)
        return 3
    except (StoreError, BulkError) as exc:
        print(f"bulk: {exc}", file=sys.stderr)
        return 1
    errors = ", ".join(f"{k} {v}" for k, v in sorted(summary.errors_by_reason.items())) or "none"
    print(
        f"bulk: {summary.documents} documents, {summary.pages} pages, {summary.findings} findings "
        f"in {summary.seconds:.1f}s ({summary.docs_per_s:.2f} docs/s, "
        f"{summary.pages_per_s:.2f} pages/s); errors: {errors}; "
        f"skipped (already done) {summary.skipped_already_done}, duplicates {summary.duplicates}; "
        f"peak memory per worker {summary.worker_peak_mb:.0f} MB; output {args.out}",
        file=sys.stderr,
    )
    if summary.chunks_given_up:
        print(
            f"bulk: {summary.chunks_given_up} chunk(s) were given up after repeated worker "
            "deaths; re-run the same command to retry them",
            file=sys.stderr,
        )
        return 1
    return 0
