"""Precision, recall and F1 from counts: the arithmetic every evaluation table shares.

Pure functions over plain values; nothing here knows about PDFs, findings or models. A score
whose denominator is zero is `None` ("not measurable"), never a made-up 0 or 1, so an empty
breakdown cannot pass for a perfect or a failed one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, computed_field


class PRF(BaseModel):
    """True positive, false positive and false negative counts, with the scores they imply."""

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return self.tp / self.support if self.support else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        # 2tp / (2tp + fp + fn) is the harmonic mean of P and R, and stays defined (as 0) when
        # only one of them is: predictions with no gold, or gold with no predictions.
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def support(self) -> int:
        """Number of gold items."""
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


def total(counts: Iterable[PRF]) -> PRF:
    """Sum counts (the micro average is the score of the sum)."""
    result = PRF()
    for item in counts:
        result = result + item
    return result


def compare_bags(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    """Count matches between two multisets: each gold item can be matched by one prediction."""
    pred_counts, gold_counts = Counter(predicted), Counter(gold)
    tp = sum((pred_counts & gold_counts).values())
    return PRF(tp=tp, fp=pred_counts.total() - tp, fn=gold_counts.total() - tp)


class LabelScores(BaseModel):
    """Counts per label, their micro sum, and macro means over labels that have gold support.

    A label with no gold item has no recall, so averaging it in would reward or punish nothing
    but its false positives; those still lower micro precision and its own row shows them.
    """

    per_label: dict[str, PRF]
    micro: PRF
    macro_precision: float | None
    macro_recall: float | None
    macro_f1: float | None
    macro_labels: int


def aggregate(per_label: Mapping[str, PRF], labels: Iterable[str] = ()) -> LabelScores:
    """Build micro and macro scores; `labels` adds rows (zero counts) for labels never seen."""
    rows = {label: PRF() for label in labels}
    for label, counts in per_label.items():
        rows[label] = rows.get(label, PRF()) + counts
    supported = [counts for counts in rows.values() if counts.support]

    def mean(values: list[float | None]) -> float | None:
        # A supported label that is never predicted has undefined precision; it scores 0 here.
        return sum(v or 0.0 for v in values) / len(values) if values else None

    return LabelScores(
        per_label=dict(sorted(rows.items())),
        micro=total(rows.values()),
        macro_precision=mean([c.precision for c in supported]),
        macro_recall=mean([c.recall for c in supported]),
        macro_f1=mean([c.f1 for c in supported]),
        macro_labels=len(supported),
    )


def add_counts(into: dict[str, PRF], other: Mapping[str, PRF]) -> None:
    """Add `other`'s per-label counts into `into`, in place."""
    for label, counts in other.items():
        into[label] = into.get(label, PRF()) + counts


def multilabel_counts(
    predicted: Sequence[Iterable[str]], gold: Sequence[Iterable[str]]
) -> dict[str, PRF]:
    """Count per label over items that each carry a set of labels (duplicates ignored)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold items")
    counts: dict[str, PRF] = {}
    for pred_labels, gold_labels in zip(predicted, gold, strict=True):
        pred_set, gold_set = set(pred_labels), set(gold_labels)
        for label in pred_set | gold_set:
            hit = label in pred_set and label in gold_set
            counts[label] = counts.get(label, PRF()) + PRF(
                tp=int(hit),
                fp=int(label in pred_set and not hit),
                fn=int(label in gold_set and not hit),
            )
    return counts


def multilabel_scores(
    predicted: Sequence[Iterable[str]], gold: Sequence[Iterable[str]], labels: Iterable[str] = ()
) -> LabelScores:
    """Score multi-label predictions per label, with micro and macro averages."""
    return aggregate(multilabel_counts(predicted, gold), labels)


def span_counts(
    predicted: Sequence[Iterable[tuple]], gold: Sequence[Iterable[tuple]]
) -> dict[str, PRF]:
    """Count labelled spans per label; a span is a tuple whose first element is its label.

    A prediction is right only when the whole tuple equals a gold one: (label, start, end) for
    exact-offset span scores, (label, text) when offsets are not comparable.
    """
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold items")
    counts: dict[str, PRF] = {}
    for pred_spans, gold_spans in zip(predicted, gold, strict=True):
        pred_list, gold_list = list(pred_spans), list(gold_spans)
        for label in {span[0] for span in pred_list} | {span[0] for span in gold_list}:
            counts[label] = counts.get(label, PRF()) + compare_bags(
                [span for span in pred_list if span[0] == label],
                [span for span in gold_list if span[0] == label],
            )
    return counts


def span_scores(
    predicted: Sequence[Iterable[tuple]],
    gold: Sequence[Iterable[tuple]],
    labels: Iterable[str] = (),
) -> LabelScores:
    """Score labelled spans per label (exact tuple match), with micro and macro averages."""
    return aggregate(span_counts(predicted, gold), labels)


class Accuracy(BaseModel):
    """How often a predicted value equals gold, and how often either side is missing."""

    model_config = ConfigDict(frozen=True)

    correct: int = 0
    total: int = 0
    predicted_null: int = 0
    gold_null: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(
            correct=self.correct + other.correct,
            total=self.total + other.total,
            predicted_null=self.predicted_null + other.predicted_null,
            gold_null=self.gold_null + other.gold_null,
        )


def accuracy(predicted: Sequence[object], gold: Sequence[object]) -> Accuracy:
    """Compare values pairwise by equality (None == None counts as correct)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold items")
    return Accuracy(
        correct=sum(p == g for p, g in zip(predicted, gold, strict=True)),
        total=len(gold),
        predicted_null=sum(p is None for p in predicted),
        gold_null=sum(g is None for g in gold),
    )
