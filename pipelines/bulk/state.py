"""The durable layout of a bulk run's output, and how to read it back after any kind of stop.

Results are written in parts: `records/part-N.jsonl` (one AuditRecord or ErrorRecord per line)
and `findings/part-N.parquet` (one row per finding). A worker writes both files atomically,
then the ledger appends one line to `state/done.jsonl` naming the part and every report in it.
That line is the commit: a part without one is an orphan from a stopped run and is deleted on
resume, and its reports are processed again; a torn last line (a kill or a full disk in the
middle of an append) is cut off, so the whole part is redone, never half of it.

Reports are keyed by the sha256 of the bytes the worker read (`path:<relative path>` for an
entry with no readable bytes). This module holds the formats; it does no I/O of its own.
"""

from __future__ import annotations

import json
import re
from typing import Literal

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel, ValidationError

from extractor.record.schema import AuditRecord, ErrorRecord

# part-<worker incarnation>-<sequence>: unique without asking anyone; older runs used part-<n>.
PART_RE = re.compile(r"^part-([0-9a-f]+(?:-\d+)?)\.(jsonl|parquet)$")
RECORDS_DIR = "records"
FINDINGS_DIR = "findings"
STATE_DIR = "state"
JOURNAL = "state/done.jsonl"
MANIFEST = "manifest.json"


class DoneEntry(BaseModel):
    """One finished report, as committed in state/done.jsonl."""

    key: str
    path: str
    filename: str
    status: Literal["ok", "error"]
    reason: str | None = None
    pages: int = 0
    findings: int = 0


class Commit(BaseModel):
    """One journal line: a part and the reports it holds."""

    part: str
    run: str = ""
    reports: list[DoneEntry]


def entry_for(key: str, path: str, record: AuditRecord | ErrorRecord) -> DoneEntry:
    if isinstance(record, AuditRecord):
        return DoneEntry(
            key=key,
            path=path,
            filename=record.source.filename,
            status="ok",
            pages=record.source.page_count,
            findings=len(record.findings),
        )
    return DoneEntry(
        key=key, path=path, filename=record.filename, status="error", reason=record.error.reason
    )


def parse_journal(lines: list[str]) -> tuple[list[Commit], int]:
    """Read journal lines into commits; return them and the number of lines that were lost.

    Lines from older versions (one report per line, keyed `sha256`) are read as one-report
    commits. A line that two appends glued together (a torn one, then a whole one) gives back
    the whole one.
    """
    commits: list[Commit] = []
    lost = 0
    for line in lines:
        if not line.strip():
            continue
        commit = _parse_line(line)
        if commit is None:
            # Two appends glued together: the last complete object on the line is whole.
            starts = [m.start() for m in re.finditer(r"\{\"(part|sha256)\"", line)]
            commit = next((c for s in reversed(starts[1:]) if (c := _parse_line(line[s:]))), None)
            lost += 1
        if commit is not None:
            commits.append(commit)
    return commits, lost


def _parse_line(line: str) -> Commit | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        if "reports" in data:
            return Commit.model_validate(data)
        if "sha256" in data:  # the per-report journal of earlier versions
            entry = DoneEntry(
                key=data["sha256"],
                path=data.get("filename", ""),
                filename=data.get("filename", ""),
                status=data.get("status", "ok"),
                reason=data.get("reason"),
                pages=data.get("pages", 0),
                findings=data.get("findings", 0),
            )
            return Commit(part=data["part"], reports=[entry])
    except (ValidationError, KeyError, TypeError):
        return None
    return None


def part_of(filename: str) -> str | None:
    """`part-00012` for `part-00012.jsonl` or `.parquet`; None for anything else."""
    match = PART_RE.match(filename)
    return f"part-{match.group(1)}" if match else None


FINDINGS_SCHEMA = pa.schema(
    [
        ("report_id", pa.string()),
        ("filename", pa.string()),
        ("path", pa.string()),
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


def finding_rows(record: AuditRecord, path: str) -> list[dict]:
    """Flatten a record's findings for the Parquet table; `path` is relative to the input."""
    audit = record.audit
    return [
        {
            "report_id": record.report_id,
            "filename": record.source.filename,
            "path": path,
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


def part_files(
    results: list[tuple[DoneEntry, AuditRecord | ErrorRecord]],
) -> tuple[bytes, bytes]:
    """The bytes of a part: records JSONL and findings Parquet."""
    lines = [record.model_dump_json() for _entry, record in results]
    rows = [
        row
        for entry, record in results
        if isinstance(record, AuditRecord)
        for row in finding_rows(record, entry.path)
    ]
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=FINDINGS_SCHEMA), sink)
    return ("\n".join(lines) + "\n").encode("utf-8"), sink.getvalue().to_pybytes()
