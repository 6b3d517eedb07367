"""The ILO indicator classifier: a finding's text, clause, standard and kind -> indicator codes.

One logistic regression per code (one-vs-rest), plus one for "no indicator", over TF-IDF word
(1-2) and character n-grams of the finding's description, word n-grams of its evidence, and a
block of structured features: concept flags, the keyword baseline's rule hits, the crosswalk
codes of the printed clause (evidence, never the only evidence) and the finding's kind. Scores
are Platt-calibrated and per-code thresholds tuned on cross-validated predictions in which whole
wording groups (one template, one report) are held out together, so both reflect wording the
model has not seen rather than its training phrases.

A non-compliance or observation that clears no threshold still gets a code unless the "no
indicator" head is confident: the keyword baseline's codes win where the model agrees they are
plausible, else the top-ranked code. Good practices never get codes here or in the pipeline.

Persisted with skops as plain lists, strings and numpy arrays only (no estimator objects, never
pickle): `load` refuses any file that would construct another type or lacks the expected
fields, so a tampered model file cannot execute code.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from skops.io import dump, get_untrusted_types, load
from skops.io.exceptions import UntrustedTypesFoundException

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.features import (
    evidence_text,
    model_inputs,
    model_text,
    structured_features,
    structured_names,
)
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import IloIndicator

MODEL_VERSION = "2.0.0"
FORMAT = "audit-extractor/ilo-classifier"
FORMAT_VERSION = 2
NONE_HEAD = "none"
KINDS_WITH_INDICATORS = frozenset({"non_compliance", "observation"})
# Labelling policy: excessive overtime is always also a working-hours finding.
IMPLIED: dict[str, tuple[str, ...]] = {"FL11": ("HRS",)}

# Types a saved classifier may make skops construct beyond its built-in safe ones (plain
# containers, numbers, strings, numpy arrays). Ours needs none; anything listed by
# `get_untrusted_types` means the file was not written by `IloClassifier.save`.
TRUSTED_TYPES: frozenset[str] = frozenset()
_REQUIRED_STATE = (
    "format",
    "format_version",
    "version",
    "heads",
    "word_vocabulary",
    "word_idf",
    "char_vocabulary",
    "char_idf",
    "evidence_vocabulary",
    "evidence_idf",
    "structured_names",
    "weights",
    "bias",
    "calibration",
    "thresholds",
    "none_threshold",
    "fallback_floor",
    "settings",
)


class UntrustedModelError(ValueError):
    """A model file contains types we never save, or is not one of our models; it is refused."""


@dataclass(frozen=True)
class Settings:
    """Hyper-parameters of the features and the linear heads."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 5)
    word_min_df: int = 2
    char_min_df: int = 3
    word_max_features: int = 12000
    char_max_features: int = 20000
    evidence_max_features: int = 3000
    # Structured 0/1 features against l2-normalised n-gram rows: a larger scale means weaker
    # regularisation, so concepts generalise ahead of surface n-grams.
    structured_scale: float = 1.0
    c: float = 2.0
    folds: int = 5
    prune_below: float = 1e-3

    def as_dict(self) -> dict[str, Any]:
        return {
            "word_ngrams": list(self.word_ngrams),
            "char_ngrams": list(self.char_ngrams),
            "word_min_df": self.word_min_df,
            "char_min_df": self.char_min_df,
            "word_max_features": self.word_max_features,
            "char_max_features": self.char_max_features,
            "evidence_max_features": self.evidence_max_features,
            "structured_scale": self.structured_scale,
            "c": self.c,
            "folds": self.folds,
            "prune_below": self.prune_below,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        return cls(
            word_ngrams=(int(raw["word_ngrams"][0]), int(raw["word_ngrams"][1])),
            char_ngrams=(int(raw["char_ngrams"][0]), int(raw["char_ngrams"][1])),
            word_min_df=int(raw["word_min_df"]),
            char_min_df=int(raw["char_min_df"]),
            word_max_features=int(raw["word_max_features"]),
            char_max_features=int(raw["char_max_features"]),
            evidence_max_features=int(raw["evidence_max_features"]),
            structured_scale=float(raw["structured_scale"]),
            c=float(raw["c"]),
            folds=int(raw["folds"]),
            prune_below=float(raw["prune_below"]),
        )


@dataclass
class FitDiagnostics:
    """What cross-validation saw while fitting: out-of-fold probabilities per head."""

    heads: list[str]
    oof_proba: np.ndarray
    targets: np.ndarray
    folds: int
    groups: int


def _vectorizers(settings: Settings) -> tuple[TfidfVectorizer, TfidfVectorizer, TfidfVectorizer]:
    words = TfidfVectorizer(
        ngram_range=settings.word_ngrams,
        min_df=settings.word_min_df,
        max_features=settings.word_max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    chars = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=settings.char_ngrams,
        min_df=settings.char_min_df,
        max_features=settings.char_max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    evidence = TfidfVectorizer(
        ngram_range=settings.word_ngrams,
        min_df=settings.word_min_df,
        max_features=settings.evidence_max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    return words, chars, evidence


def load_allowed(path: Path, allowed: frozenset[str]) -> Any:
    """Load a skops file, refusing one that would construct any type outside `allowed`.

    One pass over the file: skops refuses anything outside its own safe types and `allowed`
    (reading the file's types first, then loading, parsed the block labeller's 5,000 arrays
    twice: 0.7 s of every worker's start-up)."""
    try:
        return load(path, trusted=sorted(allowed))
    except UntrustedTypesFoundException:
        unexpected = sorted(set(get_untrusted_types(file=path)) - allowed)
        raise UntrustedModelError(
            f"{path} contains types this project never saves ({', '.join(unexpected)}); "
            "refusing to load it. Retrain with `audit-extractor train`."
        ) from None


def rebuilt_vectorizer(
    vocabulary: str, idf: np.ndarray, template: TfidfVectorizer
) -> TfidfVectorizer:
    """A fitted vectoriser from its stored vocabulary and idf weights (no estimator is stored)."""
    terms = vocabulary.split("\n") if vocabulary else []
    vectorizer = TfidfVectorizer(**{**template.get_params(), "max_features": None, "min_df": 1})
    vectorizer.set_params(vocabulary={term: i for i, term in enumerate(terms)})
    vectorizer._validate_vocabulary()
    vectorizer.idf_ = np.asarray(idf, dtype=np.float64)
    return vectorizer


def vocabulary_text(vectorizer: TfidfVectorizer) -> str:
    """A fitted vectoriser's terms in column order, one per line (`rebuilt_vectorizer` reads it)."""
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    return "\n".join(terms)


def _fit_or_empty(vectorizer: TfidfVectorizer, texts: list[str]) -> Any:
    """Fit the evidence vectoriser; with no evidence anywhere, keep a one-term vocabulary."""
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary: no training finding printed evidence
        vectorizer.set_params(vocabulary={"evidence": 0}, min_df=1, max_features=None)
        return vectorizer.fit_transform(texts)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -40, 40)))


class IloClassifier:
    """Multi-label classifier from a finding to ILO indicator codes with calibrated scores."""

    def __init__(
        self,
        *,
        words: TfidfVectorizer,
        chars: TfidfVectorizer,
        evidence: TfidfVectorizer,
        heads: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
        calibration: np.ndarray,
        thresholds: dict[str, float],
        none_threshold: float,
        fallback_floor: float,
        settings: Settings,
        version: str = MODEL_VERSION,
    ) -> None:
        self.words = words
        self.chars = chars
        self.evidence = evidence
        self.heads = heads
        self.codes = [head for head in heads if head != NONE_HEAD]
        self.weights = weights
        self.bias = bias
        self.calibration = calibration
        self.thresholds = thresholds
        self.none_threshold = none_threshold
        self.fallback_floor = fallback_floor
        self.settings = settings
        self.version = version
        self.baseline = KeywordMapper()
        taxonomy = load_taxonomy()
        self._labels = {code: taxonomy.label(code) for code in taxonomy.codes}

    @property
    def name(self) -> str:
        return f"ilo-classifier-{self.version}"

    # --- fitting ----------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        items: list[ClassifierInput],
        labels: list[list[str]],
        *,
        groups: list[str] | None = None,
        seed: int = 0,
        settings: Settings | None = None,
    ) -> IloClassifier:
        """Train on findings and their gold codes; see `fit_with_diagnostics`."""
        return cls.fit_with_diagnostics(items, labels, groups=groups, seed=seed, settings=settings)[
            0
        ]

    @classmethod
    def fit_with_diagnostics(
        cls,
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
        model = cls(
            words=words,
            chars=chars,
            evidence=evidence,
            heads=heads,
            weights=weights.astype(np.float32),
            bias=bias,
            calibration=calibration,
            thresholds=thresholds,
            none_threshold=1.0,
            fallback_floor=0.0,
            settings=settings,
        )
        model.none_threshold, model.fallback_floor = model._tune_abstention(
            items, oof_proba, targets[:, :-1]
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
        self, items: list[ClassifierInput], proba: np.ndarray, gold: np.ndarray
    ) -> tuple[float, float]:
        """Pick when to give a code to a finding no threshold fired for, by out-of-fold F1."""
        rows = [i for i, item in enumerate(items) if _has_indicators(item)]
        if not rows:
            return 1.0, 0.0
        sub_items = [items[i] for i in rows]
        sub_proba, sub_gold = proba[rows], gold[rows].astype(bool)
        best = (-1.0, 1.0, 0.0)
        for none_threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
            for floor in (0.0, 0.02, 0.05, 0.1, 0.2):
                decided = self._decide(sub_items, sub_proba, none_threshold, floor)
                tp = float((decided & sub_gold).sum())
                f1 = 2 * tp / (decided.sum() + sub_gold.sum()) if tp else 0.0
                if f1 > best[0] + 1e-9:
                    best = (f1, none_threshold, floor)
        return best[1], best[2]

    # --- predicting -------------------------------------------------------------------------

    def _features(self, items: list[ClassifierInput]) -> Any:
        texts, evidence_texts, structured = model_inputs(items)
        structured = structured * self.settings.structured_scale
        return hstack(
            [
                self.words.transform(texts),
                self.chars.transform(texts),
                self.evidence.transform(evidence_texts),
                csr_matrix(structured),
            ]
        ).tocsr()

    def predict_head_proba(self, items: list[ClassifierInput]) -> np.ndarray:
        """Return calibrated probabilities, one column per head (`heads`: codes, then none)."""
        if not items:
            return np.zeros((0, len(self.heads)))
        scores = self._features(items) @ self.weights.T.astype(np.float64) + self.bias
        return _sigmoid(scores * self.calibration[:, 0] + self.calibration[:, 1])

    def predict_proba(self, items: list[ClassifierInput]) -> np.ndarray:
        """Return an (n_items, n_codes) array of calibrated probabilities, columns = `codes`."""
        return self.predict_head_proba(items)[:, : len(self.codes)]

    def _decide(
        self,
        items: list[ClassifierInput],
        proba: np.ndarray,
        none_threshold: float,
        fallback_floor: float,
    ) -> np.ndarray:
        """Return a boolean (n_items, n_codes) decision from code probabilities."""
        thresholds = np.array([self.thresholds[code] for code in self.codes])
        code_proba = proba[:, : len(self.codes)]
        decided = code_proba >= thresholds
        none_proba = proba[:, -1] if proba.shape[1] > len(self.codes) else None
        for row, item in enumerate(items):
            if decided[row].any() or not _has_indicators(item):
                continue
            if none_proba is not None and none_proba[row] >= none_threshold:
                continue
            baseline = {ind.code for ind in self.baseline.predict([item])[0]}
            backed = [
                j
                for j, code in enumerate(self.codes)
                if code in baseline and code_proba[row, j] >= fallback_floor
            ]
            if backed:
                decided[row, backed] = True
            else:
                decided[row, int(np.argmax(code_proba[row]))] = True
        index = {code: j for j, code in enumerate(self.codes)}
        for code, implied in IMPLIED.items():
            if code in index:
                for other in implied:
                    if other in index:
                        decided[decided[:, index[code]], index[other]] = True
        return decided

    def predict(self, items: list[ClassifierInput]) -> list[list[IloIndicator]]:
        """Return each item's indicators, highest calibrated score first."""
        proba = self.predict_head_proba(items)
        decided = self._decide(items, proba, self.none_threshold, self.fallback_floor)
        predictions = []
        for row in range(len(items)):
            hits = [
                IloIndicator(
                    code=code, label=self._labels[code], score=round(float(proba[row, j]), 4)
                )
                for j, code in enumerate(self.codes)
                if decided[row, j]
            ]
            predictions.append(sorted(hits, key=lambda ind: -ind.score))
        return predictions

    def predict_codes(self, items: list[ClassifierInput]) -> list[list[str]]:
        return [[ind.code for ind in row] for row in self.predict(items)]

    # --- persistence ------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the model with skops: strings, lists, numbers and numpy arrays only."""
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "version": self.version,
            "heads": list(self.heads),
            "word_vocabulary": vocabulary_text(self.words),
            "word_idf": self.words.idf_.astype(np.float32),
            "char_vocabulary": vocabulary_text(self.chars),
            "char_idf": self.chars.idf_.astype(np.float32),
            "evidence_vocabulary": vocabulary_text(self.evidence),
            "evidence_idf": self.evidence.idf_.astype(np.float32),
            "structured_names": structured_names(),
            "weights": self.weights.astype(np.float32),
            "bias": np.asarray(self.bias, dtype=np.float64),
            "calibration": np.asarray(self.calibration, dtype=np.float64),
            "thresholds": [float(self.thresholds[code]) for code in self.codes],
            "none_threshold": float(self.none_threshold),
            "fallback_floor": float(self.fallback_floor),
            "settings": self.settings.as_dict(),
        }
        dump(state, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)

    @classmethod
    def load(cls, path: Path) -> IloClassifier:
        """Load a model saved by `save`; refuse files that would construct other types."""
        state = load_allowed(path, TRUSTED_TYPES)
        if not isinstance(state, dict) or any(key not in state for key in _REQUIRED_STATE):
            raise UntrustedModelError(
                f"{path} is not an ILO classifier saved by this project (fields missing); "
                "retrain with `audit-extractor train`."
            )
        _check_types(path, state)
        if state["format"] != FORMAT or state["format_version"] != FORMAT_VERSION:
            raise UntrustedModelError(
                f"{path} is format {state['format']!r} v{state['format_version']}, expected "
                f"{FORMAT!r} v{FORMAT_VERSION}; retrain with `audit-extractor train`."
            )
        if list(state["structured_names"]) != structured_names():
            raise UntrustedModelError(
                f"{path} was trained with different concept or rule features than this code "
                "defines; retrain with `audit-extractor train`."
            )
        settings = Settings.from_dict(state["settings"])
        words, chars, evidence = _vectorizers(settings)
        heads = list(state["heads"])
        codes = [head for head in heads if head != NONE_HEAD]
        return cls(
            words=rebuilt_vectorizer(state["word_vocabulary"], state["word_idf"], words),
            chars=rebuilt_vectorizer(state["char_vocabulary"], state["char_idf"], chars),
            evidence=rebuilt_vectorizer(
                state["evidence_vocabulary"], state["evidence_idf"], evidence
            ),
            heads=heads,
            weights=np.asarray(state["weights"], dtype=np.float32),
            bias=np.asarray(state["bias"], dtype=np.float64),
            calibration=np.asarray(state["calibration"], dtype=np.float64),
            thresholds=dict(zip(codes, (float(t) for t in state["thresholds"]), strict=True)),
            none_threshold=float(state["none_threshold"]),
            fallback_floor=float(state["fallback_floor"]),
            settings=settings,
            version=str(state["version"]),
        )


_ARRAYS = ("word_idf", "char_idf", "evidence_idf", "weights", "bias", "calibration")
_STRINGS = ("format", "version", "word_vocabulary", "char_vocabulary", "evidence_vocabulary")


def _check_types(path: Path, state: dict[str, Any]) -> None:
    """Refuse a state whose fields are not the plain types `save` writes."""
    wrong = [key for key in _ARRAYS if not isinstance(state[key], np.ndarray)]
    wrong += [key for key in _STRINGS if not isinstance(state[key], str)]
    wrong += [
        key
        for key in ("heads", "structured_names", "thresholds")
        if not isinstance(state[key], list)
    ]
    if wrong:
        raise UntrustedModelError(
            f"{path} holds unexpected types in {', '.join(wrong)}; it was not written by "
            "`IloClassifier.save`. Retrain with `audit-extractor train`."
        )


def _has_indicators(item: ClassifierInput) -> bool:
    return (item.kind or "non_compliance") in KINDS_WITH_INDICATORS


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
