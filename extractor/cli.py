"""The `audit-extractor` command line: extract, schema, train, evaluate, bulk.

Subcommands that live in `pipelines/` or `extractor/evaluation/` register their own arguments
through `configure_parser(parser)` and run through `run(args) -> int`; they are imported lazily
so `extract` stays quick to start.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from pathlib import Path

from extractor import __version__

EXIT_OK = 0
EXIT_BAD_INPUT = 2

# Subcommand -> module providing configure_parser(parser) and run(args).
DELEGATED = {
    "train": (
        "pipelines.training.train",
        "Train the NER pipeline and ILO classifier from labelled_samples/.",
    ),
    "evaluate": ("extractor.evaluation.evaluate", "Print P/R/F1 on held-out labelled samples."),
    "bulk": ("pipelines.bulk.run", "Import a folder of reports with Ray (resumable)."),
    "review": (
        "pipelines.review.labelling",
        "Labelling loop: export findings for review, import corrections.",
    ),
    "serve": ("pipelines.service.serve", "Run the member upload API and its job workers."),
    "worker": ("pipelines.service.cli_worker", "Run upload-service job workers (same database)."),
    "members": ("pipelines.service.cli_members", "Add, list and revoke API members and keys."),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="audit-extractor",
        description="Turn PDF social-compliance audit reports into validated, ILO-mapped records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="Extract one report to an AuditRecord (JSON).")
    extract.add_argument("report", type=Path, help="the audit report PDF")
    extract.add_argument("-o", "--output", type=Path, help="write JSON here instead of stdout")
    extract.add_argument("--models", type=Path, default=None, help="models directory")
    extract.add_argument("--no-ocr", action="store_true", help="do not OCR image-only pages")
    extract.add_argument("--max-pages", type=int, default=500, help="refuse longer reports")
    extract.add_argument("--max-mb", type=float, default=200.0, help="refuse larger files (MB)")

    schema = sub.add_parser("schema", help="Print the JSON Schema of the records.")
    schema.add_argument("-o", "--output", type=Path, help="write the schema here")

    for name, (module_name, help_text) in DELEGATED.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        sub_parser.set_defaults(_module=module_name)
        try:
            importlib.import_module(module_name).configure_parser(sub_parser)
        except ModuleNotFoundError as exc:
            sub_parser.set_defaults(_unavailable=str(exc))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "extract":
        return run_extract(args)
    if args.command == "schema":
        return run_schema(args)
    if getattr(args, "_unavailable", None):
        print(
            f"audit-extractor {args.command}: not available ({args._unavailable})", file=sys.stderr
        )
        return 1
    return int(importlib.import_module(args._module).run(args))


def run_extract(args: argparse.Namespace) -> int:
    from extractor.pipeline import DEFAULT_MODELS_DIR, Extractor
    from extractor.record.schema import ErrorRecord

    extractor = Extractor.load(
        args.models or DEFAULT_MODELS_DIR,
        ocr=not args.no_ocr,
        max_pages=args.max_pages,
        max_bytes=int(args.max_mb * 1024 * 1024),
    )
    record = extractor.extract_or_error(args.report)
    write_json(record.model_dump(mode="json"), args.output)
    if isinstance(record, ErrorRecord):
        print(
            f"error {record.error.code} ({record.error.reason}): {record.error.message}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from extractor.record.schema import json_schema

    write_json(json_schema(), args.output)
    return EXIT_OK


def write_json(payload: dict, output: Path | None) -> None:
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
