"""`audit-extractor serve`: the HTTP API (uvicorn), the reviewers' `/review` app, and workers.

Applies database migrations, starts `--workers N` worker processes (0 when workers run
elsewhere), then serves the API until SIGINT/SIGTERM, and stops the workers after it.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from pipelines.service.cli_options import add_job_options, add_store_options, settings_from_args

log = logging.getLogger(__name__)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="extraction worker processes to start here (0: workers run elsewhere)",
    )
    add_store_options(parser)
    add_job_options(parser)
    parser.add_argument("--max-mb", type=float, default=50.0, help="largest upload accepted (MB)")
    parser.add_argument(
        "--uploads-per-minute", type=float, default=60.0, help="per-key upload rate"
    )
    parser.add_argument("--upload-burst", type=int, default=30, help="uploads allowed at once")
    parser.add_argument(
        "--requests-per-minute", type=float, default=1200.0, help="per-key rate of other calls"
    )
    parser.add_argument(
        "--webhook-backoff",
        type=float,
        default=5.0,
        help="seconds before the first webhook retry; doubles on each failure",
    )
    parser.add_argument(
        "--no-migrate", action="store_true", help="do not apply database migrations at start"
    )
    parser.add_argument("--log-level", default="info", help="uvicorn log level")
    parser.add_argument(
        "--samples",
        type=Path,
        default=None,
        help="gold data folder that reviewers' accepted reports are filed into "
        "(corrections/; default: the repository's labelled_samples/)",
    )


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from pipelines.review.web import install_review_app
    from pipelines.service.app import create_app
    from pipelines.service.database import upgrade_database
    from pipelines.service.supervisor import WorkerPool

    settings = settings_from_args(args)
    if not args.no_migrate:
        upgrade_database(settings.database_url)
    pool = WorkerPool(settings, args.workers)
    if args.workers > 0:
        pool.start()
        pool.supervise_in_background()
    try:
        app = install_review_app(create_app(settings, migrate=False))
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    finally:
        pool.stop()
    return 0
