"""The service on PostgreSQL: a throwaway cluster (initdb + pg_ctl in a temp folder), the real
server with no workers of its own, and two stand-alone `audit-extractor worker` processes, as
workers on other machines would run. Skipped, with the reason, when no PostgreSQL is installed.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from pipelines.service.database import make_engine, upgrade_database
from pipelines.service.local import LocalService, cli, free_port
from pipelines.service.tables import Base, RecordVersion, Report

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "labelled_samples" / "train"
PDFS = REPO / "tests" / "pdfs"
GOOD = ["bsci_table-01.pdf", "sa8000_table-02.pdf", "rba_table-01.pdf"]


def find_pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


class Cluster:
    """A PostgreSQL cluster in a temp folder, listening on 127.0.0.1 only, trust auth."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="audit-pg-"))
        self.data = self.root / "data"
        # initdb refuses to run as root: run the cluster as the postgres user then.
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, cwd=self.root)

    def start(self) -> str:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port}"
            f" -c unix_socket_directories={self.root}"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.root / "log"),
            "start",
        )
        admin = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute("CREATE DATABASE audit_service")
        return f"postgresql://postgres@127.0.0.1:{self.port}/audit_service"

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (make system-deps installs it when root)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as postgres")
    cluster = Cluster(bin_dir)
    try:
        url = cluster.start()
    except (subprocess.CalledProcessError, KeyError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or exc
        cluster.stop()
        pytest.skip(f"could not start a throwaway PostgreSQL cluster: {detail}")
    try:
        yield url
    finally:
        cluster.stop()


def wait_for_workers_ready(folder: Path, count: int, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        logs = [p.read_text(errors="replace") for p in folder.glob("worker-*.log")]
        if sum(" ready" in text for text in logs) == count:
            return
        time.sleep(0.3)
    raise AssertionError(f"workers not ready: {logs}")


def test_migrations_build_the_models_schema_on_postgresql(database_url: str) -> None:
    upgrade_database(database_url)
    upgrade_database(database_url)  # idempotent
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()


def test_standalone_workers_share_the_queue_and_extract_each_report_once(
    database_url: str, tmp_path: Path
) -> None:
    local = LocalService(tmp_path, workers=0, database_url=database_url)
    members = ["north", "south", "east"]
    keys = {name: local.add_member(name) for name in members}
    workers = [
        subprocess.Popen(
            cli("worker", "--database-url", database_url, "--lease-seconds", "20"),
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / f"worker-{n}.log").open("wb"),
            start_new_session=True,
        )
        for n in range(2)
    ]
    uploads: dict[str, list[tuple[str, int]]] = {}
    try:
        with local:
            wait_for_workers_ready(tmp_path, len(workers))

            def run_client(name: str) -> None:
                with httpx.Client(base_url=local.url, timeout=60) as http:
                    answers = []
                    files = [TRAIN / g for g in GOOD] + [
                        PDFS / "encrypted.pdf",
                        PDFS / "not_pdf.pdf",
                    ]
                    for path in [*files, TRAIN / GOOD[0]]:
                        response = http.post(
                            "/v1/reports",
                            headers={"X-Api-Key": keys[name]},
                            files={"file": (path.name, path.read_bytes(), "application/pdf")},
                        )
                        answers.append((response.json().get("id", ""), response.status_code))
                    uploads[name] = answers

            with ThreadPoolExecutor(len(members)) as pool:
                list(pool.map(run_client, members))

            deadline = time.monotonic() + 240
            while time.monotonic() < deadline:
                with local.session() as (session, _):
                    pending = session.scalar(
                        select(func.count())
                        .select_from(Report)
                        .where(Report.status.in_(("queued", "processing")))
                    )
                if pending == 0:
                    break
                time.sleep(0.5)
            assert pending == 0, [p.read_text() for p in tmp_path.glob("worker-*.log")]

            with httpx.Client(base_url=local.url, timeout=60) as http:
                for name in members:
                    statuses = [status for _, status in uploads[name]]
                    assert statuses == [202, 202, 202, 202, 415, 200]
                    ids = [report_id for report_id, _ in uploads[name]]
                    assert ids[-1] == ids[0], "the repeated upload returned the first report"
                    mine = http.get("/v1/reports", headers={"X-Api-Key": keys[name]}).json()
                    assert {r["id"] for r in mine["items"]} == set(ids[:4])
                    by_id = {r["id"]: r for r in mine["items"]}
                    assert [by_id[i]["status"] for i in ids[:4]] == ["done"] * 3 + ["error"]
                    assert by_id[ids[3]]["error_code"] == "E004"
                    other = members[(members.index(name) + 1) % len(members)]
                    for report_id in ids[:4]:
                        peek = http.get(
                            f"/v1/reports/{report_id}", headers={"X-Api-Key": keys[other]}
                        )
                        assert peek.status_code == 404
    finally:
        for proc in workers:
            proc.terminate()
        for proc in workers:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()

    with local.session() as (session, _):
        versions = Counter(session.scalars(select(RecordVersion.report_id)))
        rows = session.execute(select(Report.id, Report.attempts, Report.worker_id)).all()
    assert len(rows) == len(members) * 4
    assert set(versions.values()) == {1} and len(versions) == len(rows), "each extracted once"
    assert {attempts for _, attempts, _ in rows} == {1}
    assert len({worker for _, _, worker in rows}) == 2, "both workers took jobs"
