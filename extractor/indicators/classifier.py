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

Trained with scikit-learn (`classifier_training`); predicted and saved as plain arrays
(`extractor.inference`), so using a model never imports scikit-learn. Saved as a `.npz` of
numbers and text with a JSON header, never pickle: `load` refuses any other file, a file that
lacks the expected fields, or one trained with other structured features.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy.sparse import csr_matrix, hstack

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.features import model_inputs, structured_names
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.indicators.taxonomy import load_taxonomy
from extractor.inference.archive import (
    UntrustedModelError,
    array_text,
    read_model,
    text_array,
    write_model,
)
from extractor.inference.tfidf import TfidfTerms, tfidf_arrays, tfidf_from_arrays
from extractor.record.schema import IloIndicator

if TYPE_CHECKING:
    from extractor.indicators.classifier_training import FitDiagnostics

MODEL_VERSION = "2.0.0"
FORMAT = "audit-extractor/ilo-classifier"
FORMAT_VERSION = 3
NONE_HEAD = "none"
KINDS_WITH_INDICATORS = frozenset({"non_compliance", "observation"})
# Labelling policy: excessive overtime is always also a working-hours finding.
IMPLIED: dict[str, tuple[str, ...]] = {"FL11": ("HRS",)}

VECTORIZERS = ("word", "char", "evidence")
_ARRAYS = (
    *(f"{name}_{part}" for name in VECTORIZERS for part in ("vocabulary", "idf")),
    "structured_names",
    "weights",
    "bias",
    "calibration",
    "thresholds",
)
_HEADER_FIELDS = ("version", "heads", "vectorizers", "none_threshold", "fallback_floor", "settings")

__all__ = ["IloClassifier", "Settings", "UntrustedModelError"]


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


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -40, 40)))


class IloClassifier:
    """Multi-label classifier from a finding to ILO indicator codes with calibrated scores."""

    def __init__(
        self,
        *,
        words: TfidfTerms,
        chars: TfidfTerms,
        evidence: TfidfTerms,
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
        """Train, calibrating and tuning thresholds on group-wise out-of-fold predictions
        (`classifier_training.fit_classifier`, which imports scikit-learn)."""
        from extractor.indicators.classifier_training import fit_classifier

        return fit_classifier(items, labels, groups=groups, seed=seed, settings=settings)

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
            if decided[row].any() or not has_indicators(item):
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
        """Write the model as arrays and a JSON header (`extractor.inference.archive`)."""
        vectorizers = {"word": self.words, "char": self.chars, "evidence": self.evidence}
        header = {
            "kind": FORMAT,
            "format_version": FORMAT_VERSION,
            "version": self.version,
            "heads": list(self.heads),
            "vectorizers": {name: v.settings.as_dict() for name, v in vectorizers.items()},
            "none_threshold": float(self.none_threshold),
            "fallback_floor": float(self.fallback_floor),
            "settings": self.settings.as_dict(),
        }
        arrays: dict[str, np.ndarray] = {}
        for name, vectorizer in vectorizers.items():
            arrays.update(tfidf_arrays(name, vectorizer))
        arrays.update(
            structured_names=text_array("\n".join(structured_names())),
            weights=self.weights.astype(np.float32),
            bias=np.asarray(self.bias, dtype=np.float64),
            calibration=np.asarray(self.calibration, dtype=np.float64),
            thresholds=np.array([self.thresholds[code] for code in self.codes], dtype=np.float64),
        )
        write_model(path, header, arrays)

    @classmethod
    def load(cls, path: Path) -> IloClassifier:
        """Load a model saved by `save`; any other file is refused (`UntrustedModelError`)."""
        header, arrays = read_model(path, kind=FORMAT, version=FORMAT_VERSION, arrays=_ARRAYS)
        missing = [name for name in _HEADER_FIELDS if name not in header]
        if missing:
            raise UntrustedModelError(
                f"{path} is not an ILO classifier saved by this project (fields missing: "
                f"{', '.join(missing)}); retrain with `audit-extractor train`."
            )
        if array_text(arrays["structured_names"]).split("\n") != structured_names():
            raise UntrustedModelError(
                f"{path} was trained with different concept or rule features than this code "
                "defines; retrain with `audit-extractor train`."
            )
        heads = [str(head) for head in header["heads"]]
        codes = [head for head in heads if head != NONE_HEAD]
        weights = np.asarray(arrays["weights"], dtype=np.float32)
        thresholds = np.asarray(arrays["thresholds"], dtype=np.float64)
        if weights.ndim != 2 or weights.shape[0] != len(heads) or len(thresholds) != len(codes):
            raise UntrustedModelError(
                f"{path} holds weights of shape {weights.shape} and {len(thresholds)} "
                f"thresholds for {len(heads)} heads; it was not written by `IloClassifier.save`."
            )
        try:
            vectorizers = {
                name: tfidf_from_arrays(name, header["vectorizers"][name], arrays)
                for name in VECTORIZERS
            }
            settings = Settings.from_dict(header["settings"])
        except (KeyError, TypeError, ValueError) as exc:
            raise UntrustedModelError(
                f"{path} is not an ILO classifier saved by this project ({exc}); retrain with "
                "`audit-extractor train`."
            ) from exc
        return cls(
            words=vectorizers["word"],
            chars=vectorizers["char"],
            evidence=vectorizers["evidence"],
            heads=heads,
            weights=weights,
            bias=np.asarray(arrays["bias"], dtype=np.float64),
            calibration=np.asarray(arrays["calibration"], dtype=np.float64),
            thresholds=dict(zip(codes, (float(t) for t in thresholds), strict=True)),
            none_threshold=float(header["none_threshold"]),
            fallback_floor=float(header["fallback_floor"]),
            settings=settings,
            version=str(header["version"]),
        )


def has_indicators(item: ClassifierInput) -> bool:
    return (item.kind or "non_compliance") in KINDS_WITH_INDICATORS
