"""Reading throughput, start-up and memory on long reports, against raw parsers in the same run.

    python benchmarks/bench_reader.py [--repeat N] [--skip-scans]

Builds a long-report set from the sample reports (pages of `labelled_samples` PDFs concatenated
with pypdfium2 into reports of 10-60 pages; text and scanned reports apart) in
benchmarks/long_reports/ (git-ignored, rebuilt when missing), then measures, each in a fresh
process on one core's worth of work (no parallelism):

  pdfplumber   raw `page.extract_text()` (the baseline the issue names);
  pypdfium2    raw text of each page (`get_text_range`), the floor of any pdfium reader;
  reader       `read_pdf` (text, fonts, ruling lines, tables, columns; OCR for scans);
  pipeline     `Extractor.load()` once, then `Extractor.extract` per report (findings, NER,
               classifier); its load time is reported as start-up, not in pages/s. Like the
               bulk actors and the uploads' extraction process, it freezes the loaded heap
               (`extractor.heap.freeze_heap`) before extracting;
  pipeline-warm  the same after one untimed pass over the reports, with the models loaded
               again and the text-keyed caches emptied: what a bulk worker runs at once it has
               done its first reports (the first pass pays lazy imports and first calls);
  start-up     a fresh interpreter importing the extractor and running `Extractor.load()`.

Imports are done before a run's clocks start. To measure another checkout the same way (say,
the code before a change), run this script with PYTHONPATH pointing at that checkout.

Pages/s per core = pages / CPU seconds of the process and its children (tesseract), so a busy
machine slows the wall clock more than this figure. Peak memory is the process's proportional
set size (PSS, /proc/<pid>/smaps_rollup) sampled every 50 ms by this (parent) process, and its
peak RSS (VmHWM). The sampling runs outside the measured process: one read of smaps_rollup costs
about 5 ms of CPU on a 370 MB process, and sampled from inside every 20 ms it was charged to the
pages/s it measured (about a quarter of a core). A scanned
report is also read with 1 and 2 OCR workers to show the single-upload latency. Results go to
stdout and to benchmarks/results/reader-<timestamp>.json and reader.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from pipelines.limits import pss_mb

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
LONG = REPO / "benchmarks" / "long_reports"
# Page counts of the long reports: the range the data teams see (10-60 pages).
PSS_INTERVAL_S = 0.05  # the child's PSS, read from this process
TEXT_LENGTHS = (10, 14, 20, 25, 30, 40, 50, 60)
SCAN_LENGTHS = (10, 12)


def build_long_reports() -> dict[str, list[Path]]:
    """Write the long-report set (once) and return its text and scanned reports."""
    import pypdfium2 as pdfium

    sources = sorted((REPO / "labelled_samples").glob("*/*.pdf"))
    groups = {
        "text": ([s for s in sources if "-scan" not in s.name], TEXT_LENGTHS),
        "scan": ([s for s in sources if "-scan" in s.name], SCAN_LENGTHS),
    }
    built: dict[str, list[Path]] = {}
    for kind, (files, lengths) in groups.items():
        built[kind] = []
        cursor = 0
        for number, length in enumerate(lengths, start=1):
            path = LONG / f"{kind}-{number:02d}-{length}p.pdf"
            built[kind].append(path)
            if path.exists():
                continue
            LONG.mkdir(parents=True, exist_ok=True)
            # Whole sample reports one after the other, as a long report reads: cover pages,
            # prose, tables, findings; the last one cut to the wanted length.
            out = pdfium.PdfDocument.new()
            while len(out) < length:
                source = pdfium.PdfDocument(files[cursor % len(files)])
                cursor += 1
                take = min(len(source), length - len(out))
                out.import_pages(source, list(range(take)))
                source.close()
            tmp = path.with_suffix(".tmp")
            out.save(tmp)
            out.close()
            tmp.replace(path)
    return built


CHILD = r"""
import json, os, resource, sys, time
mode, files = sys.argv[1], sys.argv[2:]

def pss_mb():
    try:
        with open("/proc/self/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0

peak = [0.0]  # PSS is sampled by the parent; only the final value is read here

def cpu():
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

from pathlib import Path
files = [Path(f) for f in files]
out = {"mode": mode}
pages = 0
# Imports happen before the clocks start: start-up is measured on its own.
if mode == "startup":
    start_wall, start_cpu = time.perf_counter(), cpu()
    from extractor.pipeline import Extractor
    Extractor.load()
elif mode == "pdfplumber":
    import pdfplumber
    start_wall, start_cpu = time.perf_counter(), cpu()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text(); pages += 1
elif mode == "pypdfium2":
    import pypdfium2 as pdfium
    start_wall, start_cpu = time.perf_counter(), cpu()
    for f in files:
        pdf = pdfium.PdfDocument(f)
        for i in range(len(pdf)):
            page = pdf[i]; textpage = page.get_textpage(); textpage.get_text_range()
            textpage.close(); page.close(); pages += 1
        pdf.close()
elif mode.startswith("reader"):
    from extractor.reading.pdf import read_pdf
    workers = int(mode.split("-")[1]) if "-" in mode else 1
    kwargs = {"ocr_workers": workers} if "ocr_workers" in read_pdf.__kwdefaults__ else {}
    start_wall, start_cpu = time.perf_counter(), cpu()
    pages = sum(read_pdf(f, **kwargs).page_count for f in files)
elif mode in ("pipeline", "pipeline-warm"):
    try:  # a checkout from before extractor.heap (PYTHONPATH) runs without it
        from extractor.heap import freeze_heap
    except ImportError:
        freeze_heap = lambda: 0
    start_wall = time.perf_counter()
    from extractor.pipeline import Extractor
    extractor = Extractor.load()
    # What the bulk actors and the uploads' extraction process do once the models are loaded.
    freeze_heap()
    out["load_seconds"] = time.perf_counter() - start_wall
    if mode == "pipeline-warm":
        # A worker some reports into an import: every lazy import, first call and compiled
        # pattern behind it. Then fresh models and no text-keyed caches (dates, clauses,
        # grades), since the same pages come again.
        for f in files:
            extractor.extract(f)
        for name, module in list(sys.modules.items()):
            if name.startswith("extractor."):
                for value in list(vars(module).values()):
                    maxsize = getattr(value, "cache_parameters", dict)().get("maxsize")
                    if maxsize is not None and maxsize > 1:
                        value.cache_clear()
        extractor = Extractor.load()
        freeze_heap()
    start_wall, start_cpu = time.perf_counter(), cpu()
    for f in files:
        record = extractor.extract(f)
        pages += record.source.page_count
out["wall_seconds"] = time.perf_counter() - start_wall
out["cpu_seconds"] = cpu() - start_cpu
out["pages"] = pages
peak[0] = max(peak[0], pss_mb())
out["peak_pss_mb"] = peak[0]
with open("/proc/self/status") as f:
    out["peak_rss_mb"] = next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM"))
print(json.dumps(out))
"""


def run_child(mode: str, files: list[Path], env: dict[str, str]) -> dict:
    # Not in the repository: `python -c` puts its working directory first on sys.path, which
    # would shadow a PYTHONPATH pointing at another checkout (to measure it the same way).
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, *(str(f.resolve()) for f in files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
    ) as child:
        peak = [0.0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(PSS_INTERVAL_S):
                peak[0] = max(peak[0], pss_mb(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stdout, stderr = child.communicate()
        stop.set()
        sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"{mode} failed: {stderr[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_pss_mb"] = max(result["peak_pss_mb"], peak[0])
    return result


def best(results: list[dict]) -> dict:
    """Return the repetition with the least CPU time (the one least disturbed)."""
    return min(results, key=lambda r: r["cpu_seconds"] or float("inf"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement (best kept)")
    parser.add_argument("--skip-scans", action="store_true", help="text reports only (fast)")
    parser.add_argument("--label", default="", help="name for this run in the results")
    args = parser.parse_args(argv)

    sets = build_long_reports()
    if args.skip_scans:
        sets["scan"] = []
    # One tesseract thread, one BLAS thread, one page OCR'd at a time (the reader's default is
    # two for a single upload): pages/s per core means one core's work.
    env = {
        **os.environ,
        "OMP_THREAD_LIMIT": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "AUDIT_EXTRACTOR_OCR_WORKERS": "1",
    }
    plan = [("startup", "-", [])]
    for kind in ("text", "scan"):
        if sets[kind]:
            plan += [(mode, kind, sets[kind]) for mode in ("pdfplumber", "pypdfium2")]
            plan += [(mode, kind, sets[kind]) for mode in ("reader", "pipeline")]
            if kind == "text":
                plan.append(("pipeline-warm", kind, sets[kind]))
    if sets["scan"]:
        plan += [(f"reader-{n}", "scan, one report", sets["scan"][:1]) for n in (1, 2)]
    runs: dict[str, dict] = {}
    load_start = os.getloadavg()
    for mode, kind, files in plan:
        repeats = [run_child(mode, files, env) for _ in range(args.repeat)]
        result = best(repeats)
        result["set"] = kind
        result["documents"] = len(files)
        runs[f"{kind}/{mode}"] = result
        print(json.dumps(result), flush=True)

    date = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    lines = [
        f"reader benchmark {date} {args.label}".rstrip(),
        f"long reports: {len(sets['text'])} text ({sum(TEXT_LENGTHS)} pages), "
        f"{len(sets['scan'])} scanned ({sum(SCAN_LENGTHS) if sets['scan'] else 0} pages); "
        f"cpus={os.cpu_count()}; best of {args.repeat}; load average (1 min) at start "
        f"{load_start[0]:.1f}, at end {os.getloadavg()[0]:.1f}",
        "",
        "| set | run | pages | CPU s | pages/s per core | wall pages/s | peak PSS MB | "
        "peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key, result in runs.items():
        kind, mode = key.split("/", 1)
        if mode == "startup":
            continue
        pages, cpu, wall = result["pages"], result["cpu_seconds"], result["wall_seconds"]
        lines.append(
            f"| {kind} | {mode} | {pages} | {cpu:.1f} | {pages / cpu:.1f} | {pages / wall:.1f} | "
            f"{result['peak_pss_mb']:.0f} | {result['peak_rss_mb']:.0f} |"
        )
    startup = runs["-/startup"]
    lines += [
        "",
        f"start-up (fresh interpreter, imports + Extractor.load): {startup['wall_seconds']:.2f} s "
        f"wall, {startup['cpu_seconds']:.2f} s CPU, peak PSS {startup['peak_pss_mb']:.0f} MB",
    ]
    for key in ("text/pipeline", "scan/pipeline"):
        if key in runs:
            lines.append(f"{key}: Extractor.load inside the run {runs[key]['load_seconds']:.2f} s")
    table = "\n".join(lines)
    print(table)
    report = {
        "date": date,
        "label": args.label,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average": {"start": load_start, "end": os.getloadavg()},
        "sets": {kind: [str(p.relative_to(REPO)) for p in paths] for kind, paths in sets.items()},
        "runs": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = date.replace(":", "").replace("-", "")[:15]
    suffix = f"-{args.label}" if args.label else ""
    (RESULTS / f"reader-{stamp}{suffix}.json").write_text(json.dumps(report, indent=1) + "\n")
    (RESULTS / f"reader{suffix}.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
