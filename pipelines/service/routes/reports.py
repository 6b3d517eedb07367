"""`/v1/reports`: upload a PDF, poll its status and record, list, export findings, delete.

Every handler takes the member from the API key and passes its id to the queries, which are
all scoped by it: another member's report answers 404 exactly like a missing one.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse

from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.service.auth import Member, UploadingMember, service_context
from pipelines.service.csv_export import findings_csv
from pipelines.service.errors import S003, S007, S008, S009, ApiError
from pipelines.service.reports import (
    MAX_PAGE_SIZE,
    InvalidCursor,
    ReportFilter,
    accept_upload,
    delete_report,
    get_report,
    latest_record,
    list_reports,
)
from pipelines.service.schemas import (
    ErrorResponse,
    ReportAccepted,
    ReportDetail,
    ReportPage,
    ReportSummary,
    Review,
)
from pipelines.service.tables import DONE, ERROR, Report
from pipelines.service.uploads import receive_pdf

router = APIRouter(prefix="/v1", tags=["reports"])

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No API key, or not a valid one."},
    404: {"model": ErrorResponse, "description": "No such report for this key."},
    429: {"model": ErrorResponse, "description": "Rate limit; see Retry-After."},
}
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "The PDF."}
                    },
                }
            }
        },
    }
}


def _status_url(request: Request, report_id: str) -> str:
    return str(request.url_for("get_report", report_id=report_id))


def _summary(request: Request, report: Report) -> dict:
    return {
        "id": report.id,
        "status": report.status,
        "filename": report.filename,
        "size_bytes": report.size_bytes,
        "sha256": report.sha256,
        "created_at": report.created_at,
        "started_at": report.started_at,
        "finished_at": report.finished_at,
        "page_count": report.page_count,
        "finding_count": report.finding_count,
        "error_code": report.error_code,
        "review": Review.model_validate(
            {"status": report.review_status, "reviewed_at": report.reviewed_at}
        ),
        "status_url": _status_url(request, report.id),
    }


@router.post(
    "/reports",
    status_code=202,
    response_model=ReportAccepted,
    summary="Upload a report (PDF) for extraction",
    description=(
        "Send the PDF as multipart/form-data in the field `file`. The upload is stored and "
        "queued before the 202; poll `status_url`. Uploading the same bytes again with the "
        "same key returns the existing report (200, `duplicate: true`)."
    ),
    responses={
        200: {"model": ReportAccepted, "description": "These bytes were already uploaded."},
        400: {"model": ErrorResponse, "description": "No file, an empty file, bad multipart."},
        413: {"model": ErrorResponse, "description": "Larger than the size limit (E008)."},
        415: {"model": ErrorResponse, "description": "Not a PDF (E002) or an archive (E015)."},
        **ERRORS,
    },
    openapi_extra=UPLOAD_BODY,
)
async def upload_report(request: Request, member: UploadingMember) -> JSONResponse:
    context = service_context(request)
    received = await receive_pdf(
        dict(request.headers),
        request.stream(),
        context.store,
        max_bytes=context.settings.max_upload_bytes,
    )
    report, duplicate = await run_in_threadpool(accept_upload, context, member.id, received)
    status_url = _status_url(request, report.id)
    body = ReportAccepted.model_validate(
        {"id": report.id, "status": report.status, "status_url": status_url, "duplicate": duplicate}
    )
    return JSONResponse(
        status_code=200 if duplicate else 202,
        content=body.model_dump(mode="json"),
        headers={"Location": status_url},
    )


@router.get(
    "/reports/{report_id}",
    response_model=ReportDetail,
    summary="Status of a report, with its record once finished",
    responses=ERRORS,
    name="get_report",  # status URLs are built with url_for("get_report")
)
def get_report_detail(report_id: str, request: Request, member: Member) -> ReportDetail:
    context = service_context(request)
    with context.readers.begin() as session:
        report = get_report(session, member.id, report_id)
        if report is None:
            raise ApiError(404, S003, report_id=report_id[:64])
        record = latest_record(session, report.id) if report.status in (DONE, ERROR) else None
        return ReportDetail(**_summary(request, report), record=record)


@router.get(
    "/reports",
    response_model=ReportPage,
    summary="Your reports, newest first",
    responses=ERRORS,
)
def list_member_reports(
    request: Request,
    member: Member,
    status: Annotated[Literal["queued", "processing", "done", "error"] | None, Query()] = None,
    created_after: Annotated[
        dt.datetime | None, Query(description="ISO 8601; reports uploaded at or after this.")
    ] = None,
    created_before: Annotated[
        dt.datetime | None, Query(description="ISO 8601; reports uploaded before this.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> ReportPage:
    where = ReportFilter(
        status=status,
        created_after=_utc(created_after),
        created_before=_utc(created_before),
    )
    context = service_context(request)
    with context.readers.begin() as session:
        try:
            reports, next_cursor = list_reports(
                session, member.id, where, limit=limit, cursor=cursor
            )
        except InvalidCursor as exc:
            raise ApiError(400, S009, detail=str(exc)) from None
        items = [ReportSummary(**_summary(request, r)) for r in reports]
    return ReportPage(items=items, next_cursor=next_cursor)


@router.get(
    "/reports/{report_id}/findings.csv",
    response_class=PlainTextResponse,
    summary="The findings of a finished report as CSV",
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per finding."},
        409: {"model": ErrorResponse, "description": "Not finished yet, or failed."},
        **ERRORS,
    },
)
def get_findings_csv(report_id: str, request: Request, member: Member) -> Response:
    context = service_context(request)
    with context.readers.begin() as session:
        report = get_report(session, member.id, report_id)
        if report is None:
            raise ApiError(404, S003, report_id=report_id[:64])
        if report.status not in (DONE, ERROR):
            raise ApiError(409, S007, report_id=report_id, status=report.status)
        record = latest_record(session, report.id)
    if isinstance(record, ErrorRecord) or not isinstance(record, AuditRecord):
        code = record.error.code if isinstance(record, ErrorRecord) else "E010"
        reason = record.error.reason if isinstance(record, ErrorRecord) else "internal_error"
        raise ApiError(409, S008, report_id=report_id, code=code, reason=reason)
    filename = report.filename.rsplit(".", 1)[0] + "-findings.csv"
    return Response(
        content=findings_csv(record),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": attachment(filename)},
    )


def attachment(filename: str) -> str:
    """A Content-Disposition for `filename` in any script (RFC 6266), with an ASCII fallback."""
    fallback = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


@router.delete(
    "/reports/{report_id}",
    status_code=204,
    summary="Delete a report, its record and its PDF",
    responses=ERRORS,
)
def delete_member_report(report_id: str, request: Request, member: Member) -> Response:
    if not delete_report(service_context(request), member.id, report_id):
        raise ApiError(404, S003, report_id=report_id[:64])
    return Response(status_code=204)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)
