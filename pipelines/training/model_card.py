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
    lines += _reader_card(report.get("reader"))
    lines += [
        f"Seed {report['seed']}; corpus sha256 `{report['corpus_sha256'][:16]}…`; "
        f"versions {report['versions']}.",
        "",
        "Intended use: pre-filling audit records for human review on the ethical-trade platform. "
        "Not for automated decisions about suppliers or workers.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _reader_card(reader: dict | None) -> list[str]:
    """The finding reader's card: what it is, what it learned from, its dev detection scores."""
    if not reader:
        return []

    def row(name: str, counts: dict) -> str:
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        return f"| {name} | {p:.2f} | {r:.2f} | {f:.2f} | {tp + fn} |"

    dev = reader["dev_detection"]
    return [
        "## Finding reader: `block_labeller.skops` (scikit-learn, skops)",
        "",
        "Labels every block of a report (paragraph, labelled line, table cell) as description, "
        "evidence, corrective action, grade, clause, due date, topic, title, a finding's heading, "
        "other text inside a finding, or not part of a finding, and says whether it starts a "
        "finding. Stage 1: logistic regression over TF-IDF of the block's words and of the words "
        "that name it (label, column header, row label, section heading). Stage 2: gradient-"
        "boosted trees over layout numbers (vocabulary hits, grade/clause/date shapes, table "
        "position, size, weight, gaps, repeats of longer blocks) and the stage-1 probabilities "
        "of the block, its neighbours and its same-labelled peers. Block labels are derived "
        "from true records (`extractor/findings/supervision.py`), so reviewers' corrections "
        "train it like the generated corpus. Loaded with a skops type allow-list "
        "(`extractor/findings/labeller.py`), never pickle.",
        "",
        f"Trained on {reader['documents']['train']} reports "
        f"({', '.join(reader['families'])}), {reader['blocks']} blocks of which "
        f"{reader['blocks_in_findings']} inside findings; dev "
        f"{reader['documents']['dev']} reports; {reader['seconds']} s.",
        "",
        "| dev finding detection | precision | recall | F1 | gold findings |",
        "|---|---:|---:|---:|---:|",
        row("text reports", dev["text"]),
        row("scanned reports", dev["scanned"]),
        "",
    ]
