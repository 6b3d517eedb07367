"""Decide whether a finished record needs a reviewer, from the extractor's own confidence."""

from __future__ import annotations

from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.service.tables import REVIEW_NEEDED, REVIEW_NOT_NEEDED


def min_confidence(record: AuditRecord | ErrorRecord) -> float | None:
    """The lowest finding confidence, 0.0 for a record without findings, None for an error."""
    if isinstance(record, ErrorRecord):
        return None
    return min((f.confidence for f in record.findings), default=0.0)


def review_status(record: AuditRecord | ErrorRecord, threshold: float) -> str | None:
    """`needs_review` when any finding (or the absence of any) is below `threshold`.

    Error records are not reviewed: there is nothing extracted to correct.
    """
    lowest = min_confidence(record)
    if lowest is None:
        return None
    return REVIEW_NEEDED if lowest < threshold else REVIEW_NOT_NEEDED
