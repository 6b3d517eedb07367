"""`audit-extractor evaluate`: how well extraction and models do on held-out labelled reports.

Runs the real `Extractor` once on every PDF of a split (by default `test`: layouts never seen in
training) and compares each record with its gold record:

- finding detection: predicted findings aligned one to one with gold
  (`extractor.evaluation.matching`);
- per-field P/R/F1 over findings (`RULES["fields"]`);
- entities per label on matched findings by (label, text), by exact offsets where the finding
  text is identical, and "oracle": the NER run on gold finding texts (NER quality alone);
- ILO indicators per label, end to end on matched findings, and oracle on gold texts for the
  trained classifier beside the keyword-rule baseline;
- metadata accuracy per `AuditInfo` field, also per layout and per standard family; kind,
  grade and clause accuracy on matched findings per family (`metadata_eval`); breakdowns per
  layout and for text vs scanned PDFs.

Training splits are refused unless asked for, and then labelled as such: a score on data the
models were fitted to says nothing about unseen reports. This module scores; it extracts nothing
itself and never writes to `labelled_samples/` or `models/`.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, Field

from extractor.evaluation.gold import (
    DEFAULT_SAMPLES_DIR,
    EVAL_SPLITS,
    TRAIN_SPLITS,
    GoldDocument,
    load_gold,
)
from extractor.evaluation.matching import (
    MATCH_THRESHOLD,
    Match,
    match_findings,
    normalise_space,
    similarity,
)
from extractor.evaluation.metadata_eval import (
    FINDING_LABEL_FIELDS,
    Groups,
    by_group,
    finding_label_scores,
    format_groups,
)
from extractor.evaluation.metrics import (
    PRF,
    Accuracy,
    LabelScores,
    add_counts,
    aggregate,
    multilabel_counts,
    span_counts,
    total,
)
from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.taxonomy import load_taxonomy
from extractor.pipeline import (
    CLASSIFIER_FILENAME,
    DEFAULT_MODELS_DIR,
    KINDS_WITH_INDICATORS,
    LABELLER_FILENAME,
    NER_DIRNAME,
    Extractor,
)
from extractor.record.schema import ENTITY_LABELS, AuditInfo, AuditRecord, ErrorRecord, Finding

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
    "provenance.page",
)
LONG_TEXT_FIELDS = frozenset({"title", "description", "evidence", "corrective_action"})
LONG_TEXT_SIMILARITY = 0.9
METADATA_FIELDS = tuple(AuditInfo.model_fields)

TRAINING_LABEL = "TRAINING DATA - not a held-out score"
HELD_OUT_LABEL = "held-out layouts"
MODEL_MISSING = "model missing"

RULES = {
    "matching": (
        "a predicted finding matches at most one gold finding of the same report: pairs with "
        f"description similarity (difflib ratio, whitespace collapsed) >= {MATCH_THRESHOLD}, "
        "most similar first, same page breaking ties; a match is a detection TP"
    ),
    "fields": (
        "per field: a non-null prediction equal to gold after whitespace normalisation is TP "
        f"({', '.join(sorted(LONG_TEXT_FIELDS))} also at similarity >= {LONG_TEXT_SIMILARITY}); "
        "a non-null prediction that is wrong or on an unmatched finding is FP; a non-null gold "
        "value not predicted correctly is FN (a wrong value is FP and FN); null == null is not "
        "counted"
    ),
    "entities": (
        "end to end: on matched findings, (label, text) pairs as a multiset; exact: "
        "(label, start, end) on matched findings whose description+evidence text is identical "
        "to gold; oracle: NER on gold finding texts, scored by (label, start, end)"
    ),
    "indicators": (
        "codes per finding, only for gold findings of kind non_compliance/observation; end to "
        "end on matched findings with the extractor's own mapper; oracle on gold text, clause, "
        "topic and standard; macro = mean over codes with gold support"
    ),
    "metadata": "exact equality per AuditInfo field (null == null counts as correct)",
    "finding_labels": (
        "on matched findings, per field: equality after whitespace normalisation (null == null "
        "counts as correct); clause_code compares the code without 'ETI'/'PA'/'Clause', spaces "
        "or case"
    ),
}


class RecordScores(BaseModel):
    """Counts from comparing extracted records with gold; adding two adds every count."""

    detection: PRF = PRF()
    fields: dict[str, PRF] = {}
    entities: dict[str, PRF] = {}
    entities_exact: dict[str, PRF] = {}
    exact_findings: int = 0
    indicators: dict[str, PRF] = {}
    metadata: dict[str, Accuracy] = {}
    finding_labels: dict[str, Accuracy] = {}  # kind, grade, clause on matched findings

    def __add__(self, other: RecordScores) -> RecordScores:
        summed = {}
        for name in ("fields", "entities", "entities_exact", "indicators"):
            counts = dict(getattr(self, name))
            add_counts(counts, getattr(other, name))
            summed[name] = counts
        accuracies = {}
        for name in ("metadata", "finding_labels"):
            mine = dict(getattr(self, name))
            for field, acc in getattr(other, name).items():
                mine[field] = mine.get(field, Accuracy()) + acc
            accuracies[name] = mine
        return RecordScores(
            detection=self.detection + other.detection,
            exact_findings=self.exact_findings + other.exact_findings,
            **accuracies,
            **summed,
        )


class Breakdown(BaseModel):
    """Headline numbers for a group of documents (one layout, or text vs scanned PDFs)."""

    documents: int
    detection: PRF
    fields_micro: PRF
    entities_micro: PRF
    indicators_micro: PRF
    metadata: Accuracy


class DocumentResult(BaseModel):
    """One report's outcome: its headline numbers, and (not serialised) the full counts."""

    doc_id: str
    layout: str
    scanned: bool
    seconds: float
    error: str | None = None
    summary: Breakdown
    # The full counts feed the breakdowns; the JSON keeps only the summary so it stays readable.
    scores: RecordScores = Field(default_factory=RecordScores, exclude=True)


class ModelsUsed(BaseModel):
    extractor_version: str
    ner: str | None
    classifier: str | None
    end_to_end_indicators: str
    notes: list[str]


class EvaluationReport(BaseModel):
    split: str
    held_out: bool
    label: str
    documents: int
    failed_documents: list[str]
    seconds: float
    extraction_seconds: float
    models: ModelsUsed
    versions: dict[str, str]
    rules: dict[str, str]
    detection: PRF
    fields: dict[str, PRF]
    fields_micro: PRF
    entities: LabelScores
    entities_exact: LabelScores
    entities_exact_findings: int
    entities_oracle: LabelScores | None
    indicators: LabelScores
    indicators_oracle: dict[str, LabelScores | None]
    metadata: dict[str, Accuracy]
    metadata_by_layout: Groups = {}
    metadata_by_standard: Groups = {}
    finding_labels_by_standard: Groups = {}
    by_layout: dict[str, Breakdown]
    by_source: dict[str, Breakdown]
    per_document: list[DocumentResult]


class TrainingSplitError(ValueError):
    """Scoring a training split was asked for without `allow_train`."""


# --- comparing one record with gold -------------------------------------------------------------


def field_value(finding: Finding, name: str) -> object:
    """Return a finding's value for a `FINDING_FIELDS` name (dotted names reach into models)."""
    value: object = finding
    for part in name.split("."):
        value = getattr(value, part)
    return value


def same_value(name: str, predicted: object, gold: object) -> bool:
    """Apply the field rule: whitespace-normalised equality, similarity for long text."""
    if isinstance(predicted, str) and isinstance(gold, str):
        if normalise_space(predicted) == normalise_space(gold):
            return True
        return name in LONG_TEXT_FIELDS and similarity(predicted, gold) >= LONG_TEXT_SIMILARITY
    return predicted == gold


def score_fields(
    predicted: Sequence[Finding], gold: Sequence[Finding], matches: Iterable[Match]
) -> dict[str, PRF]:
    """Count per field over all findings of one report (see `RULES["fields"]`)."""
    gold_of = {match.predicted: match.gold for match in matches}
    matched_gold = set(gold_of.values())
    counts = {}
    for name in FINDING_FIELDS:
        tp = fp = fn = 0
        for i, pred in enumerate(predicted):
            value = field_value(pred, name)
            want = field_value(gold[gold_of[i]], name) if i in gold_of else None
            hit = value is not None and want is not None and same_value(name, value, want)
            tp += hit
            fp += value is not None and not hit
            fn += want is not None and not hit
        fn += sum(
            field_value(want, name) is not None
            for j, want in enumerate(gold)
            if j not in matched_gold
        )
        counts[name] = PRF(tp=tp, fp=fp, fn=fn)
    return counts


def score_metadata(predicted: AuditInfo | None, gold: AuditInfo) -> dict[str, Accuracy]:
    """Compare audit metadata field by field; a failed extraction predicts nothing."""
    scores = {}
    for name in METADATA_FIELDS:
        got = getattr(predicted, name) if predicted is not None else None
        want = getattr(gold, name)
        scores[name] = Accuracy(
            correct=int(predicted is not None and got == want),
            total=1,
            predicted_null=int(got is None),
            gold_null=int(want is None),
        )
    return scores


def compare_records(predicted: AuditRecord | None, gold: AuditRecord) -> RecordScores:
    """Score one extracted record (None when extraction failed) against its gold record."""
    findings = predicted.findings if predicted is not None else []
    matches = match_findings(findings, gold.findings)
    entities: dict[str, PRF] = {}
    entities_exact: dict[str, PRF] = {}
    exact_findings = 0
    indicator_pairs: tuple[list[list[str]], list[list[str]]] = ([], [])
    for match in matches:
        pred, want = findings[match.predicted], gold.findings[match.gold]
        add_counts(
            entities,
            span_counts(
                [[(e.label, normalise_space(e.text)) for e in pred.entities]],
                [[(e.label, normalise_space(e.text)) for e in want.entities]],
            ),
        )
        # Offsets are only comparable when both index the very same text.
        if pred.text() == want.text():
            exact_findings += 1
            add_counts(
                entities_exact,
                span_counts(
                    [[(e.label, e.start, e.end) for e in pred.entities]],
                    [[(e.label, e.start, e.end) for e in want.entities]],
                ),
            )
        if want.kind in KINDS_WITH_INDICATORS:
            indicator_pairs[0].append([ind.code for ind in pred.ilo_indicators])
            indicator_pairs[1].append([ind.code for ind in want.ilo_indicators])
    return RecordScores(
        detection=PRF(
            tp=len(matches), fp=len(findings) - len(matches), fn=len(gold.findings) - len(matches)
        ),
        fields=score_fields(findings, gold.findings, matches),
        entities=entities,
        entities_exact=entities_exact,
        exact_findings=exact_findings,
        indicators=multilabel_counts(*indicator_pairs),
        metadata=score_metadata(predicted.audit if predicted is not None else None, gold.audit),
        finding_labels=finding_label_scores(
            (findings[match.predicted], gold.findings[match.gold]) for match in matches
        ),
    )


# --- oracle scores: models on gold finding texts --------------------------------------------------


def gold_classifier_inputs(
    docs: Sequence[GoldDocument],
) -> tuple[list[ClassifierInput], list[list[str]]]:
    """Return the classifier inputs and gold codes of every gold finding that carries indicators."""
    items, codes = [], []
    for doc in docs:
        for finding in doc.record.findings:
            if finding.kind in KINDS_WITH_INDICATORS:
                items.append(
                    ClassifierInput(
                        text=finding.text(),
                        clause=finding.clause,
                        topic=finding.topic,
                        standard=doc.record.audit.standard,
                        kind=finding.kind,
                    )
                )
                codes.append([ind.code for ind in finding.ilo_indicators])
    return items, codes


def oracle_entities(nlp: object, docs: Sequence[GoldDocument]) -> LabelScores:
    """Run the NER on gold finding texts and score exact (label, start, end) spans."""
    from extractor.indicators.ner import find_entities

    gold_findings = [finding for doc in docs for finding in doc.record.findings]
    predicted = find_entities(nlp, [finding.text() for finding in gold_findings])  # type: ignore[arg-type]
    return aggregate(
        span_counts(
            [[(e.label, e.start, e.end) for e in entities] for entities in predicted],
            [[(e.label, e.start, e.end) for e in finding.entities] for finding in gold_findings],
        ),
        ENTITY_LABELS,
    )


def oracle_indicators(mapper: object, docs: Sequence[GoldDocument]) -> LabelScores:
    """Run an indicator mapper (classifier or keyword rules) on gold findings and score it."""
    items, gold_codes = gold_classifier_inputs(docs)
    predicted = mapper.predict_codes(items) if items else []  # type: ignore[attr-defined]
    return aggregate(multilabel_counts(predicted, gold_codes), load_taxonomy().codes)


# --- the whole split ------------------------------------------------------------------------------


def breakdown(per_document: Sequence[RecordScores]) -> Breakdown:
    """Sum the counts of a group of documents into their headline numbers."""
    scores = sum(per_document, RecordScores())
    return Breakdown(
        documents=len(per_document),
        detection=scores.detection,
        fields_micro=total(scores.fields.values()),
        entities_micro=total(scores.entities.values()),
        indicators_micro=total(scores.indicators.values()),
        metadata=sum(scores.metadata.values(), Accuracy()),
    )


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for package in ("pdfplumber", "spacy", "scikit-learn", "pydantic", "numpy"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    tesseract = shutil.which("tesseract")
    if tesseract:
        # tesseract prints its version on stdout (recent) or stderr (older releases).
        done = subprocess.run(
            [tesseract, "--version"], capture_output=True, text=True, timeout=10, check=False
        )
        first = (done.stdout or done.stderr).splitlines()
        versions["tesseract"] = first[0].removeprefix("tesseract ").strip() if first else "?"
    else:
        versions["tesseract"] = "not installed"
    return versions


def models_used(extractor: Extractor, models_dir: Path) -> ModelsUsed:
    info = extractor.info
    notes = []
    if extractor.nlp is None:
        notes.append(
            f"NER {MODEL_MISSING} ({models_dir / NER_DIRNAME}): no entities are predicted, "
            "so entity recall is 0"
        )
    if extractor.classifier is None:
        notes.append(
            f"ILO classifier {MODEL_MISSING} ({models_dir / CLASSIFIER_FILENAME}): end-to-end "
            "indicators come from the keyword-rule fallback"
        )
    if extractor.labeller is None:
        notes.append(
            f"finding reader {MODEL_MISSING} ({models_dir / LABELLER_FILENAME}): no findings are "
            "read, so detection recall is 0"
        )
    mapper = extractor.classifier if extractor.classifier is not None else extractor.keyword_mapper
    return ModelsUsed(
        extractor_version=info.version,
        ner=info.ner_model,
        classifier=info.classifier_model,
        end_to_end_indicators=str(getattr(mapper, "name", type(mapper).__name__)),
        notes=notes,
    )


def evaluate(
    split: str = "test",
    samples_dir: Path = DEFAULT_SAMPLES_DIR,
    models_dir: Path = DEFAULT_MODELS_DIR,
    *,
    allow_train: bool = False,
    extractor: Extractor | None = None,
    documents: Sequence[GoldDocument] | None = None,
) -> EvaluationReport:
    """Extract every report of `split` once and score it against gold.

    `documents` scores these gold documents instead, reported under the name `split`: the
    caller vouches that the models never trained on them (the retraining gate's reviewer
    corrections held for validation, a learning curve's unseen reports).
    Raises `TrainingSplitError` for a training split unless `allow_train`, and `ValueError`
    when the split holds no labelled report.
    """
    if documents is None and split in TRAIN_SPLITS and not allow_train:
        raise TrainingSplitError(
            f"split {split!r} is training data: its scores say nothing about unseen reports; "
            "evaluate --split test, or pass --allow-train to see them labelled as such"
        )
    started = time.perf_counter()
    docs = list(documents) if documents is not None else load_gold([split], samples_dir)
    if not docs:
        raise ValueError(f"no labelled reports (PDF beside JSON) in {samples_dir / split}")
    extractor = extractor or Extractor.load(models_dir)

    results = []
    for doc in docs:
        doc_started = time.perf_counter()
        outcome = extractor.extract_or_error(doc.pdf_path)
        seconds = time.perf_counter() - doc_started
        record = outcome if isinstance(outcome, AuditRecord) else None
        error = None
        if isinstance(outcome, ErrorRecord):
            error = f"{outcome.error.code} {outcome.error.reason}"
        doc_scores = compare_records(record, doc.record)
        results.append(
            DocumentResult(
                doc_id=doc.doc_id,
                layout=doc.layout,
                scanned=doc.scanned,
                seconds=round(seconds, 2),
                error=error,
                summary=breakdown([doc_scores]),
                scores=doc_scores,
            )
        )
    extraction_seconds = time.perf_counter() - started

    scores = sum((result.scores for result in results), RecordScores())
    codes = load_taxonomy().codes
    entities_oracle = oracle_entities(extractor.nlp, docs) if extractor.nlp is not None else None
    indicators_oracle: dict[str, LabelScores | None] = {
        "classifier": (
            oracle_indicators(extractor.classifier, docs)
            if extractor.classifier is not None
            else None
        ),
        "keyword_rules": oracle_indicators(extractor.keyword_mapper, docs),
    }
    layouts = sorted({result.layout for result in results})
    held_out = documents is not None or split in EVAL_SPLITS
    return EvaluationReport(
        split=split,
        held_out=held_out,
        label=HELD_OUT_LABEL if held_out else TRAINING_LABEL,
        documents=len(docs),
        failed_documents=[f"{r.doc_id}: {r.error}" for r in results if r.error],
        seconds=round(time.perf_counter() - started, 1),
        extraction_seconds=round(extraction_seconds, 1),
        models=models_used(extractor, models_dir),
        versions=library_versions(),
        rules=RULES,
        detection=scores.detection,
        fields={name: scores.fields.get(name, PRF()) for name in FINDING_FIELDS},
        fields_micro=total(scores.fields.values()),
        entities=aggregate(scores.entities, ENTITY_LABELS),
        entities_exact=aggregate(scores.entities_exact, ENTITY_LABELS),
        entities_exact_findings=scores.exact_findings,
        entities_oracle=entities_oracle,
        indicators=aggregate(scores.indicators, codes),
        indicators_oracle=indicators_oracle,
        metadata={name: scores.metadata[name] for name in METADATA_FIELDS},
        metadata_by_layout=by_group((r.layout, r.scores.metadata) for r in results),
        metadata_by_standard=by_group(
            (doc.record.audit.standard, r.scores.metadata)
            for doc, r in zip(docs, results, strict=True)
        ),
        finding_labels_by_standard=by_group(
            (doc.record.audit.standard, r.scores.finding_labels)
            for doc, r in zip(docs, results, strict=True)
        ),
        by_layout={
            layout: breakdown([r.scores for r in results if r.layout == layout])
            for layout in layouts
        },
        by_source={
            "text": breakdown([r.scores for r in results if not r.scanned]),
            "scanned": breakdown([r.scores for r in results if r.scanned]),
        },
        per_document=results,
    )


# --- printing -------------------------------------------------------------------------------------


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lay out rows as fixed-width columns: first column left-aligned, the rest right."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(row[0]).ljust(widths[0])]
        cells += [str(cell).rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _prf(counts: PRF | None) -> list[str]:
    if counts is None:
        return [MODEL_MISSING, "", ""]
    return [_num(counts.precision), _num(counts.recall), _num(counts.f1)]


def _counts(counts: PRF) -> list[str]:
    return [str(counts.tp), str(counts.fp), str(counts.fn)]


def _label_rows(
    labels: Sequence[str], columns: Sequence[LabelScores | None], support: LabelScores
) -> list[list[str]]:
    """One row per label, then micro and macro, with P/R/F1 for each column of scores."""
    rows = []
    for label in labels:
        row = [label]
        for scores in columns:
            row += _prf(scores.per_label.get(label, PRF()) if scores is not None else None)
        rows.append([*row, str(support.per_label.get(label, PRF()).support)])
    micro, macro = ["micro"], ["macro"]
    for scores in columns:
        micro += _prf(scores.micro if scores is not None else None)
        macro += (
            [_num(scores.macro_precision), _num(scores.macro_recall), _num(scores.macro_f1)]
            if scores is not None
            else [MODEL_MISSING, "", ""]
        )
    rows += [[*micro, str(support.micro.support)], [*macro, f"{support.macro_labels} labels"]]
    return rows


def format_report(report: EvaluationReport) -> str:
    """Render the report as fixed-width tables, one section per block, for a terminal."""
    out: list[str] = []
    banner = [f"!!! {TRAINING_LABEL.upper()} !!!", ""] if not report.held_out else []
    out += banner
    out += [
        f"audit-extractor evaluate: split {report.split} ({report.label}), "
        f"{report.documents} documents, {len(report.failed_documents)} failed, "
        f"{report.seconds:.1f} s ({report.extraction_seconds:.1f} s extraction)",
        f"  models: extractor {report.models.extractor_version}, "
        f"ner {report.models.ner or MODEL_MISSING}, "
        f"classifier {report.models.classifier or MODEL_MISSING}; "
        f"end-to-end indicators by {report.models.end_to_end_indicators}",
        "  versions: " + ", ".join(f"{k} {v}" for k, v in report.versions.items()),
        *(f"  note: {note}" for note in report.models.notes),
        *(f"  failed: {failed}" for failed in report.failed_documents),
        "",
    ]

    out.append("Finding detection")
    out += _table(
        ["", "P", "R", "F1", "tp", "fp", "fn"],
        [["findings", *_prf(report.detection), *_counts(report.detection)]],
    )
    out += [f"  rule: {report.rules['matching']}", ""]

    out.append("Breakdown (detection P/R/F1; micro F1 of fields, entities, indicators)")
    groups = [(f"layout {k}", v) for k, v in report.by_layout.items()]
    groups += [(f"{k} PDFs", v) for k, v in report.by_source.items()]
    out += _table(
        ["", "docs", "P", "R", "F1", "fields", "entities", "ILO", "metadata acc"],
        [
            [
                name,
                str(b.documents),
                *_prf(b.detection),
                _num(b.fields_micro.f1),
                _num(b.entities_micro.f1),
                _num(b.indicators_micro.f1),
                _num(b.metadata.accuracy),
            ]
            for name, b in groups
        ],
    )
    out.append("")

    out.append("Finding fields")
    field_rows = [[name, *_prf(c), *_counts(c)] for name, c in report.fields.items()]
    field_rows.append(["micro", *_prf(report.fields_micro), *_counts(report.fields_micro)])
    out += _table(["", "P", "R", "F1", "tp", "fp", "fn"], field_rows)
    out += [f"  rule: {report.rules['fields']}", ""]

    out.append(
        "Entities (end to end by label+text | exact offsets on "
        f"{report.entities_exact_findings} identical texts | oracle: NER on gold texts)"
    )
    out += _table(
        ["", "P", "R", "F1", "exact P", "R", "F1", "oracle P", "R", "F1", "gold n"],
        _label_rows(
            ENTITY_LABELS,
            [report.entities, report.entities_exact, report.entities_oracle],
            report.entities,
        ),
    )
    out.append("")

    out.append(
        f"ILO indicators (end to end by {report.models.end_to_end_indicators} on matched "
        "findings | oracle on gold texts: trained classifier vs keyword rules)"
    )
    out += _table(
        ["", "P", "R", "F1", "classifier P", "R", "F1", "keywords P", "R", "F1", "gold n"],
        _label_rows(
            load_taxonomy().codes,
            [
                report.indicators,
                report.indicators_oracle.get("classifier"),
                report.indicators_oracle.get("keyword_rules"),
            ],
            report.indicators_oracle["keyword_rules"] or report.indicators,
        ),
    )
    out += ["  (gold n counts oracle findings; end-to-end support is lower by missed findings)", ""]

    out.append("Metadata accuracy (exact equality, per document)")
    out += _table(
        ["", "accuracy", "correct", "predicted null", "gold null"],
        [
            [
                name,
                _num(a.accuracy),
                f"{a.correct}/{a.total}",
                str(a.predicted_null),
                str(a.gold_null),
            ]
            for name, a in report.metadata.items()
        ],
    )
    out.append("")
    out += format_groups("Metadata accuracy per layout", report.metadata_by_layout, METADATA_FIELDS)
    out.append("")
    out += format_groups(
        "Metadata accuracy per standard family (gold standard)",
        report.metadata_by_standard,
        METADATA_FIELDS,
    )
    out.append("")
    out += format_groups(
        "Kind, grade and clause accuracy on matched findings, per standard family "
        "(clause_code ignores 'ETI', 'PA', spacing and case)",
        report.finding_labels_by_standard,
        FINDING_LABEL_FIELDS,
    )
    if banner:
        out += ["", banner[0]]
    return "\n".join(out) + "\n"


# --- command line ---------------------------------------------------------------------------------


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", default="test", help="labelled_samples/ split (default: test)")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES_DIR, help="gold corpus")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS_DIR, help="models directory")
    parser.add_argument(
        "--out", type=Path, default=None, help="report JSON (default: eval_results/<split>.json)"
    )
    parser.add_argument(
        "--allow-train",
        action="store_true",
        help="score a training split anyway (labelled as training data, not a held-out score)",
    )
    parser.add_argument("--json", action="store_true", help="print the JSON report, not tables")
    parser.add_argument(
        "--classifier",
        action="store_true",
        help="score only the ILO classifier beside the keyword rules: held-out wording, the "
        "split's gold findings, auditor-style findings (eval_results/classifier.json)",
    )
    parser.add_argument(
        "--lofo",
        action="store_true",
        help="also cross-validate the finding reader, leaving one report family of the train "
        "split (and of the realistic corpus's train families) out at a time; trains one model "
        "per family: minutes each",
    )
    parser.add_argument(
        "--lofo-families",
        default=None,
        help="comma-separated families to hold out (default: every family)",
    )
    parser.add_argument(
        "--lofo-profile",
        choices=("quick", "full"),
        default="quick",
        help="training profile of each fold: quick (default, about 8 min a fold on 2 cores) or "
        "full (as `train` ships, about twice as long)",
    )
    parser.add_argument(
        "--lofo-max-per-variant",
        type=int,
        default=None,
        help="train each fold on at most this many reports per layout variant (shorter run)",
    )
    parser.add_argument(
        "--realistic",
        type=Path,
        default=Path("build/corpus"),
        help="the generated realistic corpus, whose train families join the cross-validation "
        "(default build/corpus; skipped when absent)",
    )
    curve = parser.add_argument_group("learning curve (pipelines/training/learning_curve.py)")
    curve.add_argument(
        "--learning-curve",
        metavar="FAMILY",
        default=None,
        help="accept k = 0, 1, 2, 4 reports of an unseen FAMILY as corrections, retrain, and "
        "score finding detection F1 and ILO macro F1 on the family's other reports",
    )
    curve.add_argument(
        "--ks", default="0,1,2,4", help="numbers of corrections to try (default: 0,1,2,4)"
    )
    curve.add_argument(
        "--max-evaluated",
        type=int,
        default=12,
        help="score on at most this many of the family's other reports, spread over its "
        "variants (each k re-extracts them; default 12)",
    )
    curve.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="where the family's reports are: labelled_samples/ (default; a family is a layout) "
        "or a corpus folder whose manifest.json names each document's family",
    )


def run(args: argparse.Namespace) -> int:
    if args.classifier:
        from extractor.evaluation.classifier_eval import run as run_classifier

        return run_classifier(args)
    try:
        report = evaluate(args.split, args.samples, args.models, allow_train=args.allow_train)
    except ValueError as exc:
        print(f"audit-extractor evaluate: {exc}", file=sys.stderr)
        return 2
    text = report.model_dump_json(indent=2)
    out = args.out or Path("eval_results") / f"{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n" if args.json else format_report(report))
    sys.stdout.flush()  # keep the tables before the stderr note when both go to one terminal
    print(f"report written to {out}", file=sys.stderr)
    if args.lofo:
        families = args.lofo_families.split(",") if args.lofo_families else None
        run_cross_validation(
            args.samples,
            args.realistic,
            out.with_name("lofo.json"),
            families,
            args.lofo_profile,
            args.lofo_max_per_variant,
        )
    return 0


def run_cross_validation(
    samples_dir: Path,
    realistic_dir: Path | None,
    out: Path,
    families: Sequence[str] | None = None,
    profile: str = "quick",
    max_train_per_variant: int | None = None,
) -> None:
    """Print and save leave-one-family-out scores of the finding reader: the train split of
    `samples_dir` and of the realistic corpus (when generated), each family held out in turn
    while the reader learns from all the others."""
    from extractor.evaluation.reader_cv import (
        cross_validate_reader,
        format_cross_validation,
        reader_examples,
    )

    docs = load_gold(("train",), samples_dir)
    title = f"{samples_dir.name} train split"
    if realistic_dir is not None and realistic_dir.is_dir():
        docs += load_gold(("train",), realistic_dir)
        title += f" + {realistic_dir} train families"
    examples = reader_examples(docs)
    cv = cross_validate_reader(
        examples,
        families=families,
        profile=profile,
        max_train_per_variant=max_train_per_variant,
        log=lambda line: print(line, file=sys.stderr, flush=True),
    )
    out.write_text(cv.model_dump_json(indent=2) + "\n", encoding="utf-8")
    capped = ""
    if max_train_per_variant:
        capped = f", at most {max_train_per_variant} reports per variant"
    sys.stdout.write(format_cross_validation(cv, f"{title}, training profile {profile!r}{capped}"))
    print(f"cross-validation written to {out}", file=sys.stderr)
