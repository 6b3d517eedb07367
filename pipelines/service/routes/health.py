"""`GET /healthz`: the web process is up and can reach the database. Reveals no counts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from extractor import __version__
from pipelines.service.errors import S012, error_body
from pipelines.service.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness and database check")
def healthz(request: Request) -> Health | JSONResponse:
    try:
        with request.app.state.context.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any database failure is "unhealthy"
        message = S012.message.format(detail=type(exc).__name__)
        return JSONResponse(status_code=503, content=error_body(S012, message))
    return Health(status="ok", database="ok", version=__version__)
