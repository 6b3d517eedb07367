"""Block labels derived from true records: the reader's training data, on real PDFs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.evaluation.matching import similarity
from extractor.findings.grouping import group_findings
from extractor.findings.supervision import OUTSIDE, label_blocks
from extractor.reading.blocks import build_blocks
from extractor.reading.pdf import read_pdf
from extractor.record.schema import (
    AuditInfo,
    AuditRecord,
    ExtractorInfo,
    Finding,
    Provenance,
    Source,
)
from pipelines.corpus.realistic import generate_realistic

TESTS = Path(__file__).resolve().parent
SAMPLES = TESTS.parent / "labelled_samples"
# Real reports of the labelled corpus (one per layout family, as in the golden tests).
GOLDEN = sorted((TESTS / "golden").glob("*.pdf"))


def gold_record(pdf: Path) -> AuditRecord:
    path = next(SAMPLES.glob(f"*/{pdf.stem}.json"))
    return AuditRecord.model_validate_json(path.read_text())


def one_finding_record(pdf: Path) -> AuditRecord:
    sha = "0" * 64
    finding = Finding(
        finding_id=f"{sha}-0001",
        kind="non_compliance",
        description="Fire exit locked on the second floor during the night shift while 40 "
        "workers were inside.",
        evidence="Observed during the night visit; key kept by the guard.",
        severity="major",
        severity_raw="Major",
        provenance=Provenance(page=1, bbox=(50.0, 210.0, 400.0, 280.0)),
        confidence=1.0,
    )
    return AuditRecord(
        report_id=sha,
        source=Source(filename=pdf.name, sha256=sha, page_count=1),
        audit=AuditInfo(),
        findings=[finding],
        extractor=ExtractorInfo(version="gold", ner_model=None, classifier_model=None),
    )


def test_summary_table_repeating_a_finding_is_not_labelled_as_the_finding() -> None:
    pdf = TESTS / "pdfs" / "blocks_summary.pdf"
    blocks = build_blocks(read_pdf(pdf))
    labels = label_blocks(blocks, one_finding_record(pdf))
    role = {b.text: label.role for b, label in zip(blocks, labels, strict=True)}
    assert role["Fire exit locked on the second floor"] == OUTSIDE  # the summary row
    assert role["Major"] in (OUTSIDE, "severity")
    assert role[next(t for t in role if t.startswith("None of the interviewed"))] == OUTSIDE
    described = [b for b, label in zip(blocks, labels, strict=True) if label.role == "description"]
    assert [b.label for b in described] == ["Description"]
    starts = [b.text for b, label in zip(blocks, labels, strict=True) if label.start]
    assert starts == ["Finding 1 - Health and safety"]


@pytest.mark.parametrize("pdf", GOLDEN, ids=lambda p: p.stem)
def test_gold_labels_regroup_into_the_gold_findings(pdf: Path) -> None:
    """Grouping the derived labels gives back every gold description: the labels are complete
    enough to learn from, and the block builder keeps each finding's text together."""
    record = gold_record(pdf)
    blocks = build_blocks(read_pdf(pdf))
    labels = label_blocks(blocks, record)
    found = group_findings(
        blocks,
        [label.role for label in labels],
        [label.start for label in labels],
        standard=record.audit.standard,
    )
    assert len(found) == len(record.findings)
    for predicted, gold in zip(found, record.findings, strict=True):
        assert predicted.provenance.page == gold.provenance.page
        # A leading 'Noncompliance:' may be read as the field's label rather than its text.
        assert similarity(predicted.description, gold.description) >= 0.8


def test_block_labeller_file_holding_a_pickled_object_is_refused(tmp_path: Path) -> None:
    """A model file whose arrays would need unpickling (objects) is never read."""
    import numpy as np

    from extractor.findings.labeller import BlockLabeller
    from extractor.inference.archive import UntrustedModelError, write_model

    path = tmp_path / "block_labeller.npz"
    write_model(path, {"kind": "audit-extractor/block-labeller", "format_version": 1}, {})
    with np.load(path) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["scale"] = np.array([os.system], dtype=object)
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)
    with pytest.raises(UntrustedModelError, match="pickled objects"):
        BlockLabeller.load(path)


@pytest.mark.parametrize(
    "doc_id",
    [
        "better_work-questions_below-001",  # answer rows in a table, details printed below it
        "sa8000-two_column_prose-001",  # findings flowing on into the next column
        "rba-vap_kv-001",  # borderless label/value boxes
    ],
)
def test_every_finding_of_a_generated_report_labels_its_description(
    doc_id: str, tmp_path: Path
) -> None:
    """The corpus's provenance and the block reader agree on where each finding starts, so the
    derived labels reach every finding's description (they missed up to a third of them)."""
    generated = generate_realistic(doc_id)
    pdf = tmp_path / f"{doc_id}.pdf"
    pdf.write_bytes(generated.pdf)
    labels = label_blocks(build_blocks(read_pdf(pdf)), generated.record)
    described = {label.finding for label in labels if label.role == "description"}
    assert described == set(range(len(generated.record.findings)))
