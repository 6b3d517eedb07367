"""The ILO classifier, trained here on a small slice of the real wording banks.

The model is fitted in the test (two fills per training wording, small vocabularies, two
folds), so these tests exercise the real features, calibration, thresholds, abstention rule and
`.npz` persistence, and fail if any of them stops carrying the concepts.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import numpy as np
import pytest

from extractor.indicators.classifier import IloClassifier, Settings, UntrustedModelError
from extractor.indicators.classifier_input import ClassifierInput
from extractor.inference.archive import HEADER, array_text, text_array
from pipelines.training.classifier_data import wording_findings

SMALL = Settings(folds=2, word_max_features=4000, char_max_features=6000)


@pytest.fixture(scope="module")
def model() -> IloClassifier:
    findings = wording_findings(held_out=False, fills=2, seed=0, combined_share=0.1)
    return IloClassifier.fit(
        [f.as_input() for f in findings],
        [f.codes for f in findings],
        groups=[f.group or f.id for f in findings],
        seed=0,
        settings=SMALL,
    )


def codes_of(model: IloClassifier, text: str, kind: str = "non_compliance") -> list[str]:
    return model.predict_codes([ClassifierInput(text=text, kind=kind)])[0]  # type: ignore[arg-type]


# Clearly worded findings that the shipped classifier gave no code to (issue 12).
CLEAR = [
    ("A security guard pushed a worker at the gate during the exit check.", "FL05"),
    ("Final settlements of resigned workers were still unpaid 12 days after they left.", "FL08"),
    ("The cost of uniforms and safety shoes was deducted from workers' pay.", "WAG"),
    ("Passports of the migrant workers are retained by the broker who recruited them.", "FL07"),
    ("Workers paid recruitment fees above a year's salary to brokers at home.", "FL09"),
    ("Workers are not allowed to leave the factory premises in their free time.", "FL03"),
    ("Two children under 14 were found working in the packing area.", "CL01"),
    ("Female applicants must take a pregnancy test before they are hired.", "DIS"),
]


@pytest.mark.parametrize(("text", "code"), CLEAR, ids=[code for _, code in CLEAR])
def test_clearly_worded_findings_get_their_code(model: IloClassifier, text: str, code: str):
    assert code in codes_of(model, text)


HARD_NEGATIVES = [
    ("All workers hold their own passports.", "FL07"),
    ("Passport copies in personnel files were not certified.", "FL07"),
    ("Overtime was voluntary and weekly hours stayed within the legal limit.", "FL11"),
    ("Wages for all sampled months were paid on time by bank transfer.", "FL08"),
]


@pytest.mark.parametrize(("text", "code"), HARD_NEGATIVES)
def test_hard_negatives_do_not_get_the_code_they_mimic(model: IloClassifier, text: str, code: str):
    assert code not in codes_of(model, text)
    assert code not in codes_of(model, text, kind="observation")


def test_environment_finding_gets_no_code(model: IloClassifier):
    assert (
        codes_of(model, "Wastewater from the dye house is discharged to the river untreated.") == []
    )


def test_labour_findings_are_not_left_without_a_code(model: IloClassifier):
    held_out = [f for f in wording_findings(held_out=True, fills=1, seed=3) if f.codes]
    predicted = model.predict_codes([f.as_input() for f in held_out])
    without = [f.text for f, codes in zip(held_out, predicted, strict=True) if not codes]
    assert len(without) <= 0.02 * len(held_out), without[:5]


def test_scores_are_probabilities_and_sorted(model: IloClassifier):
    rows = model.predict([ClassifierInput(text=text) for text, _ in CLEAR])
    for row in rows:
        assert row and all(0.0 <= ind.score <= 1.0 for ind in row)
        assert [ind.score for ind in row] == sorted((ind.score for ind in row), reverse=True)
    proba = model.predict_proba([ClassifierInput(text=CLEAR[0][0])])
    assert proba.shape == (1, len(model.codes))


def test_save_and_load_predict_the_same(model: IloClassifier, tmp_path: Path):
    path = tmp_path / "clf.npz"
    model.save(path)
    loaded = IloClassifier.load(path)
    items = [ClassifierInput(text=text) for text, _ in CLEAR + HARD_NEGATIVES]
    assert np.array_equal(loaded.predict_head_proba(items), model.predict_head_proba(items))
    assert loaded.predict_codes(items) == model.predict_codes(items)
    assert loaded.thresholds == model.thresholds


def _rewritten(path: Path, change) -> None:  # noqa: ANN001 - a test helper
    """Rewrite a saved model's arrays after `change(header, arrays)` (no validation)."""
    with np.load(path) as stored:
        arrays = {name: stored[name] for name in stored.files}
    header = json.loads(array_text(arrays.pop(HEADER)))
    change(header, arrays)
    with open(path, "wb") as handle:
        np.savez(handle, **{HEADER: text_array(json.dumps(header)), **arrays})


def test_model_file_holding_a_pickled_object_is_refused(model: IloClassifier, tmp_path: Path):
    # An object array is stored pickled: loading it could run code, so it is never read.
    path = tmp_path / "tampered.npz"
    model.save(path)
    _rewritten(path, lambda header, arrays: arrays.update(weights=np.array([os.system])))
    with pytest.raises(UntrustedModelError, match="pickled objects"):
        IloClassifier.load(path)


def test_a_pickle_file_is_refused(tmp_path: Path):
    path = tmp_path / "ilo_classifier.npz"
    path.write_bytes(pickle.dumps({"format": "audit-extractor/ilo-classifier"}))
    with pytest.raises(UntrustedModelError, match="pickled objects"):
        IloClassifier.load(path)


def test_model_file_with_missing_fields_is_refused(model: IloClassifier, tmp_path: Path):
    path = tmp_path / "partial.npz"
    model.save(path)
    _rewritten(path, lambda header, arrays: arrays.pop("weights"))
    with pytest.raises(UntrustedModelError, match="fields missing: weights"):
        IloClassifier.load(path)
    model.save(path)
    _rewritten(path, lambda header, arrays: header.pop("heads"))
    with pytest.raises(UntrustedModelError, match="fields missing: heads"):
        IloClassifier.load(path)


def test_model_file_of_another_kind_is_refused(model: IloClassifier, tmp_path: Path):
    path = tmp_path / "clf.npz"
    model.save(path)
    _rewritten(path, lambda header, arrays: header.update(kind="audit-extractor/block-labeller"))
    with pytest.raises(UntrustedModelError, match="expected 'audit-extractor/ilo-classifier'"):
        IloClassifier.load(path)


def test_model_file_with_weights_that_do_not_fit_its_heads_is_refused(
    model: IloClassifier, tmp_path: Path
):
    path = tmp_path / "clf.npz"
    model.save(path)
    _rewritten(path, lambda header, arrays: arrays.update(weights=arrays["weights"][:-1]))
    with pytest.raises(UntrustedModelError, match="not written by `IloClassifier.save`"):
        IloClassifier.load(path)


def test_model_trained_on_other_features_is_refused(model: IloClassifier, tmp_path: Path):
    path = tmp_path / "clf.npz"
    model.save(path)

    def drop_last_feature(header: dict, arrays: dict) -> None:
        names = array_text(arrays["structured_names"]).split("\n")
        arrays["structured_names"] = text_array("\n".join(names[:-1]))

    _rewritten(path, drop_last_feature)
    with pytest.raises(UntrustedModelError, match="different concept or rule features"):
        IloClassifier.load(path)


def test_training_is_deterministic_for_a_seed():
    findings = wording_findings(held_out=False, fills=1, seed=1)[::4]
    args = ([f.as_input() for f in findings], [f.codes for f in findings])
    groups = [f.group or f.id for f in findings]
    small = Settings(folds=2, word_max_features=500, char_max_features=500)
    first = IloClassifier.fit(*args, groups=groups, seed=7, settings=small)
    second = IloClassifier.fit(*args, groups=groups, seed=7, settings=small)
    assert np.array_equal(first.weights, second.weights)
    assert first.thresholds == second.thresholds
    assert np.array_equal(first.calibration, second.calibration)
