"""Gold for one realistic report: the `AuditRecord` a careful reader would write, and the
region file (every drawn box with its role) a block labeller can learn from.

Both come from the composed content and the renderer's log, never from re-reading the PDF.
The record is validated against the contract; a record that does not validate is a generator
bug, so this raises rather than repairs.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import AuditRecord, finding_id

from ..entities import join
from .document import DocumentPlan
from .regions import FINDING, RegionLog


def gold_record(
    plan: DocumentPlan, pdf: bytes, log: RegionLog, *, pages: int, filename: str
) -> AuditRecord:
    """Build and validate the gold record of `plan` as drawn into `pdf`."""
    sha = hashlib.sha256(pdf).hexdigest()
    taxonomy = load_taxonomy()
    by_ordinal = {f.ordinal: f for f in plan.findings}
    order = log.finding_order()
    if sorted(order) != sorted(by_ordinal):
        raise AssertionError(f"{plan.doc.doc_id}: drawn findings {order} != composed findings")
    findings = []
    for position, ordinal in enumerate(order, start=1):
        f = by_ordinal[ordinal]
        text, spans = join(f.description, f.evidence)
        page, bbox = log.provenance(ordinal)
        for span in spans:
            if text[span.start : span.end] != span.text:
                raise AssertionError(f"{plan.doc.doc_id}: entity offsets drifted in {ordinal}")
        findings.append(
            {
                "finding_id": finding_id(sha, position),
                "kind": f.kind,
                "clause": f.gold_clause,
                "topic": f.gold_topic,
                "title": f.title,
                "description": f.description.text,
                "evidence": f.evidence.text if f.evidence else None,
                "severity": f.severity if f.gold_severity_raw else None,
                "severity_raw": f.gold_severity_raw,
                "corrective_action": f.action,
                "due": f.due,
                "ilo_indicators": [
                    {"code": c, "label": taxonomy.label(c), "score": 1.0} for c in f.codes
                ],
                "entities": [
                    {"label": s.label, "text": s.text, "start": s.start, "end": s.end}
                    for s in spans
                ],
                "provenance": {"page": page, "bbox": list(bbox)},
                "confidence": 1.0,
            }
        )
    meta = plan.meta
    record = {
        "report_id": sha,
        "source": {
            "filename": filename,
            "sha256": sha,
            "page_count": pages,
            "ocr_pages": list(range(1, pages + 1)) if plan.doc.scanned else [],
        },
        "audit": {
            "standard": meta.standard,
            "standard_version": meta.version,
            "audit_firm": meta.firm if meta.firm_known else None,
            "site_name": meta.site_name,
            "site_address": meta.address,
            "country": meta.country_iso,
            "audit_date": meta.audit_date.isoformat(),
            "audit_type": meta.audit_type,
            "announcement": meta.announcement,
            "workers_total": meta.workers_total,
        },
        "findings": findings,
        "warnings": [],
        "extractor": {"version": "gold", "ner_model": None, "classifier_model": None},
    }
    return AuditRecord.model_validate(record)


def regions_json(plan: DocumentPlan, log: RegionLog) -> dict[str, Any]:
    """Every marked box: page, bbox (top-left origin, points), role, gold finding position."""
    position = {ordinal: i for i, ordinal in enumerate(log.finding_order(), start=1)}
    rows = []
    for region in log.regions:
        mark = region.mark
        rows.append(
            {
                "page": region.page,
                "bbox": list(region.bbox),
                "role": mark.role,
                "finding": position.get(mark.ordinal) if mark.ordinal else None,
                "field": mark.field if mark.role == FINDING else None,
            }
        )
    return {"doc_id": plan.doc.doc_id, "regions": rows}


def dumps(data: Any) -> str:
    """Stable, compact JSON text: one region per line (small, and readable as a diff)."""
    regions = data["regions"]
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in regions]
    head = json.dumps({k: v for k, v in data.items() if k != "regions"}, ensure_ascii=False)
    return head[:-1] + ', "regions": [\n' + ",\n".join(lines) + "\n]}\n"
