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
from extractor.heap import freeze_heap

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
    "models": (
        "pipelines.training.cli_models",
        "Model versions: retrain behind the gate, list, promote or roll back.",
    ),
    "reviewers": (
        "pipelines.review.cli_reviewers",
        "Add, list and disable reviewer accounts of the /review app.",
    ),
}


COMMANDS = frozenset({"extract", "schema", *DELEGATED})


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line parser; with `command`, only that delegated subcommand is configured.

    Configuring a delegated subcommand imports its module (training pulls in spaCy and
    scikit-learn): a run of one command should not pay for the others.
    """
    # The limits belong to the process isolation that `extract` runs in (pipelines/).
    from pipelines.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S

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
    extract.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help=f"stop a report after this many seconds (default {DEFAULT_TIMEOUT_S:.0f})",
    )
    extract.add_argument(
        "--max-memory-mb",
        type=int,
        default=DEFAULT_MAX_MEMORY_MB,
        help=f"stop a report that needs more memory (default {DEFAULT_MAX_MEMORY_MB})",
    )

    schema = sub.add_parser("schema", help="Print the JSON Schema of the records.")
    schema.add_argument("-o", "--output", type=Path, help="write the schema here")

    for name, (module_name, help_text) in DELEGATED.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        sub_parser.set_defaults(_module=module_name)
        if command is not None and name != command:
            continue
        try:
            importlib.import_module(module_name).configure_parser(sub_parser)
        except ModuleNotFoundError as exc:
            sub_parser.set_defaults(_unavailable=str(exc))
    return parser


def command_of(argv: list[str]) -> str | None:
    """The subcommand `argv` names (its first word that is not an option), if it is one."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Only the named subcommand is configured: configuring them all imported the training,
    # evaluation and service code (scikit-learn, spaCy, ...), 1.5-2 s before `bulk` started Ray.
    parser = build_parser(command_of(argv))
    args = parser.parse_args(report_after_double_dash(parser, argv))
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
    module = args._module
    if args.command == "evaluate" and getattr(args, "learning_curve", None):
        # The curve accepts corrections through the review code and retrains: orchestration.
        module = "pipelines.training.learning_curve"
    return int(importlib.import_module(module).run(args))


def report_after_double_dash(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """Let `extract` take a report whose name starts with `-` without the user writing `--`.

    argparse reads `-report.pdf` as options (`-o` with the value `report.pdf`, even). After
    `extract`, any word starting with `-` that is not one of its options, nor an option's value,
    is a file name: move such words behind `--`, where argparse takes them as positionals.
    """
    if "extract" not in argv or "--" in argv:
        return argv
    at = argv.index("extract")
    extract = _subparser(parser, "extract")
    takes_value = {
        option
        for action in extract._actions
        if action.nargs != 0
        for option in action.option_strings
    }
    known = {option for action in extract._actions for option in action.option_strings}
    kept, names = list(argv[: at + 1]), []
    words = iter(argv[at + 1 :])
    for word in words:
        option = word.split("=", 1)[0] if word.startswith("--") else word
        if word.startswith("-") and word != "-" and option not in known:
            names.append(word)
            continue
        kept.append(word)
        if word in takes_value:
            kept.append(next(words, ""))
    return [*kept, "--", *names] if names else argv


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise KeyError(name)


def run_extract(args: argparse.Namespace) -> int:
    from extractor.pipeline import DEFAULT_MODELS_DIR
    from extractor.record.schema import ErrorRecord
    from pipelines.isolation import ExtractorSettings, IsolatedExtractor

    settings = ExtractorSettings(
        models_dir=args.models or DEFAULT_MODELS_DIR,
        ocr=not args.no_ocr,
        max_pages=args.max_pages,
        max_bytes=int(args.max_mb * 1024 * 1024),
    )
    # The report is read in a child process that a hostile file cannot take down with us.
    with IsolatedExtractor(settings, args.timeout, max_memory_mb=args.max_memory_mb) as worker:
        record = worker.extract(args.report)
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


def entry() -> None:
    """The `audit-extractor` program: run the command, then exit without the interpreter's
    final collections over everything the command loaded (see `extractor.heap`)."""
    code = main()
    freeze_heap(collect=False)
    raise SystemExit(code)


if __name__ == "__main__":
    entry()
