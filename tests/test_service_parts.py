"""The service's parts that need no server: keys, limits, sniffing, CSV, cursors, migrations."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from extractor.record.schema import AuditRecord
from pipelines.service.csv_export import findings_csv
from pipelines.service.database import current_revision, make_engine, upgrade_database
from pipelines.service.database import make_session_factory as sessions_for
from pipelines.service.errors import ApiError
from pipelines.service.filestore import safe_filename
from pipelines.service.keys import key_digest, load_or_create_secret, new_api_key
from pipelines.service.members import MemberError, add_member, authenticate, revoke
from pipelines.service.ratelimit import RateLimiter
from pipelines.service.reports import InvalidCursor, decode_cursor
from pipelines.service.review_policy import review_status
from pipelines.service.tables import ApiKey, Base
from pipelines.service.uploads import sniff

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "labelled_samples" / "train" / "bsci_table-01.json"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'service.db'}"
    upgrade_database(url)
    return url


def test_migrations_build_the_models_schema_on_sqlite(sqlite_url: str) -> None:
    import pipelines.review.tables  # noqa: F401 - the review app's tables join the metadata

    upgrade_database(sqlite_url)  # a second run changes nothing
    assert current_revision(sqlite_url) == "0002_review"
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    engine.dispose()


def test_keys_are_stored_only_as_hmac_digests(sqlite_url: str, tmp_path: Path) -> None:
    secret = load_or_create_secret(tmp_path / "secret")
    engine = make_engine(sqlite_url)
    with sessions_for(engine).begin() as session:
        api_key = add_member(session, secret, "acme")
    with sessions_for(engine).begin() as session:
        stored = session.scalars(select(ApiKey.key_hash)).all()
        assert stored == [key_digest(secret, api_key)]
        assert api_key not in stored
        assert authenticate(session, secret, api_key).name == "acme"
        assert authenticate(session, secret, api_key + "x") is None
        # The same key under another server secret is worthless.
        assert authenticate(session, b"another secret", api_key) is None
        with pytest.raises(MemberError):
            add_member(session, secret, "acme")
    with sessions_for(engine).begin() as session:
        assert revoke(session, "acme") == 1
    with sessions_for(engine).begin() as session:
        assert authenticate(session, secret, api_key) is None
    engine.dispose()


def test_the_server_secret_is_created_once_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "store" / "secret"
    first = load_or_create_secret(path)
    assert load_or_create_secret(path) == first and len(first) == 32
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert load_or_create_secret(path, "from-env") == b"from-env"
    assert list(path.parent.iterdir()) == [path], "no temporary file left behind"


def test_api_keys_are_random_and_recognisable() -> None:
    keys = {new_api_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(k.startswith("aek_") and len(k) >= 40 for k in keys)


def test_rate_limiter_allows_a_burst_then_refills_per_key() -> None:
    limiter = RateLimiter(per_minute=60, burst=3)
    assert [limiter.acquire("a", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.acquire("a", now=0.0)
    assert wait == pytest.approx(1.0)
    assert limiter.acquire("b", now=0.0) == 0.0, "keys have separate buckets"
    assert limiter.acquire("a", now=1.0) == 0.0, "one token back after a second"


@pytest.mark.parametrize(
    ("head", "code"),
    [
        (b"PK\x03\x04" + b"%PDF-1.4" * 10, "E015"),
        (b"\x1f\x8b\x08\x00", "E015"),
        (b"\x89PNG\r\n\x1a\n", "E002"),
        (b"<html>", "E002"),
        (b"x" * 1100 + b"%PDF-1.4", "E002"),
    ],
)
def test_sniffing_refuses_archives_and_non_pdfs(head: bytes, code: str) -> None:
    with pytest.raises(ApiError) as caught:
        sniff(head, "upload.pdf")
    assert caught.value.status == 415
    assert caught.value.spec.code == code


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"junk before\r\n%PDF-1.4\n"])
def test_sniffing_accepts_pdf_headers_within_the_first_kb(head: bytes) -> None:
    sniff(head, "upload.pdf")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("C:\\Users\\me\\Audit 2024.pdf", "Audit 2024.pdf"),
        ("../../etc/passwd", "passwd"),
        ('report"; rm -rf.pdf', "report_ rm -rf.pdf"),
        ("", "report.pdf"),
        ("..", "report.pdf"),
        ("\u0444\u0430\u0431\u0440\u0438\u043a\u0430.pdf",) * 2,
        ("a\x00b\nc.pdf", "a_b_c.pdf"),
    ],
)
def test_uploaded_file_names_are_made_safe(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


def test_findings_csv_defuses_spreadsheet_formulas() -> None:
    record = AuditRecord.model_validate_json(GOLD.read_text())
    first = record.findings[0].model_copy(update={"description": '=HYPERLINK("http://x")'})
    record = record.model_copy(update={"findings": [first]})
    text = findings_csv(record)
    assert "'=HYPERLINK" in text
    assert text.count("\r\n") == 2, "a header and one row"


def test_records_with_a_low_confidence_finding_need_review() -> None:
    record = AuditRecord.model_validate_json(GOLD.read_text())
    lowest = min(f.confidence for f in record.findings)
    assert review_status(record, threshold=lowest + 0.01) == "needs_review"
    assert review_status(record, threshold=lowest) == "not_needed"
    empty = record.model_copy(update={"findings": []})
    assert review_status(empty, threshold=0.1) == "needs_review", "no findings: a reviewer looks"


def test_cursors_round_trip_and_reject_garbage() -> None:
    import base64
    import json

    created = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    raw = json.dumps([created.isoformat(), "rep_x"]).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert decode_cursor(cursor) == (created, "rep_x")
    for garbage in ("", "not-a-cursor", base64.urlsafe_b64encode(b"[1]").decode()):
        with pytest.raises(InvalidCursor):
            decode_cursor(garbage)


def test_sqlite_database_folder_is_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'deeper' / 'service.db'}"
    upgrade_database(url)
    assert os.path.exists(tmp_path / "nested" / "deeper" / "service.db")


def test_orphaned_pdfs_from_a_crash_are_removed_and_committed_ones_kept(tmp_path: Path) -> None:
    from pipelines.service.context import open_service
    from pipelines.service.reports import accept_upload, remove_orphan_files
    from pipelines.service.settings import ServiceSettings
    from pipelines.service.uploads import ReceivedFile

    context = open_service(
        ServiceSettings(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", store_dir=tmp_path)
    )
    with context.sessions.begin() as session:
        add_member(session, context.key_secret, "acme")
    tmp = context.store.temp_path()
    tmp.write_bytes(b"%PDF-1.4 kept")
    received = ReceivedFile(tmp_path=tmp, filename="kept.pdf", sha256="a" * 64, size_bytes=13)
    report, duplicate = accept_upload(context, 1, received)
    assert not duplicate
    orphan = context.store.reports_dir / "rep_crashed" / "lost.pdf"
    orphan.parent.mkdir()
    orphan.write_bytes(b"%PDF-1.4 lost")
    assert remove_orphan_files(context, older_than_s=3600) == 0, "too recent to judge"
    assert remove_orphan_files(context, older_than_s=-1) == 1
    assert not orphan.parent.exists()
    assert (context.store.reports_dir / report.id / "kept.pdf").exists()
    context.close()


def test_sqlite_readers_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    import time

    from pipelines.service.context import open_service
    from pipelines.service.settings import ServiceSettings
    from pipelines.service.tables import Member

    context = open_service(
        ServiceSettings(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", store_dir=tmp_path)
    )
    with context.sessions.begin() as writer:
        writer.add(Member(name="acme"))
        writer.flush()  # this transaction now holds SQLite's write lock
        start = time.monotonic()
        with context.readers.begin() as reader:
            assert reader.scalars(select(Member.name)).all() == []  # the committed snapshot
        assert time.monotonic() - start < 2.0
    with context.readers.begin() as reader:
        assert reader.scalars(select(Member.name)).all() == ["acme"]
    context.close()


def test_members_command_adds_lists_keys_webhooks_and_revokes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from extractor.cli import main

    store = ["--database-url", f"sqlite:///{tmp_path / 'db.sqlite'}", "--store", str(tmp_path)]

    def members(*args: str) -> tuple[int, str]:
        code = main(["members", *store, *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    code, out = members("add", "Acme Sourcing", "--webhook", "https://example.test/hook")
    assert code == 0
    key = out.splitlines()[1]
    assert key.startswith("aek_") and out.splitlines()[3].startswith("whsec_")
    assert members("add", "Acme Sourcing")[0] == 1, "names are unique"
    code, second = members("key", "Acme Sourcing")
    assert code == 0 and second.strip() != key
    code, listing = members("list")
    assert f"{key[:12]}..." in listing and "https://example.test/hook" in listing
    assert members("webhook", "Acme Sourcing", "ftp://nope")[0] == 1
    assert members("webhook", "Acme Sourcing")[1].strip() == "webhook cleared"
    assert members("revoke", "Acme Sourcing", "--key", key[:12])[1].startswith("revoked 1 key")
    assert members("revoke", "Acme Sourcing")[1].startswith("revoked 1 key")
    assert "revoked" in members("list")[1]
    assert members("key", "Acme Sourcing")[0] == 1, "a revoked member gets no new key"
    assert members("revoke", "Nobody")[0] == 1


def test_error_details_may_be_named_status(tmp_path: Path) -> None:
    # Regression: ApiError(409, S007, status="queued") raised TypeError (a 500 for the member).
    from pipelines.service.errors import S007

    error = ApiError(409, S007, report_id="rep_x", status="queued")
    assert error.status == 409
    assert error.body()["error"]["message"].startswith("Report rep_x is queued")
