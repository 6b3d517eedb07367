"""The job queue, kept in the reports table: claim with a lease, renew it, finish once.

A worker claims the oldest queued report, or one whose lease expired because its worker died,
by a conditional UPDATE that only one worker can win (with `SELECT ... FOR UPDATE SKIP LOCKED`
first on PostgreSQL, so workers on several machines do not queue behind each other's row
locks). It renews the lease while extracting. Finishing is conditional on still holding the
lease, so a report gets exactly one extractor record even if a slow worker's lease was taken
over. The record, the report's state and the webhook notification are one transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import and_, or_, select, update

from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.service.context import ServiceContext
from pipelines.service.review_policy import min_confidence, review_status
from pipelines.service.tables import (
    DONE,
    ERROR,
    PROCESSING,
    QUEUED,
    SOURCE_EXTRACTOR,
    Member,
    RecordVersion,
    Report,
    WebhookDelivery,
    utcnow,
)

CLAIM_RETRIES = 5
EVENT_FINISHED = "report.finished"


class ClaimedJob(BaseModel):
    report_id: str
    member_id: int
    lease_token: str
    path: Path
    attempts: int


def _claimable(now: dt.datetime):  # noqa: ANN202 - a SQL expression
    return or_(
        Report.status == QUEUED,
        and_(Report.status == PROCESSING, Report.lease_expires_at < now),
    )


def claim_next(context: ServiceContext, worker_id: str) -> ClaimedJob | None:
    """Take the oldest claimable report, or return None when there is none."""
    for _ in range(CLAIM_RETRIES):
        now = utcnow()
        token = secrets.token_hex(16)
        with context.sessions.begin() as session:
            report_id = session.scalar(
                select(Report.id)
                .where(_claimable(now))
                .order_by(Report.queued_at, Report.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if report_id is None:
                return None
            result = session.execute(
                update(Report)
                .where(Report.id == report_id, _claimable(now))
                .values(
                    status=PROCESSING,
                    lease_token=token,
                    lease_expires_at=now + dt.timedelta(seconds=context.settings.lease_s),
                    worker_id=worker_id[:200],
                    attempts=Report.attempts + 1,
                    started_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                continue  # another worker won this one; try the next
            row = session.execute(
                select(Report.member_id, Report.stored_path, Report.attempts).where(
                    Report.id == report_id
                )
            ).one()
        return ClaimedJob(
            report_id=report_id,
            member_id=row.member_id,
            lease_token=token,
            path=context.store.path(row.stored_path),
            attempts=row.attempts,
        )
    return None


def renew_lease(context: ServiceContext, job: ClaimedJob) -> bool:
    """Extend the lease; False when it was lost (taken over, or the report was deleted)."""
    expires = utcnow() + dt.timedelta(seconds=context.settings.lease_s)
    with context.sessions.begin() as session:
        result = session.execute(
            update(Report)
            .where(Report.id == job.report_id, Report.lease_token == job.lease_token)
            .values(lease_expires_at=expires)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1  # type: ignore[attr-defined]


def release(context: ServiceContext, job: ClaimedJob) -> bool:
    """Put a claimed job back in the queue (its worker is shutting down), uncounted."""
    with context.sessions.begin() as session:
        result = session.execute(
            update(Report)
            .where(Report.id == job.report_id, Report.lease_token == job.lease_token)
            .values(
                status=QUEUED,
                lease_token=None,
                lease_expires_at=None,
                started_at=None,
                attempts=Report.attempts - 1,
            )
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1  # type: ignore[attr-defined]


def finish(
    context: ServiceContext, job: ClaimedJob, record: AuditRecord | ErrorRecord, worker_id: str
) -> bool:
    """Store the record and mark the report done or error; False if the lease was lost."""
    now = utcnow()
    is_error = isinstance(record, ErrorRecord)
    status = ERROR if is_error else DONE
    source = record.source
    error_code = record.error.code if isinstance(record, ErrorRecord) else None
    with context.sessions.begin() as session:
        result = session.execute(
            update(Report)
            .where(
                Report.id == job.report_id,
                Report.lease_token == job.lease_token,
                Report.status == PROCESSING,
            )
            .values(
                status=status,
                finished_at=now,
                lease_token=None,
                lease_expires_at=None,
                error_code=error_code,
                page_count=source.page_count if source is not None else None,
                finding_count=None if isinstance(record, ErrorRecord) else len(record.findings),
                min_confidence=min_confidence(record),
                review_status=review_status(record, context.settings.review_threshold),
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return False
        session.add(
            RecordVersion(
                report_id=job.report_id,
                source=SOURCE_EXTRACTOR,
                kind=type(record).__name__,
                record=record.model_dump(mode="json"),
                extractor_version=record.extractor.version,
                ner_model=record.extractor.ner_model,
                classifier_model=record.extractor.classifier_model,
                created_at=now,
                created_by=f"worker:{worker_id}"[:200],
            )
        )
        member = session.get(Member, job.member_id)
        if member is not None and member.webhook_url:
            session.add(
                WebhookDelivery(
                    member_id=member.id,
                    report_id=job.report_id,
                    event=EVENT_FINISHED,
                    payload={
                        "event": EVENT_FINISHED,
                        "report_id": job.report_id,
                        "status": status,
                        "error_code": error_code,
                        "status_path": f"/v1/reports/{job.report_id}",
                        "finished_at": now.isoformat(),
                    },
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
    return True
