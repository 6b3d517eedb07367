"""Write `models/README.md`, the model cards, from the training report."""

from __future__ import annotations

from pathlib import Path

HEADER = """# Models

Written by `audit-extractor train` (`make train`) from `labelled_samples/` (train split +
reviewers' corrections). Do not edit by hand: retrain instead.

**Training data is synthetic** (`pipelines/corpus`): invented sites, firms and people in
layouts that imitate SMETA, amfori BSCI, SA8000, RBA and audit-firm reports. Scores below are
on a dev set carved from the training layouts (one report per layout); scores on the held-out
layouts come from `audit-extractor evaluate --split test` (quoted in the top-level README).
Neither is a measure of accuracy on real reports.
"""


def _table(scores: dict[str, dict], support: bool) -> list[str]:
    head = "| label | precision | recall | F1 |" + (" support |" if support else "")
    rule = "|---|---:|---:|---:|" + ("---:|" if support else "")
    rows = [head, rule]
    for label, s in scores.items():
        row = f"| {label} | {s['p']:.2f} | {s['r']:.2f} | {s['f']:.2f} |"
        rows.append(row + (f" {s['support']} |" if support else ""))
    return rows


def write_model_card(report: dict, path: Path) -> None:
    lines = [HEADER]
    ner = report.get("ner")
    if ner:
        micro = ner["dev_micro"]
        lines += [
            "## NER: `ner/` (spaCy)",
            "",
            "Blank English pipeline: a statistical `ner` (tok2vec + transition parser, CPU), then "
            "an `entity_ruler` (patterns in `pipelines/training/ner/patterns.jsonl`) that adds "
            "spans only where the NER found none. Config: `pipelines/training/ner/config.cfg`. "
            "Reads a finding's description + evidence.",
            "",
            f"Dev micro: P {micro['p']:.2f} R {micro['r']:.2f} F1 {micro['f']:.2f}; "
            f"training spans kept {ner['train_spans']['kept']}, "
            f"dropped (misaligned) {ner['train_spans']['dropped']}; {ner['seconds']} s.",
            "",
            *_table(ner["dev_scores"], support=False),
            "",
        ]
    clf = report.get("classifier")
    if clf:
        lines += [
            "## ILO classifier: `ilo_classifier.skops` (scikit-learn, skops)",
            "",
            "One-vs-rest logistic regression over TF-IDF word (1-2) and character (3-5) "
            "n-grams of topic + clause + finding text, plus the crosswalk codes of the printed "
            "clause; sigmoid-calibrated (3-fold) where a label has >= 6 positives; per-label "
            "thresholds tuned for F1 on out-of-fold predictions. Loaded with a skops type "
            "allow-list (`extractor/indicators/classifier.py`), never pickle.",
            "",
            f"Dev: {clf['dev_findings']} findings; trained on {clf['train_findings']} "
            f"(+ dev for the shipped model); {clf['seconds']} s.",
            "",
            *_table(clf["dev_scores"], support=True),
            "",
        ]
    lines += [
        f"Seed {report['seed']}; corpus sha256 `{report['corpus_sha256'][:16]}…`; "
        f"versions {report['versions']}.",
        "",
        "Intended use: pre-filling audit records for human review on the ethical-trade platform. "
        "Not for automated decisions about suppliers or workers.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
