"""`audit-extractor bulk`: import a folder of audit reports with Ray Data, resumably.

Each Ray actor starts one isolated extraction process that loads the spaCy pipeline and the
classifier once, then extracts reports one at a time with a per-document timeout. The driver
streams results into durable parts (see `pipelines/bulk/state.py`), so a killed run resumes
where it stopped: reports are keyed by the sha256 of their bytes, finished ones are skipped, and
the same file under two names is processed once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from extractor import __version__
from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
from extractor.record.errors import E001, ReportError
from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.bulk.progress import Progress
from pipelines.bulk.state import RunState
from pipelines.isolation import ExtractorSettings, IsolatedExtractor, peak_rss_mb

log = logging.getLogger(__name__)

FLUSH_EVERY = 8  # reports per durable part: the most a kill can make us redo per worker
FLUSH_SECONDS = 15.0


class InputFile(BaseModel):
    path: str
    filename: str
    sha256: str


def discover(input_dir: Path) -> list[Path]:
    """All PDFs under `input_dir` (any case of the suffix), in a stable order."""
    return sorted(p for p in input_dir.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ExtractBatch:
    """Ray Data callable class: one per actor, models loaded once in its isolated process."""

    def __init__(self, settings: dict, timeout_s: float) -> None:
        self.worker = IsolatedExtractor(ExtractorSettings(**settings), timeout_s)

    def __call__(self, batch: dict) -> dict:
        records, peaks = [], []
        for path in batch["path"]:
            record = self.worker.extract(Path(path))
            records.append(record.model_dump_json())
            # Peak memory of this worker: the actor plus its extraction process.
            peaks.append(peak_rss_mb() + self.worker.peak_child_mb)
        return {
            "sha256": list(batch["sha256"]),
            "record": records,
            "worker_peak_mb": peaks,
        }


def parse_record(payload: str) -> AuditRecord | ErrorRecord:
    data = json.loads(payload)
    return ErrorRecord.model_validate(data) if "error" in data else AuditRecord.model_validate(data)


def start_ray(address: str | None, workers: int) -> None:
    import ray

    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    else:
        ray.init(
            num_cpus=workers,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # ours reports pages/s, which Ray's cannot know
    context.print_on_execution_start = False


def stream_results(inputs: list[InputFile], args: argparse.Namespace):  # noqa: ANN201
    """Yield (sha256, record, worker peak MB) as the actor pool finishes reports."""
    import ray

    settings = {
        "models_dir": str(args.models),
        "ocr": not args.no_ocr,
        "max_pages": args.max_pages,
        "max_bytes": int(args.max_mb * 1024 * 1024),
    }
    dataset = ray.data.from_items(
        [item.model_dump() for item in inputs], override_num_blocks=len(inputs)
    )
    processed = dataset.map_batches(
        ExtractBatch,
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=args.workers),
        fn_constructor_kwargs={"settings": settings, "timeout_s": args.timeout},
        num_cpus=1,
        batch_format="numpy",
    )
    for row in processed.iter_rows():
        yield row["sha256"], parse_record(row["record"]), float(row["worker_peak_mb"])


def input_files(paths: list[Path], state: RunState) -> tuple[list[InputFile], list, list]:
    """Hash every file; split into pending, duplicates, and unreadable (error records)."""
    pending, duplicates, unreadable, seen = [], [], [], {}
    for path in paths:
        try:
            sha = sha256_of(path)
        except OSError as exc:
            unreadable.append((path, ReportError(E001, path=f"{path} ({exc.strerror})")))
            continue
        if sha in seen:
            duplicates.append({"path": str(path), "same_as": seen[sha]})
            continue
        seen[sha] = str(path)
        if sha not in state.done:
            pending.append(InputFile(path=str(path), filename=path.name, sha256=sha))
    return pending, duplicates, unreadable


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


def run_bulk(args: argparse.Namespace) -> Summary:
    started = time.perf_counter()
    started_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    state = RunState(args.out)
    paths = discover(args.input_dir)
    pending, duplicates, unreadable = input_files(paths, state)
    summary = Summary(
        skipped_already_done=len(paths) - len(pending) - len(duplicates) - len(unreadable),
        duplicates=len(duplicates),
    )
    write_manifest(args, state, summary, started_at, status="running", duplicates=duplicates)
    print(
        f"bulk: {len(paths)} PDFs in {args.input_dir}; {len(pending)} to process, "
        f"{summary.skipped_already_done} already done, {len(duplicates)} duplicates",
        file=sys.stderr,
    )
    errors: Counter[str] = Counter()
    progress = Progress(len(pending) + len(unreadable))
    buffer: list[tuple[str, AuditRecord | ErrorRecord]] = []
    last_flush = time.perf_counter()

    def account(record: AuditRecord | ErrorRecord) -> None:
        if isinstance(record, AuditRecord):
            summary.pages += record.source.page_count
            summary.findings += len(record.findings)
        else:
            errors[record.error.reason] += 1
        summary.documents += 1
        pages = record.source.page_count if isinstance(record, AuditRecord) else 0
        progress.update(pages, error=isinstance(record, ErrorRecord))

    for path, err in unreadable:
        record = Extractor(ocr=False).error_record(path, err)
        account(record)
        buffer.append((f"unreadable:{path}", record))
    if pending:
        start_ray(args.address, args.workers)
        for sha, record, peak in stream_results(pending, args):
            summary.worker_peak_mb = max(summary.worker_peak_mb, peak)
            account(record)
            buffer.append((sha, record))
            if len(buffer) >= FLUSH_EVERY or time.perf_counter() - last_flush > FLUSH_SECONDS:
                state.commit(buffer)
                buffer, last_flush = [], time.perf_counter()
    if buffer:
        state.commit(buffer)
    summary.errors_by_reason = dict(errors)
    summary.seconds = round(time.perf_counter() - started, 2)
    summary.docs_per_s = round(summary.documents / summary.seconds, 3) if summary.seconds else 0
    summary.pages_per_s = round(summary.pages / summary.seconds, 3) if summary.seconds else 0
    write_manifest(args, state, summary, started_at, status="finished", duplicates=duplicates)
    return summary


def write_manifest(
    args: argparse.Namespace,
    state: RunState,
    summary: Summary,
    started_at: str,
    *,
    status: str,
    duplicates: list,
) -> None:
    totals = Counter(entry.status for entry in state.done.values())
    manifest = {
        "status": status,
        "started_at": started_at,
        "updated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "input_dir": str(args.input_dir),
        "extractor_version": __version__,
        "models_dir": str(args.models),
        "settings": {
            "workers": args.workers,
            "address": args.address,
            "timeout_s": args.timeout,
            "max_pages": args.max_pages,
            "max_mb": args.max_mb,
            "ocr": not args.no_ocr,
        },
        "this_run": summary.model_dump(),
        "all_runs": {
            "reports": len(state.done),
            "ok": totals.get("ok", 0),
            "errors": totals.get("error", 0),
            "errors_by_reason": dict(
                Counter(e.reason for e in state.done.values() if e.status == "error")
            ),
            "pages": sum(e.pages for e in state.done.values()),
            "findings": sum(e.findings for e in state.done.values()),
        },
        "duplicates": duplicates,
        "outputs": {
            "records": "records/part-*.jsonl",
            "findings": "findings/part-*.parquet",
            "state": "state/done.jsonl",
        },
    }
    tmp = args.out / ".manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.out / "manifest.json")


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input_dir", type=Path, help="folder of PDF reports (searched recursively)")
    parser.add_argument("--out", type=Path, required=True, help="output folder (resumable)")
    parser.add_argument("--address", default=None, help="Ray cluster address (default: local)")
    parser.add_argument("--workers", type=int, default=2, help="extraction actors (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per document")
    parser.add_argument("--max-pages", type=int, default=500, help="refuse longer reports")
    parser.add_argument("--max-mb", type=float, default=200.0, help="refuse larger files (MB)")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS_DIR)
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR image-only pages")


def run(args: argparse.Namespace) -> int:
    if not args.input_dir.is_dir():
        print(f"bulk: {args.input_dir} is not a folder", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("bulk: --workers must be at least 1", file=sys.stderr)
        return 2
    summary = run_bulk(args)
    errors = ", ".join(f"{k} {v}" for k, v in sorted(summary.errors_by_reason.items())) or "none"
    print(
        f"bulk: {summary.documents} documents, {summary.pages} pages, {summary.findings} findings "
        f"in {summary.seconds:.1f}s ({summary.docs_per_s:.2f} docs/s, "
        f"{summary.pages_per_s:.2f} pages/s); errors: {errors}; "
        f"skipped (already done) {summary.skipped_already_done}, duplicates {summary.duplicates}; "
        f"peak memory per worker {summary.worker_peak_mb:.0f} MB; output {args.out}",
        file=sys.stderr,
    )
    return 0
