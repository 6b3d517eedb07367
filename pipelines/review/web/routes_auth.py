"""Log in and out of the review app."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from pipelines.review.accounts import SESSION_LIFETIME, check_login, end_session, start_session
from pipelines.review.web.security import (
    LOGIN_CSRF_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    CheckedReviewer,
    ReviewHttpError,
    check_login_csrf,
    context_of,
    new_login_csrf,
    safe_next,
    set_cookie,
)
from pipelines.review.web.state import TEMPLATES, review_state

router = APIRouter(prefix=PREFIX, include_in_schema=False)
LOGIN_FORM_SECONDS = 3600


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse(f"{PREFIX}/queue", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:  # noqa: A002
    return _login_form(request, next, error=None)


def _login_form(request: Request, target: str | None, *, error: str | None) -> Response:
    token = new_login_csrf()
    response = TEMPLATES.TemplateResponse(
        request,
        "login.html",
        {"csrf_token": token, "next": safe_next(target), "error": error, "who": None},
        status_code=401 if error else 200,
    )
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, LOGIN_FORM_SECONDS)
    return response


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str | None, Form()] = None,
    next: Annotated[str | None, Form()] = None,  # noqa: A002
) -> Response:
    check_login_csrf(request, csrf_token)
    state = review_state(request)
    address = request.client.host if request.client else "?"
    if (
        state.login_by_address.acquire(address) > 0
        or state.login_by_name.acquire(name.strip().lower()) > 0
    ):
        raise ReviewHttpError(429, "too many login attempts; wait a minute and try again")
    context = context_of(request)
    with context.sessions.begin() as session:
        reviewer = check_login(session, name, password)
        token = start_session(session, reviewer) if reviewer is not None else None
    if token is None:
        return _login_form(request, next, error="unknown name or wrong password")
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(request, response, SESSION_COOKIE, token, int(SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/review")
    return response


@router.post("/logout")
def logout(request: Request, _who: CheckedReviewer) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        with context_of(request).sessions.begin() as session:
            end_session(session, token)
    response = RedirectResponse(f"{PREFIX}/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/review")
    return response
