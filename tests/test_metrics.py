"""P/R/F1 arithmetic on small hand-computed cases, including the empty and one-sided ones."""

from __future__ import annotations

import pytest

from extractor.evaluation.metrics import (
    PRF,
    Accuracy,
    accuracy,
    aggregate,
    compare_bags,
    multilabel_scores,
    span_scores,
    total,
)


def test_prf_scores_from_counts() -> None:
    counts = PRF(tp=1, fp=0, fn=3)
    assert counts.precision == 1.0
    assert counts.recall == 0.25
    # harmonic mean of 1.0 and 0.25 = 2 * 0.25 / 1.25
    assert counts.f1 == pytest.approx(0.4)
    assert counts.support == 4


def test_prf_with_nothing_to_count_is_undefined_not_zero_or_one() -> None:
    empty = PRF()
    assert (empty.precision, empty.recall, empty.f1, empty.support) == (None, None, None, 0)


def test_prf_without_predictions_has_zero_recall_and_f1() -> None:
    missed = PRF(fn=3)
    assert missed.precision is None
    assert missed.recall == 0.0
    assert missed.f1 == 0.0


def test_prf_without_gold_has_zero_precision_and_f1() -> None:
    spurious = PRF(fp=2)
    assert spurious.precision == 0.0
    assert spurious.recall is None
    assert spurious.f1 == 0.0
    assert spurious.support == 0


def test_prf_adds_counts_and_total_is_the_micro_sum() -> None:
    assert PRF(tp=1, fp=2, fn=3) + PRF(tp=4, fn=1) == PRF(tp=5, fp=2, fn=4)
    assert total([PRF(tp=1), PRF(fp=1), PRF(fn=1)]) == PRF(tp=1, fp=1, fn=1)
    assert total([]) == PRF()


def test_prf_serialises_its_scores() -> None:
    dumped = PRF(tp=2, fp=2).model_dump()
    assert dumped == {
        "tp": 2,
        "fp": 2,
        "fn": 0,
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(2 / 3),
        "support": 2,
    }


def test_compare_bags_matches_each_gold_item_once() -> None:
    # 'a' twice predicted, once in gold: one hit, one false positive.
    assert compare_bags(["a", "a", "b"], ["a", "c"]) == PRF(tp=1, fp=2, fn=1)
    assert compare_bags([], []) == PRF()


def test_multilabel_per_label_micro_and_macro() -> None:
    predicted = [{"A", "B"}, {"A"}, set()]
    gold = [{"A"}, {"A", "C"}, {"C"}]
    scores = multilabel_scores(predicted, gold)
    assert scores.per_label == {
        "A": PRF(tp=2),
        "B": PRF(fp=1),
        "C": PRF(fn=2),
    }
    assert scores.micro == PRF(tp=2, fp=1, fn=2)
    assert scores.micro.f1 == pytest.approx(4 / 7)  # 2*2 / (2*2 + 1 + 2)
    # B has no gold support: it is left out of macro (its false positive stays in micro).
    assert scores.macro_labels == 2
    assert scores.macro_f1 == pytest.approx(0.5)  # (A: 1.0 + C: 0.0) / 2
    assert scores.macro_precision == pytest.approx(0.5)  # C never predicted counts as 0
    assert scores.macro_recall == pytest.approx(0.5)


def test_multilabel_ignores_duplicate_labels_on_one_item() -> None:
    scores = multilabel_scores([["A", "A"]], [["A"]])
    assert scores.per_label == {"A": PRF(tp=1)}


def test_aggregate_adds_rows_for_unseen_labels_without_counting_them_in_macro() -> None:
    scores = aggregate({"A": PRF(tp=1, fn=1)}, labels=["A", "B"])
    assert scores.per_label["B"] == PRF()
    assert scores.macro_labels == 1
    assert scores.macro_f1 == pytest.approx(PRF(tp=1, fn=1).f1)


def test_macro_over_no_supported_label_is_undefined() -> None:
    scores = multilabel_scores([["A"]], [[]])
    assert scores.macro_f1 is None
    assert scores.macro_labels == 0
    assert scores.micro == PRF(fp=1)


def test_scores_refuse_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="2 predictions for 1 gold"):
        multilabel_scores([["A"], ["B"]], [["A"]])
    with pytest.raises(ValueError):
        span_scores([], [[("HOURS", 0, 4)]])


def test_span_scores_need_label_start_and_end_to_agree() -> None:
    predicted = [[("HOURS", 0, 8), ("MONEY", 10, 18)], [("AGE", 0, 2)]]
    gold = [[("HOURS", 0, 8), ("MONEY", 10, 19)], [("AGE", 0, 2), ("AGE", 5, 7)]]
    scores = span_scores(predicted, gold, labels=["HOURS", "MONEY", "AGE", "FEE"])
    assert scores.per_label["HOURS"] == PRF(tp=1)
    assert scores.per_label["MONEY"] == PRF(fp=1, fn=1)  # end off by one: both wrong
    assert scores.per_label["AGE"] == PRF(tp=1, fn=1)
    assert scores.per_label["FEE"] == PRF()
    assert scores.micro == PRF(tp=2, fp=1, fn=2)
    assert scores.macro_labels == 3


def test_span_scores_on_text_pairs_do_not_look_at_other_items() -> None:
    # The same (label, text) in another finding does not rescue a miss.
    scores = span_scores([[], [("ORG", "Acme")]], [[("ORG", "Acme")], []])
    assert scores.per_label["ORG"] == PRF(fp=1, fn=1)


def test_accuracy_counts_nulls_on_each_side() -> None:
    result = accuracy([1, None, "x", None], [1, None, "y", "z"])
    assert result == Accuracy(correct=2, total=4, predicted_null=2, gold_null=1)
    assert result.accuracy == 0.5
    assert accuracy([], []).accuracy is None
    assert (Accuracy(correct=1, total=1) + Accuracy(total=1, gold_null=1)).accuracy == 0.5
