"""`audit-extractor evaluate --learning-curve FAMILY`: how fast corrections teach a new family.

Takes a family of reports the models never trained on, and for k = 0, 1, 2, 4 accepts k of its
text reports (spread over its variants) as reviewer corrections, through
`corrections.file_correction` (the path the review app's Accept button takes; the gold record
stands for a perfect reviewer's), retrains what the two scores depend on, and scores finding
detection F1 and ILO macro F1 on the family's other reports (at most `--max-evaluated`, the same
ones for every k). Within the run the evaluated reports are the test split, so the labelling
checks refuse to train on any of them.

Only what the curve measures is retrained, on the training documents `train` uses plus the k
corrections: the ILO classifier, and the learned block labeller that reads findings once it is
part of the repository (`pipelines/training/reader.py`); the NER is not measured here and stays
the current one. Families come from `labelled_samples/` (a family is a layout there) or from a
corpus folder whose `manifest.json` names each document's `family` (`--corpus build/corpus`).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from extractor.evaluation.evaluate import evaluate
from extractor.evaluation.gold import (
    DEFAULT_SAMPLES_DIR,
    EVAL_SPLITS,
    TRAIN_SPLITS,
    GoldDocument,
    at_most_per_layout,
    load_gold,
)
from extractor.evaluation.metrics import PRF
from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
from pipelines.review.corrections import file_correction
from pipelines.training.holdout import training_documents

DEFAULT_KS = (0, 1, 2, 4)
# Every k re-extracts the evaluated reports: a cap keeps a long-report family's run bounded.
DEFAULT_MAX_EVALUATED = 12
REVIEWER = "learning-curve"
# Realistic-corpus reports per variant the reader is retrained on at each k, besides the labelled
# samples and the corrections.
READER_BASE_PER_VARIANT = 2
SEED = 0


class CurvePoint(BaseModel):
    k: int
    corrections: list[str]
    detection: PRF
    ilo_macro_f1: float | None
    ilo_micro_f1: float | None
    # The classifier alone, on the evaluated reports' gold findings (no reading errors).
    ilo_macro_f1_gold_findings: float | None
    retrained: list[str]
    seconds: float


class LearningCurve(BaseModel):
    family: str
    source: str
    evaluated_on: list[str]
    training_documents: int
    points: list[CurvePoint]
    seconds: float
    notes: list[str]


class CurveError(ValueError):
    """A family the curve cannot be run on; the message says why."""


# --- which documents --------------------------------------------------------------------------


def family_documents(family: str, corpus: Path) -> list[GoldDocument]:
    """The family's gold documents in `corpus`, refused if the models trained on any of them."""
    manifest_path = corpus / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    documents = manifest.get("documents")
    docs = load_gold([*TRAIN_SPLITS, *EVAL_SPLITS], corpus)
    # The realistic corpus names each document's family; labelled_samples/ its layout.
    families = {
        entry["doc_id"]: entry.get("family", entry.get("layout"))
        for entry in (documents if isinstance(documents, list) else [])
        if isinstance(entry, dict) and "doc_id" in entry
    }
    chosen = [d for d in docs if families.get(d.doc_id, d.layout) == family]
    if not chosen:
        raise CurveError(f"no documents of family {family!r} in {corpus}")
    seen = [d.doc_id for d in chosen if d.split in TRAIN_SPLITS]
    if seen:
        raise CurveError(
            f"family {family!r} is in the training data ({', '.join(seen[:3])}...): "
            "a learning curve needs a family the models have not seen"
        )
    return chosen


def variant_of(doc_id: str) -> str:
    """The document's layout variant: its id without the running number (and `-scan`)."""
    return re.sub(r"-\d+(-scan)?$", "", doc_id)


def interleaved(docs: Sequence[GoldDocument]) -> list[GoldDocument]:
    """Documents in round-robin order over their variants, so any prefix spreads over them."""
    groups: dict[str, list[GoldDocument]] = {}
    for doc in sorted(docs, key=lambda d: d.doc_id):
        groups.setdefault(variant_of(doc.doc_id), []).append(doc)
    queues = [groups[key] for key in sorted(groups)]
    ordered: list[GoldDocument] = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def split_family(
    docs: Sequence[GoldDocument], max_k: int, max_evaluated: int | None = None
) -> tuple[list[GoldDocument], list[GoldDocument]]:
    """The reports to correct (the first `max_k` text ones, across variants) and the rest, to
    evaluate on (at most `max_evaluated`, across variants)."""
    ordered = interleaved(docs)
    to_correct = [d for d in ordered if not d.scanned][:max_k]
    if len(to_correct) < max_k:
        raise CurveError(
            f"the family has {len(to_correct)} text reports; k up to {max_k} needs more"
        )
    rest = [d for d in ordered if d not in to_correct][:max_evaluated]
    if not rest:
        raise CurveError("no report of the family is left to evaluate on")
    return to_correct, rest


# --- retraining ---------------------------------------------------------------------------------


def retrain_classifier(docs: Sequence[GoldDocument]) -> object:
    """The ILO classifier fitted as `train` fits it: gold findings plus training wordings."""
    from extractor.indicators.classifier import IloClassifier
    from pipelines.training.classifier import training_findings

    findings = training_findings(list(docs), seed=SEED)
    return IloClassifier.fit(
        [f.as_input() for f in findings],
        [f.codes for f in findings],
        groups=[f.group or f.id for f in findings],
        seed=SEED,
    )


def retrain_reader(docs: Sequence[GoldDocument]) -> object | None:
    """The learned block labeller trained on `docs`, once the repository has one."""
    try:
        module = importlib.import_module("pipelines.training.reader")
    except ModuleNotFoundError:
        return None
    labeller, _report = module.train_reader(list(docs), [], seed=SEED, profile="quick")
    return labeller


def reader_base(
    samples_dir: Path, per_variant: int = READER_BASE_PER_VARIANT
) -> list[GoldDocument]:
    """What `train` teaches the reader besides the labelled samples: the realistic corpus's
    train families, when it has been generated; `per_variant` reports of each variant, so
    every k retrains in minutes rather than the quarter hour a full `train` takes."""
    try:
        train = importlib.import_module("pipelines.training.train")
    except ModuleNotFoundError:
        return []
    realistic = getattr(train, "DEFAULT_REALISTIC_DIR", None)
    if realistic is None or not Path(realistic).is_dir():
        return []
    return at_most_per_layout(load_gold(["train"], Path(realistic)), per_variant)


def curve_extractor(current: Extractor, classifier: object, labeller: object | None) -> Extractor:
    """The current extractor with the retrained models put in."""
    if labeller is None:
        return Extractor(nlp=current.nlp, classifier=classifier)
    return Extractor(nlp=current.nlp, classifier=classifier, labeller=labeller)  # type: ignore[call-arg]


# --- the curve ----------------------------------------------------------------------------------


def learning_curve(
    family: str,
    *,
    corpus: Path = DEFAULT_SAMPLES_DIR,
    samples_dir: Path = DEFAULT_SAMPLES_DIR,
    models_dir: Path = DEFAULT_MODELS_DIR,
    ks: Sequence[int] = DEFAULT_KS,
    max_evaluated: int | None = DEFAULT_MAX_EVALUATED,
    log=print,  # noqa: ANN001 - progress lines
) -> LearningCurve:
    started = time.perf_counter()
    ks = sorted(set(ks))
    family_docs = family_documents(family, corpus)
    to_correct, evaluated = split_family(family_docs, max(ks), max_evaluated)
    base = training_documents(load_gold(TRAIN_SPLITS, samples_dir))
    extra_reader_docs = reader_base(samples_dir)
    current = Extractor.load(models_dir)
    notes = []
    if importlib.util.find_spec("pipelines.training.reader") is None:
        notes.append(
            "finding detection comes from the rule-based finding extractor, which corrections "
            "do not teach: only the ILO classifier is retrained"
        )
    points = []
    with tempfile.TemporaryDirectory(prefix="learning-curve-") as tmp:
        samples = Path(tmp) / "samples"
        # The family's evaluated reports are this run's test split: the labelling checks then
        # refuse to train on any of them, as they refuse the real test split.
        (samples / EVAL_SPLITS[0]).mkdir(parents=True)
        for doc in evaluated:
            for suffix in (".pdf", ".json"):
                shutil.copy(doc.pdf_path.with_suffix(suffix), samples / EVAL_SPLITS[0])
        accepted = 0
        for k in ks:
            point_started = time.perf_counter()
            for doc in to_correct[accepted:k]:
                # The curve's models are never shipped: the family's own evaluated reports are
                # held out (this run's test split), the repository's test layouts may be corrected.
                filed = file_correction(
                    doc.record,
                    doc.pdf_path.read_bytes(),
                    samples,
                    reviewer=REVIEWER,
                    repository_held_out=False,
                )
                if filed.gold_path is None:
                    raise CurveError(f"{doc.doc_id} was not accepted as a correction: {filed.note}")
            accepted = k
            corrections = load_gold(["corrections"], samples)
            docs = base + corrections
            retrained = ["ilo_classifier"]
            classifier = retrain_classifier(docs)
            reader = retrain_reader(docs + extra_reader_docs)
            if reader is not None:
                retrained.append("reader")
            extractor = curve_extractor(current, classifier, reader)
            report = evaluate(f"{family} (k={k})", extractor=extractor, documents=evaluated)
            point = CurvePoint(
                k=k,
                corrections=[d.doc_id for d in to_correct[:k]],
                detection=report.detection,
                ilo_macro_f1=report.indicators.macro_f1,
                ilo_micro_f1=report.indicators.micro.f1,
                ilo_macro_f1_gold_findings=_macro(report.indicators_oracle.get("classifier")),
                retrained=retrained,
                seconds=round(time.perf_counter() - point_started, 1),
            )
            log(format_point(point))
            points.append(point)
    return LearningCurve(
        family=family,
        source=str(corpus),
        evaluated_on=[d.doc_id for d in evaluated],
        training_documents=len(base),
        points=points,
        seconds=round(time.perf_counter() - started, 1),
        notes=notes,
    )


def _macro(scores: object) -> float | None:
    return getattr(scores, "macro_f1", None)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_point(point: CurvePoint) -> str:
    d = point.detection
    return (
        f"| {point.k} | {_num(d.precision)} | {_num(d.recall)} | {_num(d.f1)} | "
        f"{_num(point.ilo_macro_f1)} | {_num(point.ilo_micro_f1)} | "
        f"{_num(point.ilo_macro_f1_gold_findings)} | {point.seconds:.0f} |"
    )


def format_curve(curve: LearningCurve) -> str:
    lines = [
        f"learning curve: family {curve.family} ({curve.source}); evaluated on "
        f"{len(curve.evaluated_on)} reports ({', '.join(curve.evaluated_on)}); "
        f"{curve.training_documents} training documents + k corrections; {curve.seconds:.0f} s",
        *(f"note: {note}" for note in curve.notes),
        "",
        "| k | finding P | finding R | finding F1 | ILO macro F1 | ILO micro F1 "
        "| ILO macro F1, gold findings | seconds |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(format_point(p) for p in curve.points),
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Entry from `audit-extractor evaluate --learning-curve FAMILY`."""
    try:
        ks = [int(k) for k in str(args.ks).split(",") if k.strip()]
        corpus = getattr(args, "corpus", None) or args.samples
        curve = learning_curve(
            args.learning_curve,
            corpus=corpus,
            samples_dir=args.samples,
            models_dir=args.models,
            ks=ks,
            max_evaluated=getattr(args, "max_evaluated", DEFAULT_MAX_EVALUATED),
            log=lambda line: print(line, file=sys.stderr, flush=True),
        )
    except (CurveError, ValueError) as exc:
        print(f"audit-extractor evaluate --learning-curve: {exc}", file=sys.stderr)
        return 2
    out = args.out or Path("eval_results") / f"learning_curve-{args.learning_curve}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(curve.model_dump_json(indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(format_curve(curve))
    print(f"report written to {out}", file=sys.stderr)
    return 0
