"""Turn an accepted review into gold training data, through the labelling loop's own checks.

The web app, the learning curve and `audit-extractor review accept` share one path: the record
and the PDF are written as a review folder and handed to `labelling.accept_correction`, which
checks the sha256, entity offsets and ILO codes and refuses held-out (test-split) reports. A
record that fails the content checks is refused before anything is stored; a report that merely
cannot be training data (it is held out) is still a valid correction for the member's record.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pydantic import BaseModel

from extractor.record.schema import AuditRecord
from pipelines.review.labelling import (
    PDF_NAME,
    RECORD_NAME,
    ReviewError,
    accept_correction,
    validate_correction,
)


class CorrectionRefused(ValueError):
    """The record is not a valid correction; the message lists what to fix."""


class Filed(BaseModel):
    """Where a correction went: a gold file under `corrections/`, or why it is not training data."""

    gold_path: Path | None
    note: str


def check_correction(record: AuditRecord, pdf_bytes: bytes) -> None:
    """Raise `CorrectionRefused` with every problem `validate_correction` finds."""
    problems = validate_correction(record, pdf_bytes)
    if problems:
        raise CorrectionRefused("; ".join(problems))


def file_correction(
    record: AuditRecord,
    pdf_bytes: bytes,
    samples_dir: Path,
    *,
    reviewer: str,
    repository_held_out: bool = True,
) -> Filed:
    """Check `record` and file it as gold under `samples_dir/corrections/` when it may train.

    A later correction of the same report replaces the earlier gold record, which is kept under
    `corrections/history/`.
    """
    check_correction(record, pdf_bytes)
    with tempfile.TemporaryDirectory(prefix="review-accept-") as tmp:
        folder = Path(tmp)
        (folder / RECORD_NAME).write_text(record.model_dump_json(indent=1), encoding="utf-8")
        (folder / PDF_NAME).write_bytes(pdf_bytes)
        try:
            # A later accepted record of the same report (a second review, an admin's
            # resolution) becomes the current gold; the labelling loop keeps the earlier one.
            gold = accept_correction(
                folder,
                samples_dir,
                reviewer=reviewer,
                replace=True,
                repository_held_out=repository_held_out,
            )
        except ReviewError as exc:
            # The content checks passed above, so this is a report that must not train (held
            # out): the member's record is still corrected.
            return Filed(gold_path=None, note=f"not used for training: {exc}")
    return Filed(gold_path=gold, note=f"filed as training data: {gold.name}")
