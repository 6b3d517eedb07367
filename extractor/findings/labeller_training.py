"""Fitting the block labeller with scikit-learn; the result is a `BlockLabeller` of plain arrays.

Two stages (see `labeller`): a logistic regression over TF-IDF of the block's words, its first
characters and the words that name it, plus its scaled numeric features; then gradient-boosted
trees over the numeric features and the text model's probabilities for the block and its
neighbours. Stage 2 is trained on out-of-fold stage-1 probabilities (documents split into
folds), so it learns how far to trust the text model on reports it has not seen.

Only training imports this module (and scikit-learn): `labeller_from_estimators` turns the
fitted estimators into the arrays `BlockLabeller` predicts with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MaxAbsScaler

from extractor.findings.features import context_text, dense_features, normalised_text
from extractor.findings.labeller import (
    CHAR_PREFIX,
    BlockLabeller,
    _align,
    _stack,
    _with_roles,
)
from extractor.findings.supervision import OUTSIDE, ROLES
from extractor.inference.linear import LinearModel
from extractor.inference.tfidf import tfidf_from_vectorizer
from extractor.inference.trees import trees_from_estimator
from extractor.reading.blocks import Block
from extractor.record.schema import Standard

FOLDS = 3
NEAR_FINDING = 2


@dataclass(frozen=True)
class TrainingProfile:
    """How much work a fit does. Most blocks of a long report are far from any finding (cover
    tables, checklists, sample records) and easy to call OUTSIDE: a fit keeps every block in or
    within `NEAR_FINDING` blocks of a finding and `keep_far_outside` of the others, weighted up
    so the class balance the models see is unchanged."""

    keep_far_outside: float
    boosting_rounds: int
    learning_rate: float


PROFILES = {
    # The shipped model (`train`): about 18 min on 330 reports, 2 cores.
    "full": TrainingProfile(keep_far_outside=0.3, boosting_rounds=120, learning_rate=0.1),
    # Cross-validation and learning curves, one fit per fold or k: about 8 min on the same
    # data; scored 0.04 F1 below "full" on the held-out realistic families (2026-11-26).
    "quick": TrainingProfile(keep_far_outside=0.1, boosting_rounds=80, learning_rate=0.15),
}


def fit_block_labeller(
    documents: Sequence[tuple[Sequence[Block], Standard, Sequence[str], Sequence[bool]]],
    *,
    seed: int = 0,
    profile: str = "full",
) -> BlockLabeller:
    """Train on documents given as (blocks, standard, true roles, true starts)."""
    settings = PROFILES[profile]
    blocks = [b for doc in documents for b in doc[0]]
    groups = np.array([i for i, doc in enumerate(documents) for _ in doc[0]])
    roles = np.array([r for doc in documents for r in doc[2]])
    starts = np.array([bool(s) for doc in documents for s in doc[3]], dtype=int)
    dense = np.vstack([dense_features(doc[0], doc[1]) for doc in documents])
    texts = [normalised_text(b.text) or "empty" for b in blocks]
    contexts = [context_text(b) for b in blocks]
    words, chars, context = _vectorizers()
    scaler = MaxAbsScaler()
    matrix = sparse.hstack(
        [
            words.fit_transform(texts),
            chars.fit_transform([t[:CHAR_PREFIX] for t in texts]),
            context.fit_transform(contexts),
            sparse.csr_matrix(scaler.fit_transform(dense)),
        ]
    ).tocsr()
    keep, weight = _training_rows(roles, groups, settings.keep_far_outside, seed)
    text_proba = _out_of_fold_text_proba(matrix, roles, groups, keep, weight, seed)
    text_model = _text_model(seed).fit(matrix[keep], roles[keep], sample_weight=weight[keep])
    stacked = np.vstack(
        [
            _stack(dense[mask], text_proba[mask], documents[i][0])
            for i, mask in enumerate(_document_masks(groups, len(documents)))
        ]
    )
    role_model = _tree_model(settings, seed).fit(
        stacked[keep], roles[keep], sample_weight=weight[keep]
    )
    role_proba = _out_of_fold_tree_proba(stacked, roles, groups, keep, weight, settings, seed)
    start_model = _tree_model(settings, seed).fit(
        _with_roles(stacked, role_proba)[keep], starts[keep], sample_weight=weight[keep]
    )
    return labeller_from_estimators(
        {
            "words": words,
            "chars": chars,
            "context": context,
            "scaler": scaler,
            "text_model": text_model,
            "role_model": role_model,
            "start_model": start_model,
        }
    )


def labeller_from_estimators(parts: dict[str, Any], version: str | None = None) -> BlockLabeller:
    """A `BlockLabeller` from fitted scikit-learn estimators: three `TfidfVectorizer`s
    (words, chars, context), a `MaxAbsScaler` (scaler), a `LogisticRegression` (text_model) and
    two `HistGradientBoostingClassifier`s (role_model, start_model)."""
    converted: dict[str, Any] = {
        name: tfidf_from_vectorizer(parts[name]) for name in ("words", "chars", "context")
    }
    converted["scale"] = np.asarray(parts["scaler"].scale_, dtype=np.float64)
    converted["text_model"] = LinearModel.from_estimator(parts["text_model"])
    converted["role_model"] = trees_from_estimator(parts["role_model"])
    converted["start_model"] = trees_from_estimator(parts["start_model"])
    return BlockLabeller(converted) if version is None else BlockLabeller(converted, version)


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer, TfidfVectorizer]:
    """Unfitted vectorisers of the block's words, its first characters, and its naming context."""
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=40000, sublinear_tf=True)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 4), min_df=3, max_features=30000, sublinear_tf=True
    )
    context = TfidfVectorizer(
        token_pattern=r"\S+", ngram_range=(1, 2), min_df=2, max_features=20000
    )
    return words, chars, context


def _text_model(seed: int) -> LogisticRegression:
    return LogisticRegression(C=4.0, max_iter=400, class_weight="balanced", random_state=seed)


def _tree_model(settings: TrainingProfile, seed: int) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(
        max_iter=settings.boosting_rounds,
        learning_rate=settings.learning_rate,
        max_leaf_nodes=31,
        min_samples_leaf=20,
        l2_regularization=1.0,
        early_stopping=True,
        validation_fraction=0.1,
        n_iter_no_change=10,
        random_state=seed,
    )


def _folds(groups: np.ndarray, seed: int) -> list[np.ndarray]:
    """Split documents (not blocks) into folds, so no report is in its own training fold."""
    documents = np.unique(groups)
    rng = np.random.default_rng(seed)
    rng.shuffle(documents)
    fold_of = {doc: i % FOLDS for i, doc in enumerate(documents)}
    return [np.array([fold_of[g] == k for g in groups]) for k in range(FOLDS)]


def _training_rows(
    roles: np.ndarray, groups: np.ndarray, keep_far_outside: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return which blocks to fit on and their weights: every block within `NEAR_FINDING`
    blocks of a finding's block (same report), and a weighted sample of the rest."""
    inside = roles != OUTSIDE
    near = inside.copy()
    for shift in range(1, NEAR_FINDING + 1):
        before = np.zeros_like(inside)
        before[shift:] = inside[:-shift] & (groups[shift:] == groups[:-shift])
        after = np.zeros_like(inside)
        after[:-shift] = inside[shift:] & (groups[:-shift] == groups[shift:])
        near |= before | after
    sampled = np.random.default_rng(seed).random(len(roles)) < keep_far_outside
    keep = near | sampled
    weight = np.where(near, 1.0, 1.0 / keep_far_outside)
    return keep, weight


def _out_of_fold_text_proba(
    matrix: sparse.csr_matrix,
    roles: np.ndarray,
    groups: np.ndarray,
    keep: np.ndarray,
    weight: np.ndarray,
    seed: int,
) -> np.ndarray:
    proba = np.zeros((len(roles), len(ROLES)))
    for held in _folds(groups, seed):
        fit = keep & ~held
        model = _text_model(seed).fit(matrix[fit], roles[fit], sample_weight=weight[fit])
        proba[held] = _align(model.predict_proba(matrix[held]), model.classes_)
    return proba


def _out_of_fold_tree_proba(
    stacked: np.ndarray,
    roles: np.ndarray,
    groups: np.ndarray,
    keep: np.ndarray,
    weight: np.ndarray,
    settings: TrainingProfile,
    seed: int,
) -> np.ndarray:
    proba = np.zeros((len(roles), len(ROLES)))
    for held in _folds(groups, seed):
        fit = keep & ~held
        model = _tree_model(settings, seed).fit(stacked[fit], roles[fit], sample_weight=weight[fit])
        proba[held] = _align(model.predict_proba(stacked[held]), model.classes_)
    return proba


def _document_masks(groups: np.ndarray, count: int) -> list[np.ndarray]:
    return [groups == i for i in range(count)]
