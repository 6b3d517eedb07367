"""What the review routes share: templates, the page renderer, where corrections are filed."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR
from extractor.pipeline import DEFAULT_MODELS_DIR
from pipelines.review.pages import PageRenderer
from pipelines.service.context import ServiceContext
from pipelines.service.ratelimit import RateLimiter
from pipelines.service.settings import ServiceSettings
from pipelines.service.tables import Report

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
STATIC_DIR = HERE / "static"
CACHE_FOLDER = "review_cache"


class ReviewState:
    """Built once per app by `install_review_app`, kept on `app.state.review`."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.renderer = PageRenderer(settings.store_dir / CACHE_FOLDER)
        # Password guessing: a few attempts per name and per address, then a wait.
        self.login_by_name = RateLimiter(per_minute=6, burst=5)
        self.login_by_address = RateLimiter(per_minute=30, burst=20)

    @property
    def samples_dir(self) -> Path:
        return getattr(self.settings, "samples_dir", None) or DEFAULT_SAMPLES_DIR

    @property
    def models_dir(self) -> Path:
        return self.settings.models_dir or DEFAULT_MODELS_DIR

    def pdf_path(self, context: ServiceContext, report: Report) -> Path:
        return context.store.path(report.stored_path)


def review_state(request: Request) -> ReviewState:
    return request.app.state.review
