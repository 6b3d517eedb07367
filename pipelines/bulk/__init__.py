"""The Ray bulk import: a light driver, a ledger actor holding the run state, extraction actors
that list, read and write on any node, durable parts and a journal that resume exactly."""

from pipelines.bulk.run import Summary, configure_parser, run, run_bulk

__all__ = ["Summary", "configure_parser", "run", "run_bulk"]
