"""`audit-extractor evaluate`: how well extraction and models do on held-out labelled reports.

Runs the real extractor on every PDF of a split (by default `test`: layouts never seen in
training) and compares with gold:

- finding detection, and per-field P/R/F1 over findings (a field value is right when it equals
  gold after whitespace/case normalisation; long text fields also accept similarity >= 0.9);
- entities per label on matched findings, by (label, text), and "oracle" entities: the NER run
  on gold finding texts, scored by exact (label, start, end), isolating NER from extraction;
- ILO indicators per label + macro, end to end on matched findings, and oracle (gold texts) for
  the trained classifier beside the keyword-rule baseline;
- metadata accuracy per audit field.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel

from extractor.classifier_input import ClassifierInput
from extractor.gold import DEFAULT_SAMPLES_DIR, EVAL_SPLITS, GoldDocument, load_gold
from extractor.matching import match_findings, normalise, similarity
from extractor.metrics import PRF, LabelScores, label_scores, span_scores
from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
from extractor.schema import AuditRecord, ErrorRecord, Finding, finding_text

FINDING_FIELDS = (
    "kind",
    "clause",
    "topic",
    "title",
    "description",
    "evidence",
    "severity",
    "severity_raw",
    "corrective_action",
    "due",
    "page",
)
LONG_TEXT_FIELDS = frozenset({"title", "description", "evidence", "corrective_action"})
LONG_TEXT_SIMILARITY = 0.9
METADATA_FIELDS = (
    "standard",
    "standard_version",
    "audit_firm",
    "site_name",
    "site_address",
    "country",
    "audit_date",
    "audit_type",
    "announcement",
    "workers_total",
)
KINDS_WITH_INDICATORS = frozenset({"non_compliance", "observation"})
TRAINING_SPLITS = frozenset({"train", "corrections"})
HELD_OUT_NOTE = "held-out layouts"
TRAINING_NOTE = "TRAINING DATA - not a held-out score"


class Accuracy(BaseModel):
    correct: int = 0
    total: int = 0
    predicted_null: int = 0
    gold_null: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


class EvaluationReport(BaseModel):
    split: str
    held_out: bool
    documents: int
    failed_documents: list[str]
    seconds: float
    models: dict[str, str | None]
    field_rule: str
    detection: PRF
    detection_by_layout: dict[str, PRF]
    detection_scanned: PRF
    fields: dict[str, PRF]
    entities: LabelScores
    entities_oracle: LabelScores | None
    indicators: LabelScores
    indicators_oracle: dict[str, LabelScores]
    metadata: dict[str, Accuracy]


def field_value(finding: Finding, name: str) -> object:
    return finding.provenance.page if name == "page" else getattr(finding, name)


def same_value(name: str, predicted: object, gold: object) -> bool:
    if isinstance(predicted, str) and isinstance(gold, str):
        if normalise(predicted) == normalise(gold):
            return True
        return name in LONG_TEXT_FIELDS and similarity(predicted, gold) >= LONG_TEXT_SIMILARITY
    return predicted == gold


def score_fields(
    predicted: list[Finding], gold: list[Finding], pairs: list[tuple[int, int]], fields: dict
) -> None:
    """Add one report's per-field counts: unmatched predictions are false positives throughout."""
    gold_of = {i: j for i, j in pairs}
    for name in FINDING_FIELDS:
        counts = fields[name]
        matched_gold = set()
        for i, pred in enumerate(predicted):
            value = field_value(pred, name)
            j = gold_of.get(i)
            want = field_value(gold[j], name) if j is not None else None
            if j is not None:
                matched_gold.add(j)
            if value is not None and want is not None and same_value(name, value, want):
                counts.add(tp=1)
                continue
            if value is not None:
                counts.add(fp=1)
            if want is not None:
                counts.add(fn=1)
        for j, want in enumerate(gold):
            if j not in matched_gold and field_value(want, name) is not None:
                counts.add(fn=1)


def score_record(
    record: AuditRecord, gold: GoldDocument, acc: dict[str, list], counters: dict
) -> None:
    """Compare one extracted record with its gold record; accumulate into the counters."""
    want = gold.record
    pairs = match_findings(record.findings, want.findings)
    detection = PRF(
        tp=len(pairs), fp=len(record.findings) - len(pairs), fn=len(want.findings) - len(pairs)
    )
    for key in ("all", f"layout:{gold.layout}") + (("scanned",) if gold.scanned else ()):
        counters["detection"][key].add(detection.tp, detection.fp, detection.fn)
    score_fields(record.findings, want.findings, pairs, counters["fields"])
    for i, j in pairs:
        pred, true = record.findings[i], want.findings[j]
        acc["entities"].append(
            (
                [(e.label, normalise(e.text)) for e in pred.entities],
                [(e.label, normalise(e.text)) for e in true.entities],
            )
        )
        if true.kind in KINDS_WITH_INDICATORS:
            acc["indicators"].append(
                (
                    [ind.code for ind in pred.ilo_indicators],
                    [ind.code for ind in true.ilo_indicators],
                )
            )
    for name in METADATA_FIELDS:
        got, expected = getattr(record.audit, name), getattr(want.audit, name)
        meta = counters["metadata"][name]
        meta.total += 1
        meta.correct += int(same_value(name, got, expected))
        meta.predicted_null += int(got is None)
        meta.gold_null += int(expected is None)


def oracle_scores(
    extractor: Extractor, docs: list[GoldDocument]
) -> tuple[LabelScores | None, dict[str, LabelScores]]:
    """Run NER and classifiers on gold finding texts, so extraction errors do not count."""
    findings = [(doc, f) for doc in docs for f in doc.record.findings]
    texts = [finding_text(f.description, f.evidence) for _doc, f in findings]
    entities = None
    if extractor.nlp is not None:
        from extractor.ner import find_entities

        predicted = find_entities(extractor.nlp, texts)
        entities = span_scores(
            (
                [(e.label, e.start, e.end) for e in got],
                [(e.label, e.start, e.end) for e in f.entities],
            )
            for got, (_doc, f) in zip(predicted, findings, strict=True)
        )
    scored = [(doc, f) for doc, f in findings if f.kind in KINDS_WITH_INDICATORS]
    items = [
        ClassifierInput(
            text=finding_text(f.description, f.evidence),
            clause=f.clause,
            topic=f.topic,
            standard=doc.record.audit.standard,
        )
        for doc, f in scored
    ]
    gold_codes = [[ind.code for ind in f.ilo_indicators] for _doc, f in scored]
    mappers = {"keyword_rules": extractor.keyword_mapper}
    if extractor.classifier is not None:
        mappers["classifier"] = extractor.classifier
    indicators = {
        name: label_scores(zip(mapper.predict_codes(items), gold_codes, strict=True))
        for name, mapper in mappers.items()
    }
    return entities, indicators


def evaluate(
    split: str = "test",
    samples_dir: Path = DEFAULT_SAMPLES_DIR,
    models_dir: Path = DEFAULT_MODELS_DIR,
    extractor: Extractor | None = None,
) -> EvaluationReport:
    """Extract every report of `split` and score it against gold."""
    started = time.perf_counter()
    docs = load_gold([split], samples_dir)
    if not docs:
        raise ValueError(f"no labelled reports in {samples_dir / split}")
    extractor = extractor or Extractor.load(models_dir)
    counters: dict = {
        "detection": defaultdict(PRF),
        "fields": {name: PRF() for name in FINDING_FIELDS},
        "metadata": {name: Accuracy() for name in METADATA_FIELDS},
    }
    acc: dict[str, list] = {"entities": [], "indicators": []}
    failed = []
    for doc in docs:
        record = extractor.extract_or_error(doc.pdf_path)
        if isinstance(record, ErrorRecord):
            failed.append(f"{doc.doc_id}: {record.error.reason}")
            empty = AuditRecord.model_validate(
                {**doc.record.model_dump(), "findings": [], "audit": {}}
            )
            record = empty
        score_record(record, doc, acc, counters)
    entities_oracle, indicators_oracle = oracle_scores(extractor, docs)
    detection = counters["detection"]
    info = extractor.info
    return EvaluationReport(
        split=split,
        held_out=split in EVAL_SPLITS,
        documents=len(docs),
        failed_documents=failed,
        seconds=round(time.perf_counter() - started, 1),
        models={"ner": info.ner_model, "classifier": info.classifier_model},
        field_rule=(
            "value equals gold after whitespace/case normalisation; title, description, evidence "
            f"and corrective_action also match at similarity >= {LONG_TEXT_SIMILARITY}; "
            "null predictions are not counted as positives"
        ),
        detection=detection["all"],
        detection_by_layout={
            key.split(":", 1)[1]: value
            for key, value in sorted(detection.items())
            if key.startswith("layout:")
        },
        detection_scanned=detection["scanned"],
        fields=counters["fields"],
        entities=span_scores(acc["entities"]),
        entities_oracle=entities_oracle,
        indicators=label_scores(acc["indicators"]),
        indicators_oracle=indicators_oracle,
        metadata=counters["metadata"],
    )


def format_report(report: EvaluationReport) -> str:
    """Render the report as fixed-width tables for a terminal."""
    lines = [
        f"split={report.split} ({HELD_OUT_NOTE if report.held_out else TRAINING_NOTE})"
        f"  documents={report.documents}  failed={len(report.failed_documents)}  "
        f"{report.seconds}s  models={report.models}",
        "",
    ]

    def prf_row(name: str, c: PRF) -> str:
        return (
            f"  {name:<22} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
            f"{c.tp:5d} {c.fp:5d} {c.fn:5d}"
        )

    header = f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"

    def block(title: str, rows: dict[str, PRF]) -> None:
        lines.extend([title, header, *(prf_row(k, v) for k, v in rows.items()), ""])

    block("Finding detection", {"all": report.detection, "scanned": report.detection_scanned})
    block("Finding detection by layout", report.detection_by_layout)
    block("Finding fields", report.fields)
    lines.append(f"  rule: {report.field_rule}")
    lines.append("")

    def labels(title: str, scores: LabelScores | None) -> None:
        if scores is None:
            lines.extend([title, "  model missing", ""])
            return
        rows = {**scores.per_label, "micro": scores.micro}
        block(title, rows)
        lines[-1:] = [f"  {'macro F1':<22} {'':>13} {scores.macro_f1:6.3f}", ""]

    labels("Entities on matched findings, by (label, text)", report.entities)
    labels("Entities, NER on gold texts, exact offsets (oracle)", report.entities_oracle)
    labels("ILO indicators end to end (matched findings)", report.indicators)
    for name, scores in report.indicators_oracle.items():
        labels(f"ILO indicators on gold texts (oracle): {name}", scores)
    if "classifier" not in report.indicators_oracle:
        labels("ILO indicators on gold texts (oracle): classifier", None)
    lines.append("Metadata accuracy")
    for name, a in report.metadata.items():
        lines.append(
            f"  {name:<22} {a.accuracy:6.3f} ({a.correct}/{a.total}; "
            f"predicted null {a.predicted_null}, gold null {a.gold_null})"
        )
    if report.failed_documents:
        lines += ["", "Failed documents: " + ", ".join(report.failed_documents)]
    return "\n".join(lines) + "\n"


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", default="test", help="labelled_samples/ split (default test)")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES_DIR)
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS_DIR)
    parser.add_argument(
        "--out", type=Path, default=None, help="JSON path (eval_results/<split>.json)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument(
        "--allow-train", action="store_true", help="allow scoring training data (labelled as such)"
    )


def run(args: argparse.Namespace) -> int:
    if args.split in TRAINING_SPLITS and not args.allow_train:
        print(
            f"evaluate: '{args.split}' is training data; scores on it say nothing about unseen "
            "reports. Use --split test, or --allow-train to see them anyway.",
            file=sys.stderr,
        )
        return 2
    try:
        report = evaluate(args.split, args.samples, args.models)
    except ValueError as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    payload = report.model_dump(mode="json")
    out = args.out or Path("eval_results") / f"{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(payload, indent=1) + "\n" if args.json else format_report(report))
    print(f"written: {out}", file=sys.stderr)
    return 0
