"""The learned block labeller: what each block is, and whether it starts a finding.

Two stages, both scikit-learn:
1. a text model (logistic regression over TF-IDF of the block's words and of the words that name
   it, plus the scaled numeric features) gives role probabilities;
2. gradient-boosted trees over the numeric features, the block's own text-model probabilities and
   its neighbours' (two before, two after) give the final role, and a second tree model gives the
   probability that the block starts a finding.
Stage 2 is trained on out-of-fold stage-1 probabilities (documents split into folds), so it
learns how far to trust the text model on reports it has not seen.

Trained with scikit-learn (`labeller_training`); run and saved as plain arrays (`extractor.
inference`), so predicting never imports scikit-learn. Saved as a `.npz` of numbers and text,
never pickle: `load` refuses any other file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from extractor.findings.features import (
    NEIGHBOUR_SHIFTS,
    context_text,
    dense_features,
    normalised_text,
    peer_features,
    shifted,
)
from extractor.findings.supervision import OUTSIDE, ROLES
from extractor.inference.archive import UntrustedModelError, read_model, write_model
from extractor.inference.linear import LinearModel
from extractor.inference.tfidf import TfidfTerms, tfidf_arrays, tfidf_from_arrays
from extractor.inference.trees import SAVED_ARRAYS, TreeEnsemble
from extractor.reading.blocks import Block
from extractor.record.schema import Standard

MODEL_VERSION = "1.0.0"
START_THRESHOLD = 0.5
# Character n-grams (for OCR noise and unseen word forms) are taken from the start of a block
# only: the first sentence says what a block is, and long paragraphs cost most to analyse.
CHAR_PREFIX = 240
VECTORIZERS = ("words", "chars", "context")
TREE_MODELS = ("role_model", "start_model")
# At inference, a block whose text-model probability of lying outside every finding is at least
# this skips the trees. On a third of the held-out realistic families' blocks (44,666; model of
# 2026-11-26) 0.95 skipped 75 % of them and the trees disagreed on 12 of those; detection on
# the held-out families and layouts was the same as with no skipping.
SURE_OUTSIDE = 0.95


FILE_KIND = "audit-extractor/block-labeller"
FILE_FORMAT = 1


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
        self.words: TfidfTerms = parts["words"]
        self.chars: TfidfTerms = parts["chars"]
        self.context: TfidfTerms = parts["context"]
        self.scale: np.ndarray = parts["scale"]  # max |value| of each numeric feature
        self.text_model: LinearModel = parts["text_model"]
        self.role_model: TreeEnsemble = parts["role_model"]
        self.start_model: TreeEnsemble = parts["start_model"]
        self.version = version

    @property
    def name(self) -> str:
        return f"block-labeller-{self.version}"

    # -- inference --------------------------------------------------------------------------

    def predict(self, blocks: Sequence[Block], standard: Standard) -> BlockPrediction:
        """Label the blocks of one report (in reading order)."""
        if not blocks:
            return BlockPrediction([], [], [])
        dense = dense_features(blocks, standard)
        text_proba = _align(
            self.text_model.predict_proba(self._text_matrix(blocks, dense)),
            self.text_model.classes,
        )
        stacked = _stack(dense, text_proba, blocks)
        # Blocks the text model is sure lie outside every finding (most of a long report's
        # tables) keep its answer: the trees, most of the cost, only see the rest.
        rest = text_proba[:, ROLES.index(OUTSIDE)] < SURE_OUTSIDE
        role_proba = text_proba.copy()
        start_proba = np.zeros(len(blocks))
        if rest.any():
            role_proba[rest] = _align(
                self.role_model.predict_proba(stacked[rest]), self.role_model.classes
            )
            with_roles = _with_roles(stacked, role_proba)[rest]
            start_proba[rest] = self.start_model.predict_proba(with_roles)[:, 1]
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
                sparse.csr_matrix(scaled(dense, self.scale)),
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
        """Train on documents given as (blocks, standard, true roles, true starts); see
        `labeller_training.fit_block_labeller` (imports scikit-learn)."""
        from extractor.findings.labeller_training import fit_block_labeller

        return fit_block_labeller(documents, seed=seed, profile=profile)

    # -- persistence ------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the model as arrays and a JSON header (`extractor.inference.archive`)."""
        header = {
            "kind": FILE_KIND,
            "format_version": FILE_FORMAT,
            "version": self.version,
            "vectorizers": {name: getattr(self, name).settings.as_dict() for name in VECTORIZERS},
            "classes": {name: getattr(self, name).classes for name in ("text_model", *TREE_MODELS)},
        }
        arrays: dict[str, np.ndarray] = {"scale": self.scale}
        for name in VECTORIZERS:
            arrays.update(tfidf_arrays(name, getattr(self, name)))
        arrays["text_model_coef"] = self.text_model.coef
        arrays["text_model_intercept"] = self.text_model.intercept
        for name in TREE_MODELS:
            for part, array in getattr(self, name).arrays().items():
                arrays[f"{name}_{part}"] = array
        write_model(path, header, arrays)

    @classmethod
    def load(cls, path: Path) -> BlockLabeller:
        """Load a model saved by `save`; any other file is refused (`UntrustedModelError`)."""
        header, arrays = read_model(path, kind=FILE_KIND, version=FILE_FORMAT, arrays=_ARRAYS)
        try:
            return cls._from_stored(header, arrays)
        except (KeyError, TypeError, ValueError) as exc:
            raise UntrustedModelError(
                f"{path} is not a block labeller saved by this project ({exc}); retrain with "
                "`audit-extractor train`."
            ) from exc

    @classmethod
    def _from_stored(cls, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> BlockLabeller:
        classes = header["classes"]
        parts: dict[str, Any] = {
            name: tfidf_from_arrays(name, header["vectorizers"][name], arrays)
            for name in VECTORIZERS
        }
        parts["scale"] = np.asarray(arrays["scale"], dtype=np.float64)
        parts["text_model"] = LinearModel(
            coef=np.asarray(arrays["text_model_coef"], dtype=np.float64),
            intercept=np.asarray(arrays["text_model_intercept"], dtype=np.float64),
            classes=[str(c) for c in classes["text_model"]],
        )
        for name in TREE_MODELS:
            own = {part: arrays[f"{name}_{part}"] for part in SAVED_ARRAYS}
            parts[name] = TreeEnsemble.from_arrays(own, [str(c) for c in classes[name]])
        return cls(parts, version=str(header["version"]))


_ARRAYS = (
    "scale",
    "text_model_coef",
    "text_model_intercept",
    *(f"{name}_{part}" for name in VECTORIZERS for part in ("vocabulary", "idf")),
    *(f"{name}_{part}" for name in TREE_MODELS for part in SAVED_ARRAYS),
)


def scaled(dense: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Numeric features divided by their largest training magnitude (scikit-learn's
    `MaxAbsScaler.transform`: float32 features stay float32)."""
    out = np.array(dense, dtype=dense.dtype if dense.dtype == np.float32 else np.float64)
    out /= scale
    return out


def _transform_distinct(vectorizer: TfidfTerms, texts: list[str]) -> sparse.csr_matrix:
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


def _with_roles(stacked: np.ndarray, role_proba: np.ndarray) -> np.ndarray:
    previous = shifted(role_proba, -1)
    return np.hstack([stacked, role_proba, previous]).astype(np.float32)


__all__ = ["BlockLabeller", "BlockPrediction", "OUTSIDE"]
