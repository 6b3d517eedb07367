"""Command-line options shared by `serve`, `worker` and `members`, and the settings they make."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.service.settings import ServiceSettings, default_database_url, default_store_dir


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        default=None,
        help="SQLAlchemy URL, e.g. postgresql://user:pw@host/db "
        "(default: $AUDIT_EXTRACTOR_DATABASE_URL or sqlite file ./service_data/service.db)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="folder for uploaded PDFs, shared by all workers "
        "(default: $AUDIT_EXTRACTOR_STORE or ./service_data/files)",
    )


def add_job_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--models", type=Path, default=None, help="models directory")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per report")
    parser.add_argument("--max-pages", type=int, default=500, help="longer reports are refused")
    parser.add_argument(
        "--max-memory-mb",
        type=int,
        default=2048,
        help="memory cap of an extraction process (applied where pipelines.isolation supports it)",
    )
    parser.add_argument(
        "--lease-seconds",
        type=float,
        default=60.0,
        help="a job whose worker stopped renewing its lease this long ago is taken over",
    )
    parser.add_argument(
        "--review-threshold",
        type=float,
        default=0.6,
        help="records with a finding below this confidence need review",
    )
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR image-only pages")


def settings_from_args(args: argparse.Namespace) -> ServiceSettings:
    values: dict = {
        "database_url": args.database_url or default_database_url(),
        "store_dir": (args.store or default_store_dir()).resolve(),
    }
    optional = {
        "models": "models_dir",
        "samples": "samples_dir",
        "timeout": "timeout_s",
        "max_pages": "max_pages",
        "max_memory_mb": "max_memory_mb",
        "lease_seconds": "lease_s",
        "review_threshold": "review_threshold",
        "max_mb": "max_upload_bytes",
        "uploads_per_minute": "uploads_per_minute",
        "upload_burst": "upload_burst",
        "requests_per_minute": "requests_per_minute",
        "webhook_backoff": "webhook_backoff_s",
    }
    for arg_name, field in optional.items():
        value = getattr(args, arg_name, None)
        if value is None:
            continue
        if arg_name == "max_mb":
            value = int(value * 1024 * 1024)
        values[field] = value
    if getattr(args, "no_ocr", False):
        values["ocr"] = False
    return ServiceSettings(**values)
