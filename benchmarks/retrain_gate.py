"""Retrain behind the gate, end to end, on a copy of the repository's data and models.

Simulates reviewers at work: new reports of the training layouts (rendered by the corpus
generator with document numbers the committed corpus does not use, so neither split holds them)
are accepted as corrections through `corrections.file_correction`, the review app's path, with
their gold records as the reviewers' answers. Then `audit-extractor models retrain` trains a
candidate from the train split plus those corrections (one in five held back for validation),
scores it against the current models on the test split and the held-back corrections, and
promotes it only if no headline metric drops by more than 0.01. The repository's own `models/`
and `labelled_samples/` are never touched.

    .venv/bin/python benchmarks/retrain_gate.py [--work build/retrain_gate] [--per-layout 2]

Writes `benchmarks/results/retrain-gate-<time>.json` and prints the gate's table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractor.evaluation.gold import DEFAULT_SAMPLES_DIR  # noqa: E402
from extractor.pipeline import DEFAULT_MODELS_DIR  # noqa: E402
from pipelines.review.corrections import file_correction  # noqa: E402
from pipelines.training.cli_models import retrain  # noqa: E402
from pipelines.training.registry import load_registry  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"
FIRST_NEW_ORDINAL = 7  # the committed corpus numbers its documents 01-06


def new_reports(per_layout: int) -> list[tuple[str, bytes, object]]:
    """Reports of the training layouts that no split holds: (doc id, PDF bytes, gold record)."""
    from pipelines.corpus.compose import compose
    from pipelines.corpus.gold import gold_record
    from pipelines.corpus.layouts import LAYOUT_NAMES, load_layouts
    from pipelines.corpus.plan import seed_of

    layouts = load_layouts()
    made = []
    for name in LAYOUT_NAMES:
        layout = layouts[name]
        if layout.profile.held_out:
            continue
        for n in range(FIRST_NEW_ORDINAL, FIRST_NEW_ORDINAL + per_layout):
            doc_id = f"{name}-{n:02d}"
            spec = compose(doc_id, layout.profile, seed_of(doc_id))
            pdf, log = layout.render(spec)
            record = gold_record(spec, pdf, log, filename=f"{doc_id}.pdf", scanned=False)
            made.append((doc_id, pdf, record))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=REPO / "build" / "retrain_gate")
    parser.add_argument("--per-layout", type=int, default=2, help="new reports per train layout")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.work.exists():
        shutil.rmtree(args.work)
    samples, models = args.work / "samples", args.work / "models"
    for split in ("train", "test"):
        shutil.copytree(DEFAULT_SAMPLES_DIR / split, samples / split)
    shutil.copytree(DEFAULT_MODELS_DIR, models, ignore=shutil.ignore_patterns("versions"))
    (models / "registry.json").unlink(missing_ok=True)

    reports = new_reports(args.per_layout)
    filed = []
    for doc_id, pdf, record in reports:
        outcome = file_correction(record, pdf, samples, reviewer="simulated-reviewer")
        filed.append({"doc_id": doc_id, "note": outcome.note})
    print(f"{len(filed)} corrections accepted through the review path", flush=True)

    retrain_started = time.perf_counter()
    code = retrain(models, samples, seed=args.seed)
    retrain_seconds = time.perf_counter() - retrain_started

    registry = load_registry(models)
    candidate = registry.versions[-1]
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"retrain-gate-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "command": "benchmarks/retrain_gate.py " + " ".join(argv or sys.argv[1:]),
                "corrections": filed,
                "exit_code": code,
                "promoted": registry.current == candidate.id,
                "candidate": candidate.model_dump(mode="json"),
                "retrain_seconds": round(retrain_seconds, 1),
                "total_seconds": round(time.perf_counter() - started, 1),
            },
            indent=1,
        )
        + "\n"
    )
    print(f"results: {out}")
    return 0 if code in (0, 3) else code


if __name__ == "__main__":
    raise SystemExit(main())
