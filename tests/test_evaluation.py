"""`audit-extractor evaluate`: scoring rules on gold records, and a real run on a few reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.evaluation.evaluate import (
    FINDING_FIELDS,
    METADATA_FIELDS,
    MODEL_MISSING,
    TRAINING_LABEL,
    EvaluationReport,
    RecordScores,
    TrainingSplitError,
    compare_records,
    evaluate,
    format_report,
)
from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR, load_gold
from extractor.evaluation.metrics import PRF, total
from extractor.pipeline import Extractor
from extractor.record.schema import AuditRecord

# Text PDFs of three held-out layouts (no scans: OCR would slow the fast suite down).
DOC_IDS = ("smeta7_table-01", "rba_prose-01", "legacy_numbered_b-01")


@pytest.fixture(scope="module")
def gold_records() -> list[AuditRecord]:
    return [doc.record for doc in load_gold(["test"])]


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A labelled_samples/ folder holding copies of three held-out reports."""
    root = tmp_path_factory.mktemp("samples")
    (root / "test").mkdir()
    for doc_id in DOC_IDS:
        for suffix in (".pdf", ".json"):
            shutil.copy(DEFAULT_SAMPLES_DIR / "test" / f"{doc_id}{suffix}", root / "test")
    return root


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


@pytest.fixture(scope="module")
def report(samples: Path, extractor: Extractor) -> EvaluationReport:
    return evaluate("test", samples, extractor=extractor)


def score_values(node: object) -> list[float]:
    """Collect every score (precision, recall, F1, accuracy, macro means) in a JSON report."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"precision", "recall", "f1", "accuracy"} or key.startswith("macro_"):
                if key != "macro_labels" and value is not None:
                    found.append(value)
            else:
                found += score_values(value)
    elif isinstance(node, list):
        for value in node:
            found += score_values(value)
    return found


# --- scoring rules on gold records (no extraction) ---------------------------------------------


def test_gold_scored_against_itself_is_perfect(gold_records: list[AuditRecord]) -> None:
    scores = sum((compare_records(rec, rec) for rec in gold_records), RecordScores())
    n_findings = sum(len(rec.findings) for rec in gold_records)
    assert scores.detection == PRF(tp=n_findings)
    for name in FINDING_FIELDS:
        counts = scores.fields[name]
        assert counts.fp == counts.fn == 0, name
        assert counts.support > 0, name  # every field occurs somewhere in the test split
        assert counts.f1 == 1.0, name
    for block in (scores.entities, scores.entities_exact, scores.indicators):
        assert total(block.values()).f1 == 1.0
        assert all(counts.f1 == 1.0 for counts in block.values() if counts.support)
    assert scores.exact_findings == n_findings
    assert all(acc.accuracy == 1.0 for acc in scores.metadata.values())


def test_dropping_a_finding_costs_recall_not_precision(gold_records: list[AuditRecord]) -> None:
    gold = gold_records[0]
    predicted = gold.model_copy(update={"findings": gold.findings[1:]})
    scores = compare_records(predicted, gold)
    n = len(gold.findings)
    assert scores.detection == PRF(tp=n - 1, fn=1)
    assert scores.fields["description"] == PRF(tp=n - 1, fn=1)
    assert all(acc.accuracy == 1.0 for acc in scores.metadata.values())


def test_wrong_severity_counts_once_as_fp_and_fn(gold_records: list[AuditRecord]) -> None:
    gold = next(r for r in gold_records if any(f.severity == "major" for f in r.findings))
    i = next(i for i, f in enumerate(gold.findings) if f.severity == "major")
    findings = list(gold.findings)
    findings[i] = findings[i].model_copy(update={"severity": "minor"})
    scores = compare_records(gold.model_copy(update={"findings": findings}), gold)
    with_severity = sum(f.severity is not None for f in gold.findings)
    assert scores.fields["severity"] == PRF(tp=with_severity - 1, fp=1, fn=1)
    # Nothing else moved: detection and the other fields stay perfect.
    assert scores.detection.f1 == 1.0
    others = [scores.fields[name] for name in FINDING_FIELDS if name != "severity"]
    assert all(counts.fp == counts.fn == 0 for counts in others)


def test_indicator_and_entity_errors_land_in_their_own_blocks(
    gold_records: list[AuditRecord],
) -> None:
    gold = next(
        r
        for r in gold_records
        if any(f.ilo_indicators and f.entities and f.kind != "good_practice" for f in r.findings)
    )
    i = next(
        i
        for i, f in enumerate(gold.findings)
        if f.ilo_indicators and f.entities and f.kind != "good_practice"
    )
    target = gold.findings[i]
    code = target.ilo_indicators[0].code
    findings = list(gold.findings)
    findings[i] = target.model_copy(
        update={"ilo_indicators": target.ilo_indicators[1:], "entities": target.entities[1:]}
    )
    scores = compare_records(gold.model_copy(update={"findings": findings}), gold)
    assert scores.indicators[code].fn == 1
    assert total(scores.indicators.values()).fp == 0
    assert total(scores.entities.values()) == PRF(
        tp=sum(len(f.entities) for f in gold.findings) - 1, fn=1
    )
    assert scores.detection.f1 == 1.0


def test_wrong_metadata_lowers_only_that_field(gold_records: list[AuditRecord]) -> None:
    gold = gold_records[0]
    wrong_country = "FR" if gold.audit.country != "FR" else "DE"
    predicted = gold.model_copy(
        update={"audit": gold.audit.model_copy(update={"country": wrong_country})}
    )
    scores = compare_records(predicted, gold)
    assert scores.metadata["country"].correct == 0
    assert all(scores.metadata[name].correct == 1 for name in METADATA_FIELDS if name != "country")


def test_failed_extraction_misses_everything(gold_records: list[AuditRecord]) -> None:
    gold = gold_records[0]
    scores = compare_records(None, gold)
    assert scores.detection == PRF(fn=len(gold.findings))
    assert all(acc.correct == 0 and acc.predicted_null == 1 for acc in scores.metadata.values())


# --- a real run on three held-out reports ------------------------------------------------------


def test_report_has_every_section(report: EvaluationReport) -> None:
    assert report.held_out and report.label != TRAINING_LABEL
    assert report.documents == len(DOC_IDS) and not report.failed_documents
    assert set(report.fields) == set(FINDING_FIELDS)
    assert set(report.metadata) == set(METADATA_FIELDS)
    assert set(report.by_layout) == {doc_id.rsplit("-", 1)[0] for doc_id in DOC_IDS}
    assert report.by_source["text"].documents == len(DOC_IDS)
    assert report.by_source["scanned"].documents == 0
    assert report.by_source["scanned"].detection.f1 is None  # nothing to measure, not 0 or 1
    assert set(report.indicators_oracle) == {"classifier", "keyword_rules"}
    assert report.versions["spacy"] and report.models.end_to_end_indicators
    assert [d.doc_id for d in report.per_document] == sorted(DOC_IDS)


def test_report_scores_are_fractions(report: EvaluationReport) -> None:
    values = score_values(report.model_dump(mode="json"))
    assert len(values) > 100
    assert all(0.0 <= value <= 1.0 for value in values)


def test_report_totals_add_up(report: EvaluationReport) -> None:
    gold_findings = sum(
        len(doc.record.findings) for doc in load_gold(["test"]) if doc.doc_id in DOC_IDS
    )
    assert report.detection.support == gold_findings
    assert report.detection == total(d.summary.detection for d in report.per_document)
    # A field can only be right on a matched finding.
    assert all(counts.tp <= report.detection.tp for counts in report.fields.values())
    assert report.entities_exact_findings <= report.detection.tp


def test_oracle_scores_use_the_loaded_models(
    report: EvaluationReport, extractor: Extractor
) -> None:
    keyword = report.indicators_oracle["keyword_rules"]
    assert keyword is not None and keyword.micro.support > 0
    classifier = report.indicators_oracle["classifier"]
    assert (classifier is None) == (extractor.classifier is None)
    assert (report.entities_oracle is None) == (extractor.nlp is None)


def test_table_output_names_every_block(report: EvaluationReport) -> None:
    text = format_report(report)
    for heading in (
        "Finding detection",
        "Breakdown",
        "Finding fields",
        "Entities",
        "ILO indicators",
        "Metadata accuracy",
    ):
        assert heading in text
    assert TRAINING_LABEL.upper() not in text


def test_missing_models_still_evaluate_and_say_so(samples: Path, tmp_path: Path) -> None:
    report = evaluate("test", samples, tmp_path / "no-models")
    assert report.indicators_oracle["classifier"] is None
    assert report.entities_oracle is None
    assert report.models.ner is None and len(report.models.notes) == 3
    # Without the finding reader no finding is read: every gold finding is a miss, not an error.
    assert report.detection.tp == 0 and report.detection.fn > 0
    assert not report.failed_documents
    assert MODEL_MISSING in format_report(report)


def test_training_split_is_refused_unless_allowed(samples: Path, extractor: Extractor) -> None:
    with pytest.raises(TrainingSplitError):
        evaluate("train", samples, extractor=extractor)
    train_dir = samples / "train"
    train_dir.mkdir(exist_ok=True)
    for suffix in (".pdf", ".json"):
        shutil.copy(samples / "test" / f"{DOC_IDS[0]}{suffix}", train_dir)
    report = evaluate("train", samples, extractor=extractor, allow_train=True)
    assert not report.held_out and report.label == TRAINING_LABEL
    assert format_report(report).startswith(f"!!! {TRAINING_LABEL.upper()}")


def test_cli_writes_json_and_refuses_training_data(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "eval.json"
    models = str(tmp_path / "no-models")  # keeps the test fast: no model to load
    argv = ["evaluate", "--samples", str(samples), "--models", models, "--out", str(out)]
    assert main(argv) == 0
    written = EvaluationReport.model_validate(json.loads(out.read_text()))
    assert written.split == "test" and written.documents == len(DOC_IDS)
    assert "Finding detection" in capsys.readouterr().out
    assert main([*argv, "--split", "train"]) == 2
    assert "training data" in capsys.readouterr().err
