"""`audit-extractor evaluate --classifier`: the ILO classifier beside the keyword baseline on
finding texts it never trained on.

Three sets, each scored for both mappers on the same inputs (text, clause, topic, standard,
kind):

- held-out wording (`labelled_samples/classifier/held_out_wording.jsonl`): phrase-bank wordings
  marked held out, whole styles per label, filled with slot values; training never reads them;
- the gold findings of the test split (`labelled_samples/test`, layouts never trained on);
- auditor-style findings (`labelled_samples/classifier/auditor_style.jsonl`): terse findings
  hand-written in a style unlike the training templates, a synthetic stand-in for real auditor
  text, never used for training.

Per label: precision, recall, F1 and, for the classifier, expected calibration error (ECE) of its
calibrated score; micro and macro F1; how many findings end with no code. This module scores;
it never trains, and never writes outside the report path it is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR, GoldDocument, load_gold
from extractor.evaluation.metrics import PRF, LabelScores, multilabel_scores
from extractor.indicators.classifier_input import LabelledFinding
from extractor.indicators.keyword_rules import KeywordMapper
from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import finding_text

CLASSIFIER_SETS_DIR = "classifier"
HELD_OUT_WORDING = "held_out_wording.jsonl"
AUDITOR_STYLE = "auditor_style.jsonl"
KINDS_WITH_INDICATORS = ("non_compliance", "observation")
ECE_BINS = 10

SET_NOTES = {
    "held_out_wording": "phrase-bank wordings held out from training (whole styles per label)",
    "test_split": "gold findings of the test split (layouts never trained on)",
    "auditor_style": "hand-written terse findings, a SYNTHETIC stand-in for real auditor text",
}


class LabelRow(BaseModel):
    """One label's counts and scores for one mapper on one set."""

    counts: PRF
    ece: float | None = None


class MapperScores(BaseModel):
    """How one mapper did on one set."""

    mapper: str
    per_label: dict[str, LabelRow]
    micro: PRF
    macro_f1: float | None
    ece_mean: float | None = None
    ece_max: float | None = None
    findings: int
    no_code: int  # findings (of any gold) given no code at all
    no_code_with_gold: int  # findings with gold codes given none
    with_gold: int
    no_gold_given_code: int  # findings with no gold code given one anyway
    without_gold: int
    by_style: dict[str, PRF] = {}


class SetResult(BaseModel):
    name: str
    note: str
    findings: int
    classifier: MapperScores | None
    baseline: MapperScores
    # Micro and macro F1 of the classifier at least the baseline's on this set.
    never_worse: bool | None


class ClassifierEvaluation(BaseModel):
    classifier: str | None
    baseline: str
    ece_bins: int
    sets: list[SetResult]
    missing: list[str]


def expected_calibration_error(
    proba: Sequence[float] | np.ndarray, target: Sequence[int] | np.ndarray, bins: int = ECE_BINS
) -> float | None:
    """Return the ECE of binary probabilities: sum over equal-width bins of the bin's share of
    items times |mean predicted probability - observed positive rate|. None for no items."""
    p = np.asarray(proba, dtype=np.float64)
    y = np.asarray(target, dtype=np.float64)
    if p.size == 0:
        return None
    if p.shape != y.shape:
        raise ValueError(f"{p.size} probabilities for {y.size} targets")
    # Bin b holds [b/bins, (b+1)/bins); 1.0 goes in the last bin.
    index = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        in_bin = index == b
        if in_bin.any():
            total += in_bin.mean() * abs(p[in_bin].mean() - y[in_bin].mean())
    return float(total)


def load_findings(path: Path) -> list[LabelledFinding]:
    """Read a JSON-lines set of labelled findings."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [LabelledFinding.model_validate(json.loads(line)) for line in lines if line.strip()]


def split_findings(docs: Sequence[GoldDocument]) -> list[LabelledFinding]:
    """Gold findings of labelled reports that can carry indicators, as labelled findings."""
    out = []
    for doc in docs:
        for n, finding in enumerate(doc.record.findings, start=1):
            if finding.kind in KINDS_WITH_INDICATORS:
                out.append(
                    LabelledFinding(
                        id=f"{doc.doc_id}#{n}",
                        text=finding_text(finding.description, finding.evidence),
                        kind=finding.kind,
                        standard=doc.record.audit.standard,
                        clause=finding.clause,
                        topic=finding.topic,
                        codes=[ind.code for ind in finding.ilo_indicators],
                        group=doc.doc_id,
                    )
                )
    return out


def score_mapper(
    mapper: object,
    findings: Sequence[LabelledFinding],
    *,
    name: str,
    proba: np.ndarray | None = None,
    proba_codes: Sequence[str] = (),
) -> MapperScores:
    """Score one mapper's codes on `findings`; `proba` (columns `proba_codes`) adds ECE."""
    codes = load_taxonomy().codes
    items = [f.as_input() for f in findings]
    predicted = mapper.predict_codes(items) if items else []  # type: ignore[attr-defined]
    gold = [f.codes for f in findings]
    scores: LabelScores = multilabel_scores(predicted, gold, codes)
    eces: dict[str, float | None] = {}
    if proba is not None:
        for j, code in enumerate(proba_codes):
            eces[code] = expected_calibration_error(proba[:, j], [code in row for row in gold])
    per_label = {
        code: LabelRow(counts=scores.per_label[code], ece=eces.get(code)) for code in codes
    }
    known = [v for v in eces.values() if v is not None]
    by_style: dict[str, PRF] = {}
    for finding, pred in zip(findings, predicted, strict=True):
        if finding.style:
            row = multilabel_scores([pred], [finding.codes]).micro
            by_style[finding.style] = by_style.get(finding.style, PRF()) + row
    with_gold = [i for i, row in enumerate(gold) if row]
    without_gold = [i for i, row in enumerate(gold) if not row]
    return MapperScores(
        mapper=name,
        per_label=per_label,
        micro=scores.micro,
        macro_f1=scores.macro_f1,
        ece_mean=float(np.mean(known)) if known else None,
        ece_max=float(np.max(known)) if known else None,
        findings=len(findings),
        no_code=sum(not row for row in predicted),
        no_code_with_gold=sum(not predicted[i] for i in with_gold),
        with_gold=len(with_gold),
        no_gold_given_code=sum(bool(predicted[i]) for i in without_gold),
        without_gold=len(without_gold),
        by_style=dict(sorted(by_style.items())),
    )


def score_set(
    name: str, findings: Sequence[LabelledFinding], classifier: object | None
) -> SetResult:
    """Score the classifier (when installed) and the keyword baseline on one set."""
    baseline = KeywordMapper()
    base_scores = score_mapper(baseline, findings, name=baseline.name)
    clf_scores = None
    never_worse = None
    if classifier is not None:
        items = [f.as_input() for f in findings]
        proba = classifier.predict_proba(items)  # type: ignore[attr-defined]
        clf_scores = score_mapper(
            classifier,
            findings,
            name=str(getattr(classifier, "name", "classifier")),
            proba=proba,
            proba_codes=classifier.codes,  # type: ignore[attr-defined]
        )
        never_worse = (clf_scores.micro.f1 or 0.0) >= (base_scores.micro.f1 or 0.0) and (
            clf_scores.macro_f1 or 0.0
        ) >= (base_scores.macro_f1 or 0.0)
    return SetResult(
        name=name,
        note=SET_NOTES.get(name, ""),
        findings=len(findings),
        classifier=clf_scores,
        baseline=base_scores,
        never_worse=never_worse,
    )


def evaluate_classifier(
    classifier: object | None,
    samples_dir: Path = DEFAULT_SAMPLES_DIR,
    *,
    split: str = "test",
) -> ClassifierEvaluation:
    """Score the classifier and the baseline on every evaluation set found under `samples_dir`."""
    sets_dir = samples_dir / CLASSIFIER_SETS_DIR
    sources: list[tuple[str, Path | None]] = [
        ("held_out_wording", sets_dir / HELD_OUT_WORDING),
        ("test_split", None),
        ("auditor_style", sets_dir / AUDITOR_STYLE),
    ]
    results, missing = [], []
    for name, path in sources:
        if path is None:
            findings = split_findings(load_gold([split], samples_dir))
            where = str(samples_dir / split)
        elif path.exists():
            findings = load_findings(path)
            where = str(path)
        else:
            findings, where = [], str(path)
        if not findings:
            missing.append(f"{name}: nothing at {where}")
            continue
        results.append(score_set(name, findings, classifier))
    return ClassifierEvaluation(
        classifier=str(getattr(classifier, "name", None)) if classifier is not None else None,
        baseline=KeywordMapper.name,
        ece_bins=ECE_BINS,
        sets=results,
        missing=missing,
    )


# --- printing -------------------------------------------------------------------------------


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "-"


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  "
        + "  ".join(
            [row[0].ljust(widths[0])]
            + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        )
        for row in rows
    ]


def format_set(result: SetResult) -> list[str]:
    """One set as a per-label table: classifier P/R/F1/ECE beside the baseline's P/R/F1."""
    clf, base = result.classifier, result.baseline
    out = [f"{result.name}: {result.findings} findings ({result.note})"]
    header = ["", "clf P", "R", "F1", "ECE", "keywords P", "R", "F1", "gold n"]
    rows = [header]
    for code, base_row in base.per_label.items():
        # Skip labels nobody has gold for or predicted.
        clf_fp = clf.per_label[code].counts.fp if clf is not None else 0
        if not (base_row.counts.support or base_row.counts.fp or clf_fp):
            continue
        clf_row = clf.per_label[code] if clf is not None else None
        c = clf_row.counts if clf_row is not None else None
        rows.append(
            [
                code,
                _num(c.precision) if c else "-",
                _num(c.recall) if c else "-",
                _num(c.f1) if c else "-",
                _num(clf_row.ece) if clf_row else "-",
                _num(base_row.counts.precision),
                _num(base_row.counts.recall),
                _num(base_row.counts.f1),
                str(base_row.counts.support),
            ]
        )
    rows.append(
        [
            "micro",
            _num(clf.micro.precision) if clf else "-",
            _num(clf.micro.recall) if clf else "-",
            _num(clf.micro.f1) if clf else "-",
            _num(clf.ece_mean) if clf else "-",
            _num(base.micro.precision),
            _num(base.micro.recall),
            _num(base.micro.f1),
            str(base.micro.support),
        ]
    )
    rows.append(
        ["macro", "", "", _num(clf.macro_f1) if clf else "-", "", "", "", _num(base.macro_f1), ""]
    )
    out += _columns(rows)
    out.append(
        "  (ECE of the micro row is the mean over labels; max "
        + (_num(clf.ece_max) if clf else "-")
        + ")"
    )
    for scores in (clf, base):
        if scores is None:
            continue
        out.append(
            f"  {scores.mapper}: no code for {_share(scores.no_code, scores.findings)} of "
            f"findings; for {_share(scores.no_code_with_gold, scores.with_gold)} of findings "
            "with gold codes; codes given to "
            f"{_share(scores.no_gold_given_code, scores.without_gold)} no-indicator findings"
        )
    if clf is not None and clf.by_style:
        styles = [
            f"{style} {_num(prf.f1)}/{_num(base.by_style.get(style, PRF()).f1)}"
            for style, prf in clf.by_style.items()
        ]
        out.append("  micro F1 by wording style (classifier/keywords): " + ", ".join(styles))
    if result.never_worse is not None:
        verdict = "yes" if result.never_worse else "NO"
        out.append(f"  classifier at least the baseline on micro and macro F1: {verdict}")
    return out


def format_classifier_report(evaluation: ClassifierEvaluation) -> str:
    out = [
        "ILO classifier on texts it never trained on "
        f"(classifier {evaluation.classifier or 'missing'}, baseline {evaluation.baseline}; "
        f"ECE over {evaluation.ece_bins} equal-width bins of the calibrated score)",
        "",
    ]
    for result in evaluation.sets:
        out += [*format_set(result), ""]
    out += [f"missing set: {note}" for note in evaluation.missing]
    return "\n".join(out).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    """Run the classifier section of `audit-extractor evaluate` (`--classifier`)."""
    from extractor.pipeline import CLASSIFIER_FILENAME

    path = args.models / CLASSIFIER_FILENAME
    classifier = None
    if path.exists():
        from extractor.indicators.classifier import IloClassifier

        classifier = IloClassifier.load(path)
    evaluation = evaluate_classifier(classifier, args.samples, split=args.split)
    text = evaluation.model_dump_json(indent=2)
    out = args.out or Path("eval_results") / "classifier.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n" if args.json else format_classifier_report(evaluation))
    sys.stdout.flush()
    print(f"report written to {out}", file=sys.stderr)
    return 0
