"""The ILO indicator classifier: a finding's text, clause and standard -> indicator codes.

One calibrated logistic regression per indicator (one-vs-rest) over TF-IDF word and character
n-grams of the finding, plus the indicators that the standard's crosswalk allows for the printed
clause. Per-label thresholds are tuned on cross-validated predictions within the training data.

Persisted with skops, never pickle: `load` refuses any type outside `TRUSTED_TYPES`, so a
tampered model file cannot execute code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.pipeline import FeatureUnion
from skops.io import dump, get_untrusted_types, load

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import IloIndicator

MODEL_VERSION = "1.0.0"
DEFAULT_THRESHOLD = 0.5
MIN_POSITIVES_TO_CALIBRATE = 6
CV_FOLDS = 3

# Everything a saved classifier may contain. skops lists the types it would have to construct;
# anything else means the file was not written by `IloClassifier.save`.
TRUSTED_TYPES = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.str",
        "builtins.float",
        "builtins.int",
        "numpy.dtype",
        "numpy.float64",
        "numpy.int64",
        "numpy.ndarray",
        "scipy.sparse._csr.csr_matrix",
        "sklearn.calibration.CalibratedClassifierCV",
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
        "sklearn.feature_extraction.text.TfidfVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.dummy.DummyClassifier",
    }
)


class UntrustedModelError(ValueError):
    """A model file contains types we never save; it is refused rather than loaded."""


def model_text(item: ClassifierInput) -> str:
    """The text the classifier reads: topic and clause words help as much as the finding."""
    return " ".join(part for part in (item.topic, item.clause, item.text) if part)


def crosswalk_features(items: list[ClassifierInput], codes: list[str]) -> np.ndarray:
    """One column per code: 1 when the standard's crosswalk maps the printed clause to it."""
    taxonomy = load_taxonomy()
    index = {code: i for i, code in enumerate(codes)}
    features = np.zeros((len(items), len(codes)))
    for row, item in enumerate(items):
        for code in taxonomy.clause_codes(item.standard, item.clause):
            if code in index:
                features[row, index[code]] = 1.0
    return features


def build_vectorizer() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True
                ),
            ),
        ]
    )


def build_estimator(positives: int, seed: int) -> Any:
    base = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)
    if positives < MIN_POSITIVES_TO_CALIBRATE:
        # Too few positives to hold some out for calibration; Platt scaling would be noise.
        return base
    folds = min(CV_FOLDS, positives)
    return CalibratedClassifierCV(base, method="sigmoid", cv=folds)


class IloClassifier:
    """Multi-label classifier from a finding to ILO indicator codes with calibrated scores."""

    def __init__(
        self,
        vectorizer: FeatureUnion,
        estimators: dict[str, Any],
        thresholds: dict[str, float],
        version: str = MODEL_VERSION,
    ) -> None:
        self.vectorizer = vectorizer
        self.estimators = estimators
        self.thresholds = thresholds
        self.codes = list(estimators)
        self.version = version
        taxonomy = load_taxonomy()
        self._labels = {code: taxonomy.label(code) for code in taxonomy.codes}

    @property
    def name(self) -> str:
        return f"ilo-classifier-{self.version}"

    @classmethod
    def fit(
        cls, items: list[ClassifierInput], labels: list[list[str]], *, seed: int = 0
    ) -> IloClassifier:
        """Train on findings and their gold codes; codes with no positive example are skipped."""
        codes = [code for code in load_taxonomy().codes if any(code in ls for ls in labels)]
        vectorizer = build_vectorizer()
        features = cls._features(vectorizer.fit_transform([model_text(i) for i in items]), items)
        estimators: dict[str, Any] = {}
        thresholds: dict[str, float] = {}
        for code in codes:
            target = np.array([code in ls for ls in labels], dtype=int)
            positives = int(target.sum())
            if positives == len(target):
                continue
            estimators[code] = build_estimator(positives, seed).fit(features, target)
            thresholds[code] = tune_threshold(features, target, positives, seed)
        return cls(vectorizer, estimators, thresholds)

    @staticmethod
    def _features(text_features: object, items: list[ClassifierInput]) -> object:
        from scipy.sparse import csr_matrix, hstack

        prior = crosswalk_features(items, load_taxonomy().codes)
        return hstack([text_features, csr_matrix(prior)]).tocsr()

    def predict_proba(self, items: list[ClassifierInput]) -> np.ndarray:
        """Return an (n_items, n_codes) array of calibrated probabilities, columns = `codes`."""
        if not items:
            return np.zeros((0, len(self.codes)))
        features = self._features(self.vectorizer.transform([model_text(i) for i in items]), items)
        columns = [self.estimators[code].predict_proba(features)[:, 1] for code in self.codes]
        return np.column_stack(columns)

    def predict(self, items: list[ClassifierInput]) -> list[list[IloIndicator]]:
        """Return the indicators above their threshold for each item, highest score first."""
        proba = self.predict_proba(items)
        predictions = []
        for row in proba:
            hits = [
                IloIndicator(code=code, label=self._labels[code], score=round(float(p), 4))
                for code, p in zip(self.codes, row, strict=True)
                if p >= self.thresholds[code]
            ]
            predictions.append(sorted(hits, key=lambda ind: -ind.score))
        return predictions

    def predict_codes(self, items: list[ClassifierInput]) -> list[list[str]]:
        return [[ind.code for ind in row] for row in self.predict(items)]

    def save(self, path: Path) -> None:
        """Write the model with skops (plain sklearn objects, lists and dicts only)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "version": self.version,
            "codes": list(self.codes),
            "thresholds": [float(self.thresholds[c]) for c in self.codes],
            "vectorizer": self.vectorizer,
            "estimators": [self.estimators[c] for c in self.codes],
        }
        dump(state, path)

    @classmethod
    def load(cls, path: Path) -> IloClassifier:
        """Load a model saved by `save`, refusing files that would construct other types."""
        untrusted = set(get_untrusted_types(file=path))
        unexpected = sorted(untrusted - TRUSTED_TYPES)
        if unexpected:
            raise UntrustedModelError(
                f"{path} contains types this project never saves ({', '.join(unexpected)}); "
                "refusing to load it. Retrain with `audit-extractor train`."
            )
        state = load(path, trusted=sorted(untrusted))
        codes = list(state["codes"])
        return cls(
            state["vectorizer"],
            dict(zip(codes, state["estimators"], strict=True)),
            dict(zip(codes, state["thresholds"], strict=True)),
            version=state["version"],
        )


def tune_threshold(features: object, target: np.ndarray, positives: int, seed: int) -> float:
    """Pick the threshold that maximises F1 on out-of-fold probabilities within training data."""
    if positives < CV_FOLDS or len(target) - positives < CV_FOLDS:
        return DEFAULT_THRESHOLD
    folds = KFold(n_splits=CV_FOLDS, shuffle=True, random_state=seed)
    try:
        proba = cross_val_predict(
            build_estimator(positives * (CV_FOLDS - 1) // CV_FOLDS, seed),
            features,
            target,
            cv=folds,
            method="predict_proba",
        )[:, 1]
    except ValueError:
        # A fold without a positive cannot be fitted; keep the neutral threshold.
        return DEFAULT_THRESHOLD
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for threshold in np.arange(0.1, 0.9, 0.05):
        predicted = proba >= threshold
        tp = float((predicted & (target == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + target.sum()) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(threshold), f1
    return round(best, 2)
