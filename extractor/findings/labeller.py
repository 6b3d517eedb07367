"""The learned block labeller: what each block is, and whether it starts a finding.

Two stages, both scikit-learn:
1. a text model (logistic regression over TF-IDF of the block's words and of the words that name
   it, plus the scaled numeric features) gives role probabilities;
2. gradient-boosted trees over the numeric features, the block's own text-model probabilities and
   its neighbours' (two before, two after) give the final role, and a second tree model gives the
   probability that the block starts a finding.
Stage 2 is trained on out-of-fold stage-1 probabilities (documents split into folds), so it
learns how far to trust the text model on reports it has not seen.

Persisted with skops, never pickle: `load` refuses any type outside `TRUSTED_TYPES`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MaxAbsScaler
from skops.io import dump

from extractor.findings import forest
from extractor.findings.features import (
    NEIGHBOUR_SHIFTS,
    context_text,
    dense_features,
    normalised_text,
    peer_features,
    shifted,
)
from extractor.findings.supervision import OUTSIDE, ROLES
from extractor.indicators.classifier import load_allowed, rebuilt_vectorizer, vocabulary_text
from extractor.reading.blocks import Block
from extractor.record.schema import Standard
from extractor.threads import single_threaded

MODEL_VERSION = "1.0.0"
FOLDS = 3
START_THRESHOLD = 0.5
# Character n-grams (for OCR noise and unseen word forms) are taken from the start of a block
# only: the first sentence says what a block is, and long paragraphs cost most to analyse.
CHAR_PREFIX = 240
NEAR_FINDING = 2
VECTORIZERS = ("words", "chars", "context")
TREE_MODELS = ("role_model", "start_model")
# At inference, a block whose text-model probability of lying outside every finding is at least
# this skips the trees. On a third of the held-out realistic families' blocks (44,666; model of
# 2026-11-26) 0.95 skipped 75 % of them and the trees disagreed on 12 of those; detection on
# the held-out families and layouts was the same as with no skipping.
SURE_OUTSIDE = 0.95


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

TRUSTED_TYPES = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.str",
        "builtins.float",
        "builtins.int",
        "builtins.tuple",
        "numpy.dtype",
        "numpy.float32",
        "numpy.float64",
        "numpy.int64",
        "numpy.ndarray",
        "scipy.sparse._csr.csr_matrix",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.preprocessing._data.MaxAbsScaler",
        "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
        "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
        "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
        "sklearn._loss.link.Interval",
        "sklearn._loss.link.LogitLink",
        "sklearn._loss.link.MultinomialLogit",
        "sklearn._loss.loss.HalfBinomialLoss",
        "sklearn._loss.loss.HalfMultinomialLoss",
        "sklearn.utils._bunch.Bunch",
        "numpy.random._pcg64.PCG64",
        "numpy.random._generator.Generator",
        "numpy.random.bit_generator.SeedSequence",
        "numpy.random.mtrand.RandomState",
        "numpy.random._mt19937.MT19937",
    }
)


@dataclass
class BlockPrediction:
    """Per block: the role, its probability, and the probability that it starts a finding."""

    roles: list[str]
    role_scores: list[float]
    start_scores: list[float]
    role_proba: np.ndarray | None = None  # (blocks, ROLES) for decoding alternatives

    @property
    def starts(self) -> list[bool]:
        return [s >= START_THRESHOLD for s in self.start_scores]

    @property
    def finding_scores(self) -> list[float]:
        """How sure the labeller is of each block's part in a finding: role and start agree."""
        return [
            role * (start if start >= START_THRESHOLD else 1.0 - start)
            for role, start in zip(self.role_scores, self.start_scores, strict=True)
        ]


class BlockLabeller:
    """Role and start-of-finding predictions for the blocks of one report."""

    def __init__(self, parts: dict[str, Any], version: str = MODEL_VERSION) -> None:
        self.words: TfidfVectorizer = parts["words"]
        self.chars: TfidfVectorizer = parts["chars"]
        self.context: TfidfVectorizer = parts["context"]
        self.scaler: MaxAbsScaler = parts["scaler"]
        self.text_model: LogisticRegression = parts["text_model"]
        self.role_model: HistGradientBoostingClassifier = parts["role_model"]
        self.start_model: HistGradientBoostingClassifier = parts["start_model"]
        self.version = version

    @property
    def name(self) -> str:
        return f"block-labeller-{self.version}"

    # -- inference --------------------------------------------------------------------------

    def predict(self, blocks: Sequence[Block], standard: Standard) -> BlockPrediction:
        """Label the blocks of one report (in reading order)."""
        if not blocks:
            return BlockPrediction([], [], [])
        # One report is a few hundred rows: OpenMP threads in the trees cost more than they save
        # and spin against the other extraction workers on the machine.
        with single_threaded("openmp"):
            return self._predict(blocks, standard)

    def _predict(self, blocks: Sequence[Block], standard: Standard) -> BlockPrediction:
        dense = dense_features(blocks, standard)
        text_proba = _align(
            self.text_model.predict_proba(self._text_matrix(blocks, dense)),
            self.text_model.classes_,
        )
        stacked = _stack(dense, text_proba, blocks)
        # Blocks the text model is sure lie outside every finding (most of a long report's
        # tables) keep its answer: the trees, most of the cost, only see the rest.
        rest = text_proba[:, ROLES.index(OUTSIDE)] < SURE_OUTSIDE
        role_proba = text_proba.copy()
        start_proba = np.zeros(len(blocks))
        if rest.any():
            role_proba[rest] = _align(
                self.role_model.predict_proba(_by_column(stacked[rest])), self.role_model.classes_
            )
            with_roles = _with_roles(stacked, role_proba)[rest]
            start_proba[rest] = self.start_model.predict_proba(_by_column(with_roles))[:, 1]
        best = role_proba.argmax(axis=1)
        roles = [ROLES[i] for i in best]
        return BlockPrediction(
            roles=roles,
            role_scores=[float(role_proba[i, j]) for i, j in enumerate(best)],
            start_scores=[float(p) for p in start_proba],
            role_proba=role_proba,
        )

    def _text_matrix(self, blocks: Sequence[Block], dense: np.ndarray) -> sparse.csr_matrix:
        texts = [normalised_text(b.text) or "empty" for b in blocks]
        contexts = [context_text(b) for b in blocks]
        return sparse.hstack(
            [
                _transform_distinct(self.words, texts),
                _transform_distinct(self.chars, [t[:CHAR_PREFIX] for t in texts]),
                _transform_distinct(self.context, contexts),
                sparse.csr_matrix(self.scaler.transform(dense)),
            ]
        ).tocsr()

    # -- training ---------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
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
        return cls(
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

    # -- persistence ------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the model with skops (plain scikit-learn objects, lists and dicts only)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        state: dict[str, Any] = {
            "version": self.version,
            "scaler": self.scaler,
            "text_model": self.text_model,
        }
        # Trees as a few concatenated arrays (`forest`): skops read the 4,600 small arrays of
        # the trees one by one (load 0.75 s -> 0.08 s on the bench machine).
        for name in TREE_MODELS:
            state[name], state[f"{name}_trees"] = forest.packed(getattr(self, name))
        # Vocabularies as one string each, not dicts: skops writes every dict key as its own
        # schema entry (a 51 MB file that took 5 s to load).
        for name in VECTORIZERS:
            vectorizer = getattr(self, name)
            state[f"{name}_vocabulary"] = vocabulary_text(vectorizer)
            state[f"{name}_idf"] = vectorizer.idf_
        dump(state, path, compression=zipfile.ZIP_DEFLATED, compresslevel=6)

    @classmethod
    def load(cls, path: Path) -> BlockLabeller:
        """Load a model saved by `save`, refusing files that would construct other types."""
        state = load_allowed(path, TRUSTED_TYPES)
        for name in TREE_MODELS:
            if f"{name}_trees" in state:  # files saved before the trees were packed have none
                state[name] = forest.unpacked(state[name], state.pop(f"{name}_trees"))
        for name, template in zip(VECTORIZERS, _vectorizers(), strict=True):
            state[name] = rebuilt_vectorizer(
                state.pop(f"{name}_vocabulary"), state.pop(f"{name}_idf"), template
            )
        return cls(state, version=state["version"])


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


def _transform_distinct(vectorizer: TfidfVectorizer, texts: list[str]) -> sparse.csr_matrix:
    """`vectorizer.transform(texts)`, analysing each distinct text once: the same rows (a row
    depends on its text only), for a tenth to a half of the work on long reports, whose table
    cells, labels and running headers repeat."""
    index: dict[str, int] = {}
    rows = [index.setdefault(text, len(index)) for text in texts]
    return vectorizer.transform(list(index))[rows]


def _align(proba: np.ndarray, classes: Sequence[str]) -> np.ndarray:
    """Put a model's class columns in `ROLES` order (a class never seen stays 0)."""
    if list(classes) == list(ROLES):
        return proba
    out = np.zeros((proba.shape[0], len(ROLES)))
    for j, role in enumerate(classes):
        out[:, ROLES.index(role)] = proba[:, j]
    return out


def _stack(dense: np.ndarray, text_proba: np.ndarray, blocks: Sequence[Block]) -> np.ndarray:
    """Numeric features + own, neighbours' and same-labelled peers' text-model probabilities
    (one report's blocks, in reading order)."""
    neighbours = [shifted(text_proba, s) for s in NEIGHBOUR_SHIFTS]
    peers = peer_features(blocks, text_proba)
    return np.hstack([dense, text_proba, *neighbours, peers]).astype(np.float32)


def _by_column(rows: np.ndarray) -> np.ndarray:
    """The trees' input in column order (and the float64 they read): a tree reads one feature
    of every row before the next, so it reads memory in order. The same values: the trees' CPU
    goes down by a fifth, their predictions are unchanged."""
    return np.asfortranarray(rows, dtype=np.float64)


def _document_masks(groups: np.ndarray, count: int) -> list[np.ndarray]:
    return [groups == i for i in range(count)]


def _with_roles(stacked: np.ndarray, role_proba: np.ndarray) -> np.ndarray:
    previous = shifted(role_proba, -1)
    return np.hstack([stacked, role_proba, previous]).astype(np.float32)


__all__ = ["BlockLabeller", "BlockPrediction", "OUTSIDE"]
