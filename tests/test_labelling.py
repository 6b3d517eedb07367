"""The reviewers' labelling loop on a real report: export, correct, accept, read back as gold."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from extractor.cli import main
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


# --- hostile review folders and gold folders (issue 13, item 8) ---


@pytest.fixture(scope="module")
def exported(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One review folder of REPORT; tests copy it rather than re-run the extractor."""
    return export_for_review(REPORT, tmp_path_factory.mktemp("review"), extractor)


@pytest.fixture(scope="module")
def exported_held_out(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_for_review(HELD_OUT, tmp_path_factory.mktemp("review-held-out"), extractor)


def fresh_copy(folder: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(folder, tmp_path / "review" / folder.name))


def samples_with_held_out(tmp_path: Path) -> Path:
    samples = tmp_path / "samples"
    (samples / "test").mkdir(parents=True)
    for suffix in (".pdf", ".json"):
        shutil.copy(HELD_OUT.with_suffix(suffix), samples / "test")
    return samples


def test_second_accept_is_refused_without_replace_and_versioned_with_it(
    exported: Path, tmp_path: Path
) -> None:
    folder = fresh_copy(exported, tmp_path)
    samples = tmp_path / "samples"
    first = accept_correction(folder, samples, reviewer="alice")
    edit_record(folder, lambda d: d["findings"][0].update(severity="minor"))
    with pytest.raises(ReviewError, match=r"accepted before \(by alice\).*--replace"):
        accept_correction(folder, samples, reviewer="bob")
    assert json.loads(first.read_text())["extractor"]["version"] == "reviewed-by:alice"

    second = accept_correction(folder, samples, reviewer="bob", replace=True)
    assert second == first
    assert json.loads(second.read_text())["findings"][0]["severity"] == "minor"
    (kept,) = (samples / "corrections" / "history").glob("*.v1.json")
    assert json.loads(kept.read_text())["extractor"]["version"] == "reviewed-by:alice"
    # History is not training data: only the current version is read as gold.
    assert len(load_gold(TRAIN_SPLITS, samples)) == 1


def test_symlink_planted_in_corrections_is_never_written_through(
    exported: Path, tmp_path: Path
) -> None:
    folder = fresh_copy(exported, tmp_path)
    samples = tmp_path / "samples"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    corrections = samples / "corrections"
    corrections.mkdir(parents=True)
    report_id = json.loads((folder / RECORD_NAME).read_text())["report_id"]
    os.symlink(victim, corrections / f"correction-{report_id[:16]}.pdf")

    gold = accept_correction(folder, samples, reviewer="alice")
    assert victim.read_text() == "precious"
    pdf = gold.with_suffix(".pdf")
    assert not pdf.is_symlink() and pdf.read_bytes() == REPORT.read_bytes()

    # A link planted in place of the record itself is refused, not followed.
    gold.unlink()
    os.symlink(victim, gold)
    with pytest.raises(ReviewError, match="symbolic link"):
        accept_correction(folder, samples, reviewer="bob", replace=True)
    assert victim.read_text() == "precious"


def test_corrections_folder_that_is_a_symlink_is_refused(exported: Path, tmp_path: Path) -> None:
    folder = fresh_copy(exported, tmp_path)
    samples = tmp_path / "samples"
    samples.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, samples / "corrections")
    with pytest.raises(ReviewError, match="symbolic link"):
        accept_correction(folder, samples, reviewer="alice")
    assert list(elsewhere.iterdir()) == []


def test_symlinked_record_in_the_review_folder_is_refused(exported: Path, tmp_path: Path) -> None:
    folder = fresh_copy(exported, tmp_path)
    real = tmp_path / "elsewhere.json"
    shutil.move(folder / RECORD_NAME, real)
    os.symlink(real, folder / RECORD_NAME)
    with pytest.raises(ReviewError, match="record.json is a symbolic link"):
        accept_correction(folder, tmp_path / "samples", reviewer="alice")


def test_held_out_pdf_with_one_byte_appended_is_refused(
    exported_held_out: Path, tmp_path: Path
) -> None:
    folder = fresh_copy(exported_held_out, tmp_path)
    pdf = folder / PDF_NAME
    pdf.write_bytes(pdf.read_bytes() + b"\n")
    new_id = hashlib.sha256(pdf.read_bytes()).hexdigest()
    edit_record(folder, lambda d: d.update(report_id=new_id))  # the sha check alone passes
    with pytest.raises(ReviewError, match="held-out test split .*smeta7_table-01.*same text"):
        accept_correction(folder, samples_with_held_out(tmp_path), reviewer="mallory")


@pytest.mark.parametrize(
    ("entity", "problem"),
    [
        ({"label": "AGE", "text": "", "start": 3, "end": 3}, "has empty text"),
        ({"label": "AGE", "text": "", "start": 9, "end": 4}, "empty text"),
        ({"label": "AGE", "text": "x", "start": 9, "end": 4}, "at or before its start"),
        ({"label": "AGE", "text": "", "start": 100000, "end": 100004}, "empty text"),
        ({"label": "AGE", "text": "x", "start": 100000, "end": 100004}, "past the end"),
    ],
)
def test_entity_with_empty_text_or_bad_offsets_is_refused(
    exported: Path, tmp_path: Path, entity: dict, problem: str
) -> None:
    folder = fresh_copy(exported, tmp_path)
    edit_record(folder, lambda d: d["findings"][0].update(entities=[entity]))
    with pytest.raises(ReviewError, match=problem):
        accept_correction(folder, tmp_path / "samples", reviewer="bob")


def test_deeply_nested_record_is_refused_without_a_traceback(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fresh_copy(exported, tmp_path)
    (folder / RECORD_NAME).write_text("[" * 200_000 + "]" * 200_000)
    samples = tmp_path / "samples"
    assert main(["review", "accept", str(folder), "--samples", str(samples)]) == 2
    assert "nests 200000 levels deep" in capsys.readouterr().err
    assert not (samples / "corrections").exists()


def test_oversized_record_is_refused_before_it_is_parsed(exported: Path, tmp_path: Path) -> None:
    folder = fresh_copy(exported, tmp_path)
    with (folder / RECORD_NAME).open("a") as handle:
        handle.write(" " * (6 * 1024 * 1024))
    with pytest.raises(ReviewError, match="more than the limit of 5 MB"):
        accept_correction(folder, tmp_path / "samples", reviewer="bob")
