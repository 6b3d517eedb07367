"""`audit-extractor models`: list model versions, retrain behind the gate, promote or roll back.

`models retrain` trains a candidate set from the train split and reviewers' corrections (the
same training as `audit-extractor train`) into `models/versions/<id>/`, scores it against the
current set with the gate, and promotes it only if the gate passes. Workers load models when
they start: restart `serve`/`worker` after a promotion.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR
from extractor.pipeline import DEFAULT_MODELS_DIR

EXIT_REJECTED = 3


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS_DIR, help="models directory")
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="list model versions; * marks the current one")
    retrain = actions.add_parser(
        "retrain", help="train a candidate from gold data + corrections; promote it if it passes"
    )
    retrain.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES_DIR)
    retrain.add_argument("--seed", type=int, default=0)
    retrain.add_argument(
        "--force", action="store_true", help="promote even if the gate fails (recorded as such)"
    )
    promote = actions.add_parser("promote", help="make an earlier version current (roll back)")
    promote.add_argument("version")
    promote.add_argument("--force", action="store_true", help="promote a rejected version")


def run(args: argparse.Namespace) -> int:
    from pipelines.training.registry import RegistryError

    try:
        if args.action == "list":
            return _list(args.models)
        if args.action == "promote":
            return _promote(args.models, args.version, args.force)
        return retrain(args.models, args.samples, seed=args.seed, force=args.force)
    except RegistryError as exc:
        print(f"audit-extractor models: {exc}", file=sys.stderr)
        return 1


def _list(models_dir: Path) -> int:
    from pipelines.training.registry import ensure_current_registered, load_registry

    ensure_current_registered(models_dir)
    registry = load_registry(models_dir)
    for version in registry.versions:
        mark = "*" if version.id == registry.current else " "
        gate = ""
        if version.gate is not None:
            gate = "gate passed" if version.gate.get("passed") else "gate failed"
        print(
            f"{mark} {version.id}\t{version.status}\t{version.created_at:%Y-%m-%d %H:%M}\t"
            f"{version.ner_model or '-'}\t{version.classifier_model or '-'}\t{gate}"
        )
    return 0


def _promote(models_dir: Path, version_id: str, force: bool) -> int:
    from pipelines.training.registry import ensure_current_registered, promote

    ensure_current_registered(models_dir)
    version = promote(models_dir, version_id, allow_rejected=force)
    print(f"current models: {version.id} (restart serve/worker processes to load them)")
    return 0


def retrain(models_dir: Path, samples_dir: Path, *, seed: int = 0, force: bool = False) -> int:
    """Train a candidate, gate it against the current models, promote it if it passes."""
    from pipelines.training import train
    from pipelines.training.gate import format_gate, run_gate
    from pipelines.training.registry import (
        VERSIONS_DIR,
        ensure_current_registered,
        new_version_id,
        promote,
        record_gate,
        register_candidate,
        version_dir,
    )

    started = time.perf_counter()
    current = ensure_current_registered(models_dir)
    staging = models_dir / VERSIONS_DIR / f".training-{int(time.time())}"
    code = train.run(
        argparse.Namespace(
            samples=samples_dir,
            realistic=train.DEFAULT_REALISTIC_DIR,
            out=staging,
            seed=seed,
            only=None,
        )
    )
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return code
    corpus = json.loads((staging / "training_report.json").read_text()).get("corpus_sha256")
    version_id = new_version_id(corpus)
    staging.rename(version_dir(models_dir, version_id))
    candidate = register_candidate(models_dir, version_id, seed=seed)
    print(f"candidate {candidate.id}: {candidate.ner_model}, {candidate.classifier_model}")
    if current is None:
        result = None
        passed = True
        print("no current models: the candidate is promoted without a gate")
    else:
        result = run_gate(version_dir(models_dir, version_id), models_dir, samples_dir)
        passed = result.passed
        record_gate(models_dir, version_id, result.model_dump(mode="json"), passed=passed)
        print(format_gate(result))
    minutes = (time.perf_counter() - started) / 60
    if passed or force:
        promote(models_dir, version_id, allow_rejected=force)
        forced = " (forced past the gate)" if force and not passed else ""
        print(
            f"promoted {version_id}{forced} in {minutes:.1f} min; restart serve/worker to load it"
        )
        return 0
    kept = current.id if current else "-"
    print(f"kept {kept}; candidate {version_id} rejected ({minutes:.1f} min)")
    return EXIT_REJECTED
