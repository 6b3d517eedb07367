"""The reviewers' queue: finished reports, most uncertain first.

Uncertainty is the mean of three parts, each in [0, 1], shown to reviewers beside each report:
- low confidence: 1 - the lowest finding confidence the extractor gave (a record with no finding
  counts as confidence 0: a report where nothing was found is the likeliest to be misread);
- classifier doubt: 1 - the smallest distance of a predicted ILO score from its label's
  threshold, over `MARGIN_SCALE` (the record keeps only labels above their threshold, so a
  finding with none tells nothing here);
- novelty: 1 / (1 + accepted reviews of reports of the same family), so layouts the models
  have learned least from come first. A family is the standard and version the extractor
  read (the audit firm too for reports of no known standard): reports written alike.
The measures are computed once per report from its extractor record (`QueueEntry`); the family
counts change as reviews are accepted, so the order is computed in SQL at each listing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Float, and_, case, cast, exists, func, literal, select
from sqlalchemy.orm import Session

from extractor.pipeline import KINDS_WITH_INDICATORS
from extractor.record.schema import AuditRecord
from pipelines.review.tables import REVIEW_ACCEPTED, Dispute, QueueEntry, Review, Reviewer
from pipelines.service.tables import DONE, SOURCE_EXTRACTOR, RecordVersion, Report

MARGIN_SCALE = 0.5
DEFAULT_THRESHOLD = 0.5
REFRESH_BATCH = 500
PAGE_SIZE = 50

STATUS_FILTERS = ("needs_review", "reviewed", "disputed", "not_needed", "all")


class QueueRow(BaseModel):
    """One report in the queue with the parts of its uncertainty."""

    report_id: str
    filename: str
    standard: str
    family: str
    finding_count: int | None
    review_status: str | None
    min_confidence: float
    classifier_margin: float
    family_reviews: int
    uncertainty: float
    reviewed_by: list[str] = []
    open_dispute: bool = False


@lru_cache(maxsize=4)
def _thresholds(path: Path, _mtime: float) -> dict[str, float]:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        return {k: float(v) for k, v in report["classifier"]["thresholds"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def classifier_thresholds(models_dir: Path) -> dict[str, float]:
    """Per-label thresholds of the current classifier, from its training report."""
    path = models_dir / "training_report.json"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    return _thresholds(path, mtime)


def family_of(record: AuditRecord) -> str:
    """Reports written alike: the standard and its version, as extracted.

    Reports of no known standard ("generic": buyer and audit-firm formats) are told apart by
    the audit firm that wrote them, the nearest thing to a layout the record names.
    """
    audit = record.audit
    parts = [audit.standard, audit.standard_version or "-"]
    if audit.standard == "generic":
        parts.append((audit.audit_firm or "unknown firm").lower())
    return " | ".join(part.strip() for part in parts)[:300]


def classifier_margin(record: AuditRecord, thresholds: dict[str, float]) -> float:
    """Smallest distance of a predicted ILO score from its label's threshold (1.0 when none)."""
    margin = 1.0
    for finding in record.findings:
        if finding.kind not in KINDS_WITH_INDICATORS:
            continue
        for indicator in finding.ilo_indicators:
            threshold = thresholds.get(indicator.code, DEFAULT_THRESHOLD)
            margin = min(margin, abs(indicator.score - threshold))
    return margin


def queue_entry(report_id: str, record: AuditRecord, thresholds: dict[str, float]) -> QueueEntry:
    return QueueEntry(
        report_id=report_id,
        standard=record.audit.standard,
        family=family_of(record),
        min_confidence=min((f.confidence for f in record.findings), default=0.0),
        classifier_margin=classifier_margin(record, thresholds),
    )


def unmeasured_reports(session: Session, limit: int = REFRESH_BATCH) -> list[str]:
    """Finished reports not yet in the queue (at most `limit`)."""
    return list(
        session.scalars(
            select(Report.id)
            .where(Report.status == DONE)
            .where(~exists().where(QueueEntry.report_id == Report.id))
            .limit(limit)
        )
    )


def refresh_queue(session: Session, models_dir: Path, limit: int = REFRESH_BATCH) -> int:
    """Measure finished reports not yet in the queue (at most `limit`); return how many."""
    missing = unmeasured_reports(session, limit)
    if not missing:
        return 0
    thresholds = classifier_thresholds(models_dir)
    versions = session.scalars(
        select(RecordVersion)
        .where(RecordVersion.report_id.in_(missing))
        .where(RecordVersion.source == SOURCE_EXTRACTOR, RecordVersion.kind == "AuditRecord")
        .order_by(RecordVersion.id)
    )
    added: set[str] = set()
    for version in versions:
        if version.report_id in added:
            continue
        record = AuditRecord.model_validate(version.record)
        session.add(queue_entry(version.report_id, record, thresholds))
        added.add(version.report_id)
    return len(added)


def list_queue(
    session: Session,
    *,
    status: str = "needs_review",
    standard: str | None = None,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[QueueRow]:
    """One page of the queue, most uncertain first."""
    accepted = (
        select(QueueEntry.family, func.count(func.distinct(Review.report_id)).label("n"))
        .join(Review, Review.report_id == QueueEntry.report_id)
        .where(Review.status == REVIEW_ACCEPTED)
        .group_by(QueueEntry.family)
        .subquery()
    )
    reviews = func.coalesce(accepted.c.n, 0)
    doubt = 1.0 - case(
        (QueueEntry.classifier_margin >= MARGIN_SCALE, literal(1.0)),
        else_=QueueEntry.classifier_margin / MARGIN_SCALE,
    )
    novelty = 1.0 / (1.0 + cast(reviews, Float))
    uncertainty = ((1.0 - QueueEntry.min_confidence) + doubt + novelty) / 3.0
    open_dispute = exists().where(
        and_(Dispute.report_id == Report.id, Dispute.resolved_at.is_(None))
    )
    query = (
        select(Report, QueueEntry, reviews.label("reviews"), uncertainty.label("u"), open_dispute)
        .join(QueueEntry, QueueEntry.report_id == Report.id)
        .outerjoin(accepted, accepted.c.family == QueueEntry.family)
        .where(Report.status == DONE)
    )
    if status == "disputed":
        query = query.where(open_dispute)
    elif status != "all":
        query = query.where(Report.review_status == status)
    if standard:
        query = query.where(QueueEntry.standard == standard)
    query = query.order_by(uncertainty.desc(), Report.created_at, Report.id)
    rows = session.execute(query.offset(offset).limit(limit)).all()
    names = reviewer_names(session, [report.id for report, *_ in rows])
    return [
        QueueRow(
            report_id=report.id,
            filename=report.filename,
            standard=entry.standard,
            family=entry.family,
            finding_count=report.finding_count,
            review_status=report.review_status,
            min_confidence=entry.min_confidence,
            classifier_margin=entry.classifier_margin,
            family_reviews=int(count),
            uncertainty=round(float(score), 4),
            reviewed_by=names.get(report.id, []),
            open_dispute=bool(disputed),
        )
        for report, entry, count, score, disputed in rows
    ]


def reviewer_names(session: Session, report_ids: list[str]) -> dict[str, list[str]]:
    """Who accepted a review of each report."""
    names: dict[str, list[str]] = {}
    if not report_ids:
        return names
    rows = session.execute(
        select(Review.report_id, Reviewer.name)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .where(Review.report_id.in_(report_ids), Review.status == REVIEW_ACCEPTED)
        .order_by(Review.accepted_at)
    )
    for report_id, name in rows:
        names.setdefault(report_id, []).append(name)
    return names


def standards_in_queue(session: Session) -> list[str]:
    return list(
        session.scalars(select(QueueEntry.standard).distinct().order_by(QueueEntry.standard))
    )
