"""Write `models/README.md`, the model cards, from the training report."""

from __future__ import annotations

from pathlib import Path

from extractor.indicators.taxonomy import load_taxonomy

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


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _classifier_card(clf: dict) -> list[str]:
    held = clf["held_out_wording"]
    model, base = held["classifier"], held["baseline"]
    sources = clf["training_findings"]
    counts = clf["wording_counts"]
    rows = [
        "| label | P | R | F1 | ECE | keywords F1 | held-out n | wordings train / held-out |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for code in load_taxonomy().codes:
        row = model["per_label"][code]
        if not row["support"]:
            continue
        rows.append(
            f"| {code} | {_num(row['p'])} | {_num(row['r'])} | {_num(row['f'])} | "
            f"{_num(row['ece'])} | {_num(base['per_label'][code]['f'])} | {row['support']} | "
            f"{counts[code]['train']} / {counts[code]['held_out']} |"
        )
    cv = clf["cross_validation"]
    return [
        "## ILO classifier: `ilo_classifier.npz` (trained with scikit-learn, run with numpy)",
        "",
        "One logistic regression per code, plus one for 'no indicator', over TF-IDF word (1-2) "
        "and character (3-5) n-grams of topic + description and word n-grams of the evidence "
        "(auditor shorthand expanded, digits folded) and a block of structured features: "
        "concept patterns of description and evidence (`extractor/indicators/concepts.py`), "
        "the keyword baseline's rule hits, the crosswalk codes of the printed clause and the "
        "finding's kind. Platt-calibrated and thresholds tuned on out-of-fold predictions "
        f"({cv['folds']} folds over {cv['groups']} wording groups: a template's or a report's "
        "findings are never split across folds). A non-compliance or observation that clears "
        "no threshold gets the keyword rules' codes (where the model gives them at least "
        f"{clf['fallback_floor']}) or its top code, unless P(no indicator) >= "
        f"{clf['none_threshold']}. Saved as numeric arrays and text with a JSON "
        "header (`extractor/inference/archive.py`); loading refuses pickled objects and any "
        "other file, and predicting needs no scikit-learn (`extractor/inference/`).",
        "",
        f"Trained on {sum(sources.values())} findings: "
        + ", ".join(f"{n} {kind}" for kind, n in sources.items())
        + f"; {clf['size_bytes'] / 1e6:.1f} MB; {clf['seconds']} s.",
        "",
        f"**Held-out wording** ({held['findings']} findings from {held['templates']} wordings "
        "training never saw, whole styles per label): micro F1 "
        f"{_num(model['micro_f1'])} (keywords {_num(base['micro_f1'])}), macro F1 "
        f"{_num(model['macro_f1'])} (keywords {_num(base['macro_f1'])}); ECE mean "
        f"{_num(model['ece_mean'])}, max {_num(model['ece_max'])}; no code for "
        f"{_num(model['no_code_share'])} of findings (keywords {_num(base['no_code_share'])}), "
        f"{_num(model['no_code_share_with_gold'])} of those with gold codes (keywords "
        f"{_num(base['no_code_share_with_gold'])}). Cross-validated micro / macro F1 "
        f"{_num(cv['micro_f1'])} / {_num(cv['macro_f1'])}. All of it synthetic: see "
        "`audit-extractor evaluate --classifier` for the test split and the auditor-style set.",
        "",
        *rows,
        "",
    ]


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
            "Reads a finding's description + evidence. Trained on the gold findings of "
            "`labelled_samples/` (train + corrections) and of the realistic corpus's train "
            "families; the dev set is every layout's `-05` report and about one realistic "
            "report in eight (so the dev figures below are on layouts it trained on).",
            "",
            f"Dev micro: P {micro['p']:.2f} R {micro['r']:.2f} F1 {micro['f']:.2f}; "
            f"training spans kept {ner['train_spans']['kept']}, "
            f"dropped (misaligned) {ner['train_spans']['dropped']}; {ner['seconds']} s.",
            "",
            *_table(ner["dev_scores"], support=False),
            "",
        ]
    clf = report.get("classifier")
    if clf and "held_out_wording" in clf:
        lines += _classifier_card(clf)
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
        "## Finding reader: `block_labeller.npz` (trained with scikit-learn, run with numpy)",
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
        "train it like the generated corpus. Saved as numeric arrays and text, never "
        "pickle; the trees and linear model run on numpy at inference (`extractor/inference/`).",
        "",
        f"Trained on {reader['documents']['train']} reports "
        f"({', '.join(reader['families'])}), {reader['blocks']} blocks of which "
        f"{reader['blocks_in_findings']} inside findings; dev "
        f"{reader['documents']['dev']} reports; training profile "
        f"{reader.get('profile', 'full')!r}; {reader['seconds']} s.",
        "",
    ] + (
        [
            "Held-out scores: `make evaluate` (held-out layouts and realistic families) and "
            "`make evaluate-lofo` (leave one family out), quoted in the top-level README.",
            "",
        ]
        if dev is None
        else [
            "| dev finding detection | precision | recall | F1 | gold findings |",
            "|---|---:|---:|---:|---:|",
            row("text reports", dev["text"]),
            row("scanned reports", dev["scanned"]),
            "",
        ]
    )
