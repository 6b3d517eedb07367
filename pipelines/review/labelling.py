"""The reviewers' labelling loop: export an extraction for review, accept the corrected record.

`review export REPORT.pdf` runs the extractor and writes a review folder: the record as JSON (the
reviewer edits fields, entities and ILO labels in it), the PDF, and one PNG per finding showing
the finding's box on its page. `review accept FOLDER` validates the corrected record against the
contract and files it with the PDF under `labelled_samples/corrections/`, which `train` reads
alongside the train split. Corrections never join the test split: the held-out layouts stay
unseen. Only JSON is read back from reviewers; nothing here unpickles anything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

import pdfplumber

from extractor.evaluation.gold import EVAL_SPLITS, iter_gold
from extractor.indicators.taxonomy import load_taxonomy
from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
from extractor.record.schema import AuditRecord, ErrorRecord

CORRECTIONS_SPLIT = "corrections"
RECORD_NAME = "record.json"
PDF_NAME = "report.pdf"
HIGHLIGHT_RESOLUTION = 100


class ReviewError(ValueError):
    """A corrected record that cannot be accepted; the message says what to fix."""


def export_for_review(report: Path, out_dir: Path, extractor: Extractor) -> Path:
    """Extract `report` and write a review folder under `out_dir`; return the folder."""
    record = extractor.extract_or_error(report)
    if isinstance(record, ErrorRecord):
        raise ReviewError(record.error.message)
    folder = out_dir / record.report_id[:16]
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(report, folder / PDF_NAME)
    (folder / RECORD_NAME).write_text(record.model_dump_json(indent=2) + "\n", encoding="utf-8")
    render_highlights(folder / PDF_NAME, record, folder)
    return folder


def render_highlights(pdf_path: Path, record: AuditRecord, folder: Path) -> list[Path]:
    """Draw each finding's box on its page so a reviewer sees the finding where it was printed."""
    written: list[Path] = []
    with pdfplumber.open(pdf_path) as pdf:
        for finding in record.findings:
            page = pdf.pages[finding.provenance.page - 1]
            image = page.to_image(resolution=HIGHLIGHT_RESOLUTION)
            image.draw_rect(finding.provenance.bbox, stroke=(220, 30, 30), stroke_width=3)
            target = folder / f"finding-{finding.finding_id.rsplit('-', 1)[1]}.png"
            image.save(target)
            written.append(target)
    return written


def validate_correction(record: AuditRecord, pdf_bytes: bytes) -> list[str]:
    """Return the problems that stop a corrected record from becoming gold data."""
    problems: list[str] = []
    if hashlib.sha256(pdf_bytes).hexdigest() != record.report_id:
        problems.append(
            "report.pdf is not the file this record was extracted from (sha256 differs)"
        )
    codes = set(load_taxonomy().codes)
    for finding in record.findings:
        text = finding.text()
        for entity in finding.entities:
            if text[entity.start : entity.end] != entity.text:
                printed = text[entity.start : entity.end]
                problems.append(
                    f"{finding.finding_id}: entity {entity.label} '{entity.text}' does not match "
                    f"the text at [{entity.start}:{entity.end}] ('{printed}')"
                )
        for indicator in finding.ilo_indicators:
            if indicator.code not in codes:
                problems.append(f"{finding.finding_id}: unknown ILO code {indicator.code}")
    return problems


def accept_correction(folder: Path, samples_dir: Path, *, reviewer: str) -> Path:
    """Validate a reviewed folder and file it as gold under `samples_dir/corrections/`."""
    raw = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    record = AuditRecord.model_validate(raw)
    pdf_bytes = (folder / PDF_NAME).read_bytes()
    problems = validate_correction(record, pdf_bytes)
    if record.report_id in held_out_report_ids(samples_dir):
        # Training on a held-out report would make its evaluation score meaningless.
        problems.append("this report is in the held-out test split; it cannot become training data")
    if problems:
        raise ReviewError("; ".join(problems))
    # Gold labels are certain: the reviewer's word replaces the model's score.
    for finding in record.findings:
        for indicator in finding.ilo_indicators:
            indicator.score = 1.0
    record.extractor.version = f"reviewed-by:{reviewer}"
    target_dir = samples_dir / CORRECTIONS_SPLIT
    target_dir.mkdir(parents=True, exist_ok=True)
    doc_id = f"correction-{record.report_id[:16]}"
    (target_dir / f"{doc_id}.pdf").write_bytes(pdf_bytes)
    gold = target_dir / f"{doc_id}.json"
    gold.write_text(record.model_dump_json(indent=1) + "\n", encoding="utf-8")
    return gold


def held_out_report_ids(samples_dir: Path) -> set[str]:
    """Return the report ids of the evaluation split, which corrections must never join."""
    return {doc.record.report_id for doc in iter_gold(EVAL_SPLITS, samples_dir)}


def configure_parser(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="review_action", required=True)
    export = actions.add_parser("export", help="extract a report into a review folder")
    export.add_argument("report", type=Path)
    export.add_argument("--out", type=Path, default=Path("review"))
    export.add_argument("--models", type=Path, default=DEFAULT_MODELS_DIR)
    accept = actions.add_parser("accept", help="file a corrected review folder as gold data")
    accept.add_argument("folder", type=Path)
    accept.add_argument("--samples", type=Path, default=Path("labelled_samples"))
    accept.add_argument("--reviewer", default="reviewer")


def run(args: argparse.Namespace) -> int:
    try:
        if args.review_action == "export":
            folder = export_for_review(args.report, args.out, Extractor.load(args.models))
            print(f"review folder: {folder}  (edit {RECORD_NAME}, then `review accept {folder}`)")
        else:
            gold = accept_correction(args.folder, args.samples, reviewer=args.reviewer)
            print(f"accepted: {gold}  (run `audit-extractor train` to retrain with it)")
    except (ReviewError, ValueError, OSError) as exc:
        print(f"review {args.review_action}: {exc}", file=sys.stderr)
        return 2
    return 0
