"""The learning curve: which reports it corrects and scores, what it refuses, and a short run.

The run accepts a held-out layout's report as a correction through the review app's path,
retrains the classifier and scores the layout's other reports with `evaluate`'s code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluation.gold import load_gold
from pipelines.training.learning_curve import (
    CurveError,
    family_documents,
    interleaved,
    learning_curve,
    split_family,
    variant_of,
)

SAMPLES = Path(__file__).resolve().parent.parent / "labelled_samples"


def test_a_family_the_models_trained_on_is_refused() -> None:
    with pytest.raises(CurveError, match="training data"):
        family_documents("bsci_table", SAMPLES)
    with pytest.raises(CurveError, match="no documents"):
        family_documents("no_such_family", SAMPLES)


def test_corrections_are_text_reports_and_the_rest_is_scored() -> None:
    docs = family_documents("rba_prose", SAMPLES)
    to_correct, evaluated = split_family(docs, 4)
    assert [d.doc_id for d in to_correct] == [f"rba_prose-0{n}" for n in (1, 2, 3, 4)]
    assert [d.doc_id for d in evaluated] == ["rba_prose-05", "rba_prose-06-scan"]
    with pytest.raises(CurveError, match="needs more"):
        split_family(docs, 6)
    assert len(split_family(docs, 1, max_evaluated=2)[1]) == 2


def test_variants_take_turns() -> None:
    assert variant_of("wrap-cap_table-012-scan") == "wrap-cap_table"
    docs = load_gold(["test"], SAMPLES)
    order = [variant_of(d.doc_id) for d in interleaved(docs)][:4]
    assert len(set(order)) == 4


@pytest.mark.slow
def test_a_short_curve_accepts_a_correction_and_retrains(tmp_path: Path) -> None:
    curve = learning_curve("smeta7_table", ks=(0, 1), max_evaluated=1, log=lambda _line: None)
    assert [p.k for p in curve.points] == [0, 1]
    assert curve.points[1].corrections == ["smeta7_table-01"]
    assert curve.evaluated_on == ["smeta7_table-02"]
    assert all(p.detection.support > 0 for p in curve.points)
    assert "ilo_classifier" in curve.points[1].retrained
