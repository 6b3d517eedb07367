"""Durable, resumable output of a bulk run.

Results are written in parts: `records/part-N.jsonl` (one AuditRecord or ErrorRecord per line)
and `findings/part-N.parquet` (one row per finding). A part is written to a temporary name and
renamed, then its reports are appended to `state/done.jsonl` and fsynced. A report is finished
only once it is in `done.jsonl`; a part that a killed run wrote but never recorded is deleted on
resume and its reports are processed again, so re-running never duplicates or loses a report.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from extractor.record.schema import AuditRecord, ErrorRecord

PART_RE = re.compile(r"^part-(\d{5})\.(jsonl|parquet)$")


class DoneEntry(BaseModel):
    """One finished report, as recorded in state/done.jsonl."""

    sha256: str
    filename: str
    status: str  # "ok" or "error"
    reason: str | None = None
    pages: int = 0
    findings: int = 0
    part: str


FINDINGS_SCHEMA = pa.schema(
    [
        ("report_id", pa.string()),
        ("filename", pa.string()),
        ("standard", pa.string()),
        ("country", pa.string()),
        ("audit_date", pa.string()),
        ("site_name", pa.string()),
        ("finding_id", pa.string()),
        ("kind", pa.string()),
        ("clause", pa.string()),
        ("topic", pa.string()),
        ("title", pa.string()),
        ("severity", pa.string()),
        ("description", pa.string()),
        ("evidence", pa.string()),
        ("corrective_action", pa.string()),
        ("due", pa.string()),
        ("page", pa.int32()),
        ("confidence", pa.float32()),
        ("ilo_codes", pa.list_(pa.string())),
        ("ilo_scores", pa.list_(pa.float32())),
        ("entities_json", pa.string()),
    ]
)


def finding_rows(record: AuditRecord) -> list[dict]:
    """Flatten a record's findings for the Parquet table."""
    audit = record.audit
    return [
        {
            "report_id": record.report_id,
            "filename": record.source.filename,
            "standard": audit.standard,
            "country": audit.country,
            "audit_date": audit.audit_date.isoformat() if audit.audit_date else None,
            "site_name": audit.site_name,
            "finding_id": f.finding_id,
            "kind": f.kind,
            "clause": f.clause,
            "topic": f.topic,
            "title": f.title,
            "severity": f.severity,
            "description": f.description,
            "evidence": f.evidence,
            "corrective_action": f.corrective_action,
            "due": f.due,
            "page": f.provenance.page,
            "confidence": f.confidence,
            "ilo_codes": [i.code for i in f.ilo_indicators],
            "ilo_scores": [i.score for i in f.ilo_indicators],
            "entities_json": json.dumps([e.model_dump() for e in f.entities]),
        }
        for f in record.findings
    ]


class RunState:
    """The output folder of a bulk run: finished reports and the parts that hold them."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.records_dir = out_dir / "records"
        self.findings_dir = out_dir / "findings"
        self.done_path = out_dir / "state" / "done.jsonl"
        for folder in (self.records_dir, self.findings_dir, self.done_path.parent):
            folder.mkdir(parents=True, exist_ok=True)
        self.done: dict[str, DoneEntry] = self._read_done()
        self.orphans_removed = self._remove_orphan_parts()
        self._next_part = 1 + max(
            (int(m.group(1)) for p in self._part_files() if (m := PART_RE.match(p.name))),
            default=0,
        )

    def _read_done(self) -> dict[str, DoneEntry]:
        done: dict[str, DoneEntry] = {}
        if self.done_path.exists():
            for line in self.done_path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = DoneEntry.model_validate_json(line)
                except ValueError:
                    continue  # a line torn by a kill mid-write: its part is an orphan
                done[entry.sha256] = entry
        return done

    def _part_files(self) -> list[Path]:
        return [*self.records_dir.iterdir(), *self.findings_dir.iterdir()]

    def _remove_orphan_parts(self) -> int:
        recorded = {entry.part for entry in self.done.values()}
        removed = 0
        for path in self._part_files():
            match = PART_RE.match(path.name)
            if match is None or f"part-{match.group(1)}" not in recorded:
                path.unlink()
                removed += 1
        return removed

    def commit(self, results: list[tuple[str, AuditRecord | ErrorRecord]]) -> list[DoneEntry]:
        """Write one part holding `results` (sha256, record) durably, then mark them done."""
        part = f"part-{self._next_part:05d}"
        self._next_part += 1
        lines, rows, entries = [], [], []
        for sha, record in results:
            lines.append(record.model_dump_json())
            if isinstance(record, AuditRecord):
                rows.extend(finding_rows(record))
                entry = DoneEntry(
                    sha256=sha,
                    filename=record.source.filename,
                    status="ok",
                    pages=record.source.page_count,
                    findings=len(record.findings),
                    part=part,
                )
            else:
                entry = DoneEntry(
                    sha256=sha,
                    filename=record.filename,
                    status="error",
                    reason=record.error.reason,
                    part=part,
                )
            entries.append(entry)
        _atomic_write_bytes(
            self.records_dir / f"{part}.jsonl", ("\n".join(lines) + "\n").encode("utf-8")
        )
        table = pa.Table.from_pylist(rows, schema=FINDINGS_SCHEMA)
        tmp = self.findings_dir / f".{part}.parquet.tmp"
        pq.write_table(table, tmp)
        _fsync_and_rename(tmp, self.findings_dir / f"{part}.parquet")
        with self.done_path.open("a", encoding="utf-8") as handle:
            for entry in entries:
                handle.write(entry.model_dump_json() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        for entry in entries:
            self.done[entry.sha256] = entry
        return entries


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    _fsync_and_rename(tmp, path)


def _fsync_and_rename(tmp: Path, path: Path) -> None:
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)
