"""The reviewers' labelling loop on a real report: export, correct, accept, read back as gold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.evaluation.gold import TRAIN_SPLITS, load_gold
from extractor.pipeline import Extractor
from extractor.record.schema import AuditRecord
from pipelines.review.labelling import (
    PDF_NAME,
    RECORD_NAME,
    ReviewError,
    accept_correction,
    export_for_review,
)

SAMPLES = Path(__file__).resolve().parent.parent / "labelled_samples"
REPORT = SAMPLES / "train" / "bsci_table-02.pdf"
HELD_OUT = SAMPLES / "test" / "smeta7_table-01.pdf"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


def edit_record(folder: Path, edit) -> None:  # noqa: ANN001 - a small test helper
    path = folder / RECORD_NAME
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def test_export_writes_record_pdf_and_one_highlight_per_finding(
    extractor: Extractor, tmp_path: Path
) -> None:
    folder = export_for_review(REPORT, tmp_path / "review", extractor)
    record = AuditRecord.model_validate_json((folder / RECORD_NAME).read_text())
    assert (folder / PDF_NAME).read_bytes() == REPORT.read_bytes()
    assert record.findings
    assert len(list(folder.glob("finding-*.png"))) == len(record.findings)


def test_accepted_correction_becomes_training_gold(extractor: Extractor, tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    folder = export_for_review(REPORT, tmp_path / "review", extractor)

    def relabel(data: dict) -> None:
        finding = data["findings"][0]
        finding["severity"] = "critical"
        finding["ilo_indicators"] = [{"code": "FL07", "label": "x", "score": 0.4}]

    edit_record(folder, relabel)
    gold_path = accept_correction(folder, samples, reviewer="alice")

    (gold,) = load_gold(TRAIN_SPLITS, samples)
    assert gold.split == "corrections" and gold.record.source.filename == REPORT.name
    first = gold.record.findings[0]
    assert first.severity == "critical"
    # The reviewer's label is certain, whatever score the model had given it.
    assert [(i.code, i.score) for i in first.ilo_indicators] == [("FL07", 1.0)]
    assert gold.record.extractor.version == "reviewed-by:alice"
    assert gold_path.with_suffix(".pdf").read_bytes() == REPORT.read_bytes()


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda d: d["findings"][0].update(
                entities=[{"label": "AGE", "text": "fourteen", "start": 0, "end": 8}]
            ),
            "does not match the text",
        ),
        (
            lambda d: d["findings"][0].update(
                ilo_indicators=[{"code": "FL99", "label": "?", "score": 1.0}]
            ),
            "unknown ILO code FL99",
        ),
    ],
)
def test_invalid_correction_is_refused_with_reason(
    extractor: Extractor,
    tmp_path: Path,
    edit,
    problem: str,  # noqa: ANN001
) -> None:
    folder = export_for_review(REPORT, tmp_path / "review", extractor)
    edit_record(folder, edit)
    with pytest.raises(ReviewError, match=problem):
        accept_correction(folder, tmp_path / "samples", reviewer="bob")
    assert not (tmp_path / "samples" / "corrections").exists()


def test_correction_of_a_held_out_report_is_refused(extractor: Extractor, tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    (samples / "test").mkdir(parents=True)
    for suffix in (".pdf", ".json"):
        shutil.copy(HELD_OUT.with_suffix(suffix), samples / "test")
    folder = export_for_review(HELD_OUT, tmp_path / "review", extractor)
    with pytest.raises(ReviewError, match="held-out test split"):
        accept_correction(folder, samples, reviewer="carol")
