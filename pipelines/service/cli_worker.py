"""`audit-extractor worker`: run job workers against a service's database and file store.

For workers on machines other than the one running `serve` (give the same `--database-url` and
a `--store` on a shared file system), or for `serve --workers 0` deployments.
"""

from __future__ import annotations

import argparse

from pipelines.service.cli_options import add_job_options, add_store_options, settings_from_args


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    add_job_options(parser)
    parser.add_argument(
        "--processes", type=int, default=1, help="worker processes to run on this machine"
    )


def run(args: argparse.Namespace) -> int:
    from pipelines.service.database import upgrade_database
    from pipelines.service.supervisor import WorkerPool
    from pipelines.service.worker import worker_main

    settings = settings_from_args(args)
    if args.processes <= 1:
        worker_main(settings.model_dump_json())
        return 0
    upgrade_database(settings.database_url)
    pool = WorkerPool(settings, args.processes)
    pool.start()
    try:
        pool.supervise_until_signalled()
    finally:
        pool.stop()
    return 0
