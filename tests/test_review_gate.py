"""Model versions and the retraining gate, with the repository's real models and gold data.

The gate scores the current and the candidate models with `evaluate`'s own code; to keep the
test short it runs on a two-report test split. A candidate identical to the current models
passes; one trained on a single report's findings (without the wording banks) loses ILO F1 and
is rejected. Promotion and
roll-back swap the files `Extractor.load()` reads, and records then name the version.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.evaluation.gold import GoldDocument, load_gold
from extractor.indicators.classifier import IloClassifier
from extractor.pipeline import CLASSIFIER_FILENAME, NER_DIRNAME, Extractor
from pipelines.training.classifier_data import gold_findings
from pipelines.training.gate import Headline, decide, run_gate
from pipelines.training.holdout import held_for_validation, training_documents
from pipelines.training.registry import (
    RegistryError,
    artefacts,
    ensure_current_registered,
    load_registry,
    promote,
    record_gate,
    register_candidate,
    version_dir,
)

REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "models"
SAMPLES = REPO / "labelled_samples"
GATE_TEST_DOCS = ("smeta7_table-01", "rba_prose-01")


def copy_models(target: Path) -> Path:
    """A copy of every model of the repository's current set (not its registry or versions)."""
    target.mkdir(parents=True)
    for item in artefacts(MODELS):
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)
    return target


def headline(**values: float | None) -> Headline:
    base = dict.fromkeys(Headline.model_fields, 0.8)
    return Headline(**(base | values))


def test_gate_fails_a_drop_of_more_than_one_point_and_ignores_unsupported_metrics() -> None:
    checks = decide("test split", headline(ilo_macro_f1=0.80), headline(ilo_macro_f1=0.795))
    assert all(c.passed for c in checks)
    checks = decide("test split", headline(ilo_macro_f1=0.80), headline(ilo_macro_f1=0.785))
    (failed,) = [c for c in checks if not c.passed]
    assert failed.metric == "ilo_macro_f1" and failed.drop == pytest.approx(0.015)
    checks = decide("v", headline(entities_f1=None), headline(entities_f1=0.1))
    assert "entities_f1" not in {c.metric for c in checks}
    # A metric the candidate cannot compute at all counts as 0.
    checks = decide("v", headline(), headline(finding_detection_f1=None))
    assert not next(c for c in checks if c.metric == "finding_detection_f1").passed


def test_about_one_correction_in_five_is_held_for_validation() -> None:
    docs = load_gold(["train"], SAMPLES)
    corrections = [
        GoldDocument(
            doc_id=f"correction-{i}",
            split="corrections",
            pdf_path=d.pdf_path,
            record=d.record.model_copy(update={"report_id": f"{i:08x}" + "0" * 56}),
        )
        for i, d in enumerate(docs[:20])
    ]
    held = [d for d in corrections if held_for_validation(d)]
    assert len(held) == 4  # ids 0, 5, 10, 15
    assert not any(held_for_validation(d) for d in docs)
    assert training_documents(docs + corrections) == docs + [
        d for d in corrections if d not in held
    ]


@pytest.fixture(scope="module")
def gate_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    samples = tmp_path_factory.mktemp("gate-samples")
    (samples / "test").mkdir()
    for doc_id in GATE_TEST_DOCS:
        for suffix in (".pdf", ".json"):
            shutil.copy2(SAMPLES / "test" / f"{doc_id}{suffix}", samples / "test")
    return samples


def test_the_gate_passes_an_equal_candidate_and_rejects_a_worse_one(
    tmp_path: Path, gate_samples: Path
) -> None:
    same = copy_models(tmp_path / "same")
    result = run_gate(same, MODELS, gate_samples)
    assert result.passed and result.documents == {"test split": 2}
    assert all(check.drop == 0 for check in result.checks)

    worse = copy_models(tmp_path / "worse")
    findings = gold_findings(load_gold(["train"], SAMPLES)[:1])
    classifier = IloClassifier.fit([f.as_input() for f in findings], [f.codes for f in findings])
    classifier.save(worse / CLASSIFIER_FILENAME)
    result = run_gate(worse, MODELS, gate_samples)
    assert not result.passed
    assert {c.metric for c in result.failures()} >= {"ilo_micro_f1", "ilo_macro_f1"}
    # Finding detection does not depend on the classifier: it did not move.
    detection = next(c for c in result.checks if c.metric == "finding_detection_f1")
    assert detection.passed and detection.drop == 0


def test_versions_are_kept_promoted_named_in_records_and_rolled_back(tmp_path: Path) -> None:
    models = copy_models(tmp_path / "models")
    shipped = Extractor.load(models).info
    initial = ensure_current_registered(models)
    assert initial is not None and initial.id.startswith("initial-")
    assert initial.classifier_model == shipped.classifier_model
    assert version_dir(models, initial.id).is_dir()
    assert ensure_current_registered(models).id == initial.id  # nothing changed since

    candidate_id = "20261126T000000-abcdef12"
    copy_models(version_dir(models, candidate_id))
    candidate = register_candidate(models, candidate_id, seed=0)
    assert candidate.classifier_model == f"{shipped.classifier_model}+{candidate_id}"
    assert candidate.ner_model == f"{shipped.ner_model}+{candidate_id}"
    promote(models, candidate_id)
    assert load_registry(models).current == candidate_id
    info = Extractor.load(models).info
    assert info.classifier_model == candidate.classifier_model
    assert info.ner_model == candidate.ner_model

    record_gate(models, initial.id, {"passed": False}, passed=False)
    with pytest.raises(RegistryError, match="rejected"):
        promote(models, initial.id)
    promote(models, initial.id, allow_rejected=True)
    assert Extractor.load(models).info.classifier_model == shipped.classifier_model
    with pytest.raises(RegistryError, match="no model version"):
        promote(models, "nope")

    # Models replaced by hand (`make train`) become a version of their own before anything else.
    meta = models / NER_DIRNAME / "meta.json"
    meta.write_text(json.dumps(json.loads(meta.read_text()) | {"description": "by hand"}))
    manual = ensure_current_registered(models)
    assert manual is not None and manual.id.startswith("manual-")
    assert load_registry(models).current == manual.id
