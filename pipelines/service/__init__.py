"""The member upload service: an authenticated HTTP API over the extractor, with durable jobs.

Members upload a PDF (`POST /v1/reports`), the upload is stored and queued in the database
before the 202, and worker processes (started by `serve`, or `audit-extractor worker` elsewhere)
claim jobs with leases and run the same extractor in a killable child process. The app is built
by `create_app(settings)`, which mounts routers so the reviewers' `/review` app can be added.
This package orchestrates; it must not parse PDFs in the web process.

Exports are imported lazily so the `audit-extractor` command line starts quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipelines.service.app import create_app
    from pipelines.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from pipelines.service.app import create_app

        return create_app
    if name == "ServiceSettings":
        from pipelines.service.settings import ServiceSettings

        return ServiceSettings
    raise AttributeError(name)
