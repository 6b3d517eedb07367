"""Ray bulk import on real PDFs with a real local Ray: fault isolation, idempotence, resume."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.bulk.run import configure_parser, run_bulk, sha256_of

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "labelled_samples" / "train"
GOOD = ["bsci_table-01.pdf", "sa8000_table-02.pdf", "legacy_numbered-01.pdf"]
BAD = {"corrupt.pdf": "corrupt", "not_pdf.pdf": "not_pdf", "encrypted.pdf": "encrypted"}


def bulk_args(input_dir: Path, out: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    configure_parser(parser)
    return parser.parse_args([str(input_dir), "--out", str(out), "--workers", "1", *extra])


def read_records(out: Path) -> list[dict]:
    lines = []
    for part in sorted((out / "records").glob("part-*.jsonl")):
        lines += [json.loads(line) for line in part.read_text().splitlines() if line]
    return lines


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
    return folder


@pytest.fixture(scope="module")
def first_run(mixed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("out")
    summary = run_bulk(bulk_args(mixed_dir, out))
    return out, summary


def test_bad_files_become_error_rows_and_the_run_continues(first_run) -> None:  # noqa: ANN001
    out, summary = first_run
    records = read_records(out)
    by_name = {r.get("filename") or r["source"]["filename"]: r for r in records}
    assert len(records) == len(GOOD) + len(BAD), "one line per unique report"
    for name, reason in BAD.items():
        assert by_name[name]["error"]["reason"] == reason
    for name in GOOD:
        assert by_name[name]["findings"], name
    assert summary.errors_by_reason == {reason: 1 for reason in BAD.values()}
    assert summary.duplicates == 1


def test_parquet_findings_match_jsonl_records(first_run) -> None:  # noqa: ANN001
    out, summary = first_run
    records = [r for r in read_records(out) if "findings" in r]
    table = pq.read_table(out / "findings")
    assert table.num_rows == sum(len(r["findings"]) for r in records) == summary.findings
    ids = set(table.column("finding_id").to_pylist())
    assert ids == {f["finding_id"] for r in records for f in r["findings"]}


def test_manifest_counts(first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "finished"
    assert manifest["all_runs"]["reports"] == len(GOOD) + len(BAD)
    assert manifest["all_runs"]["errors"] == len(BAD)
    assert manifest["duplicates"][0]["path"].endswith("SAME.PDF")


def test_rerun_is_idempotent(mixed_dir: Path, first_run) -> None:  # noqa: ANN001
    out, _summary = first_run
    before = read_records(out)
    again = run_bulk(bulk_args(mixed_dir, out))
    assert again.documents == 0
    assert again.skipped_already_done == len(GOOD) + len(BAD)
    assert read_records(out) == before


def test_timeout_becomes_an_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TRAIN / "bsci_table-02.pdf", folder)
    shutil.copy(TRAIN / "bsci_table-06-scan.pdf", folder)  # OCR takes seconds per page
    out = tmp_path / "out"
    summary = run_bulk(bulk_args(folder, out, "--timeout", "1.5"))
    records = {r.get("filename") or r["source"]["filename"]: r for r in read_records(out)}
    assert records["bsci_table-06-scan.pdf"]["error"]["reason"] == "timeout"
    assert records["bsci_table-02.pdf"]["findings"]
    assert summary.errors_by_reason == {"timeout": 1}


@pytest.mark.slow
def test_killed_run_resumes_without_duplicates_or_gaps(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = sorted(p for p in TRAIN.glob("*.pdf") if "scan" not in p.name)[:14]
    for pdf in inputs:
        shutil.copy(pdf, folder)
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "extractor.cli", "bulk", str(folder), "--out", str(out),
        "--workers", "1",
    ]  # fmt: skip
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    done = out / "state" / "done.jsonl"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if done.exists() and done.read_text().count("\n") >= 1:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; use more files"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished_before = done.read_text().count("\n")
    assert 0 < finished_before < len(inputs)

    resumed = run_bulk(bulk_args(folder, out))
    assert resumed.skipped_already_done == finished_before
    ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256_of(p) for p in inputs), "every report exactly once"
    table = pq.read_table(out / "findings")
    assert len(set(table.column("finding_id").to_pylist())) == table.num_rows
