"""Generate one document (PDF bytes + gold record) from its doc id, and write it to disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.record.schema import AuditRecord

from .compose import compose
from .gold import gold_record, record_json
from .layouts import load_layouts
from .plan import PlannedDoc, planned
from .scan import scan_pdf


@dataclass(frozen=True)
class GeneratedDoc:
    doc: PlannedDoc
    pdf: bytes
    record: AuditRecord

    @property
    def filename(self) -> str:
        return f"{self.doc.doc_id}.pdf"


def generate_document(doc_id: str) -> GeneratedDoc:
    """Render the document `doc_id` of the corpus plan and build its gold record."""
    doc = planned(doc_id)
    layout = load_layouts()[doc.layout]
    spec = compose(doc.doc_id, layout.profile, doc.seed)
    pdf, log = layout.render(spec)
    if doc.scanned:
        pdf = scan_pdf(pdf, doc.seed)
    record = gold_record(spec, pdf, log, filename=f"{doc.doc_id}.pdf", scanned=doc.scanned)
    return GeneratedDoc(doc, pdf, record)


def write_document(generated: GeneratedDoc, out: Path) -> None:
    """Write the PDF and its gold JSON under `out/<split>/`."""
    folder = out / generated.doc.split
    folder.mkdir(parents=True, exist_ok=True)
    (folder / generated.filename).write_bytes(generated.pdf)
    (folder / f"{generated.doc.doc_id}.json").write_text(
        record_json(generated.record), encoding="utf-8"
    )
