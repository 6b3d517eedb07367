"""Classifier evaluation: calibration arithmetic, scoring, the evaluation sets and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.evaluation.classifier_eval import (
    AUDITOR_STYLE,
    CLASSIFIER_SETS_DIR,
    HELD_OUT_WORDING,
    expected_calibration_error,
    load_findings,
    score_mapper,
)
from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR
from extractor.indicators.classifier_input import LabelledFinding
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.indicators.taxonomy import load_taxonomy
from extractor.pipeline import CLASSIFIER_FILENAME, DEFAULT_MODELS_DIR
from pipelines.training.classifier_data import (
    COMBINED_SHARE,
    HELD_OUT_FILLS,
    TRAIN_FILLS,
    wording_findings,
)

SETS = DEFAULT_SAMPLES_DIR / CLASSIFIER_SETS_DIR


def test_ece_of_a_hand_computed_example():
    # Bin 1 holds 0.1, 0.1 with outcomes 0, 1: |0.1 - 0.5| * 2/4 = 0.2.
    # Bin 9 holds 0.9, 0.9 with outcomes 1, 1: |0.9 - 1.0| * 2/4 = 0.05.
    assert expected_calibration_error([0.1, 0.1, 0.9, 0.9], [0, 1, 1, 1]) == pytest.approx(0.25)


def test_ece_is_zero_when_frequencies_match_and_one_is_in_the_last_bin():
    assert expected_calibration_error([0.25] * 4, [1, 0, 0, 0]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0, 1.0], [1, 1]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0, 0.0], [0, 1]) == pytest.approx(1.0)


def test_ece_of_nothing_is_undefined_and_mismatched_lengths_raise():
    assert expected_calibration_error([], []) is None
    with pytest.raises(ValueError):
        expected_calibration_error([0.5, 0.5], [1])


def test_score_mapper_counts_findings_left_without_a_code():
    findings = [
        LabelledFinding(id="a", text="Passports are kept by HR in a safe.", codes=["FL07"]),
        LabelledFinding(id="b", text="The boiler room is tidy.", codes=["OHS"]),
        LabelledFinding(id="c", text="The permit for the dye house expired.", codes=[]),
        LabelledFinding(id="d", text="Fire exits were blocked.", codes=[]),
    ]
    scores = score_mapper(KeywordMapper(), findings, name="rules")
    assert scores.findings == 4 and scores.with_gold == 2 and scores.without_gold == 2
    # Keyword rules: "passport" hits FL07, nothing hits the boiler room or the permit,
    # "fire"/"exit" hit OHS on the finding whose gold has no code.
    assert scores.no_code == 2
    assert scores.no_code_with_gold == 1
    assert scores.no_gold_given_code == 1
    assert scores.per_label["FL07"].counts.tp == 1
    assert scores.per_label["OHS"].counts.fp == 1 and scores.per_label["OHS"].counts.fn == 1
    assert scores.per_label["FL07"].ece is None


def test_auditor_style_set_is_labelled_with_known_codes_and_covers_every_code():
    findings = load_findings(SETS / AUDITOR_STYLE)
    assert len(findings) >= 100
    codes = set(load_taxonomy().codes)
    seen = {code for f in findings for code in f.codes}
    assert seen == codes
    assert any(not f.codes for f in findings)


def test_held_out_wording_set_is_current_and_never_in_training():
    committed = load_findings(SETS / HELD_OUT_WORDING)
    regenerated = wording_findings(held_out=True, fills=HELD_OUT_FILLS, seed=0)
    assert [f.model_dump() for f in committed] == [f.model_dump() for f in regenerated], (
        "run `python -m pipelines.training.classifier_data` after editing the wording banks"
    )
    train = wording_findings(
        held_out=False, fills=TRAIN_FILLS, seed=0, combined_share=COMBINED_SHARE
    )
    held_groups = {f.group for f in committed}
    assert not held_groups & {f.group for f in train}
    assert not {f.text for f in committed} & {f.text for f in train}


@pytest.mark.skipif(
    not (DEFAULT_MODELS_DIR / CLASSIFIER_FILENAME).exists(), reason="no trained classifier"
)
def test_evaluate_classifier_prints_every_set_and_writes_json(tmp_path: Path, capsys):
    out = tmp_path / "classifier.json"
    assert main(["evaluate", "--classifier", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    for name in ("held_out_wording", "test_split", "auditor_style", "SYNTHETIC", "ECE"):
        assert name in printed
    report = json.loads(out.read_text())
    assert [s["name"] for s in report["sets"]] == [
        "held_out_wording",
        "test_split",
        "auditor_style",
    ]
    for result in report["sets"]:
        assert result["classifier"]["findings"] == result["baseline"]["findings"] > 0
