"""The review app's pages: the queue, a report's review, its audit trail, and page images."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response
from sqlalchemy import func, select

from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import ENTITY_LABELS, AuditInfo
from pipelines.review.pages import PageError
from pipelines.review.queue import (
    PAGE_SIZE,
    STATUS_FILTERS,
    list_queue,
    refresh_queue,
    standards_in_queue,
    unmeasured_reports,
)
from pipelines.review.reviews import ReviewUnavailable, audit_trail, draft_of, open_review
from pipelines.review.tables import REVIEW_ACCEPTED, Dispute, Review
from pipelines.review.web.security import PREFIX, Reviewer, ReviewHttpError, context_of
from pipelines.review.web.state import TEMPLATES, review_state
from pipelines.service.tables import Report

router = APIRouter(prefix=PREFIX, include_in_schema=False)


@router.get("/queue")
def queue_page(
    request: Request,
    who: Reviewer,
    status: Annotated[str, Query(pattern="^(" + "|".join(STATUS_FILTERS) + ")$")] = "needs_review",
    standard: Annotated[str | None, Query(max_length=30)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    context = context_of(request)
    state = review_state(request)
    # Most listings find nothing new: check without taking the database's write lock.
    with context.readers.begin() as session:
        stale = bool(unmeasured_reports(session, limit=1))
    if stale:
        with context.sessions.begin() as session:
            refresh_queue(session, state.models_dir)
    with context.readers.begin() as session:
        rows = list_queue(
            session,
            status=status,
            standard=standard or None,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE + 1,
        )
        standards = standards_in_queue(session)
    return TEMPLATES.TemplateResponse(
        request,
        "queue.html",
        {
            "who": who,
            "rows": rows[:PAGE_SIZE],
            "status": status,
            "standard": standard or "",
            "standards": standards,
            "statuses": STATUS_FILTERS,
            "page": page,
            "has_next": len(rows) > PAGE_SIZE,
        },
    )


@router.get("/reports/{report_id}")
def report_page(request: Request, report_id: str, who: Reviewer) -> Response:
    context = context_of(request)
    state = review_state(request)
    with context.sessions.begin() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise ReviewHttpError(404, "no such report")
        try:
            review = open_review(session, report_id, who)
        except ReviewUnavailable as exc:
            raise ReviewHttpError(409, str(exc)) from None
        record = draft_of(review)
        second_review = session.scalar(
            select(func.count())
            .select_from(Review)
            .where(Review.report_id == report_id, Review.status == REVIEW_ACCEPTED)
            .where(Review.id != review.id)
        )
        open_dispute = session.scalar(
            select(Dispute).where(Dispute.report_id == report_id, Dispute.resolved_at.is_(None))
        )
        review_info = {
            "status": review.status,
            "training_note": review.training_note,
            "accepted_at": review.accepted_at,
        }
        pdf_path = state.pdf_path(context, report)
        filename = report.filename
    try:
        sizes = state.renderer.page_sizes(report_id, pdf_path)
    except PageError as exc:
        raise ReviewHttpError(409, f"the report's pages cannot be shown ({exc})") from None
    taxonomy = load_taxonomy()
    payload = {
        "report_id": report_id,
        "record": record.model_dump(mode="json"),
        "pages": [size.model_dump() for size in sizes],
        "csrf": who.csrf_token,
        "editable": review_info["status"] != REVIEW_ACCEPTED,
        "ilo": [{"code": i.code, "label": i.label, "group": i.group} for i in taxonomy.indicators],
        "entity_labels": list(ENTITY_LABELS),
        "api": f"{PREFIX}/api/reports/{report_id}",
    }
    return TEMPLATES.TemplateResponse(
        request,
        "report.html",
        {
            "who": who,
            "report_id": report_id,
            "filename": filename,
            "record": record,
            "pages": sizes,
            "review": review_info,
            "second_review": bool(second_review),
            "open_dispute": open_dispute,
            "payload": payload,
            "metadata_fields": list(AuditInfo.model_fields),
        },
    )


@router.get("/reports/{report_id}/pages/{page}.png")
def page_image(request: Request, report_id: str, page: int, _who: Reviewer) -> Response:
    context = context_of(request)
    state = review_state(request)
    with context.readers.begin() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise ReviewHttpError(404, "no such report")
        pdf_path = state.pdf_path(context, report)
    try:
        image = state.renderer.page_image(report_id, pdf_path, page)
    except PageError as exc:
        raise ReviewHttpError(404, str(exc)) from None
    # Private: a page image is as confidential as the report.
    return FileResponse(
        image, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"}
    )


@router.get("/reports/{report_id}/history")
def history_page(request: Request, report_id: str, who: Reviewer) -> Response:
    context = context_of(request)
    with context.readers.begin() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise ReviewHttpError(404, "no such report")
        trail = audit_trail(session, report_id)
        filename = report.filename
    return TEMPLATES.TemplateResponse(
        request,
        "history.html",
        {"who": who, "report_id": report_id, "filename": filename, "trail": trail},
    )
