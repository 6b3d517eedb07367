"""`audit-extractor train`: rebuild the NER, ILO classifier and finding reader from gold data.

Reads the `train` split plus reviewers' `corrections` (never `test`; one correction in five is
kept back for the retraining gate, see `holdout.py`) and the realistic corpus's train families
(NER and reader), carves a dev set out of them by document (every layout's `-05` report, one
realistic report in eight) for the NER's early stopping and its model card,
and writes `models/ner/`, `models/ilo_classifier.npz`, `models/block_labeller.npz`,
`models/training_report.json` and
`models/README.md`. The classifier also learns from the phrase banks' training wordings
(`pipelines/training/classifier_data.py`) and is scored on the held-out ones. Deterministic for
a given seed and corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import sklearn
import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR, TRAIN_SPLITS, GoldDocument, load_gold
from extractor.indicators.ner import annotated_doc
from extractor.pipeline import (
    CLASSIFIER_FILENAME,
    DEFAULT_MODELS_DIR,
    LABELLER_FILENAME,
    NER_DIRNAME,
)
from extractor.record.schema import ENTITY_LABELS, finding_text
from pipelines.training.classifier import train_classifier
from pipelines.training.holdout import training_documents
from pipelines.training.model_card import write_model_card
from pipelines.training.ner import read_patterns  # noqa: F401 - registers the config's pattern reader
from pipelines.training.reader import train_reader

DEFAULT_REALISTIC_DIR = Path(__file__).resolve().parents[2] / "build" / "corpus"
CONFIG = Path(__file__).resolve().parent / "ner" / "config.cfg"
PATTERNS = Path(__file__).resolve().parent / "ner" / "patterns.jsonl"
NER_NAME, NER_VERSION = "audit_ner", "1.0.0"
DEV_MARKER = "-05"


def is_dev(doc: GoldDocument) -> bool:
    """Dev documents: one report per layout (and its scan) of the labelled samples, and about
    one in eight reports of the realistic corpus (chosen by a hash of the id, so stable)."""
    if doc.family == doc.layout:
        return DEV_MARKER in doc.doc_id
    return int(hashlib.sha256(doc.doc_id.encode()).hexdigest(), 16) % 8 == 0


def write_docbin(nlp: spacy.Language, docs: list[GoldDocument], path: Path) -> dict[str, int]:
    """Write gold finding texts with their entities; return how many spans were kept/dropped."""
    bin_ = DocBin(store_user_data=False)
    kept = dropped = 0
    for doc in docs:
        for finding in doc.record.findings:
            text = finding_text(finding.description, finding.evidence)
            spacy_doc, lost = annotated_doc(nlp, text, finding.entities)
            bin_.add(spacy_doc)
            kept += len(spacy_doc.ents)
            dropped += lost
    bin_.to_disk(path)
    return {"kept": kept, "dropped": dropped}


def train_ner(train: list[GoldDocument], dev: list[GoldDocument], seed: int, out: Path) -> dict:
    """Run `spacy train` on our config; keep the best checkpoint on dev; return dev scores."""
    from spacy.cli.train import train as spacy_train

    blank = spacy.blank("en")
    with tempfile.TemporaryDirectory(prefix="audit-ner-") as tmp:
        tmp_dir = Path(tmp)
        train_counts = write_docbin(blank, train, tmp_dir / "train.spacy")
        dev_counts = write_docbin(blank, dev, tmp_dir / "dev.spacy")
        overrides = {
            "paths.train": str(tmp_dir / "train.spacy"),
            "paths.dev": str(tmp_dir / "dev.spacy"),
            "paths.patterns": str(PATTERNS),
            "system.seed": seed,
        }
        spacy_train(CONFIG, tmp_dir / "output", overrides=overrides, use_gpu=-1)
        nlp = spacy.load(tmp_dir / "output" / "model-best")
        nlp.meta.update(
            name=NER_NAME,
            version=NER_VERSION,
            description="Entities in social-compliance audit findings (synthetic training data).",
            labels={"ner": list(ENTITY_LABELS)},
        )
        examples = [
            Example(nlp.make_doc(d.text), d)
            for d in DocBin().from_disk(tmp_dir / "dev.spacy").get_docs(nlp.vocab)
        ]
        scores = nlp.evaluate(examples)
        # The temporary corpus paths mean nothing after training; null keeps the saved config
        # identical between runs, like the weights.
        for key in ("train", "dev", "patterns"):
            nlp.config["paths"][key] = None
        if out.exists():
            shutil.rmtree(out)
        nlp.to_disk(out)
    per_type = scores.get("ents_per_type") or {}
    return {
        "dev_scores": {
            label: {"p": s["p"], "r": s["r"], "f": s["f"]} for label, s in sorted(per_type.items())
        },
        "dev_micro": {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]},
        "train_spans": train_counts,
        "dev_spans": dev_counts,
    }


def corpus_fingerprint(docs: list[GoldDocument]) -> str:
    """sha256 over the gold files used, so a model can be traced to its exact training data."""
    digest = hashlib.sha256()
    for doc in sorted(docs, key=lambda d: (d.split, d.doc_id)):
        digest.update(doc.pdf_path.with_suffix(".json").read_bytes())
    return digest.hexdigest()


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES_DIR)
    parser.add_argument(
        "--realistic",
        type=Path,
        default=DEFAULT_REALISTIC_DIR,
        help="generated realistic corpus (its train families teach the finding reader and the NER)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_MODELS_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=["ner", "classifier", "reader"], default=None)


def run(args: argparse.Namespace) -> int:
    everything = load_gold(TRAIN_SPLITS, args.samples)
    # Some reviewer corrections are kept back for the retraining gate (holdout.py).
    docs = training_documents(everything)
    if not docs:
        print(
            f"train: no gold documents under {args.samples}/{{train,corrections}}", file=sys.stderr
        )
        return 2
    np.random.seed(args.seed)
    train = [d for d in docs if not is_dev(d)]
    dev = [d for d in docs if is_dev(d)] or train[-1:]
    args.out.mkdir(parents=True, exist_ok=True)
    report_path = args.out / "training_report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    report.update(
        seed=args.seed,
        documents={"train": len(train), "dev": len(dev)},
        corrections=sum(d.split == "corrections" for d in docs),
        corrections_held_for_validation=len(everything) - len(docs),
        corpus_sha256=corpus_fingerprint(docs),
        versions={
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "scikit-learn": sklearn.__version__,
        },
    )
    # The realistic corpus's train families teach the NER and the reader, not the classifier.
    learns_realistic = args.only in (None, "ner", "reader") and args.realistic.is_dir()
    realistic = load_gold(("train",), args.realistic) if learns_realistic else []
    if args.only in (None, "ner"):
        started = time.perf_counter()
        # The realistic corpus's train families are written in other families' wording, with
        # four times the entities of the labelled samples; about one report in eight is dev.
        ner_docs = [*docs, *realistic]
        report["ner"] = train_ner(
            [d for d in ner_docs if not is_dev(d)],
            [d for d in ner_docs if is_dev(d)] or dev,
            args.seed,
            args.out / NER_DIRNAME,
        )
        report["ner"]["seconds"] = round(time.perf_counter() - started, 1)
        report["ner"]["corpus_sha256"] = corpus_fingerprint(ner_docs)
        print(f"ner: dev F1 {report['ner']['dev_micro']['f']:.3f} -> {args.out / NER_DIRNAME}")
    if args.only in (None, "classifier"):
        # The classifier's held-out score comes from held-out wording, so the dev reports
        # train it too; its cross-validation keeps each report's findings in one fold.
        report["classifier"] = train_classifier(
            train + dev, args.out / CLASSIFIER_FILENAME, seed=args.seed
        )
        held = report["classifier"]["held_out_wording"]
        print(
            f"classifier: held-out wording micro F1 {held['classifier']['micro_f1']:.3f} "
            f"(keywords {held['baseline']['micro_f1']:.3f}) -> {args.out / CLASSIFIER_FILENAME}"
        )
    if args.only in (None, "reader"):
        started = time.perf_counter()
        # One fit on everything (about 18 min): held-out layouts and families score it in
        # `evaluate`, and `evaluate --lofo` cross-validates the recipe; a second fit only to
        # score a dev share would double the time.
        labeller, reader_report = train_reader([*docs, *realistic], [], seed=args.seed)
        labeller.save(args.out / LABELLER_FILENAME)
        reader_report["seconds"] = round(time.perf_counter() - started, 1)
        reader_report["corpus_sha256"] = corpus_fingerprint(docs + realistic)
        report["reader"] = reader_report
        print(f"reader: {reader_report['blocks']} blocks -> {args.out / LABELLER_FILENAME}")
    report_path.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    write_model_card(report, args.out / "README.md")
    return 0
