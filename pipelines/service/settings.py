"""Settings shared by the web process, the workers and the `members` command.

One pydantic model, filled from the command line or the `AUDIT_EXTRACTOR_*` environment
variables, so `serve`, `worker` and `members` started in the same working directory (or with the
same variables) talk to the same database and file store. It holds no behaviour.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field

DEFAULT_DATA_DIR = Path("service_data")
ENV_DATABASE_URL = "AUDIT_EXTRACTOR_DATABASE_URL"
ENV_STORE = "AUDIT_EXTRACTOR_STORE"
ENV_KEY_SECRET = "AUDIT_EXTRACTOR_KEY_SECRET"
MB = 1024 * 1024


def default_database_url() -> str:
    """$AUDIT_EXTRACTOR_DATABASE_URL, else the embedded default: ./service_data/service.db."""
    explicit = os.environ.get(ENV_DATABASE_URL)
    if explicit:
        return explicit
    return f"sqlite:///{(DEFAULT_DATA_DIR / 'service.db').resolve()}"


def default_store_dir() -> Path:
    """The embedded default file store ./service_data/files (or $AUDIT_EXTRACTOR_STORE)."""
    return Path(os.environ.get(ENV_STORE) or DEFAULT_DATA_DIR / "files").resolve()


class ServiceSettings(BaseModel):
    """Where the service keeps its state, and the limits it enforces."""

    database_url: str = Field(default_factory=default_database_url)
    store_dir: Path = Field(default_factory=default_store_dir)
    models_dir: Path | None = Field(default=None, description="None: the repository's models/.")
    samples_dir: Path | None = Field(
        default=None,
        description="Gold data that accepted reviews are filed into (corrections/); "
        "None: the repository's labelled_samples/.",
    )

    # Limits on uploads (checked by the web process without parsing the PDF).
    max_upload_bytes: int = 50 * MB
    # Checked by the worker, where the PDF is parsed in a killable process: E007 error record.
    max_pages: int = 500
    uploads_per_minute: float = 60.0
    upload_burst: int = 30
    requests_per_minute: float = 1200.0
    request_burst: int = 240

    # Jobs.
    timeout_s: float = 120.0
    max_memory_mb: int | None = Field(
        default=2048, description="Memory cap of the extraction process, where supported."
    )
    lease_s: float = 60.0
    max_attempts: int = 3
    poll_interval_s: float = 0.25
    ocr: bool = True

    # Records whose lowest finding confidence is below this go to the reviewers' queue.
    review_threshold: float = 0.6

    # Webhooks.
    webhook_timeout_s: float = 10.0
    webhook_max_attempts: int = 8
    webhook_backoff_s: float = 5.0

    def key_secret_path(self) -> Path:
        return self.store_dir / "api-key-secret"
