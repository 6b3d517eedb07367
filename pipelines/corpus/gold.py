"""Turn a composed report and its rendered PDF into the gold `AuditRecord`.

The record is validated against the contract before anyone writes it; a gold file that does
not validate is a generator bug, so this raises rather than repairs.
"""

from __future__ import annotations

import hashlib
import io
import json

import pypdfium2 as pdfium

from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import AuditRecord, finding_id

from .entities import join
from .model import ReportSpec
from .render import ProvenanceLog


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        return len(document)
    finally:
        document.close()


def gold_record(
    spec: ReportSpec,
    pdf: bytes,
    log: ProvenanceLog,
    *,
    filename: str,
    scanned: bool = False,
) -> AuditRecord:
    """Build and validate the gold record of `spec` as drawn into `pdf`."""
    sha = hashlib.sha256(pdf).hexdigest()
    pages = page_count(pdf)
    taxonomy = load_taxonomy()
    meta = spec.meta
    findings = []
    # Gold findings follow reading order (the order the renderer drew them), which differs
    # from composition order where a layout groups findings by element or topic.
    by_ordinal = {f.ordinal: f for f in spec.findings}
    if sorted(log.order) != sorted(by_ordinal):
        raise AssertionError(f"{spec.doc_id}: drawn findings {log.order} != composed findings")
    for position, ordinal in enumerate(log.order, start=1):
        f = by_ordinal[ordinal]
        text, spans = join(f.description, f.evidence)
        page, bbox = log.provenance(f.ordinal)
        findings.append(
            {
                "finding_id": finding_id(sha, position),
                "kind": f.kind,
                "clause": f.clause,
                "topic": f.topic,
                "title": f.title,
                "description": f.description.text,
                "evidence": f.evidence.text if f.evidence else None,
                "severity": f.severity,
                "severity_raw": f.severity_raw,
                "corrective_action": f.corrective_action,
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
        for span in spans:
            if text[span.start : span.end] != span.text:
                raise AssertionError(f"{spec.doc_id}: entity offsets drifted in finding {ordinal}")
    record = {
        "report_id": sha,
        "source": {
            "filename": filename,
            "sha256": sha,
            "page_count": pages,
            "ocr_pages": list(range(1, pages + 1)) if scanned else [],
        },
        "audit": {
            "standard": meta.standard,
            "standard_version": meta.standard_version,
            "audit_firm": meta.audit_firm,
            "site_name": meta.site_name,
            "site_address": meta.site_address,
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


def record_json(record: AuditRecord) -> str:
    """Serialise a record with stable key order and formatting."""
    return json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
