"""The reviewers' labelling loop: export an extraction for review, accept the corrected record.

`review export REPORT.pdf` runs the extractor and writes a review folder: the record as JSON (the
reviewer edits fields, entities and ILO labels in it), the PDF, and one PNG per finding showing
the finding's box on its page. `review accept FOLDER` validates the corrected record against the
contract and files it with the PDF under `labelled_samples/corrections/`, which `train` reads
alongside the train split. Corrections never join the test split: a report that is, or nearly
is, a held-out one (same bytes, or mostly the same page text) is refused. A second correction of
a report needs `--replace` and keeps the earlier one under `corrections/history/`.

The review folder is untrusted: only regular files are read (never through a symbolic link),
within size and nesting limits, entity offsets are checked against the finding's text, and
gold files are written through exclusive temporary files and renames, never through a link.
Only JSON is read back from reviewers; nothing here unpickles anything.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import sys
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR, EVAL_SPLITS, GoldDocument, iter_gold
from extractor.indicators.taxonomy import load_taxonomy
from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
from extractor.record.schema import AuditRecord, ErrorRecord

CORRECTIONS_SPLIT = "corrections"
RECORD_NAME = "record.json"
PDF_NAME = "report.pdf"
HIGHLIGHT_RESOLUTION = 100
HISTORY_DIR = "history"
MB = 1024 * 1024
# A reviewed record is a few hundred KB at most; the limits stop a hostile one early.
MAX_RECORD_BYTES = 5 * MB
MAX_JSON_DEPTH = 32
MAX_PDF_BYTES = 200 * MB
# Two reports sharing this much of their 5-word shingles are the same report.
NEAR_DUPLICATE_JACCARD = 0.8
MAX_SHINGLE_PAGES = 200


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
            problem = _entity_problem(entity.text, entity.start, entity.end, text)
            if problem:
                problems.append(f"{finding.finding_id}: entity {entity.label} {problem}")
        for indicator in finding.ilo_indicators:
            if indicator.code not in codes:
                problems.append(f"{finding.finding_id}: unknown ILO code {indicator.code}")
    return problems


def _entity_problem(label_text: str, start: int, end: int, text: str) -> str | None:
    if not label_text.strip():
        return f"has empty text at [{start}:{end}]"
    if end <= start:
        return f"'{label_text}' has its end ({end}) at or before its start ({start})"
    if end > len(text):
        return (
            f"'{label_text}' ends at {end}, past the end of the finding's text "
            f"({len(text)} characters)"
        )
    if text[start:end] != label_text:
        return f"'{label_text}' does not match the text at [{start}:{end}] ('{text[start:end]}')"
    return None


def accept_correction(
    folder: Path,
    samples_dir: Path,
    *,
    reviewer: str,
    replace: bool = False,
    repository_held_out: bool = True,
) -> Path:
    """Validate a reviewed folder and file it as gold under `samples_dir/corrections/`.

    A report corrected before is refused unless `replace`; then the earlier correction is kept
    under `corrections/history/` and this one becomes the current version. Without
    `repository_held_out`, only `samples_dir`'s own test split is held out: for a simulation
    whose models are never shipped (the learning curve on a held-out layout).
    """
    record = AuditRecord.model_validate(read_record_json(folder / RECORD_NAME))
    pdf_bytes = read_regular_file(folder / PDF_NAME, MAX_PDF_BYTES)
    problems = validate_correction(record, pdf_bytes)
    held_out = held_out_match(record, pdf_bytes, samples_dir, repository=repository_held_out)
    if held_out:
        # Training on a held-out report would make its evaluation score meaningless.
        problems.append(
            f"this report is in the held-out test split ({held_out}); "
            "it cannot become training data"
        )
    if problems:
        raise ReviewError("; ".join(problems))
    # Gold labels are certain: the reviewer's word replaces the model's score.
    for finding in record.findings:
        for indicator in finding.ilo_indicators:
            indicator.score = 1.0
    record.extractor.version = f"reviewed-by:{reviewer}"
    target_dir = safe_folder(samples_dir, CORRECTIONS_SPLIT)
    doc_id = f"correction-{record.report_id[:16]}"
    gold = target_dir / f"{doc_id}.json"
    if gold.exists() or gold.is_symlink():
        if not replace:
            raise ReviewError(
                f"{doc_id} was accepted before ({_reviewed_by(gold)}); pass --replace to file "
                "this correction as its next version (the earlier one is kept in "
                f"{CORRECTIONS_SPLIT}/{HISTORY_DIR}/)"
            )
        _keep_earlier_version(gold, safe_folder(target_dir, HISTORY_DIR))
    write_new_file(target_dir / f"{doc_id}.pdf", pdf_bytes)
    write_new_file(gold, (record.model_dump_json(indent=1) + "\n").encode("utf-8"))
    return gold


def _reviewed_by(gold: Path) -> str:
    try:
        data = json.loads(read_regular_file(gold, MAX_RECORD_BYTES))
        return str(data["extractor"]["version"]).replace("reviewed-by:", "by ")
    except (ReviewError, ValueError, KeyError, TypeError):
        return "by an earlier review"


def _keep_earlier_version(gold: Path, history: Path) -> Path:
    versions = [
        int(m.group(1))
        for p in history.glob(f"{gold.stem}.v*.json")
        if (m := re.search(r"\.v(\d+)\.json$", p.name))
    ]
    kept = history / f"{gold.stem}.v{max(versions, default=0) + 1}.json"
    if gold.is_symlink():
        raise ReviewError(f"{gold} is a symbolic link; remove it (corrections must be files)")
    os.replace(gold, kept)  # a rename: the file itself moves, whatever it pointed at
    return kept


def read_regular_file(path: Path, limit: int) -> bytes:
    """Read `path` if it is a regular file (not a link) of at most `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReviewError(f"{path.name} is a symbolic link; copy the file itself") from None
        raise ReviewError(f"{path.name} cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ReviewError(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise ReviewError(
                f"{path.name} is {info.st_size / MB:.1f} MB, more than the limit of "
                f"{limit / MB:.0f} MB"
            )
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ReviewError(f"{path.name} grew past the limit of {limit / MB:.0f} MB while read")
    return data


def read_record_json(path: Path) -> dict:
    """Parse the reviewer's record.json within size and nesting limits (never a traceback)."""
    text = read_regular_file(path, MAX_RECORD_BYTES).decode("utf-8", errors="replace")
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ReviewError(
            f"{path.name} nests {depth} levels deep, more than the {MAX_JSON_DEPTH} a record has"
        )
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ReviewError(f"{path.name} is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ReviewError(f"{path.name} must hold one JSON object (a record)")
    return data


def json_depth(text: str) -> int:
    """The deepest nesting of [] and {} in JSON `text`, counted without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def safe_folder(parent: Path, name: str) -> Path:
    """`parent/name`, created if missing; refused if it (or `parent`) is a symbolic link."""
    for path in (parent, parent / name):
        if path.is_symlink():
            raise ReviewError(
                f"{path} is a symbolic link; gold data is only written into real folders"
            )
    folder = parent / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_new_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a fresh temporary file and a rename.

    The temporary file is created exclusively and without following links, and the rename
    replaces a planted link itself: nothing is ever written through a symbolic link.
    """
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def held_out_match(
    record: AuditRecord, pdf_bytes: bytes, samples_dir: Path, *, repository: bool = True
) -> str | None:
    """The held-out document this report is, or nearly is; None when it is none of them.

    The same bytes match; so does a file whose page text shares most of its 5-word shingles
    with a held-out PDF (a byte appended, re-saved, re-printed). Scans have no text layer: for
    them the record's own text is compared with the held-out gold record's.
    """
    pages_here, record_here = page_text_shingles(pdf_bytes), record_shingles(record)
    for doc in held_out_documents(samples_dir, repository=repository):
        if doc.record.report_id == record.report_id:
            return f"{doc.doc_id}, the same file"
        pages_there = page_text_shingles(doc.pdf_path.read_bytes())
        if pages_here and pages_there:
            score = jaccard(pages_here, pages_there)
        else:
            score = jaccard(record_here, record_shingles(doc.record))
        if score >= NEAR_DUPLICATE_JACCARD:
            return f"{doc.doc_id}, {score:.0%} the same text"
    return None


def held_out_documents(samples_dir: Path, *, repository: bool = True) -> list[GoldDocument]:
    """The test split of `samples_dir` and (with `repository`) of the repository's own labelled
    samples and its realistic sample: a service started on another folder must not train on
    them either."""
    folders = [samples_dir]
    if repository:
        folders += [DEFAULT_SAMPLES_DIR, DEFAULT_SAMPLES_DIR / "realistic_sample"]
    seen: set[Path] = set()
    docs: list[GoldDocument] = []
    for folder in folders:
        if folder.resolve() in seen or not folder.is_dir():
            continue
        seen.add(folder.resolve())
        docs += iter_gold(EVAL_SPLITS, folder)
    return docs


def page_text_shingles(pdf_bytes: bytes) -> set[int]:
    """Hashed 5-word shingles of the PDF's text layer (empty for a scan or an unreadable file)."""
    try:
        pdf = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError:
        return set()
    try:
        words: list[str] = []
        for index in range(min(len(pdf), MAX_SHINGLE_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            words += textpage.get_text_range().lower().split()
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return shingles(words)


def record_shingles(record: AuditRecord) -> set[int]:
    """Shingles of a record's own text: for scans, whose PDF has no text layer to compare."""
    parts = [record.audit.site_name or ""] + [f.text() for f in record.findings]
    return shingles(" ".join(parts).lower().split())


def shingles(words: list[str], size: int = 5) -> set[int]:
    return {hash(" ".join(words[i : i + size])) for i in range(max(len(words) - size + 1, 0))}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


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
    accept.add_argument(
        "--replace",
        action="store_true",
        help="file this as the next version of an earlier correction (the old one is kept)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.review_action == "export":
            folder = export_for_review(args.report, args.out, Extractor.load(args.models))
            print(f"review folder: {folder}  (edit {RECORD_NAME}, then `review accept {folder}`)")
        else:
            gold = accept_correction(
                args.folder, args.samples, reviewer=args.reviewer, replace=args.replace
            )
            print(f"accepted: {gold}  (run `audit-extractor train` to retrain with it)")
    except (ReviewError, ValueError, OSError) as exc:
        print(f"review {args.review_action}: {exc}", file=sys.stderr)
        return 2
    return 0
