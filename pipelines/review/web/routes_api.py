"""The JSON endpoints the report page calls: edit, add, delete, metadata, accept, box text.

Each change is applied to the reviewer's own review and answered with the whole updated record,
which the page redraws from. Every POST needs the session's CSRF token in `X-CSRF-Token`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from pipelines.review.accounts import SignedIn
from pipelines.review.corrections import CorrectionRefused
from pipelines.review.edits import (
    Change,
    EditError,
    FindingFields,
    MetadataFields,
    NewFinding,
    add_finding,
    delete_finding,
    edit_finding,
    edit_metadata,
)
from pipelines.review.pages import PageError
from pipelines.review.reviews import (
    ReviewClosed,
    ReviewUnavailable,
    accept_review,
    apply_change,
    draft_of,
    open_review,
)
from pipelines.review.tables import (
    ACTION_ADD_FINDING,
    ACTION_DELETE_FINDING,
    ACTION_EDIT_FINDING,
    ACTION_EDIT_METADATA,
    Review,
)
from pipelines.review.web.security import (
    PREFIX,
    CheckedReviewer,
    Reviewer,
    ReviewHttpError,
    context_of,
)
from pipelines.review.web.state import review_state
from pipelines.service.tables import Report

router = APIRouter(prefix=f"{PREFIX}/api/reports/{{report_id}}", include_in_schema=False)
# A finding with long texts and hundreds of entities is well under this.
MAX_BODY_BYTES = 1024 * 1024


def _change(
    request: Request, report_id: str, who: SignedIn, action: str, make: Callable[..., Change]
) -> dict[str, Any]:
    """Apply one change to this reviewer's review; answer with the new record and notes."""
    with context_of(request).sessions.begin() as session:
        review = _review(session, report_id, who)
        try:
            change = make(draft_of(review))
            apply_change(session, review, who, action, change)
        except (EditError, ReviewClosed) as exc:
            raise ReviewHttpError(409 if isinstance(exc, ReviewClosed) else 422, str(exc)) from None
        return {"record": review.draft, "target": change.target, "notes": change.notes}


def _review(session: Session, report_id: str, who: SignedIn) -> Review:
    try:
        return open_review(session, report_id, who, lock=True)
    except ReviewUnavailable as exc:
        raise ReviewHttpError(404, str(exc)) from None


async def _payload(request: Request, model: type[BaseModel]) -> Any:
    """The request's JSON body as `model`, read up to `MAX_BODY_BYTES`."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise ReviewHttpError(413, f"the request is larger than {MAX_BODY_BYTES} bytes")
    try:
        return model.model_validate_json(bytes(body))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors()[:10]
        )
        raise ReviewHttpError(422, problems) from None


@router.post("/findings/{fid}")
async def save_finding(request: Request, report_id: str, fid: str, who: CheckedReviewer) -> dict:
    fields = await _payload(request, FindingFields)
    return await _run(
        request, report_id, who, ACTION_EDIT_FINDING, lambda r: edit_finding(r, fid, fields)
    )


@router.post("/findings/{fid}/delete")
async def remove_finding(request: Request, report_id: str, fid: str, who: CheckedReviewer) -> dict:
    return await _run(
        request, report_id, who, ACTION_DELETE_FINDING, lambda r: delete_finding(r, fid)
    )


@router.post("/findings")
async def create_finding(request: Request, report_id: str, who: CheckedReviewer) -> dict:
    new = await _payload(request, NewFinding)
    return await _run(request, report_id, who, ACTION_ADD_FINDING, lambda r: add_finding(r, new))


@router.post("/metadata")
async def save_metadata(request: Request, report_id: str, who: CheckedReviewer) -> dict:
    fields = await _payload(request, MetadataFields)
    return await _run(
        request, report_id, who, ACTION_EDIT_METADATA, lambda r: edit_metadata(r, fields)
    )


async def _run(
    request: Request, report_id: str, who: SignedIn, action: str, make: Callable[..., Change]
) -> dict:
    # The database work blocks; keep it off the event loop.
    return await run_in_threadpool(_change, request, report_id, who, action, make)


@router.post("/accept")
def accept(request: Request, report_id: str, who: CheckedReviewer) -> dict:
    context = context_of(request)
    state = review_state(request)
    with context.sessions.begin() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise ReviewHttpError(404, "no such report")
        review = _review(session, report_id, who)
        pdf_bytes = state.pdf_path(context, report).read_bytes()
        try:
            outcome = accept_review(session, review, who, pdf_bytes, state.samples_dir)
        except ReviewClosed as exc:
            raise ReviewHttpError(409, str(exc)) from None
        except CorrectionRefused as exc:
            raise ReviewHttpError(422, f"the record cannot be accepted: {exc}") from None
    return outcome.model_dump(mode="json")


@router.get("/draft")
def draft(request: Request, report_id: str, who: Reviewer) -> dict:
    with context_of(request).sessions.begin() as session:
        return _review(session, report_id, who).draft


@router.get("/text")
def text_in_box(
    request: Request,
    report_id: str,
    _who: Reviewer,
    page: Annotated[int, Query(ge=1)],
    x0: Annotated[float, Query(ge=0)],
    top: Annotated[float, Query(ge=0)],
    x1: Annotated[float, Query(ge=0)],
    bottom: Annotated[float, Query(ge=0)],
) -> dict:
    context = context_of(request)
    state = review_state(request)
    if x1 <= x0 or bottom <= top:
        raise ReviewHttpError(422, "a box needs x0 < x1 and top < bottom")
    with context.readers.begin() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise ReviewHttpError(404, "no such report")
        pdf_path = state.pdf_path(context, report)
    try:
        found = state.renderer.text_in_box(report_id, pdf_path, page, (x0, top, x1, bottom))
    except PageError as exc:
        raise ReviewHttpError(422, str(exc)) from None
    return found.model_dump()
