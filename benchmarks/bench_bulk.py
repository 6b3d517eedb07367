"""Throughput and memory of the bulk import, against raw pdfplumber text parsing, in one run.

    python benchmarks/bench_bulk.py [--input labelled_samples] [--workers 1 2] [--limit N]

For the same files it measures:
  baseline  raw `page.extract_text()` over every page with pdfplumber, one process;
  bulk/Nw   `audit-extractor bulk` with N Ray workers (full pipeline: reading, tables, OCR for
            scans, findings, NER, classifier, JSONL + Parquet output), in a fresh subprocess.
Pages/s, documents/s, peak memory (driver and per worker) and the ratio to the baseline go to
stdout and to benchmarks/results/bench-<timestamp>.json and latest.md. Scanned (OCR) and text
reports are also timed separately, because OCR dominates the cost of a scanned page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"


def baseline(files: list[Path]) -> dict:
    """Raw pdfplumber text extraction in a child process, so its peak memory is its own."""
    code = (
        "import json,sys,time,resource,pdfplumber\n"
        "files=sys.argv[1:]; pages=0; t=time.perf_counter()\n"
        "for f in files:\n"
        "    with pdfplumber.open(f) as pdf:\n"
        "        for page in pdf.pages:\n"
        "            page.extract_text(); pages+=1\n"
        "print(json.dumps({'pages':pages,'seconds':time.perf_counter()-t,"
        "'peak_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    result["documents"] = len(files)
    return result


def bulk(files: list[Path], workers: int) -> dict:
    """Run the real CLI on a folder holding `files`; read its summary from the manifest."""
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        in_dir, out_dir = Path(tmp) / "in", Path(tmp) / "out"
        in_dir.mkdir()
        for f in files:
            shutil.copy(f, in_dir / f.name)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "extractor.cli", "bulk", str(in_dir), "--out", str(out_dir),
             "--workers", str(workers)],
            capture_output=True, text=True, check=True, cwd=REPO,
        )  # fmt: skip
        wall = time.perf_counter() - started
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        summary = json.loads((out_dir / "manifest.json").read_text())["this_run"]
    return {
        "documents": summary["documents"],
        "pages": summary["pages"],
        "findings": summary["findings"],
        "errors": summary["errors_by_reason"],
        "seconds": summary["seconds"],
        "wall_seconds_incl_ray_start": round(wall, 2),
        "worker_peak_mb": round(summary["worker_peak_mb"], 1),
        "driver_peak_mb_upper_bound": round(children, 1),
        "last_line": proc.stderr.strip().splitlines()[-1],
    }


def rate(result: dict) -> float:
    return result["pages"] / result["seconds"] if result["seconds"] else 0.0


def page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, default=REPO / "labelled_samples")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    args = parser.parse_args(argv)

    files = sorted(args.input.rglob("*.pdf"))[: args.limit]
    groups = {
        "all": files,
        "text": [f for f in files if "scan" not in f.name],
        "scanned": [f for f in files if "scan" in f.name],
    }
    report: dict = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "input": str(args.input),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "runs": {},
    }
    rows = []
    for group, group_files in groups.items():
        if not group_files:
            continue
        base = baseline(group_files)
        report["runs"][f"{group}/baseline"] = base
        rows.append((group, "pdfplumber extract_text", base, 1.0))
        for workers in args.workers:
            result = bulk(group_files, workers)
            report["runs"][f"{group}/bulk-{workers}w"] = result
            rows.append((group, f"bulk, {workers} worker(s)", result, rate(result) / rate(base)))

    lines = [
        f"benchmark {report['date']}  {len(files)} files from {args.input}  "
        f"cpus={report['machine']['cpus']}",
        "",
        "| files | run | docs | pages | s | pages/s | docs/s | peak MB/worker | vs baseline |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for group, name, result, ratio in rows:
        peak = result.get("worker_peak_mb", result.get("peak_mb"))
        lines.append(
            f"| {group} | {name} | {result['documents']} | {result['pages']} | "
            f"{result['seconds']:.1f} | {rate(result):.2f} | "
            f"{result['documents'] / result['seconds']:.2f} | {peak:.0f} | {ratio:.3f} |"
        )
    lines += [
        "",
        "bulk seconds exclude Ray start-up (see wall_seconds_incl_ray_start in the JSON); "
        "peak MB/worker = Ray actor + its extraction process (VmHWM); baseline peak = ru_maxrss.",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = report["date"].replace(":", "").replace("-", "")[:15]
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(report, indent=1) + "\n")
    (RESULTS / "latest.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
