"""Per-family scores of the finding reader: detection and field accuracy on matched findings.

Real parts: gold reports of `labelled_samples/test`, the real PDF reader (into a temporary
cache), the shipped block labeller and the real grouping.
"""

from __future__ import annotations

from pathlib import Path

from extractor.evaluation.gold import load_gold
from extractor.evaluation.reader_cv import (
    CrossValidation,
    format_cross_validation,
    reader_examples,
    score_family,
)
from extractor.findings.labeller import BlockLabeller

REPO = Path(__file__).resolve().parent.parent


def test_family_score_counts_fields_of_matched_findings(tmp_path: Path) -> None:
    docs = [d for d in load_gold(("test",), REPO / "labelled_samples") if not d.scanned][:2]
    labeller = BlockLabeller.load(REPO / "models" / "block_labeller.npz")
    score = score_family("legacy", labeller, reader_examples(docs, cache_dir=tmp_path))

    matched = score.fields["matched"]
    assert matched == score.all.tp > 0
    for name in ("kind", "grade", "clause"):
        assert 0 <= score.fields[name] <= matched
    assert score.field_accuracy("kind") == score.fields["kind"] / matched

    printed = format_cross_validation(CrossValidation(families=[score]), "two test reports")
    assert f"legacy: {score.fields['kind'] / matched:.3f} / " in printed
    assert f"({matched} matched)" in printed


def test_saved_labeller_predicts_the_same_to_the_bit(tmp_path: Path) -> None:
    """A labeller saved as arrays and loaded again gives exactly the probabilities of the one
    that was saved."""
    import numpy as np

    from extractor.evaluation.reader_cv import fit_labeller

    docs = [d for d in load_gold(("train",), REPO / "labelled_samples") if not d.scanned][:4]
    examples = reader_examples(docs, cache_dir=tmp_path)
    fitted = fit_labeller(examples, profile="quick")
    path = tmp_path / "block_labeller.npz"
    fitted.save(path)
    loaded = BlockLabeller.load(path)

    for example in examples:
        blocks, standard = example.labelled.blocks, example.labelled.standard
        before, after = fitted.predict(blocks, standard), loaded.predict(blocks, standard)
        assert before.role_proba is not None and after.role_proba is not None
        assert np.array_equal(before.role_proba, after.role_proba)
        assert before.start_scores == after.start_scores
    for name in ("role_model", "start_model"):
        saved, read = getattr(fitted, name).arrays(), getattr(loaded, name).arrays()
        assert len(getattr(loaded, name).roots) > 0
        assert all(np.array_equal(saved[part], read[part]) for part in saved)
