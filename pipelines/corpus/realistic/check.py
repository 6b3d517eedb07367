"""Check a generated corpus against its PDFs: every gold value of a text report is printed.

    python -m pipelines.corpus.realistic.check build/corpus

For each text report: each finding's description is printed on its provenance page (or, when
it is split over a page break, its words appear in order over that page and the next), and so
are its evidence, clause, grade, corrective action and due date; the cover prints the site,
address, firm, worker total and version the gold record holds. Scans are checked for having no
text layer. Reads PDFs with pypdfium2; never changes anything.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pypdfium2 as pdfium

from extractor.record.schema import AuditRecord


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """Words without the punctuation a heading or label wraps them in ('(PA1)', 'FL.')."""
    return [w for w in (w.strip(".,;:()[]|") for w in text.split()) if w]


def words_in_order(needle: str, haystack: str) -> bool:
    """Every word of `needle` appears in `haystack` in order (page furniture or a repeated
    header row may sit between the halves of a finding split over a page break)."""
    words = tokens(haystack)
    position = 0
    for word in tokens(needle):
        try:
            position = words.index(word, position) + 1
        except ValueError:
            return False
    return True


def page_texts(pdf: Path | bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [squash(document[i].get_textpage().get_text_range()) for i in range(len(document))]
    finally:
        document.close()


def check_document(pdf: Path | bytes, record: AuditRecord, *, scanned: bool) -> list[str]:
    """Problems found in one document (empty when gold and PDF agree)."""
    pages = page_texts(pdf)
    if len(pages) != record.source.page_count:
        return [f"page count {len(pages)} != gold {record.source.page_count}"]
    if scanned:
        return ["scan has a text layer"] if any(pages) else []
    problems = []
    for f in record.findings:
        start = f.provenance.page - 1
        here, both = pages[start], " ".join(pages[start : start + 2])
        description = squash(f.description)
        if description not in here and not words_in_order(description, both):
            problems.append(f"{f.finding_id[-4:]}: description not on page {f.provenance.page}")
        for value in (f.evidence, f.corrective_action, f.due):
            if value and not words_in_order(squash(value), both):
                problems.append(f"{f.finding_id[-4:]}: {value!r} not printed with the finding")
        # Clause, topic and grade may come from a section heading a few pages up.
        above = " ".join(pages[max(0, start - 3) : start + 2])
        for value in (f.clause, f.severity_raw, f.topic):
            if value and not words_in_order(squash(value), above):
                problems.append(f"{f.finding_id[-4:]}: {value!r} not printed near the finding")
    everything = " ".join(pages)
    audit = record.audit
    for value in (audit.site_name, audit.site_address, audit.audit_firm, audit.standard_version):
        if value and value not in everything:
            problems.append(f"cover value {value!r} not printed")
    if audit.workers_total is not None and str(audit.workers_total) not in everything.replace(
        ",", ""
    ):
        problems.append(f"worker total {audit.workers_total} not printed")
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0] if argv else "build/corpus")
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    failed = 0
    for doc in manifest["documents"]:
        folder = root / doc["split"]
        record = AuditRecord.model_validate_json(
            (folder / f"{doc['doc_id']}.json").read_text(encoding="utf-8")
        )
        problems = check_document(folder / f"{doc['doc_id']}.pdf", record, scanned=doc["scanned"])
        if problems:
            failed += 1
            print(doc["doc_id"], *problems, sep="\n  ")
    print(f"{len(manifest['documents']) - failed} of {len(manifest['documents'])} documents OK")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
