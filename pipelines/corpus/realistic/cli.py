"""`python -m pipelines.corpus realistic`: generate the realistic corpus (or its sample).

    python -m pipelines.corpus realistic --out build/corpus [--jobs N] [--only DOC_ID ...]
                                         [--if-stale] [--sample]

Writes `<out>/<split>/<doc_id>.pdf` + `.json`, `<out>/regions/<doc_id>.json`,
`<out>/manifest.json` and `<out>/stamp.json` (a hash of the generator's source, the phrase
banks and the record contract). `--if-stale` does nothing when the stamp still matches, so
`make train` can call it every time. `--sample` writes only the small committed sample.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .families import FAMILIES
from .generate import generate_realistic, write_realistic
from .plan import realistic_plan, sample_ids
from .variants import VARIANTS

ROOT = Path(__file__).resolve().parents[3]
# Everything a document's bytes or gold depend on.
STAMPED = (
    "pipelines/corpus",
    "extractor/record/schema.py",
    "extractor/data/ilo_taxonomy.json",
)


def source_hash() -> str:
    """sha256 over the generator's source, phrase banks and the record contract."""
    digest = hashlib.sha256()
    for entry in STAMPED:
        path = ROOT / entry
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    try:
        from reportlab import Version

        digest.update(Version.encode())
    except ImportError:  # pragma: no cover - reportlab is required to generate at all
        pass
    return digest.hexdigest()


def is_fresh(out: Path, stamp: str) -> bool:
    path = out / "stamp.json"
    if not path.exists() or not (out / "manifest.json").exists():
        return False
    return json.loads(path.read_text(encoding="utf-8")).get("source_sha256") == stamp


def _one(doc_id: str, out: str) -> dict[str, Any]:
    generated = generate_realistic(doc_id)
    write_realistic(generated, Path(out))
    return generated.manifest_row()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.corpus realistic", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=Path("build/corpus"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", nargs="*", help="generate only these doc ids (no manifest)")
    parser.add_argument("--if-stale", action="store_true", help="skip when the stamp matches")
    parser.add_argument("--sample", action="store_true", help="only the committed sample")
    args = parser.parse_args(argv)
    stamp = source_hash()
    if args.if_stale and not args.only and is_fresh(args.out, stamp):
        print(f"{args.out} is up to date (generator unchanged)", file=sys.stderr)
        return 0
    plan = realistic_plan()
    ids = args.only or (sample_ids() if args.sample else [d.doc_id for d in plan])
    started = time.perf_counter()
    rows = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for n, row in enumerate(pool.map(_one, ids, [str(args.out)] * len(ids)), start=1):
            rows.append(row)
            if n % 25 == 0 or n == len(ids):
                elapsed = time.perf_counter() - started
                print(f"  {n}/{len(ids)} documents, {elapsed:.0f} s", file=sys.stderr)
    if not args.only:
        _remove_stale(args.out, {row["doc_id"] for row in rows})
        _write_manifest(args.out, rows, stamp, sample=args.sample)
        (args.out / "stamp.json").write_text(
            json.dumps({"source_sha256": stamp}, indent=2) + "\n", encoding="utf-8"
        )
    elapsed = time.perf_counter() - started
    pages = sum(row["pages"] for row in rows)
    print(
        f"wrote {len(rows)} documents ({pages} pages) to {args.out} in {elapsed:.1f} s"
        f" with {args.jobs} jobs",
        file=sys.stderr,
    )
    return 0


def _remove_stale(out: Path, keep: set[str]) -> None:
    """Delete generated files of documents no longer in the plan (a renamed variant, say)."""
    for folder in ("train", "test", "regions"):
        for path in sorted((out / folder).glob("*")):
            if path.suffix in (".pdf", ".json") and path.stem not in keep:
                path.unlink()


def _write_manifest(out: Path, rows: list[dict[str, Any]], stamp: str, *, sample: bool) -> None:
    manifest = {
        "generator": "pipelines.corpus realistic",
        "synthetic": True,
        "sample": sample,
        "source_sha256": stamp,
        "split_policy": "by family: every document of a test family is in test",
        "test_families": sorted(n for n, f in FAMILIES.items() if f.split == "test"),
        "families": {
            name: {
                "standard": family.standard,
                "split": family.split,
                "summary": family.summary,
                "variants": {v.name: v.summary for v in VARIANTS[name]},
            }
            for name, family in FAMILIES.items()
        },
        "documents": sorted(rows, key=lambda r: (r["split"], r["doc_id"])),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
