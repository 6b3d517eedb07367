"""Who is asking, and may they: session cookies, CSRF tokens, roles, security headers.

- The session cookie is HttpOnly (scripts cannot read it), SameSite=Lax, limited to `/review`,
  and Secure when the app is served over HTTPS.
- Every state-changing request carries the session's CSRF token, in the form field `csrf_token`
  or the `X-CSRF-Token` header, compared in constant time; the login form, which has no session
  yet, uses a double-submit cookie instead. Cross-origin requests are refused by their Origin.
- Pages answer an anonymous visitor with a redirect to the login page; the JSON endpoints with
  401. A reviewer asking for an admin page gets 403.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import Depends, Request, Response

from pipelines.review.accounts import SignedIn, session_reviewer
from pipelines.service.context import ServiceContext

SESSION_COOKIE = "review_session"
LOGIN_CSRF_COOKIE = "review_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
COOKIE_PATH = "/review"
PREFIX = "/review"

SECURITY_HEADERS = {
    # Scripts and styles only from our own static files: no inline script can run.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class ReviewHttpError(Exception):
    """An answer other than the page asked for: a redirect to log in, 401, 403, 404, 409, 422."""

    def __init__(self, status: int, message: str, *, login_redirect: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.login_redirect = login_redirect


def context_of(request: Request) -> ServiceContext:
    return request.app.state.context


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(f"{PREFIX}/api/")


def current_reviewer(request: Request) -> SignedIn:
    """The signed-in reviewer; anonymous page requests are sent to the login page."""
    token = request.cookies.get(SESSION_COOKIE)
    who = None
    if token:
        context = context_of(request)
        with context.readers.begin() as session:
            who = session_reviewer(session, token)
    if who is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        redirect = None if wants_json(request) else f"{PREFIX}/login?next={quote(target)}"
        raise ReviewHttpError(401, "log in to review reports", login_redirect=redirect)
    return who


async def checked_reviewer(
    request: Request, who: Annotated[SignedIn, Depends(current_reviewer)]
) -> SignedIn:
    """The signed-in reviewer of a state-changing request, after its CSRF checks."""
    check_origin(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent.encode(), who.csrf_token.encode()):
        raise ReviewHttpError(403, "the form's security token is missing or stale; reload the page")
    return who


def admin(who: Annotated[SignedIn, Depends(current_reviewer)]) -> SignedIn:
    if not who.is_admin:
        raise ReviewHttpError(403, "only an admin may open this page")
    return who


def checked_admin(who: Annotated[SignedIn, Depends(checked_reviewer)]) -> SignedIn:
    if not who.is_admin:
        raise ReviewHttpError(403, "only an admin may do this")
    return who


def check_origin(request: Request) -> None:
    """Refuse a state-changing request that a page on another origin sent."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return
    sent = urlsplit(origin)
    host = request.headers.get("host", "")
    if sent.netloc != host:
        raise ReviewHttpError(403, "requests from other sites are refused")


def new_login_csrf() -> str:
    return secrets.token_urlsafe(32)


def check_login_csrf(request: Request, sent: str | None) -> None:
    check_origin(request)
    expected = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise ReviewHttpError(403, "the login form expired; reload the page and try again")


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def safe_next(target: str | None) -> str:
    """A post-login destination inside the review app only (no open redirect)."""
    target = target or ""
    if target.startswith(f"{PREFIX}/") and "\\" not in target and "//" not in target:
        return target
    return f"{PREFIX}/queue"


Reviewer = Annotated[SignedIn, Depends(current_reviewer)]
CheckedReviewer = Annotated[SignedIn, Depends(checked_reviewer)]
Admin = Annotated[SignedIn, Depends(admin)]
CheckedAdmin = Annotated[SignedIn, Depends(checked_admin)]
