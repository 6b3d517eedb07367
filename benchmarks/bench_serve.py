"""Upload rate and upload-to-record latency of the member service, with baselines in one run.

    python benchmarks/bench_serve.py [--workers 1 2] [--uploads 100] [--burst-10 6] [--burst-40 4]

Against a real `audit-extractor serve` on 127.0.0.1 (SQLite, fresh folder per run) it measures:
  healthz   GET /healthz round trips/s: the HTTP floor of this machine (baseline for uploads);
  uploads   accepted uploads/s: `--uploads` distinct small PDFs posted by 4 clients at once to a
            server with no workers (the web process and database alone);
  direct    seconds to extract one 10-page and one 40-page report in this process with the
            models already loaded (baseline for latency: the extraction itself);
  latency   for each of 1 and 2 workers, a burst of distinct 10-page (then 40-page) reports
            uploaded at once; p50/p95 of the server's finished_at - created_at per report,
            which includes waiting in the queue behind the rest of the burst;
  single    with 1 worker, `--single` reports uploaded one after the other, each once the
            previous one finished: what one member uploading one report waits.
Reports are built from the labelled text samples with pypdfium2's import_pages. Results go to
stdout and to benchmarks/results/serve-<timestamp>.json and serve-latest.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipelines.service.local import LocalService  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"
UPLOAD_CLIENTS = 4


def text_samples() -> list[Path]:
    manifest = json.loads((REPO / "labelled_samples" / "manifest.json").read_text())
    return sorted(
        REPO / "labelled_samples" / d["split"] / f"{d['doc_id']}.pdf"
        for d in manifest["documents"]
        if not d["scanned"]
    )


def build_report(samples: list[Path], pages: int, variant: int) -> bytes:
    """A `pages`-page report from consecutive samples, different bytes for each `variant`."""
    out = pdfium.PdfDocument.new()
    i = variant * 7
    while len(out) < pages:
        source = pdfium.PdfDocument(samples[i % len(samples)])
        take = min(len(source), pages - len(out))
        out.import_pages(source, list(range(take)))
        i += 1
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


def bench_healthz(local: LocalService, count: int = 300) -> dict:
    with httpx.Client(base_url=local.url) as http:
        start = time.perf_counter()
        for _ in range(count):
            http.get("/healthz").raise_for_status()
        seconds = time.perf_counter() - start
    return {"requests": count, "seconds": seconds, "per_s": count / seconds}


def bench_uploads(local: LocalService, key: str, samples: list[Path], count: int) -> dict:
    payloads = [
        samples[n % len(samples)].read_bytes() + f"\n%bench {n}\n".encode() for n in range(count)
    ]

    def post(data: bytes) -> int:
        with httpx.Client(base_url=local.url, timeout=60) as http:
            return http.post(
                "/v1/reports",
                headers={"X-Api-Key": key},
                files={"file": ("r.pdf", data, "application/pdf")},
            ).status_code

    start = time.perf_counter()
    with ThreadPoolExecutor(UPLOAD_CLIENTS) as pool:
        statuses = list(pool.map(post, payloads))
    seconds = time.perf_counter() - start
    assert statuses == [202] * count, statuses
    mean_kb = sum(map(len, payloads)) / count / 1024
    return {"uploads": count, "seconds": seconds, "per_s": count / seconds, "mean_kb": mean_kb}


def bench_direct(reports: dict[int, bytes], tmp: Path) -> dict:
    from extractor.pipeline import Extractor

    extractor = Extractor.load()
    extractor.extract_or_error(REPO / "labelled_samples" / "train" / "bsci_table-01.pdf")  # warm
    out = {}
    for pages, data in reports.items():
        path = tmp / f"direct-{pages}.pdf"
        path.write_bytes(data)
        start = time.perf_counter()
        record = extractor.extract_or_error(path)
        out[pages] = {"seconds": time.perf_counter() - start, "kind": type(record).__name__}
    return out


def bench_single(local: LocalService, key: str, reports: list[bytes]) -> dict:
    rows = [bench_latency(local, key, [data]) for data in reports]
    seconds = [row["p50_s"] for row in rows]
    return {
        "reports": len(seconds),
        "p50_s": percentile(seconds, 50),
        "p95_s": percentile(seconds, 95),
        "max_s": max(seconds),
    }


def bench_latency(local: LocalService, key: str, reports: list[bytes]) -> dict:
    with httpx.Client(base_url=local.url, timeout=120) as http:
        ids = []
        for n, data in enumerate(reports):
            response = http.post(
                "/v1/reports",
                headers={"X-Api-Key": key},
                files={"file": (f"r{n}.pdf", data, "application/pdf")},
            )
            assert response.status_code == 202, response.text
            ids.append(response.json()["id"])
        finished: dict[str, dict] = {}
        deadline = time.monotonic() + 3600
        while len(finished) < len(ids) and time.monotonic() < deadline:
            for report_id in ids:
                if report_id in finished:
                    continue
                body = http.get(f"/v1/reports/{report_id}", headers={"X-Api-Key": key}).json()
                if body["status"] in ("done", "error"):
                    finished[report_id] = body
            time.sleep(0.2)
    seconds = []
    for body in finished.values():
        assert body["status"] == "done", body.get("error_code")
        created = dt.datetime.fromisoformat(body["created_at"])
        done = dt.datetime.fromisoformat(body["finished_at"])
        seconds.append((done - created).total_seconds())
    return {
        "reports": len(seconds),
        "p50_s": percentile(seconds, 50),
        "p95_s": percentile(seconds, 95),
        "max_s": max(seconds),
    }


def start_service(folder: Path, workers: int) -> tuple[LocalService, str]:
    local = LocalService(
        folder,
        workers=workers,
        extra_args=(
            "--upload-burst",
            "100000",
            "--uploads-per-minute",
            "100000",
            "--timeout",
            "600",
        ),
    )
    key = local.add_member("bench")
    local.start()
    return local, key


def wait_workers_ready(local: LocalService, workers: int, timeout_s: float = 180) -> None:
    """Models load in the background after start; latency is measured from warm workers."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if local.log_path.read_text(errors="replace").count(" ready") >= workers:
            return
        time.sleep(0.3)
    raise RuntimeError("workers did not become ready")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--uploads", type=int, default=100)
    parser.add_argument("--burst-10", type=int, default=6, help="10-page reports per burst")
    parser.add_argument("--burst-40", type=int, default=4, help="40-page reports per burst")
    parser.add_argument("--single", type=int, default=3, help="reports uploaded one at a time")
    args = parser.parse_args(argv)

    samples = text_samples()
    results: dict = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_at_start": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp_name:
        tmp = Path(tmp_name)
        local, key = start_service(tmp / "uploads", workers=0)
        try:
            results["healthz"] = bench_healthz(local)
            results["uploads"] = bench_uploads(local, key, samples, args.uploads)
        finally:
            local.stop()
        print("healthz", results["healthz"], "\nuploads", results["uploads"], flush=True)

        results["direct"] = bench_direct(
            {10: build_report(samples, 10, 99), 40: build_report(samples, 40, 99)}, tmp
        )
        print("direct", results["direct"], flush=True)

        results["latency"] = {}
        results["single"] = {}
        for workers in args.workers:
            local, key = start_service(tmp / f"latency-{workers}", workers=workers)
            try:
                wait_workers_ready(local, workers)
                for pages, burst in ((10, args.burst_10), (40, args.burst_40)):
                    reports = [build_report(samples, pages, v) for v in range(burst)]
                    row = bench_latency(local, key, reports)
                    results["latency"][f"{pages}p/{workers}w"] = row
                    print(f"latency {pages} pages, {workers} worker(s):", row, flush=True)
                    if workers == 1 and args.single:
                        variants = range(100, 100 + args.single)
                        row = bench_single(
                            local, key, [build_report(samples, pages, v) for v in variants]
                        )
                        results["single"][f"{pages}p"] = row
                        print(f"single {pages} pages:", row, flush=True)
            finally:
                local.stop()
    results["load_average_at_end"] = os.getloadavg()

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    (RESULTS / f"serve-{stamp}.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "serve-latest.md").write_text(markdown(results, args))
    print(markdown(results, args))
    return 0


def markdown(results: dict, args: argparse.Namespace) -> str:
    up, hz, direct = results["uploads"], results["healthz"], results["direct"]
    lines = [
        f"# Upload service benchmark, {results['when']}",
        "",
        f"`python benchmarks/bench_serve.py` on {results['machine']['cpus']} CPUs, load average "
        f"{results['load_average_at_start'][0]:.1f} at start "
        f"({results['load_average_at_end'][0]:.1f} at end).",
        "",
        "| what | result | baseline in the same run |",
        "|---|---:|---|",
        f"| accepted uploads/s ({up['uploads']} x {up['mean_kb']:.0f} KB, {UPLOAD_CLIENTS} "
        f"clients, no workers) | {up['per_s']:.1f} | GET /healthz {hz['per_s']:.0f}/s |",
        "",
        "| report | workers | uploaded | p50 s | p95 s | direct extraction s |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, row in results["single"].items():
        pages_n = int(name.rstrip("p"))
        lines.append(
            f"| {pages_n} pages | 1 | {row['reports']} one at a time | "
            f"{row['p50_s']:.1f} | {row['p95_s']:.1f} | {direct[pages_n]['seconds']:.1f} |"
        )
    for name, row in results["latency"].items():
        pages, workers = name.split("/")
        pages_n = int(pages.rstrip("p"))
        lines.append(
            f"| {pages_n} pages | {workers.rstrip('w')} | {row['reports']} at once | "
            f"{row['p50_s']:.1f} | {row['p95_s']:.1f} | {direct[pages_n]['seconds']:.1f} |"
        )
    lines += [
        "",
        "Latency is the server's finished_at - created_at for each report of a burst uploaded at "
        "once, so it includes waiting behind the rest of the burst; direct extraction is one "
        "report in-process with the models loaded.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
