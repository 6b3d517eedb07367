"""Admin pages: disagreements between two reviews of a report and their resolution; reviewers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from pipelines.review.accounts import SignedIn, list_reviewers
from pipelines.review.corrections import CorrectionRefused
from pipelines.review.disagreements import Choice
from pipelines.review.edits import EditError
from pipelines.review.reviews import (
    ReviewClosed,
    dispute_disagreements,
    dispute_records,
    resolve_dispute,
)
from pipelines.review.tables import Dispute, Reviewer
from pipelines.review.web.security import PREFIX, Admin, CheckedAdmin, ReviewHttpError, context_of
from pipelines.review.web.state import TEMPLATES, review_state
from pipelines.service.tables import Report

router = APIRouter(prefix=f"{PREFIX}/admin", include_in_schema=False)


@router.get("/disputes")
def disputes_page(request: Request, who: Admin) -> Response:
    with context_of(request).readers.begin() as session:
        rows = session.execute(
            select(Dispute, Report.filename)
            .join(Report, Report.id == Dispute.report_id)
            .order_by(Dispute.resolved_at.is_not(None), Dispute.opened_at.desc())
            .limit(500)
        ).all()
        disputes = [
            {
                "id": dispute.id,
                "report_id": dispute.report_id,
                "filename": filename,
                "opened_at": dispute.opened_at,
                "resolved_at": dispute.resolved_at,
            }
            for dispute, filename in rows
        ]
    return TEMPLATES.TemplateResponse(request, "disputes.html", {"who": who, "disputes": disputes})


@router.get("/disputes/{dispute_id}")
def dispute_page(request: Request, dispute_id: int, who: Admin) -> Response:
    with context_of(request).readers.begin() as session:
        dispute = session.get(Dispute, dispute_id)
        if dispute is None:
            raise ReviewHttpError(404, "no such dispute")
        first, second = dispute_records(session, dispute)
        names = dict(session.execute(select(Reviewer.id, Reviewer.name)).tuples().all())
        report = session.get(Report, dispute.report_id)
        context = {
            "who": who,
            "dispute": dispute,
            "filename": report.filename if report else "",
            "first_name": names.get(first.reviewer_id, "?"),
            "second_name": names.get(second.reviewer_id, "?"),
            "disagreements": dispute_disagreements(session, dispute),
        }
    return TEMPLATES.TemplateResponse(request, "dispute.html", context)


@router.post("/disputes/{dispute_id}/resolve")
async def resolve(request: Request, dispute_id: int, who: CheckedAdmin) -> Response:
    form = await request.form()
    choices: dict[str, Choice] = {}
    for key, value in form.multi_items():
        if key.startswith("choice:") and value in ("first", "second"):
            choices[key.removeprefix("choice:")] = value  # type: ignore[assignment]
    await run_in_threadpool(_resolve, request, dispute_id, who, choices)
    return RedirectResponse(f"{PREFIX}/admin/disputes", status_code=303)


def _resolve(request: Request, dispute_id: int, who: SignedIn, choices: dict[str, Choice]) -> None:
    context = context_of(request)
    state = review_state(request)
    with context.sessions.begin() as session:
        dispute = session.get(Dispute, dispute_id)
        if dispute is None:
            raise ReviewHttpError(404, "no such dispute")
        report = session.get(Report, dispute.report_id)
        if report is None:
            raise ReviewHttpError(404, "no such report")
        pdf_bytes = state.pdf_path(context, report).read_bytes()
        try:
            resolve_dispute(session, dispute, who, choices, pdf_bytes, state.samples_dir)
        except ReviewClosed as exc:
            raise ReviewHttpError(409, str(exc)) from None
        except (EditError, CorrectionRefused) as exc:
            raise ReviewHttpError(422, str(exc)) from None


@router.get("/reviewers")
def reviewers_page(request: Request, who: Admin) -> Response:
    with context_of(request).readers.begin() as session:
        reviewers = [
            {"name": r.name, "role": r.role, "created_at": r.created_at, "disabled": r.disabled_at}
            for r in list_reviewers(session)
        ]
    return TEMPLATES.TemplateResponse(
        request, "reviewers.html", {"who": who, "reviewers": reviewers}
    )
