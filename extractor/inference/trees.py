"""Gradient-boosted trees as flat node arrays, predicted with numpy.

A fitted `HistGradientBoostingClassifier` is a baseline plus, per boosting iteration, one tree
per class (one in all for two classes). Here every tree's nodes sit in one set of arrays; a
prediction walks all trees of all rows at once, one level per step, and adds the leaf values
iteration by iteration in scikit-learn's order, so the raw scores are equal to the bit (the
same comparisons `x <= threshold`, missing values sent where the tree learned to send them).
Categorical splits are not supported: our models have none, and `from_estimator` refuses them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np

from extractor.inference.linear import sigmoid, softmax

_walk: ModuleType | None
try:  # compiled at install (optional): without it the trees are walked with numpy
    import extractor.inference._walk as _walk
except ImportError:  # pragma: no cover - depends on the install
    _walk = None

# Rows walked together: (rows x trees) node numbers and values are held for each step, so a
# long report's blocks are walked in parts (1,320 trees: about 2 MB per array per part).
ROWS_PER_WALK = 256
# Walk steps before finished walks are dropped: 1 % of the role model's leaves sit higher.
SHALLOW = 3
NODE_ARRAYS = ("feature", "threshold", "missing_left", "left", "right", "value")
# What a saved ensemble holds (`arrays`, `from_arrays`); its class names go in the header.
SAVED_ARRAYS = (*NODE_ARRAYS, "roots", "baseline")


@dataclass
class TreeEnsemble:
    """Boosted trees of one classifier: node arrays, one root per tree, baseline and classes.

    `left` / `right` hold absolute node numbers; a leaf's children are itself, so a walk that
    reached a leaf stays there. Trees are ordered iteration by iteration, class by class."""

    feature: np.ndarray  # int32 per node
    threshold: np.ndarray  # float64 per node
    missing_left: np.ndarray  # bool per node
    left: np.ndarray  # int32 per node
    right: np.ndarray  # int32 per node
    value: np.ndarray  # float64 per node (leaf values; 0 elsewhere)
    roots: np.ndarray  # int32 per tree
    baseline: np.ndarray  # float64 per tree of one iteration
    classes: list[str]
    depth: int = field(init=False)

    def __post_init__(self) -> None:
        # Canonical dtypes, contiguous: the compiled walk reads these buffers as they are.
        self.feature = np.ascontiguousarray(self.feature, dtype=np.int32)
        self.threshold = np.ascontiguousarray(self.threshold, dtype=np.float64)
        self.missing_left = np.ascontiguousarray(self.missing_left, dtype=bool)
        self.left = np.ascontiguousarray(self.left, dtype=np.int32)
        self.right = np.ascontiguousarray(self.right, dtype=np.int32)
        self.value = np.ascontiguousarray(self.value, dtype=np.float64)
        self.roots = np.ascontiguousarray(self.roots, dtype=np.int32)
        self.baseline = np.ascontiguousarray(self.baseline, dtype=np.float64).ravel()
        n_nodes = len(self.feature)
        for name in ("threshold", "missing_left", "left", "right", "value"):
            if len(getattr(self, name)) != n_nodes:
                raise ValueError(f"tree arrays differ in length ({name})")
        per_iteration = len(self.baseline)
        if per_iteration == 0 or len(self.roots) % per_iteration:
            raise ValueError(f"{len(self.roots)} trees for {per_iteration} per iteration")
        if n_nodes and (
            self.left.min() < 0
            or self.right.min() < 0
            or max(self.left.max(), self.right.max(), self.roots.max()) >= n_nodes
        ):
            raise ValueError("tree child or root outside the node arrays")
        self.depth = _depth(self.left, self.right, self.roots)

    @property
    def trees_per_iteration(self) -> int:
        return len(self.baseline)

    def raw_scores(self, rows: np.ndarray) -> np.ndarray:
        """Baseline plus the sum of every iteration's leaf values: (rows, trees per iteration),
        column-major like scikit-learn's, so a softmax's row sums add in its order."""
        single = np.asarray(rows).dtype == np.float32
        x = np.ascontiguousarray(rows, dtype=np.float32 if single else np.float64)
        if _walk is not None and len(x) and len(self.roots):
            return np.asfortranarray(self._raw_scores_compiled(_walk, x))
        raw = np.zeros((len(x), self.trees_per_iteration), dtype=np.float64, order="F")
        raw += self.baseline
        if len(x) and len(self.roots):
            self._add_leaf_values(x, raw)
        return raw

    def _raw_scores_compiled(self, walker: ModuleType, x: np.ndarray) -> np.ndarray:
        """The raw scores by the compiled walk (`_walk.c`): the same comparisons and additions,
        into a row-major array."""
        scores = np.zeros((len(x), self.trees_per_iteration), dtype=np.float64)
        scores += self.baseline
        walker.walk(
            x,
            x.dtype == np.float32,  # widened to float64 one value at a time, as compared
            x.shape[0],
            x.shape[1],
            self.feature,
            self.threshold,
            self.missing_left.view(np.uint8),
            self.left,
            self.right,
            self.value,
            self.roots,
            self.trees_per_iteration,
            scores,
        )
        return scores

    def _add_leaf_values(self, x: np.ndarray, raw: np.ndarray) -> None:
        """The numpy walk: add every tree's leaf value to `raw`, `ROWS_PER_WALK` rows at a time.
        float32 rows (the labeller's) are compared in float32 against each threshold rounded
        down to float32: for a float32 value the same answer as scikit-learn's float64
        comparison, with half the memory traffic."""
        tables = self._walk_tables
        thresholds = tables.threshold32 if x.dtype == np.float32 else tables.threshold
        per = self.trees_per_iteration
        for first in range(0, len(x), ROWS_PER_WALK):
            part = slice(first, first + ROWS_PER_WALK)
            leaf_values = self.value[self._leaves(x[part], thresholds)]  # (rows, trees)
            for start in range(0, len(self.roots), per):
                raw[part] += leaf_values[:, start : start + per]

    @functools.cached_property
    def _walk_tables(self) -> _WalkTables:
        """The numpy walk's per-state tables, built on its first use only (the compiled walk
        needs none)."""
        return _WalkTables.of(self)

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        """Class probabilities, columns in `classes` order (softmax, or a sigmoid for two)."""
        raw = self.raw_scores(rows)
        if len(self.classes) == 2 and raw.shape[1] == 1:
            positive = sigmoid(raw[:, 0])
            return np.column_stack([1 - positive, positive])
        return softmax(raw)

    def _leaves(self, x: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
        """The leaf each row reaches in each tree: (rows, trees) node numbers.

        All (row, tree) walks advance together, one level per step. A walk's state is twice
        its node number, so the next state is one lookup of `state + went_right` in `_next`; a
        leaf leads back to itself (threshold +inf), so a finished walk can stay in the arrays
        until the finished ones are dropped, from `SHALLOW` steps on (few leaves sit higher)."""
        tables = self._walk_tables
        n_rows, n_features = x.shape
        n_trees = len(self.roots)
        flat = x.ravel()
        has_missing = bool(np.isnan(flat).any())
        states = np.tile(2 * self.roots, n_rows)
        offsets = np.repeat(np.arange(n_rows, dtype=np.int32) * np.int32(n_features), n_trees)
        leaves = states  # every walk in place until the first drop
        walking: np.ndarray | None = None
        for step in range(self.depth):
            values = flat.take(offsets + tables.feature.take(states))
            went_right = values > thresholds.take(states)
            if has_missing:
                missing = np.isnan(values)
                went_right[missing] = tables.missing_right.take(states[missing])
            states = tables.next.take(states + went_right)
            if step + 1 >= SHALLOW and step + 1 < self.depth:
                walks_on = tables.inner.take(states).view(bool)
                if walking is None:
                    leaves = states.copy()
                    walking = np.flatnonzero(walks_on).astype(np.int32)
                else:
                    leaves[walking] = states
                    walking = walking[walks_on]
                states, offsets = states[walks_on], offsets[walks_on]
                if not states.size:
                    break
        if walking is None:
            leaves = states
        elif states.size:
            leaves[walking] = states
        return (leaves // 2).reshape(n_rows, n_trees)

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays to save (`from_arrays` reads them back)."""
        return {name: getattr(self, name) for name in SAVED_ARRAYS}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], classes: list[str]) -> TreeEnsemble:
        """The trees `arrays` saved (dtypes are made canonical by the constructor)."""
        return cls(
            **{name: arrays[name] for name in SAVED_ARRAYS},
            classes=list(classes),
        )


@dataclass(frozen=True)
class _WalkTables:
    """Per walk state (twice the node number): the feature and threshold to compare, whether
    the node is inner, where a missing value goes, and at `state + went_right` the next state.
    Leaves compare against +inf and lead to themselves."""

    inner: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    threshold32: np.ndarray  # each threshold rounded down to float32
    missing_right: np.ndarray
    next: np.ndarray

    @classmethod
    def of(cls, trees: TreeEnsemble) -> _WalkTables:
        leaf = trees.left == np.arange(len(trees.feature))
        threshold = np.repeat(np.where(leaf, np.inf, trees.threshold), 2)
        below = threshold.astype(np.float32)
        rounded_up = below > threshold
        below[rounded_up] = np.nextafter(below[rounded_up], np.float32(-np.inf))
        return cls(
            inner=np.repeat(~leaf, 2).astype(np.uint8),
            feature=np.repeat(np.where(leaf, 0, trees.feature), 2).astype(np.int32),
            threshold=threshold,
            threshold32=below,
            missing_right=np.repeat(~trees.missing_left & ~leaf, 2),
            next=(2 * np.column_stack([trees.left, trees.right])).astype(np.int32).ravel(),
        )


def trees_from_estimator(model: Any) -> TreeEnsemble:
    """The trees of a fitted scikit-learn `HistGradientBoostingClassifier` (read, not imported;
    `_predictors` and `_baseline_prediction` are its internals, stable under the pinned
    scikit-learn). Refuses categorical splits."""
    trees = [tree for iteration in model._predictors for tree in iteration]
    parts, roots, offset = [], [], 0
    for tree in trees:
        nodes = tree.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported at inference")
        own = np.arange(len(nodes), dtype=np.int64) + offset
        leaf = nodes["is_leaf"].astype(bool)
        parts.append(
            (
                nodes["feature_idx"],
                nodes["num_threshold"],
                nodes["missing_go_to_left"].astype(bool),
                np.where(leaf, own, nodes["left"].astype(np.int64) + offset),
                np.where(leaf, own, nodes["right"].astype(np.int64) + offset),
                np.where(leaf, nodes["value"], 0.0),
            )
        )
        roots.append(offset)
        offset += len(nodes)
    columns = list(zip(*parts, strict=True)) if parts else [()] * len(NODE_ARRAYS)
    joined = [np.concatenate(column) if column else np.zeros(0) for column in columns]
    return TreeEnsemble(
        **dict(zip(NODE_ARRAYS, joined, strict=True)),  # in the order of `parts`
        roots=np.asarray(roots),
        baseline=np.asarray(model._baseline_prediction),
        classes=[str(c) for c in model.classes_],
    )


def _depth(left: np.ndarray, right: np.ndarray, roots: np.ndarray) -> int:
    """The most steps any walk takes from a root to a leaf (a leaf's children are itself)."""
    if not len(roots):
        return 0
    depth = 0
    frontier = np.unique(roots)
    while True:
        inner = frontier[left[frontier] != frontier]
        if not len(inner):
            return depth
        depth += 1
        if depth > len(left):
            raise ValueError("tree arrays hold a cycle")
        frontier = np.unique(np.concatenate([left[inner], right[inner]]))
