"""Fitting the ILO classifier with scikit-learn; the result is an `IloClassifier` of plain arrays.

One logistic regression per code (one-vs-rest) plus one for "no indicator", over TF-IDF of the
finding's text and evidence and the structured features (see `classifier`). Scores are
Platt-calibrated and per-code thresholds tuned on cross-validated predictions in which whole
wording groups are held out together. Only training imports this module (and scikit-learn).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from extractor.indicators.classifier import (
    NONE_HEAD,
    IloClassifier,
    Settings,
    _sigmoid,
    has_indicators,
)
from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.features import evidence_text, model_text, structured_features
from extractor.indicators.taxonomy import load_taxonomy
from extractor.inference.tfidf import tfidf_from_vectorizer


@dataclass
class FitDiagnostics:
    """What cross-validation saw while fitting: out-of-fold probabilities per head."""

    heads: list[str]
    oof_proba: np.ndarray
    targets: np.ndarray
    folds: int
    groups: int


def _vectorizers(settings: Settings) -> tuple[TfidfVectorizer, TfidfVectorizer, TfidfVectorizer]:
    """The finding text's word and character n-grams, and the evidence's word n-grams."""
    words = _sublinear(settings.word_ngrams, settings.word_min_df, settings.word_max_features)
    chars = _sublinear(
        settings.char_ngrams, settings.char_min_df, settings.char_max_features, analyzer="char_wb"
    )
    evidence = _sublinear(
        settings.word_ngrams, settings.word_min_df, settings.evidence_max_features
    )
    return words, chars, evidence


def _sublinear(
    ngrams: tuple[int, int], min_df: int, max_features: int, *, analyzer: str = "word"
) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=ngrams,
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )


def _fit_or_empty(vectorizer: TfidfVectorizer, texts: list[str]) -> Any:
    """Fit the evidence vectoriser; with no evidence anywhere, keep a one-term vocabulary."""
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary: no training finding printed evidence
        vectorizer.set_params(vocabulary={"evidence": 0}, min_df=1, max_features=None)
        return vectorizer.fit_transform(texts)


def fit_classifier(
    items: list[ClassifierInput],
    labels: list[list[str]],
    *,
    groups: list[str] | None = None,
    seed: int = 0,
    settings: Settings | None = None,
) -> tuple[IloClassifier, FitDiagnostics]:
    """Train, calibrating and tuning thresholds on group-wise out-of-fold predictions.

    `groups` names where each finding's wording came from; findings of one group never sit
    on both sides of a fold. Codes with no positive example get no head.
    """
    settings = settings or Settings()
    if len(items) != len(labels):
        raise ValueError(f"{len(items)} findings for {len(labels)} label lists")
    groups = groups or [str(i) for i in range(len(items))]
    present = {code for row in labels for code in row}
    codes = [code for code in load_taxonomy().codes if code in present]
    heads = [*codes, NONE_HEAD]
    targets = np.array(
        [[(code in row) for code in codes] + [not row] for row in labels], dtype=np.int8
    )
    words, chars, evidence = _vectorizers(settings)
    texts = [model_text(item) for item in items]
    evidence_texts = [evidence_text(item) for item in items]
    structured = structured_features(items) * settings.structured_scale
    features = hstack(
        [
            words.fit_transform(texts),
            chars.fit_transform(texts),
            _fit_or_empty(evidence, evidence_texts),
            csr_matrix(structured),
        ]
    ).tocsr()

    n_folds = max(2, min(settings.folds, len(set(groups))))
    oof_scores = np.zeros(targets.shape, dtype=np.float64)
    splitter = GroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for train_rows, test_rows in splitter.split(features, groups=groups):
        weights, bias = _fit_heads(features[train_rows], targets[train_rows], settings, seed)
        oof_scores[test_rows] = features[test_rows] @ weights.T + bias
    weights, bias = _fit_heads(features, targets, settings, seed)
    weights[np.abs(weights) < settings.prune_below] = 0.0

    calibration = np.array([_platt(oof_scores[:, j], targets[:, j]) for j in range(len(heads))])
    oof_proba = _sigmoid(oof_scores * calibration[:, 0] + calibration[:, 1])
    thresholds = {
        code: _best_threshold(oof_proba[:, j], targets[:, j]) for j, code in enumerate(codes)
    }
    model = IloClassifier(
        words=tfidf_from_vectorizer(words),
        chars=tfidf_from_vectorizer(chars),
        evidence=tfidf_from_vectorizer(evidence),
        heads=heads,
        weights=weights.astype(np.float32),
        bias=bias,
        calibration=calibration,
        thresholds=thresholds,
        none_threshold=1.0,
        fallback_floor=0.0,
        settings=settings,
    )
    model.none_threshold, model.fallback_floor = _tune_abstention(
        model, items, oof_proba, targets[:, :-1]
    )
    diagnostics = FitDiagnostics(
        heads=heads,
        oof_proba=oof_proba,
        targets=targets,
        folds=n_folds,
        groups=len(set(groups)),
    )
    return model, diagnostics


def _tune_abstention(
    model: IloClassifier, items: list[ClassifierInput], proba: np.ndarray, gold: np.ndarray
) -> tuple[float, float]:
    """Pick when to give a code to a finding no threshold fired for, by out-of-fold F1."""
    rows = [i for i, item in enumerate(items) if has_indicators(item)]
    if not rows:
        return 1.0, 0.0
    sub_items = [items[i] for i in rows]
    sub_proba, sub_gold = proba[rows], gold[rows].astype(bool)
    best = (-1.0, 1.0, 0.0)
    for none_threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
        for floor in (0.0, 0.02, 0.05, 0.1, 0.2):
            decided = model._decide(sub_items, sub_proba, none_threshold, floor)
            tp = float((decided & sub_gold).sum())
            f1 = 2 * tp / (decided.sum() + sub_gold.sum()) if tp else 0.0
            if f1 > best[0] + 1e-9:
                best = (f1, none_threshold, floor)
    return best[1], best[2]


def _fit_heads(
    features: Any, targets: np.ndarray, settings: Settings, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Fit one logistic regression per head column; a constant column gets a constant head."""
    weights = np.zeros((targets.shape[1], features.shape[1]), dtype=np.float64)
    bias = np.zeros(targets.shape[1], dtype=np.float64)
    for j in range(targets.shape[1]):
        target = targets[:, j]
        positives = int(target.sum())
        if positives in (0, len(target)):
            # Nothing to separate in this fold: predict the constant with a strong bias.
            bias[j] = 8.0 if positives else -8.0
            continue
        model = LogisticRegression(C=settings.c, max_iter=3000, random_state=seed)
        model.fit(features, target)
        weights[j] = model.coef_[0]
        bias[j] = model.intercept_[0]
    return weights, bias


def _platt(scores: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """Fit p = sigmoid(a * score + b) on out-of-fold scores (Platt scaling)."""
    if target.min() == target.max():
        return 1.0, 0.0
    model = LogisticRegression(C=100.0, max_iter=1000)
    model.fit(scores.reshape(-1, 1), target)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def _best_threshold(proba: np.ndarray, target: np.ndarray) -> float:
    """The threshold that maximises F1 on out-of-fold probabilities; ties go nearest 0.5."""
    if target.sum() == 0:
        return 0.5
    best, best_key = 0.5, (-1.0, 0.0)
    for threshold in np.arange(0.1, 0.91, 0.025):
        predicted = proba >= threshold
        tp = float((predicted & (target == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + target.sum()) if tp else 0.0
        key = (round(f1, 6), -abs(threshold - 0.5))
        if key > best_key:
            best, best_key = float(threshold), key
    return round(best, 3)
