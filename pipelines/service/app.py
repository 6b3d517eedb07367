"""Build the FastAPI application: state, error handlers, and the routers it mounts.

`create_app(settings)` opens the database and file store when the app starts (applying
migrations unless told not to) and mounts the health and `/v1` routers plus any `extra_routers`
(the reviewers' `/review` app adds itself this way). Every error leaves as the JSON error body.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from extractor import __version__
from pipelines.service.context import ServiceContext, open_service
from pipelines.service.errors import S009, S010, S013, ApiError, error_body
from pipelines.service.ratelimit import RateLimiter
from pipelines.service.reports import remove_orphan_files
from pipelines.service.routes import health, reports
from pipelines.service.settings import ServiceSettings

log = logging.getLogger(__name__)

DESCRIPTION = """
Upload a social-compliance audit report (PDF) and get back an ILO-mapped `AuditRecord`, or an
`ErrorRecord` saying why the file could not be read. Every `/v1` call needs the `X-Api-Key`
header (`audit-extractor members add NAME` prints a key). Uploads are queued and extracted by
workers: poll `GET /v1/reports/{id}` until `status` is `done` or `error`, or set a webhook.
"""


def create_app(
    settings: ServiceSettings | None = None,
    *,
    migrate: bool = True,
    extra_routers: Sequence[APIRouter] = (),
) -> FastAPI:
    """The service app; its database and store open when it starts serving."""
    settings = settings or ServiceSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        context: ServiceContext = open_service(settings, migrate=migrate)
        context.store.remove_stale_temp_files()
        orphans = remove_orphan_files(context)
        if orphans:
            log.warning("removed %d stored PDFs that had no report row (an earlier crash)", orphans)
        app.state.context = context
        try:
            yield
        finally:
            context.close()

    app = FastAPI(
        title="audit-extractor upload service",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.upload_limiter = RateLimiter(settings.uploads_per_minute, settings.upload_burst)
    app.state.request_limiter = RateLimiter(settings.requests_per_minute, settings.request_burst)
    _add_error_handlers(app)
    app.include_router(health.router)
    app.include_router(reports.router)
    for router in extra_routers:
        app.include_router(router)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content=exc.body(), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg')}"
            for err in exc.errors()
        )
        message = S009.message.format(detail=problems[:500])
        return JSONResponse(status_code=422, content=error_body(S009, message))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status_code,
            content=error_body(S010, str(exc.detail)),
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error", exc_info=exc)
        return JSONResponse(status_code=500, content=error_body(S013, S013.message))
