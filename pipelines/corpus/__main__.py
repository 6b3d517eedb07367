"""`python -m pipelines.corpus --out labelled_samples`: regenerate the whole labelled corpus.

`python -m pipelines.corpus realistic ...` generates the realistic corpus instead (see
`pipelines/corpus/realistic/cli.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .generate import generate_document, write_document
from .layouts import load_layouts
from .plan import corpus_plan


def _one(doc_id: str, out: str) -> dict:
    generated = generate_document(doc_id)
    write_document(generated, Path(out))
    doc = generated.doc
    return {
        "doc_id": doc.doc_id,
        "split": doc.split,
        "layout": doc.layout,
        "standard": generated.record.audit.standard,
        "scanned": doc.scanned,
        "pages": generated.record.source.page_count,
        "n_findings": len(generated.record.findings),
        "sha256": generated.record.report_id,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["realistic"]:
        from .realistic.cli import main as realistic_main

        return realistic_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m pipelines.corpus", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("labelled_samples"))
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--only", nargs="*", help="generate only these doc ids (no manifest)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    plan = corpus_plan()
    ids = args.only or [doc.doc_id for doc in plan]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(_one, ids, [str(args.out)] * len(ids)))
    if not args.only:
        _remove_stale(args.out, {row["doc_id"] for row in rows})
        _write_manifest(args.out, rows)
    elapsed = time.perf_counter() - started
    print(f"wrote {len(rows)} documents to {args.out} in {elapsed:.1f} s", file=sys.stderr)
    return 0


def _remove_stale(out: Path, keep: set[str]) -> None:
    """Delete generated files of documents no longer in the plan (a renamed layout, say)."""
    for split in ("train", "test"):
        for path in sorted((out / split).glob("*")):
            if path.suffix in (".pdf", ".json") and path.stem not in keep:
                path.unlink()


def _write_manifest(out: Path, rows: list[dict]) -> None:
    layouts = load_layouts()
    manifest = {
        "generator": "pipelines.corpus",
        "synthetic": True,
        "split_policy": "by layout: every document of a held-out layout is in test",
        "held_out_layouts": sorted(n for n, layout in layouts.items() if layout.profile.held_out),
        "layouts": {
            name: {
                "standard": layout.profile.standard,
                "family": layout.profile.family,
                "split": "test" if layout.profile.held_out else "train",
            }
            for name, layout in layouts.items()
        },
        "documents": sorted(rows, key=lambda r: (r["split"], r["doc_id"])),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
