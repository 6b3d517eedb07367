"""Generate one realistic document (PDF, gold record, regions) and write it under a corpus root.

Layout of the output (an interface other stages read):
`<out>/<split>/<doc_id>.pdf` beside `<doc_id>.json` (an `AuditRecord`),
`<out>/regions/<doc_id>.json` (drawn boxes with roles) and `<out>/manifest.json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.record.schema import AuditRecord

from ..gold import record_json
from ..scan import scan_pdf
from .document import DocumentPlan, page_count, plan_document, render_document
from .gold import dumps, gold_record, regions_json
from .plan import RealisticDoc, planned_realistic


@dataclass(frozen=True)
class GeneratedRealistic:
    doc: RealisticDoc
    plan: DocumentPlan
    pdf: bytes
    record: AuditRecord
    regions: dict[str, Any]

    def manifest_row(self) -> dict[str, Any]:
        doc = self.doc
        return {
            "doc_id": doc.doc_id,
            "family": doc.family,
            "variant": doc.variant,
            "split": doc.split,
            "standard": self.record.audit.standard,
            "scanned": doc.scanned,
            "pages": self.record.source.page_count,
            "target_pages": doc.target_pages,
            "n_findings": len(self.record.findings),
            "sha256": self.record.report_id,
            "sections": [s.kind for s in self.plan.sections],
            "choices": self.plan.choices.as_dict(),
        }


def generate_realistic(doc_id: str) -> GeneratedRealistic:
    """Render document `doc_id` of the realistic plan and build its gold."""
    doc = planned_realistic(doc_id)
    plan = plan_document(doc)
    pdf, log = render_document(plan)
    pages = page_count(pdf)
    if doc.scanned:
        pdf = scan_pdf(pdf, doc.seed)
    record = gold_record(plan, pdf, log, pages=pages, filename=f"{doc_id}.pdf")
    return GeneratedRealistic(doc, plan, pdf, record, regions_json(plan, log))


def write_realistic(generated: GeneratedRealistic, out: Path) -> None:
    """Write the PDF, its gold record and its regions under `out`."""
    doc = generated.doc
    folder = out / doc.split
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc.doc_id}.pdf").write_bytes(generated.pdf)
    (folder / f"{doc.doc_id}.json").write_text(record_json(generated.record), encoding="utf-8")
    regions = out / "regions"
    regions.mkdir(parents=True, exist_ok=True)
    (regions / f"{doc.doc_id}.json").write_text(dumps(generated.regions), encoding="utf-8")
