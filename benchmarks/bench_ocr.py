"""OCR settings compared on every scanned sample report, in one run: speed and words read.

    python benchmarks/bench_ocr.py [--limit N]

For each image-only page of `labelled_samples/*/*-scan.pdf` and `tests/golden/*scan*.pdf` it
runs, one page at a time and one tesseract at a time:
  plumber+2   pdfplumber's RGB render at 300 dpi (how the reader rendered before), then rule
              erasing, `--psm 3` and the sparse `--psm 11` pass over unread ink;
  budget+2    pdfium greyscale render at 300 dpi within the pixel budget, both passes (the
              reader's default; the second pass reads only the region of the unread ink);
  budget+1    the same with one tesseract pass;
  200dpi+1    one pass at 200 dpi (the scans' own resolution).
It reports CPU seconds per page (this process and tesseract) and word recall: the share of the
words of the report's gold record (metadata and findings) that the OCR text contains, counted
with multiplicity. Results go to stdout and benchmarks/results/ocr-<timestamp>.json + ocr.md.
Timings on a shared machine are noisy; the settings run interleaved so they share the noise.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import resource
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from PIL import Image

from extractor.reading.ocr import read_image, render_page
from extractor.record.schema import AuditRecord

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
WORD = re.compile(r"[a-z0-9]+")

Render = Callable[[Path, int], tuple[Image.Image, float]]


def render_pdfplumber_300(path: Path, index: int) -> tuple[Image.Image, float]:
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index]
        image = page.to_image(resolution=300, antialias=True).original.convert("L")
        return image, float(page.width) / image.width


def render_budget(dpi: int) -> Render:
    def render(path: Path, index: int) -> tuple[Image.Image, float]:
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[index]
            try:
                return render_page(page, dpi=dpi)
            finally:
                page.close()
        finally:
            pdf.close()

    return render


SETTINGS: dict[str, tuple[Render, bool]] = {
    "plumber+2": (render_pdfplumber_300, True),
    "budget+2": (render_budget(300), True),
    "budget+1": (render_budget(300), False),
    "200dpi+1": (render_budget(200), False),
}


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def gold_words(path: Path) -> collections.Counter[str]:
    record = AuditRecord.model_validate_json(path.with_suffix(".json").read_text())
    texts = [str(v) for v in record.audit.model_dump().values() if isinstance(v, str)]
    for finding in record.findings:
        texts += [
            finding.title or "",
            finding.description,
            finding.evidence or "",
            finding.corrective_action or "",
            finding.clause or "",
            finding.severity_raw or "",
        ]
    return collections.Counter(WORD.findall(" ".join(texts).lower()))


def recall(gold: collections.Counter[str], text: str) -> tuple[int, int]:
    read = collections.Counter(WORD.findall(text.lower()))
    return sum(min(n, read[w]) for w, n in gold.items()), sum(gold.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N reports")
    args = parser.parse_args(argv)
    files = sorted(REPO.glob("labelled_samples/*/*-scan.pdf")) + sorted(
        (REPO / "tests" / "golden").glob("*scan*.pdf")
    )
    # The golden scan is a copy of a sample report: read each distinct file once.
    files = list({path.read_bytes(): path for path in reversed(files)}.values())[::-1]
    files = files[: args.limit]
    totals = {name: {"seconds": 0.0, "pages": 0, "hit": 0, "words": 0} for name in SETTINGS}
    per_file = []
    for path in files:
        pdf = pdfium.PdfDocument(path)
        pages = len(pdf)
        pdf.close()
        gold = gold_words(path) if path.with_suffix(".json").exists() else None
        row: dict = {"file": str(path.relative_to(REPO)), "pages": pages}
        for name, (render, second_pass) in SETTINGS.items():
            started = cpu_seconds()
            text = []
            for index in range(pages):
                image, points_per_pixel = render(path, index)
                lines = read_image(
                    image, index + 1, points_per_pixel=points_per_pixel, second_pass=second_pass
                )
                text += [line.text for line in lines]
            seconds = cpu_seconds() - started
            total = totals[name]
            total["seconds"] += seconds
            total["pages"] += pages
            row[name] = {"cpu_seconds": round(seconds, 2)}
            if gold is not None:
                hit, words = recall(gold, "\n".join(text))
                total["hit"] += hit
                total["words"] += words
                row[name]["word_recall"] = round(hit / words, 4)
        per_file.append(row)
        print(json.dumps(row))
    date = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    lines = [
        f"OCR benchmark {date}: {len(files)} scanned reports, "
        f"{totals['plumber+2']['pages']} pages (CPU seconds include tesseract)",
        "",
        "| setting | CPU s/page | word recall vs gold | speed vs plumber+2 |",
        "|---|---:|---:|---:|",
    ]
    base = totals["plumber+2"]["seconds"] / max(totals["plumber+2"]["pages"], 1)
    for name, total in totals.items():
        per_page = total["seconds"] / max(total["pages"], 1)
        rate = total["hit"] / total["words"] if total["words"] else float("nan")
        lines.append(f"| {name} | {per_page:.2f} | {rate:.4f} | {base / per_page:.2f}x |")
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = date.replace(":", "").replace("-", "")[:15]
    report = {"date": date, "totals": totals, "files": per_file}
    (RESULTS / f"ocr-{stamp}.json").write_text(json.dumps(report, indent=1) + "\n")
    (RESULTS / "ocr.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
