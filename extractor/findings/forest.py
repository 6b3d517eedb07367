"""Gradient-boosted trees stored as a few large arrays instead of thousands of small ones.

A fitted `HistGradientBoostingClassifier` holds one `TreePredictor` per iteration and class
(1,320 for the role model), each with three numpy arrays, and one bin-threshold array per
feature. skops writes every array as its own file in the zip and reads them back one by one:
1.3 s of every worker's start-up. Here the trees' arrays are concatenated, with the length of
each part, and the same predictors are rebuilt from views of them at load: the same node arrays,
so the same predictions to the bit.

`TreePredictor` and the `_predictors` / `bin_thresholds_` attributes are scikit-learn internals;
scikit-learn is pinned (==1.9.1 in pyproject.toml), so their layout cannot change under us.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.ensemble._hist_gradient_boosting.common import PREDICTOR_RECORD_DTYPE
from sklearn.ensemble._hist_gradient_boosting.predictor import TreePredictor


def packed(model: HistGradientBoostingClassifier) -> tuple[HistGradientBoostingClassifier, dict]:
    """Return a shallow copy of `model` without its trees and bin thresholds, and those as
    concatenated arrays (`unpacked` puts them back). `model` itself is left as it was."""
    trees = [tree for iteration in model._predictors for tree in iteration]
    thresholds = model._bin_mapper.bin_thresholds_
    arrays = {
        "trees_per_iteration": len(model._predictors[0]) if model._predictors else 0,
        **_joined("nodes", [tree.nodes for tree in trees]),
        **_joined("binned_bitsets", [tree.binned_left_cat_bitsets for tree in trees]),
        **_joined("raw_bitsets", [tree.raw_left_cat_bitsets for tree in trees]),
        **_joined("bin_thresholds", list(thresholds)),
    }
    bare = copy.copy(model)
    bare._predictors = []
    bare._bin_mapper = copy.copy(model._bin_mapper)
    bare._bin_mapper.bin_thresholds_ = []
    return bare, arrays


def unpacked(bare: HistGradientBoostingClassifier, arrays: dict) -> HistGradientBoostingClassifier:
    """Put the trees and bin thresholds `packed` took out back into `bare` (in place)."""
    nodes = _split(arrays, "nodes")
    binned = _split(arrays, "binned_bitsets")
    raw = _split(arrays, "raw_bitsets")
    trees = [
        TreePredictor(part.astype(PREDICTOR_RECORD_DTYPE, casting="same_kind", copy=False), b, r)
        for part, b, r in zip(nodes, binned, raw, strict=True)
    ]
    per = int(arrays["trees_per_iteration"])
    bare._predictors = [trees[i : i + per] for i in range(0, len(trees), per)]
    bare._bin_mapper.bin_thresholds_ = _split(arrays, "bin_thresholds")
    return bare


def _joined(name: str, parts: list[np.ndarray]) -> dict[str, Any]:
    """`parts` as one array along the first axis, with each part's length."""
    lengths = np.array([len(part) for part in parts], dtype=np.int64)
    return {name: np.concatenate(parts) if parts else np.zeros(0), f"{name}_lengths": lengths}


def _split(arrays: dict, name: str) -> list[np.ndarray]:
    """The parts `_joined` concatenated, as views of the stored array."""
    bounds = np.cumsum(arrays[f"{name}_lengths"])[:-1]
    return np.split(arrays[name], bounds) if len(arrays[f"{name}_lengths"]) else []
