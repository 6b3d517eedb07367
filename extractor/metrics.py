"""Precision, recall and F1 from counts; the arithmetic shared by every evaluation table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from pydantic import BaseModel, computed_field


class PRF(BaseModel):
    """True/false positive and false negative counts, with the scores they imply."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @computed_field
    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn


def compare_multisets(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    """Count matches between two bags of items (duplicates count once each)."""
    pred_counts, gold_counts = Counter(predicted), Counter(gold)
    tp = sum((pred_counts & gold_counts).values())
    return PRF(tp=tp, fp=sum(pred_counts.values()) - tp, fn=sum(gold_counts.values()) - tp)


class LabelScores(BaseModel):
    """Scores per label plus micro and macro averages (macro over labels with gold support)."""

    per_label: dict[str, PRF]

    @computed_field
    @property
    def micro(self) -> PRF:
        total = PRF()
        for counts in self.per_label.values():
            total.add(counts.tp, counts.fp, counts.fn)
        return total

    @computed_field
    @property
    def macro_f1(self) -> float:
        # Labels absent from gold have no recall to average; they still cost micro precision.
        supported = [c.f1 for c in self.per_label.values() if c.support]
        return sum(supported) / len(supported) if supported else 0.0


def label_scores(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> LabelScores:
    """Score multi-label predictions: `pairs` yields (predicted labels, gold labels) per item."""
    per_label: dict[str, PRF] = {}
    for predicted, gold in pairs:
        pred_set, gold_set = set(predicted), set(gold)
        for label in pred_set | gold_set:
            per_label.setdefault(label, PRF()).add(
                tp=int(label in pred_set and label in gold_set),
                fp=int(label in pred_set and label not in gold_set),
                fn=int(label in gold_set and label not in pred_set),
            )
    return LabelScores(per_label=dict(sorted(per_label.items())))


def span_scores(pairs: Iterable[tuple[Iterable[tuple], Iterable[tuple]]]) -> LabelScores:
    """Score labelled spans: items are tuples whose first element is the label."""
    per_label: dict[str, PRF] = {}
    for predicted, gold in pairs:
        predicted, gold = list(predicted), list(gold)
        for label in {s[0] for s in predicted} | {s[0] for s in gold}:
            counts = compare_multisets(
                [s for s in predicted if s[0] == label], [s for s in gold if s[0] == label]
            )
            per_label.setdefault(label, PRF()).add(counts.tp, counts.fp, counts.fn)
    return LabelScores(per_label=dict(sorted(per_label.items())))
