"""Reviews in the database: open one, apply a change with its audit-trail row, accept, resolve.

Every review starts from the extractor's record of the report. Each change is stored with the
reviewer, the time, and the finding (or metadata) before and after. Accepting files the record
as a correction (`corrections.file_correction`) and serves it to the member as the report's
newest record version; when another reviewer's accepted record of the same report disagrees, a
`Dispute` waits for an admin instead, and the record served stays the first one until resolved.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from extractor.record.schema import AuditRecord
from pipelines.review.accounts import SignedIn
from pipelines.review.corrections import check_correction, file_correction
from pipelines.review.disagreements import Choice, Disagreement, compare, resolve
from pipelines.review.edits import Change, EditError
from pipelines.review.tables import (
    ACTION_ACCEPT,
    ACTION_RESOLVE,
    REVIEW_ACCEPTED,
    REVIEW_OPEN,
    Dispute,
    Review,
    ReviewChange,
    Reviewer,
)
from pipelines.service.tables import (
    DONE,
    REVIEWED,
    SOURCE_EXTRACTOR,
    SOURCE_REVIEW,
    RecordVersion,
    Report,
    utcnow,
)


class ReviewUnavailable(LookupError):
    """No reviewable record for this report (unknown, unfinished, or an error record)."""


class ReviewClosed(ValueError):
    """The review was accepted already; it no longer changes."""


class Accepted(BaseModel):
    """What accepting a review did."""

    version_id: int | None
    training_note: str
    dispute_id: int | None = None
    disagreements: int = 0


class TrailEntry(BaseModel):
    """One audit-trail row as shown to reviewers."""

    at: dt.datetime
    reviewer: str
    action: str
    target: str
    before: dict | None
    after: dict | None


def extractor_version(session: Session, report_id: str) -> RecordVersion:
    """The extractor's record of a finished report (what every review starts from)."""
    version = session.scalar(
        select(RecordVersion)
        .join(Report, Report.id == RecordVersion.report_id)
        .where(RecordVersion.report_id == report_id, Report.status == DONE)
        .where(RecordVersion.source == SOURCE_EXTRACTOR, RecordVersion.kind == "AuditRecord")
        .order_by(RecordVersion.id.desc())
        .limit(1)
    )
    if version is None:
        raise ReviewUnavailable(f"report {report_id} has no extracted record to review")
    return version


def open_review(session: Session, report_id: str, who: SignedIn, *, lock: bool = False) -> Review:
    """This reviewer's review of the report, started from the extractor's record if new.

    `lock` holds the review's row until the transaction ends (PostgreSQL; SQLite transactions
    are serialised already), so two tabs saving at once cannot lose one of the changes.
    """
    query = select(Review).where(
        Review.report_id == report_id, Review.reviewer_id == who.reviewer_id
    )
    review = session.scalar(query.with_for_update() if lock else query)
    if review is not None:
        return review
    base = extractor_version(session, report_id)
    now = utcnow()
    review = Review(
        report_id=report_id,
        reviewer_id=who.reviewer_id,
        status=REVIEW_OPEN,
        base_version_id=base.id,
        draft=base.record,
        started_at=now,
        updated_at=now,
    )
    session.add(review)
    session.flush()
    return review


def draft_of(review: Review) -> AuditRecord:
    return AuditRecord.model_validate(review.draft)


def apply_change(
    session: Session, review: Review, who: SignedIn, action: str, change: Change
) -> None:
    """Store the changed record in the review and the change in the audit trail."""
    if review.status != REVIEW_OPEN:
        raise ReviewClosed("this review was accepted; it can no longer be edited")
    now = utcnow()
    review.draft = change.record.model_dump(mode="json")
    review.updated_at = now
    session.add(
        ReviewChange(
            report_id=review.report_id,
            review_id=review.id,
            reviewer_id=who.reviewer_id,
            at=now,
            action=action,
            target=change.target,
            before=change.before,
            after=change.after,
        )
    )


def accept_review(
    session: Session, review: Review, who: SignedIn, pdf_bytes: bytes, samples_dir: Path
) -> Accepted:
    """Accept the review: file the correction and serve it, or open a dispute.

    Raises `ReviewClosed` when already accepted and `CorrectionRefused` (nothing stored) when
    the record fails the correction checks.
    """
    if review.status != REVIEW_OPEN:
        raise ReviewClosed("this review was accepted already")
    # One acceptance of a report at a time: the second must see the first to compare with it.
    session.execute(select(Report.id).where(Report.id == review.report_id).with_for_update())
    record = draft_of(review)
    earlier = session.scalar(
        select(Review)
        .where(Review.report_id == review.report_id, Review.status == REVIEW_ACCEPTED)
        .where(Review.id != review.id)
        .order_by(Review.accepted_at)
        .limit(1)
    )
    disagreements = compare(draft_of(earlier), record) if earlier is not None else []
    now = utcnow()
    if earlier is not None and disagreements:
        check_correction(record, pdf_bytes)
        dispute = Dispute(
            report_id=review.report_id,
            first_review_id=earlier.id,
            second_review_id=review.id,
            opened_at=now,
        )
        session.add(dispute)
        session.flush()
        outcome = Accepted(
            version_id=None,
            training_note=(
                f"disagrees with an earlier review in {len(disagreements)} place(s); "
                "an admin resolves it before it is served or used for training"
            ),
            dispute_id=dispute.id,
            disagreements=len(disagreements),
        )
    else:
        filed = file_correction(record, pdf_bytes, samples_dir, reviewer=who.name)
        version = _serve(session, review.report_id, record, f"reviewer:{who.name}", now)
        outcome = Accepted(version_id=version.id, training_note=filed.note)
    review.status = REVIEW_ACCEPTED
    review.accepted_at = review.updated_at = now
    review.accepted_version_id = outcome.version_id
    review.training_note = outcome.training_note
    session.add(
        ReviewChange(
            report_id=review.report_id,
            review_id=review.id,
            reviewer_id=who.reviewer_id,
            at=now,
            action=ACTION_ACCEPT,
            target="record",
            before=None,
            after=outcome.model_dump(mode="json"),
        )
    )
    return outcome


def dispute_records(session: Session, dispute: Dispute) -> tuple[Review, Review]:
    first = session.get(Review, dispute.first_review_id)
    second = session.get(Review, dispute.second_review_id)
    if first is None or second is None:
        raise ReviewUnavailable("a review of this dispute no longer exists")
    return first, second


def dispute_disagreements(session: Session, dispute: Dispute) -> list[Disagreement]:
    first, second = dispute_records(session, dispute)
    return compare(draft_of(first), draft_of(second))


def resolve_dispute(
    session: Session,
    dispute: Dispute,
    admin: SignedIn,
    choices: dict[str, Choice],
    pdf_bytes: bytes,
    samples_dir: Path,
) -> Accepted:
    """Build the record from the admin's choices, file it and serve it; close the dispute."""
    if dispute.resolved_at is not None:
        raise ReviewClosed("this dispute was resolved already")
    first, second = dispute_records(session, dispute)
    disagreements = compare(draft_of(first), draft_of(second))
    unknown = set(choices) - {d.key for d in disagreements}
    if unknown:
        raise EditError(f"no disagreement named {sorted(unknown)[0]!r} in this dispute")
    record, notes = resolve(draft_of(first), draft_of(second), choices)
    filed = file_correction(record, pdf_bytes, samples_dir, reviewer=admin.name)
    now = utcnow()
    version = _serve(session, dispute.report_id, record, f"admin:{admin.name} (resolved)", now)
    dispute.resolved_at = now
    dispute.resolved_by = admin.reviewer_id
    outcome = Accepted(version_id=version.id, training_note=" ".join([filed.note, *notes]))
    session.add(
        ReviewChange(
            report_id=dispute.report_id,
            review_id=None,
            reviewer_id=admin.reviewer_id,
            at=now,
            action=ACTION_RESOLVE,
            target="record",
            before={"disagreements": [d.model_dump(mode="json") for d in disagreements]},
            after={"choices": choices, **outcome.model_dump(mode="json")},
        )
    )
    return outcome


def audit_trail(session: Session, report_id: str) -> list[TrailEntry]:
    rows = session.execute(
        select(ReviewChange, Reviewer.name)
        .join(Reviewer, Reviewer.id == ReviewChange.reviewer_id)
        .where(ReviewChange.report_id == report_id)
        .order_by(ReviewChange.id)
    )
    return [
        TrailEntry(
            at=change.at,
            reviewer=name,
            action=change.action,
            target=change.target,
            before=change.before,
            after=change.after,
        )
        for change, name in rows
    ]


def confirmed(record: AuditRecord) -> AuditRecord:
    """The record with every ILO indicator scored 1.0 (a reviewer's label is certain)."""
    findings = [
        f.model_copy(
            update={
                "ilo_indicators": [i.model_copy(update={"score": 1.0}) for i in f.ilo_indicators]
            }
        )
        for f in record.findings
    ]
    return record.model_copy(update={"findings": findings})


def _serve(
    session: Session, report_id: str, record: AuditRecord, by: str, now: dt.datetime
) -> RecordVersion:
    """Make `record` the report's newest version (what its member is served).

    Labels a reviewer kept or set are certain: their scores become 1.0, as in the gold copy.
    """
    record = confirmed(record)
    version = RecordVersion(
        report_id=report_id,
        source=SOURCE_REVIEW,
        kind="AuditRecord",
        record=record.model_dump(mode="json"),
        extractor_version=record.extractor.version,
        ner_model=record.extractor.ner_model,
        classifier_model=record.extractor.classifier_model,
        created_at=now,
        created_by=by[:200],
    )
    session.add(version)
    report = session.get(Report, report_id)
    if report is not None:
        report.review_status = REVIEWED
        report.reviewed_at = now
    session.flush()
    return version
