"""A fitted logistic regression as its weights, and the link functions, with numpy.

`LinearModel.predict_proba` computes what scikit-learn's `LogisticRegression.predict_proba`
does: scores `X @ coef.T + intercept` (the same sparse product), then a softmax over classes
(multinomial) or, with two classes, a sigmoid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from scipy.special import expit


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, as scikit-learn computes it (scipy's `expit`, whose exp can differ
    from numpy's in the last bit)."""
    return expit(x)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax, in scikit-learn's order of operations (`utils.extmath.softmax`)."""
    out = np.array(scores, dtype=np.float64, copy=True)
    out -= out.max(axis=1).reshape((-1, 1))
    np.exp(out, out=out)
    out /= out.sum(axis=1).reshape((-1, 1))
    return out


@dataclass
class LinearModel:
    """Weights (classes or 1 row, features), intercepts and class names of a logistic model."""

    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]

    def __post_init__(self) -> None:
        rows = 1 if len(self.classes) == 2 else len(self.classes)
        if self.coef.ndim != 2 or self.coef.shape[0] != rows or len(self.intercept) != rows:
            raise ValueError(
                f"weights of shape {self.coef.shape} and {len(self.intercept)} intercepts "
                f"do not fit {len(self.classes)} classes"
            )

    def scores(self, x: sparse.csr_matrix | np.ndarray) -> np.ndarray:
        product = x @ self.coef.T
        return np.asarray(product) + self.intercept

    def predict_proba(self, x: sparse.csr_matrix | np.ndarray) -> np.ndarray:
        """Class probabilities, columns in `classes` order."""
        scores = self.scores(x)
        if len(self.classes) == 2:
            positive = sigmoid(scores[:, 0])
            return np.column_stack([1 - positive, positive])
        return softmax(scores)

    @classmethod
    def from_estimator(cls, model: Any) -> LinearModel:
        """The weights of a fitted scikit-learn `LogisticRegression` (read, not imported)."""
        return cls(
            coef=np.asarray(model.coef_, dtype=np.float64),
            intercept=np.asarray(model.intercept_, dtype=np.float64),
            classes=[str(c) for c in model.classes_],
        )
