"""Ray bulk import on real PDFs with a real local Ray: error rows, outputs, idempotence, inputs
that are not plain files, and a worker ended by the time limit resuming exactly once."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from processes import tesseracts_below

from extractor.pipeline import Extractor
from extractor.reading.ocr import ocr_available
from extractor.reading.pdf import read_pdf
from pipelines.bulk.run import configure_parser, run_bulk, worker_config

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "labelled_samples" / "train"
GOOD = ["bsci_table-01.pdf", "sa8000_table-02.pdf", "legacy_numbered-01.pdf"]
BAD = {"corrupt.pdf": "corrupt", "not_pdf.pdf": "not_pdf", "encrypted.pdf": "encrypted"}
# Entries that are not regular files inside the input: an error row each, never a silent skip.
NOT_FILES = {"folder.pdf", "leak.pdf"}
SECRET = b"TOP-SECRET-PAYROLL-LINE Alice 1234"


def bulk_args(input_dir: Path | str, out: Path | str, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    configure_parser(parser)
    return parser.parse_args([str(input_dir), "--out", str(out), "--workers", "1", *extra])


def read_records(out: Path) -> list[dict]:
    lines = []
    for part in sorted((out / "records").glob("part-*.jsonl")):
        lines += [json.loads(line) for line in part.read_text().splitlines() if line]
    return lines


def by_name(records: list[dict]) -> dict[str, dict]:
    return {r.get("filename") or r["source"]["filename"]: r for r in records}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for name in GOOD:
        shutil.copy(TRAIN / name, folder / name)
    for name in BAD:
        shutil.copy(REPO / "tests" / "pdfs" / name, folder / name)
    # The same bytes under another name, in a subfolder, with an upper-case suffix.
    (folder / "copies").mkdir()
    shutil.copy(TRAIN / GOOD[0], folder / "copies" / "SAME.PDF")
    # A folder named like a report, holding a report: an error row for it, and its content read.
    (folder / "folder.pdf").mkdir()
    shutil.copy(TRAIN / GOOD[1], folder / "folder.pdf" / "inner.pdf")
    # A link to a file outside the input (never read), and one to a report inside (a duplicate).
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.pdf"
    secret.write_bytes(SECRET)
    os.symlink(secret, folder / "leak.pdf")
    os.symlink(folder / GOOD[2], folder / "z-alias.pdf")
    # A linked folder is not descended into.
    os.symlink(secret.parent, folder / "linked-folder")
    return folder


@pytest.fixture(scope="module")
def first_run(mixed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("out")
    summary = run_bulk(bulk_args(mixed_dir, out))
    return out, summary


def test_bad_files_become_error_rows_and_the_run_continues(first_run) -> None:  # noqa: ANN001
    out, summary = first_run
    records = by_name(read_records(out))
    for name, reason in BAD.items():
        assert records[name]["error"]["reason"] == reason
    for name in GOOD:
        assert records[name]["findings"], name
    assert summary.errors_by_reason == {**{r: 1 for r in BAD.values()}, "not_a_file": 2}
    # SAME.PDF and z-alias.pdf repeat GOOD[0] and GOOD[2]; inner.pdf repeats GOOD[1].
    assert summary.duplicates == 3


def test_every_report_exactly_once(first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    records = read_records(out)
    ids = [r["report_id"] for r in records if r["report_id"]]
    assert len(ids) == len(set(ids))
    assert len(records) == len(GOOD) + len(BAD) + len(NOT_FILES)


def test_symlink_out_of_the_input_is_not_followed_nor_echoed(first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    leak = by_name(read_records(out))["leak.pdf"]
    assert leak["error"]["code"] == "E016"
    assert "outside the input folder" in leak["error"]["message"]
    assert leak["report_id"] is None  # its bytes were never read
    for path in out.rglob("*"):
        if path.is_file():
            assert b"TOP-SECRET" not in path.read_bytes(), path


def test_folder_named_like_a_pdf_is_an_error_row_not_a_silent_skip(first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    row = by_name(read_records(out))["folder.pdf"]
    assert (row["error"]["code"], row["error"]["reason"]) == ("E016", "not_a_file")
    assert "folder" in row["error"]["message"]
    assert str(out) not in row["error"]["message"]


def test_parquet_findings_match_jsonl_records(first_run) -> None:  # noqa: ANN001
    out, summary = first_run
    records = [r for r in read_records(out) if "findings" in r]
    table = pq.read_table(out / "findings")
    assert table.num_rows == sum(len(r["findings"]) for r in records) == summary.findings
    ids = set(table.column("finding_id").to_pylist())
    assert ids == {f["finding_id"] for r in records for f in r["findings"]}
    assert set(table.column("path").to_pylist()) == set(GOOD)


def test_manifest_counts(first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "finished"
    assert manifest["all_runs"]["reports"] == len(GOOD) + len(BAD) + len(NOT_FILES)
    assert manifest["all_runs"]["errors"] == len(BAD) + len(NOT_FILES)
    assert {d["path"] for d in manifest["duplicates"]} == {
        "copies/SAME.PDF",
        "z-alias.pdf",
        "folder.pdf/inner.pdf",
    }
    assert manifest["this_run"]["listing"]["links_not_followed"] == 1


def test_rerun_is_idempotent(mixed_dir: Path, first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    before = read_records(out)
    again = run_bulk(bulk_args(mixed_dir, out))
    assert again.documents == 0
    assert again.skipped_already_done == len(GOOD) + len(BAD) + len(NOT_FILES)
    assert read_records(out) == before


def test_timeout_ends_the_worker_and_its_chunk_resumes_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # One chunk: a report, then a scan that takes longer than the limit, then two reports.
    shutil.copy(TRAIN / "bsci_table-02.pdf", folder / "a.pdf")
    shutil.copy(TRAIN / "bsci_table-06-scan.pdf", folder / "b-scan.pdf")
    shutil.copy(TRAIN / "bsci_table-03.pdf", folder / "c.pdf")
    shutil.copy(TRAIN / "sa8000_table-01.pdf", folder / "d.pdf")
    out = tmp_path / "out"
    summary = run_bulk(bulk_args(folder, out, "--timeout", "1.5", "--chunk-size", "4"))
    records = read_records(out)
    assert sorted(r["report_id"] for r in records) == sorted(sha256(p) for p in folder.iterdir())
    named = by_name(records)
    assert named["b-scan.pdf"]["error"]["code"] == "E009"
    assert "while reading scanned pages with OCR" in named["b-scan.pdf"]["error"]["message"]
    for name in ("a.pdf", "c.pdf", "d.pdf"):
        assert named[name]["findings"], name
    assert summary.errors_by_reason == {"timeout": 1}
    assert summary.documents == 4


def _most_tesseracts_at_once(work: Callable[[], object]) -> int:
    """Run `work` while counting the tesseract processes below this one every 10 ms."""
    most, done = 0, threading.Event()

    def watch() -> None:
        nonlocal most
        while not done.wait(0.01):
            most = max(most, len(tesseracts_below(os.getpid())))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        work()
    finally:
        done.set()
        watcher.join()
    return most


@pytest.mark.skipif(not ocr_available(), reason="tesseract not installed")
def test_bulk_workers_ocr_one_page_at_a_time(pdfs: Path, tmp_path: Path) -> None:
    # An actor holds one Ray CPU: OCR'ing two pages at once would take another actor's core
    # and hold two pages' images in memory.
    scan = pdfs / "three_scanned_pages.pdf"
    settings = worker_config(bulk_args(pdfs, tmp_path / "out")).settings
    extractor = Extractor(ocr=settings.ocr, ocr_workers=settings.ocr_workers)
    assert _most_tesseracts_at_once(lambda: extractor.extract(scan)) == 1
    # The same watch sees pages read in parallel when they are.
    assert _most_tesseracts_at_once(lambda: read_pdf(scan, ocr_workers=3)) > 1
