"""The reviewers' web app, mounted under `/review` in the upload service's FastAPI app.

Server-rendered pages (Jinja2) with one plain JavaScript file for the report view; no build step
and nothing loaded from another site. `install_review_app(app, settings)` adds the routers, the
static files, the error pages and the security headers. It reads and writes the service's
database and file store; it never opens an uploaded PDF in the web process (`pages.py`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from pipelines.review.web import routes_admin, routes_api, routes_auth, routes_pages
from pipelines.review.web.security import PREFIX, SECURITY_HEADERS, ReviewHttpError, wants_json
from pipelines.review.web.state import STATIC_DIR, TEMPLATES, ReviewState
from pipelines.service.settings import ServiceSettings

__all__ = ["install_review_app"]

REASONS = {
    401: "not_logged_in",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "too_many_requests",
}


def install_review_app(app: FastAPI, settings: ServiceSettings | None = None) -> FastAPI:
    """Mount the review app on `app` (built by `create_app`); return `app`."""
    app.state.review = ReviewState(settings or app.state.settings)
    for module in (routes_auth, routes_pages, routes_api, routes_admin):
        app.include_router(module.router)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=STATIC_DIR), name="review-static")
    app.add_exception_handler(ReviewHttpError, _review_error)  # type: ignore[arg-type]

    @app.middleware("http")
    async def _security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        if request.url.path.startswith(PREFIX):
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
        return response

    return app


async def _review_error(request: Request, exc: ReviewHttpError) -> Response:
    if exc.login_redirect:
        return RedirectResponse(exc.login_redirect, status_code=303)
    if wants_json(request):
        reason = REASONS.get(exc.status, "error")
        body = {"error": {"code": f"R{exc.status}", "reason": reason, "message": exc.message}}
        return JSONResponse(status_code=exc.status, content=body)
    return TEMPLATES.TemplateResponse(
        request,
        "error.html",
        {"who": None, "status": exc.status, "message": exc.message},
        status_code=exc.status,
    )
