"""A member's reports in the database: accept an upload, fetch, list, delete.

Every query here is scoped by the member's id: a report of another member is indistinguishable
from one that does not exist. Report ids are 144 random bits, so they cannot be guessed.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import time

from pydantic import BaseModel
from sqlalchemy import and_, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.service.context import ServiceContext
from pipelines.service.tables import QUEUED, RecordVersion, Report, utcnow
from pipelines.service.uploads import ReceivedFile

REPORT_ID_PREFIX = "rep_"
REPORT_ID_BYTES = 18
MAX_PAGE_SIZE = 200


class ReportFilter(BaseModel):
    status: str | None = None
    created_after: dt.datetime | None = None
    created_before: dt.datetime | None = None


class InvalidCursor(ValueError):
    pass


def new_report_id() -> str:
    return REPORT_ID_PREFIX + secrets.token_urlsafe(REPORT_ID_BYTES)


def accept_upload(
    context: ServiceContext, member_id: int, received: ReceivedFile
) -> tuple[Report, bool]:
    """Store and queue an upload; return the report and whether it already existed.

    The file is moved into place before the row is committed, so a worker never sees a queued
    report without its PDF; the caller answers 202 only after this returns.
    """
    existing = _existing(context, member_id, received.sha256)
    if existing is not None:
        received.tmp_path.unlink(missing_ok=True)
        return existing, True
    report_id = new_report_id()
    stored_path = context.store.commit(received.tmp_path, report_id, received.filename)
    now = utcnow()
    report = Report(
        id=report_id,
        member_id=member_id,
        sha256=received.sha256,
        filename=received.filename,
        size_bytes=received.size_bytes,
        stored_path=stored_path,
        status=QUEUED,
        created_at=now,
        queued_at=now,
        attempts=0,
    )
    try:
        with context.sessions.begin() as session:
            session.add(report)
    except IntegrityError:
        # The same bytes arrived twice at once: the other request won, this copy goes.
        context.store.delete_report(report_id)
        existing = _existing(context, member_id, received.sha256)
        if existing is None:
            raise
        return existing, True
    except BaseException:
        context.store.delete_report(report_id)
        raise
    return report, False


def _existing(context: ServiceContext, member_id: int, sha256: str) -> Report | None:
    with context.readers.begin() as session:
        return session.scalar(
            select(Report).where(Report.member_id == member_id, Report.sha256 == sha256)
        )


def get_report(session: Session, member_id: int, report_id: str) -> Report | None:
    return session.scalar(
        select(Report).where(Report.id == report_id, Report.member_id == member_id)
    )


def latest_record(session: Session, report_id: str) -> AuditRecord | ErrorRecord | None:
    """The record members are served: the newest version (a reviewer's correction wins)."""
    version = session.scalar(
        select(RecordVersion)
        .where(RecordVersion.report_id == report_id)
        .order_by(RecordVersion.id.desc())
        .limit(1)
    )
    if version is None:
        return None
    model = AuditRecord if version.kind == "AuditRecord" else ErrorRecord
    return model.model_validate(version.record)


def list_reports(
    session: Session,
    member_id: int,
    where: ReportFilter,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[Report], str | None]:
    """One page of the member's reports, newest first, and the cursor of the next page."""
    query = select(Report).where(Report.member_id == member_id)
    if where.status:
        query = query.where(Report.status == where.status)
    if where.created_after:
        query = query.where(Report.created_at >= where.created_after)
    if where.created_before:
        query = query.where(Report.created_at < where.created_before)
    if cursor:
        created, last_id = decode_cursor(cursor)
        query = query.where(
            or_(
                Report.created_at < created,
                and_(Report.created_at == created, Report.id < last_id),
            )
        )
    query = query.order_by(Report.created_at.desc(), Report.id.desc()).limit(limit + 1)
    rows = list(session.scalars(query))
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def delete_report(context: ServiceContext, member_id: int, report_id: str) -> bool:
    """Delete a report, its records and its PDF; False when the member has no such report.

    A worker still extracting it loses its lease check and discards the result.
    """
    with context.sessions.begin() as session:
        result = session.execute(
            delete(Report).where(Report.id == report_id, Report.member_id == member_id)
        )
        deleted = bool(result.rowcount)  # type: ignore[attr-defined]
    if deleted:
        context.store.delete_report(report_id)
    return deleted


def remove_orphan_files(context: ServiceContext, older_than_s: float = 3600.0) -> int:
    """Remove stored PDFs whose row was never committed (a crash between the two); count them.

    Only folders older than `older_than_s` are considered, so an upload another web process is
    committing right now is left alone.
    """
    now = time.time()
    candidates = [
        folder.name
        for folder in context.store.reports_dir.iterdir()
        if folder.is_dir() and now - folder.stat().st_mtime > older_than_s
    ]
    removed = 0
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        with context.readers.begin() as session:
            known = set(session.scalars(select(Report.id).where(Report.id.in_(chunk))))
        for report_id in chunk:
            if report_id not in known:
                context.store.delete_report(report_id)
                removed += 1
    return removed


def encode_cursor(report: Report) -> str:
    raw = json.dumps([report.created_at.isoformat(), report.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created, report_id = json.loads(raw)
        return dt.datetime.fromisoformat(created), str(report_id)
    except (ValueError, TypeError) as exc:
        raise InvalidCursor(f"cursor {cursor[:40]!r} is not one this API returned") from exc
