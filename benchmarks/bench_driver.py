"""How the bulk driver's own cost grows with the number of inputs (10k, 100k small files).

    python benchmarks/bench_driver.py [--sizes 1000 10000 100000] [--workers 2]

For N simulated inputs (tiny files, each a clear E002 "not a PDF" error, so extraction costs
next to nothing and the run is all bookkeeping) it measures, in the same run:
  baseline  what the driver used to do before starting any worker: walk the folder and read
            and hash every file, in one process (CPU seconds, peak memory);
  bulk      `audit-extractor bulk` end to end, from its manifest: the driver's CPU seconds and
            peak memory (it lists and hashes nothing), the ledger actor's peak memory, wall time.
The driver must stay flat per file: its CPU per file and its memory must not grow with N.
Results go to stdout and benchmarks/results/driver-<timestamp>.json and driver-latest.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
FILES_PER_FOLDER = 1000

BASELINE = """
import hashlib, json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
paths = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and p.suffix == ".pdf")
inputs = [{"path": str(p), "filename": p.name,
           "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in paths]
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"files": len(inputs), "seconds": time.perf_counter() - started,
                  "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}))
"""


def make_inputs(folder: Path, count: int) -> None:
    """`count` tiny distinct files named *.pdf, in subfolders of FILES_PER_FOLDER."""
    for index in range(count):
        sub = folder / f"batch-{index // FILES_PER_FOLDER:04d}"
        if index % FILES_PER_FOLDER == 0:
            sub.mkdir(parents=True)
        (sub / f"report-{index:07d}.pdf").write_bytes(b"not a pdf, input %d\n" % index)


def baseline(folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", BASELINE, str(folder)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def bulk(folder: Path, out: Path, workers: int, chunk_size: int) -> dict:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "extractor.cli", "bulk", str(folder), "--out", str(out),
         "--workers", str(workers), "--chunk-size", str(chunk_size)],
        capture_output=True, text=True, check=True, cwd=REPO,
    )  # fmt: skip
    wall = time.perf_counter() - started
    manifest = json.loads((out / "manifest.json").read_text())
    run = manifest["this_run"]
    driver = manifest["cost"]["driver"]
    return {
        "documents": run["documents"],
        "errors": run["errors_by_reason"],
        "wall_s": round(wall, 2),
        "driver_cpu_s": driver["cpu_s"],
        "driver_peak_rss_mb": driver["peak_rss_mb"],
        "ledger_peak_rss_mb": manifest["cost"]["ledger_peak_rss_mb"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=64)
    args = parser.parse_args(argv)

    report: dict = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count()},
        "workers": args.workers,
        "chunk_size": args.chunk_size,
        "runs": {},
    }
    lines = [
        f"driver cost {report['date']}  cpus={os.cpu_count()}  workers={args.workers}  "
        f"chunk={args.chunk_size}",
        "",
        "| inputs | old driver: list+hash CPU s | old driver peak MB | bulk wall s | "
        "driver CPU s | driver CPU ms/file | driver peak MB | ledger peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-driver-") as tmp:
            folder = Path(tmp) / "in"
            make_inputs(folder, size)
            base = baseline(folder)
            result = bulk(folder, Path(tmp) / "out", args.workers, args.chunk_size)
            shutil.rmtree(folder)
        assert result["documents"] == size, result
        report["runs"][str(size)] = {"baseline": base, "bulk": result}
        lines.append(
            f"| {size} | {base['cpu_s']:.2f} | {base['peak_rss_mb']:.0f} | {result['wall_s']:.1f} "
            f"| {result['driver_cpu_s']:.2f} | {1000 * result['driver_cpu_s'] / size:.3f} "
            f"| {result['driver_peak_rss_mb']:.0f} | {result['ledger_peak_rss_mb']:.0f} |"
        )
        print(lines[-1], flush=True)
    lines += [
        "",
        "old driver = what `bulk` did on the driver before any worker started (walk, read and "
        "hash every file), timed alone; it then also built one Ray Data block per file. "
        "driver = the new driver process end to end (Ray start-up included), from the manifest.",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = report["date"].replace(":", "").replace("-", "")[:15]
    (RESULTS / f"driver-{stamp}.json").write_text(json.dumps(report, indent=1) + "\n")
    (RESULTS / "driver-latest.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
