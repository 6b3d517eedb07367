"""Train the ILO classifier and describe it: `train_classifier(docs, path, seed=...)`.

Training data: the gold findings of the given reports (train split and reviewers' corrections,
never test) plus the phrase banks' training wordings, filled several times and also combined in
pairs (`classifier_data`). The report it returns holds the cross-validated scores (whole wording
groups held out per fold), the scores on held-out wording beside the keyword baseline, the
tuned thresholds, wording counts and the model's size. Callable on its own; deterministic for a
seed.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from extractor.evaluation.classifier_eval import (
    MapperScores,
    expected_calibration_error,
    score_mapper,
)
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.metrics import multilabel_scores
from extractor.indicators.classifier import IloClassifier, Settings
from extractor.indicators.classifier_input import LabelledFinding
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.indicators.taxonomy import load_taxonomy
from pipelines.training.classifier_data import (
    COMBINED_SHARE,
    HELD_OUT_FILLS,
    TRAIN_FILLS,
    bank_phrases,
    gold_findings,
    wording_findings,
)


def training_findings(docs: list[GoldDocument], *, seed: int) -> list[LabelledFinding]:
    """Gold findings of `docs` plus the training wordings (never held-out ones)."""
    wording = wording_findings(
        held_out=False, fills=TRAIN_FILLS, seed=seed, combined_share=COMBINED_SHARE
    )
    return gold_findings(docs) + wording


def wording_counts() -> dict[str, dict[str, int]]:
    """Per code: how many bank wordings carry it, on each side of the wording split."""
    counts: dict[str, Counter[str]] = {code: Counter() for code in load_taxonomy().codes}
    counts["none"] = Counter()
    for _, _, phrase, _ in bank_phrases():
        side = "held_out" if phrase.held_out else "train"
        for code in phrase.codes or ("none",):
            counts[code][side] += 1
    return {code: {"train": c["train"], "held_out": c["held_out"]} for code, c in counts.items()}


def _summary(scores: MapperScores) -> dict[str, Any]:
    return {
        "micro_f1": scores.micro.f1,
        "micro_p": scores.micro.precision,
        "micro_r": scores.micro.recall,
        "macro_f1": scores.macro_f1,
        "ece_mean": scores.ece_mean,
        "ece_max": scores.ece_max,
        "no_code_share": scores.no_code / scores.findings if scores.findings else None,
        "no_code_share_with_gold": (
            scores.no_code_with_gold / scores.with_gold if scores.with_gold else None
        ),
        "per_label": {
            code: {
                "p": row.counts.precision,
                "r": row.counts.recall,
                "f": row.counts.f1,
                "support": row.counts.support,
                "ece": row.ece,
            }
            for code, row in scores.per_label.items()
        },
    }


def cross_validated(
    model: IloClassifier, oof_proba: np.ndarray, targets: np.ndarray
) -> dict[str, Any]:
    """Per-code P/R/F1 at the tuned thresholds and ECE, from out-of-fold probabilities."""
    codes = model.codes
    predicted = [
        [code for j, code in enumerate(codes) if row[j] >= model.thresholds[code]]
        for row in oof_proba
    ]
    gold = [[code for j, code in enumerate(codes) if row[j]] for row in targets]
    scores = multilabel_scores(predicted, gold, codes)
    eces = {
        code: expected_calibration_error(oof_proba[:, j], targets[:, j])
        for j, code in enumerate(codes)
    }
    return {
        "micro_f1": scores.micro.f1,
        "macro_f1": scores.macro_f1,
        "per_label": {
            code: {
                "p": scores.per_label[code].precision,
                "r": scores.per_label[code].recall,
                "f": scores.per_label[code].f1,
                "support": scores.per_label[code].support,
                "ece": eces[code],
            }
            for code in codes
        },
    }


def train_classifier(
    docs: list[GoldDocument],
    path: Path,
    *,
    seed: int = 0,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Fit on `docs` + training wordings, save to `path`, and return the training report."""
    started = time.perf_counter()
    findings = training_findings(docs, seed=seed)
    model, diagnostics = IloClassifier.fit_with_diagnostics(
        [f.as_input() for f in findings],
        [f.codes for f in findings],
        groups=[f.group or f.id for f in findings],
        seed=seed,
        settings=settings,
    )
    model.save(path)
    fit_seconds = time.perf_counter() - started

    held_out = wording_findings(held_out=True, fills=HELD_OUT_FILLS, seed=seed)
    items = [f.as_input() for f in held_out]
    classifier_scores = score_mapper(
        model,
        held_out,
        name=model.name,
        proba=model.predict_proba(items),
        proba_codes=model.codes,
    )
    baseline = KeywordMapper()
    baseline_scores = score_mapper(baseline, held_out, name=baseline.name)
    # Ids: gold "<split>/<doc>#<n>", wording "<group>:<fill>", combined "<id>+<id>".
    sources = Counter(
        "combined" if "+" in f.id else "gold" if "#" in f.id else "wording" for f in findings
    )
    return {
        "model": model.name,
        "seed": seed,
        "settings": model.settings.as_dict(),
        "training_findings": dict(sorted(sources.items())),
        "wording_counts": wording_counts(),
        "cross_validation": {
            "folds": diagnostics.folds,
            "groups": diagnostics.groups,
            **cross_validated(model, diagnostics.oof_proba[:, :-1], diagnostics.targets[:, :-1]),
        },
        "held_out_wording": {
            "findings": len(held_out),
            "templates": len({f.group for f in held_out}),
            "classifier": _summary(classifier_scores),
            "baseline": _summary(baseline_scores),
        },
        "thresholds": model.thresholds,
        "none_threshold": model.none_threshold,
        "fallback_floor": model.fallback_floor,
        "size_bytes": path.stat().st_size,
        "seconds": round(fit_seconds, 1),
    }
