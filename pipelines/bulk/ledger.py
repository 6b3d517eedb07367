"""The one writer of a bulk run's state: which reports are done, claimed, or duplicates.

Runs as a single Ray actor beside the extraction workers. On start it reads the journal and
deletes orphan parts. Workers ask it once per chunk which reports to extract (`claim_many`: go,
done, duplicate, or poisoned), say which one they start (`started`, without waiting) and
commit each part they wrote (`commit`), so two
files with the same bytes are extracted once, a chunk retried after a worker died skips what
was committed, and a report that killed two workers is recorded as an error instead of
killing a third. It also writes the manifest. It keeps small tuples per report, not records.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from pipelines.bulk.inputs import ListingSummary
from pipelines.bulk.state import (
    FINDINGS_DIR,
    JOURNAL,
    MANIFEST,
    RECORDS_DIR,
    STATE_DIR,
    Commit,
    DoneEntry,
    parse_journal,
    part_of,
)
from pipelines.bulk.store import open_store
from pipelines.limits import peak_rss_mb

# A report is given up (recorded as an error) after it was in hand when this many workers died.
MAX_DEATHS = 2


@dataclass
class _Claim:
    path: str
    worker: str
    since: float
    deaths: int = 0


@dataclass
class _Done:
    path: str
    status: str
    reason: str | None
    pages: int
    findings: int
    this_run: bool


class Verdict(BaseModel):
    """The ledger's answer to a claim."""

    action: str  # "go", "done", "duplicate", "poisoned"
    same_as: str | None = None
    deaths: int = 0
    seconds: float = 0.0


class RunCounts(BaseModel):
    documents: int = 0
    pages: int = 0
    findings: int = 0
    errors_by_reason: dict[str, int] = {}
    skipped_already_done: int = 0
    duplicates: int = 0
    worker_peak_mb: float = 0.0  # VmHWM of the worker process (resident, shared pages counted)
    worker_peak_pss_mb: float = 0.0  # highest PSS a worker showed when it committed a part
    workers: dict[str, int] = {}  # reports committed per worker node
    listing: ListingSummary | None = None
    orphan_parts_removed: int = 0
    journal_lines_repaired: int = 0


class Ledger:
    """State of one bulk run over one output location (use through `ray.remote`)."""

    def __init__(self, out: str, run_id: str, settings: dict[str, Any]) -> None:
        self.store = open_store(out)
        self.store.ensure_dirs(RECORDS_DIR, FINDINGS_DIR, STATE_DIR)
        self.run_id = run_id
        self.settings = settings
        self.started_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.started_clock = time.monotonic()
        self.started_epoch = time.time()
        self.counts = RunCounts()
        self.duplicates: list[dict[str, str]] = []
        self.done: dict[str, _Done] = {}
        self.claims: dict[str, _Claim] = {}
        self.current: dict[str, str] = {}  # worker -> the key it is extracting
        commits, lost = parse_journal(self.store.read_journal(JOURNAL))
        self.counts.journal_lines_repaired = lost
        self.committed_parts: set[str] = set()
        committed = self.committed_parts
        for commit in commits:
            committed.add(commit.part)
            for e in commit.reports:
                self.done[e.key] = _Done(e.path, e.status, e.reason, e.pages, e.findings, False)
        self.counts.orphan_parts_removed = self._remove_orphans(committed)

    def _remove_orphans(self, committed: set[str]) -> int:
        removed = 0
        for folder in (RECORDS_DIR, FINDINGS_DIR):
            for name in self.store.list(folder):
                if part_of(name) not in committed:
                    self.store.delete(f"{folder}/{name}")  # an uncommitted part, or a .tmp file
                    removed += 1
        return removed

    def claim_many(self, items: list[tuple[str, str]], worker: str) -> list[Verdict]:
        """For each (key, path) of a chunk: may `worker` extract it? One call per chunk."""
        return [self._claim(key, path, worker) for key, path in items]

    def claim(self, key: str, path: str, worker: str) -> Verdict:
        """Claim one report and mark it as the one `worker` is extracting now."""
        verdict = self._claim(key, path, worker)
        if verdict.action == "go":
            self.started(key, worker)
        return verdict

    def started(self, key: str, worker: str) -> None:
        """`worker` begins extracting `key` (sent without waiting for an answer)."""
        self.current[worker] = key
        claim = self.claims.get(key)
        if claim is not None:
            claim.since = time.monotonic()

    def release(self, key: str, worker: str) -> None:
        """`worker` will not extract `key` after all (its file changed after hashing)."""
        claim = self.claims.get(key)
        if claim is not None and claim.worker == worker:
            del self.claims[key]

    def _claim(self, key: str, path: str, worker: str) -> Verdict:
        done = self.done.get(key)
        if done is not None:
            if done.path != path:
                return self._duplicate(path, done.path)
            if not done.this_run:
                self.counts.skipped_already_done += 1
            return Verdict(action="done")
        claim = self.claims.get(key)
        now = time.monotonic()
        if claim is None:
            self.claims[key] = _Claim(path, worker, now)
            return Verdict(action="go")
        if claim.path != path:
            return self._duplicate(path, claim.path)
        if claim.worker != worker:
            # The chunk is retried because the worker holding it died. Blame this report only
            # if the worker died while extracting it (not before, nor after with the part
            # unwritten).
            seconds = 0.0
            if self.current.get(claim.worker) == key:
                claim.deaths += 1
                seconds = now - claim.since
            claim.worker, claim.since = worker, now
            if claim.deaths >= MAX_DEATHS:
                return Verdict(action="poisoned", deaths=claim.deaths, seconds=seconds)
        return Verdict(action="go")

    def _duplicate(self, path: str, same_as: str) -> Verdict:
        self.counts.duplicates += 1
        self.duplicates.append({"path": path, "same_as": same_as})
        return Verdict(action="duplicate", same_as=same_as)

    def commit(
        self,
        part: str,
        reports: list[DoneEntry],
        *,
        worker_node: str,
        peak_mb: float,
        pss_mb: float = 0.0,
    ) -> None:
        """Record `part` (already written) as holding `reports`: the durable step."""
        fresh = [e for e in reports if e.key not in self.done]
        line = Commit(part=part, run=self.run_id, reports=fresh).model_dump_json()
        self.store.append_journal(JOURNAL, line)  # raises StoreError on a full or read-only disk
        self.committed_parts.add(part)
        for e in fresh:
            self.done[e.key] = _Done(e.path, e.status, e.reason, e.pages, e.findings, True)
            self.claims.pop(e.key, None)
            self.counts.documents += 1
            self.counts.pages += e.pages
            self.counts.findings += e.findings
            if e.status == "error" and e.reason:
                reasons = self.counts.errors_by_reason
                reasons[e.reason] = reasons.get(e.reason, 0) + 1
        self.counts.workers[worker_node] = self.counts.workers.get(worker_node, 0) + len(fresh)
        self.counts.worker_peak_mb = max(self.counts.worker_peak_mb, peak_mb)
        self.counts.worker_peak_pss_mb = max(self.counts.worker_peak_pss_mb, pss_mb)

    def sweep_orphans(self) -> int:
        """Delete parts that a worker wrote but died before committing (call when all stopped)."""
        removed = self._remove_orphans(self.committed_parts)
        self.counts.orphan_parts_removed += removed
        return removed

    def listing_done(self, summary: ListingSummary) -> None:
        self.counts.listing = summary

    def stats(self) -> RunCounts:
        return self.counts

    def write_manifest(
        self, status: str, *, driver: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Write manifest.json (atomically) and return it; `driver` is the driver's own cost."""
        seconds = round(time.monotonic() - self.started_clock, 2)
        this_run = self.counts.model_dump()
        this_run["seconds"] = seconds
        this_run["docs_per_s"] = round(self.counts.documents / seconds, 3) if seconds else 0.0
        this_run["pages_per_s"] = round(self.counts.pages / seconds, 3) if seconds else 0.0
        if driver and driver.get("workers_ready_at"):
            # When every worker had loaded its models, from this run's start (as `seconds`).
            this_run["workers_ready_s"] = round(driver["workers_ready_at"] - self.started_epoch, 2)
        statuses = Counter(d.status for d in self.done.values())
        manifest = {
            "status": status,
            "run_id": self.run_id,
            "started_at": self.started_at,
            "updated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            **self.settings,
            "this_run": this_run,
            "all_runs": {
                "reports": len(self.done),
                "ok": statuses.get("ok", 0),
                "errors": statuses.get("error", 0),
                "errors_by_reason": dict(
                    Counter(d.reason for d in self.done.values() if d.status == "error")
                ),
                "pages": sum(d.pages for d in self.done.values()),
                "findings": sum(d.findings for d in self.done.values()),
            },
            "duplicates": self.duplicates,
            "cost": {"driver": driver or {}, "ledger_peak_rss_mb": round(peak_rss_mb(), 1)},
            "outputs": {
                "records": f"{RECORDS_DIR}/part-*.jsonl",
                "findings": f"{FINDINGS_DIR}/part-*.parquet",
                "state": JOURNAL,
            },
        }
        self.store.write_atomic(MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode())
        return manifest
