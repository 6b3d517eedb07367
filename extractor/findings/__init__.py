"""Find the findings in a parsed report: ruled tables, borderless tables, then prose.

`extract_findings` is the only public entry point; it never reads the PDF itself and returns
findings in document order (page, column, then position on the page).
"""

from __future__ import annotations

from extractor.findings.borderless import borderless_findings
from extractor.findings.model import RawFinding
from extractor.findings.prose import prose_findings
from extractor.findings.table import table_findings
from extractor.reading.document import Document
from extractor.record.schema import Standard

__all__ = ["extract_findings"]


def extract_findings(doc: Document, standard: Standard) -> list[RawFinding]:
    """Return the report's findings in document order; empty when none are recognised."""
    columns = {(line.page, round(line.bbox[1], 1)): line.column for line in doc.lines}
    found = table_findings(doc, standard)
    borderless, used = borderless_findings(doc, standard)
    found += borderless
    found += prose_findings(doc, standard, exclude=used)

    def position(finding: RawFinding) -> tuple[int, int, float, float]:
        page, bbox = finding.provenance.page, finding.provenance.bbox
        return (page, columns.get((page, round(bbox[1], 1)), 0), bbox[1], bbox[0])

    return sorted(found, key=position)
