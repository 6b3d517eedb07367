"""A record's findings as CSV: one row per finding, spreadsheet-safe.

Finding texts come from untrusted PDFs, so a cell that a spreadsheet would run as a formula
(starting with = + - @ or a control character) is prefixed with a quote (OWASP's advice
against CSV injection).
"""

from __future__ import annotations

import csv
import io

from extractor.record.schema import AuditRecord

COLUMNS = (
    "finding_id",
    "standard",
    "site_name",
    "country",
    "audit_date",
    "kind",
    "clause",
    "topic",
    "title",
    "severity",
    "severity_raw",
    "description",
    "evidence",
    "corrective_action",
    "due",
    "ilo_codes",
    "ilo_labels",
    "ilo_scores",
    "entities",
    "page",
    "confidence",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def findings_csv(record: AuditRecord) -> str:
    """Return the findings of `record` as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    audit = record.audit
    for finding in record.findings:
        row = (
            finding.finding_id,
            audit.standard,
            audit.site_name,
            audit.country,
            audit.audit_date.isoformat() if audit.audit_date else None,
            finding.kind,
            finding.clause,
            finding.topic,
            finding.title,
            finding.severity,
            finding.severity_raw,
            finding.description,
            finding.evidence,
            finding.corrective_action,
            finding.due,
            ";".join(i.code for i in finding.ilo_indicators),
            ";".join(i.label for i in finding.ilo_indicators),
            ";".join(f"{i.score:.3f}" for i in finding.ilo_indicators),
            ";".join(f"{e.label}:{e.text}" for e in finding.entities),
            finding.provenance.page,
            f"{finding.confidence:.3f}",
        )
        writer.writerow(["" if v is None else spreadsheet_safe(v) for v in row])
    return out.getvalue()
