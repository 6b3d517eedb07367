"""Bulk import under faults, on real PDFs and a real Ray: a torn journal line, two runs on one
output, inputs that change while the run reads them, a read-only or full output disk, SIGKILL.
Each test is named for what used to go wrong."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from processes import tesseracts_below
from test_bulk import TRAIN, bulk_args, read_records, sha256

from pipelines.bulk.run import run_bulk

REPO = Path(__file__).resolve().parent.parent


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", "bulk", *args]


def copy_inputs(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(TRAIN / name, folder / name)) for name in names]


def wait_for(path: Path, proc: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, "the run ended before it could be observed"
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


@contextlib.contextmanager
def tmpfs(mountpoint: Path, options: str) -> Iterator[Path]:
    """A small real filesystem (read-only, or nearly full); skip where mounting is not allowed."""
    mountpoint.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mountpoint)])
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def test_torn_journal_line_is_cut_and_its_whole_part_redone_once(tmp_path: Path) -> None:
    inputs = copy_inputs(tmp_path / "in", ["bsci_table-01.pdf", "bsci_table-02.pdf"])
    out = tmp_path / "out"
    run_bulk(bulk_args(tmp_path / "in", out))  # both reports in one chunk, so one part
    journal = out / "state" / "done.jsonl"
    # A full disk cut the last append in the middle of its line.
    journal.write_bytes(journal.read_bytes()[:-25])

    again = run_bulk(bulk_args(tmp_path / "in", out))
    ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256(p) for p in inputs), "every report exactly once"
    assert again.documents == 2  # the torn commit's part was redone as a whole
    lines = journal.read_text().splitlines()
    assert all(json.loads(line) for line in lines), "no torn or glued line is left"
    table = pq.read_table(out / "findings")
    assert len(set(table.column("finding_id").to_pylist())) == table.num_rows


def test_glued_journal_line_gives_back_its_whole_commit() -> None:
    from pipelines.bulk.state import parse_journal

    whole = '{"part":"part-00002","reports":[]}'
    commits, lost = parse_journal(['{"part":"part-00001","reports":[{"ke' + whole])
    assert [c.part for c in commits] == ["part-00002"]
    assert lost == 1


def test_second_run_on_a_locked_output_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from pipelines.bulk.store import LocalStore

    copy_inputs(tmp_path / "in", ["bsci_table-01.pdf"])
    out = tmp_path / "out"
    with LocalStore(out).lock():  # what a running bulk run holds
        second = subprocess.run(
            cli(str(tmp_path / "in"), "--out", str(out)),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert second.returncode == 3
    assert "in use by another bulk run" in second.stderr
    assert f"process {os.getpid()}" in second.stderr
    assert "Traceback" not in second.stderr
    assert not (out / "records").exists() or not list((out / "records").iterdir())


@pytest.mark.slow
def test_second_run_on_the_same_output_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    inputs = copy_inputs(tmp_path / "in", ["bsci_table-01.pdf", "sa8000_table-01.pdf"])
    out = tmp_path / "out"
    first = subprocess.Popen(
        cli(str(tmp_path / "in"), "--out", str(out), "--workers", "1"),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(out / "manifest.json", first)
        second = subprocess.run(
            cli(str(tmp_path / "in"), "--out", str(out), "--workers", "1"),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 3
        assert "in use by another bulk run" in second.stderr
        assert f"process {first.pid}" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256(p) for p in inputs)


def test_files_replaced_emptied_or_deleted_during_a_run_are_counted_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    inputs = copy_inputs(folder, ["bsci_table-01.pdf", "bsci_table-02.pdf", "bsci_table-03.pdf"])
    replaced, emptied, deleted = inputs
    out = tmp_path / "out"
    run = subprocess.Popen(
        cli(str(folder), "--out", str(out), "--workers", "1"),
        stderr=subprocess.DEVNULL,
    )
    # The run has started (and, in the old design, had hashed every file): change them now.
    wait_for(out / "manifest.json", run)
    shutil.copy(TRAIN / "sa8000_table-01.pdf", replaced)
    emptied.write_bytes(b"")
    deleted.unlink()
    assert run.wait(timeout=300) == 0

    again = run_bulk(bulk_args(folder, out))
    assert again.documents == 0, "a rerun found reports the first run had not recorded"
    records = read_records(out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["all_runs"]["reports"] == len(records) <= len(inputs)
    keyed = [r["report_id"] for r in records if r["report_id"]]
    assert len(keyed) == len(set(keyed))
    reasons = {r.get("filename"): r["error"]["reason"] for r in records if "error" in r}
    assert reasons[emptied.name] == "empty_file"
    # Deleted before the listing reached it (no row), or after (a not-found row).
    assert reasons.get(deleted.name, "not_found") == "not_found"
    (ok,) = [r for r in records if "error" not in r]
    assert ok["report_id"] == sha256(replaced)  # the bytes the worker read, not the old ones


def test_read_only_output_folder_gives_a_clear_error(tmp_path: Path) -> None:
    copy_inputs(tmp_path / "in", ["bsci_table-01.pdf"])
    with tmpfs(tmp_path / "ro", "ro,size=1m") as mount:
        done = subprocess.run(
            cli(str(tmp_path / "in"), "--out", str(mount / "out")),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert "not writable" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_full_output_disk_gives_a_clear_error_and_the_rerun_resumes(tmp_path: Path) -> None:
    inputs = copy_inputs(tmp_path / "in", ["bsci_table-01.pdf", "bsci_table-02.pdf"])
    with tmpfs(tmp_path / "small", "size=24k") as mount:
        out = mount / "out"
        args = (str(tmp_path / "in"), "--out", str(out), "--workers", "1", "--chunk-size", "1")
        full = subprocess.run(cli(*args), capture_output=True, text=True, timeout=300)
        assert full.returncode == 1
        assert "no space left on the device" in full.stderr
        assert "Traceback" not in full.stderr
        journal = out / "state" / "done.jsonl"
        assert (
            not journal.exists() or journal.read_bytes().endswith(b"\n") or not journal.read_bytes()
        )

        subprocess.run(["mount", "-o", "remount,size=16m", str(mount)], check=True)
        resumed = subprocess.run(cli(*args), capture_output=True, text=True, timeout=300)
        assert resumed.returncode == 0, resumed.stderr
        ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256(p) for p in inputs)


def _entry(key: str, path: str):  # noqa: ANN202
    from pipelines.bulk.state import DoneEntry

    return DoneEntry(key=key, path=path, filename=path, status="ok")


def _ledger(out: Path):  # noqa: ANN202
    from pipelines.bulk.ledger import Ledger

    return Ledger(str(out), "run", {})


def test_report_in_hand_when_two_workers_died_is_given_up(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "out")
    assert ledger.claim("k1", "a.pdf", "w1").action == "go"
    # w1 died while extracting k1; the chunk is retried by w2, which dies on it too.
    assert ledger.claim("k1", "a.pdf", "w2").action == "go"
    verdict = ledger.claim("k1", "a.pdf", "w3")
    assert verdict.action == "poisoned" and verdict.deaths == 2


def test_worker_death_after_extracting_does_not_blame_the_report(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "out")
    assert ledger.claim("k1", "a.pdf", "w1").action == "go"
    assert ledger.claim("k2", "b.pdf", "w1").action == "go"  # k1 done, part not yet written
    for worker in ("w2", "w3", "w4"):  # every retry dies on k2, never on k1
        assert ledger.claim("k1", "a.pdf", worker).action == "go"
        ledger.claim("k2", "b.pdf", worker)
    ledger.commit("part-00001", [_entry("k1", "a.pdf")], worker_node="n", peak_mb=0)
    assert ledger.claim("k1", "a.pdf", "w5").action == "done"
    assert ledger.claim("k2", "b.pdf", "w5").action == "poisoned"


def test_same_bytes_in_flight_under_another_name_is_a_duplicate(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "out")
    assert ledger.claim("k1", "a.pdf", "w1").action == "go"
    verdict = ledger.claim("k1", "copy/a.pdf", "w2")
    assert (verdict.action, verdict.same_as) == ("duplicate", "a.pdf")


@pytest.mark.slow
def test_sigkill_of_a_bulk_run_then_resume_gives_every_report_exactly_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = sorted(p for p in TRAIN.glob("*.pdf") if "scan" not in p.name)[:14]
    for pdf in inputs:
        shutil.copy(pdf, folder)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        cli(str(folder), "--out", str(out), "--workers", "1", "--chunk-size", "2"),
        start_new_session=True,
        stderr=subprocess.DEVNULL,
    )
    done = out / "state" / "done.jsonl"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if done.exists() and done.read_text().count("\n") >= 1:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; use more files"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # The run's Ray workers and ledger are not in the killed group: they may commit a chunk
    # in hand before Ray ends them. Count what was committed once they are gone.
    deadline = time.monotonic() + 60
    while _ray_actor_processes() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _ray_actor_processes(), "the killed run's Ray workers outlived it by a minute"
    from pipelines.bulk.state import parse_journal

    commits, _ = parse_journal(done.read_text().splitlines())
    finished_before = sum(len(c.reports) for c in commits)
    assert 0 < finished_before < len(inputs)

    resumed = run_bulk(bulk_args(folder, out))
    assert resumed.skipped_already_done == finished_before
    ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256(p) for p in inputs), "every report exactly once"
    table = pq.read_table(out / "findings")
    assert len(set(table.column("finding_id").to_pylist())) == table.num_rows


def _ray_actor_processes() -> list[int]:
    """Bulk workers and ledgers alive on this machine (any Ray instance)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name = (entry / "cmdline").read_bytes().split(b"\0")[0]
        except OSError:
            continue
        if name.startswith((b"ray::BulkWorker", b"ray::Ledger")):
            found.append(int(entry.name))
    return found


def _bulk_workers(root: int) -> list[int]:
    from pipelines.limits import descendants

    found = []
    for pid in descendants(root):
        try:
            name = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
        except OSError:
            continue
        if name.startswith(b"ray::BulkWorker"):
            found.append(pid)
    return found


@pytest.mark.slow
def test_worker_killed_mid_report_is_restarted_and_its_chunk_lands_exactly_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    inputs = copy_inputs(
        folder, ["bsci_table-01.pdf", "bsci_table-06-scan.pdf", "bsci_table-02.pdf"]
    )
    out = tmp_path / "out"
    run = subprocess.Popen(
        cli(str(folder), "--out", str(out), "--workers", "1", "--chunk-size", "3"),
        stderr=subprocess.PIPE,
        text=True,
    )
    # Kill the worker once, mid-report: while tesseract reads the scan for it.
    deadline = time.monotonic() + 240
    while not (workers := _bulk_workers(run.pid)) or not tesseracts_below(workers[0]):
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.05)
    (worker,) = workers
    os.kill(worker, signal.SIGKILL)
    assert run.wait(timeout=600) == 0, run.stderr.read() if run.stderr else ""
    ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256(p) for p in inputs), "every report exactly once"
    assert all("error" not in r for r in read_records(out)), "one death blames no report"
