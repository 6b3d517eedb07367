"""Reviewer accounts, password hashing, sessions and the queue's order, on a real SQLite database.

The database is migrated by the service's own Alembic migrations (0001 then 0002_review).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from extractor.record.schema import AuditRecord
from pipelines.review.accounts import (
    AccountError,
    add_reviewer,
    check_login,
    disable_reviewer,
    session_reviewer,
    set_password,
    start_session,
)
from pipelines.review.passwords import (
    WeakPassword,
    hash_password,
    needs_rehash,
    verify_password,
)
from pipelines.review.queue import classifier_margin, family_of, list_queue, refresh_queue
from pipelines.review.tables import REVIEW_ACCEPTED, Review, Reviewer, ReviewSession
from pipelines.service.database import (
    current_revision,
    make_engine,
    make_session_factory,
    upgrade_database,
)
from pipelines.service.tables import DONE, RecordVersion, Report

TRAIN = Path(__file__).resolve().parent.parent / "labelled_samples" / "train"
PASSWORD = "a long enough passphrase"
MODELS = Path(__file__).resolve().parent.parent / "models"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Session]:
    url = f"sqlite:///{tmp_path / 'service.db'}"
    upgrade_database(url)
    assert current_revision(url) == "0002_review"
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


def test_passwords_are_salted_scrypt_and_verify_only_themselves() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert stored != hash_password(PASSWORD)  # a new salt each time
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + "!", stored)
    assert not verify_password(PASSWORD, "md5$whatever")
    weak = hash_password(PASSWORD, n=2**10, r=8, p=1)
    assert verify_password(PASSWORD, weak) and needs_rehash(weak) and not needs_rehash(stored)


def test_accounts_log_in_with_the_right_password_only(db: Session) -> None:
    add_reviewer(db, "rita", PASSWORD, role="reviewer")
    with pytest.raises(WeakPassword):
        add_reviewer(db, "tim", "short", role="reviewer")
    with pytest.raises(AccountError, match="already exists"):
        add_reviewer(db, "rita", PASSWORD, role="reviewer")
    with pytest.raises(AccountError, match="role"):
        add_reviewer(db, "una", PASSWORD, role="superuser")
    assert check_login(db, "rita", PASSWORD) is not None
    assert check_login(db, "rita", "wrong password here") is None
    assert check_login(db, "nobody", PASSWORD) is None


def test_a_weak_old_hash_is_upgraded_at_login(db: Session) -> None:
    reviewer = add_reviewer(db, "rita", PASSWORD, role="reviewer")
    reviewer.password_hash = hash_password(PASSWORD, n=2**10, r=8, p=1)
    assert check_login(db, "rita", PASSWORD) is not None
    assert not needs_rehash(reviewer.password_hash)


def test_sessions_end_on_expiry_password_change_and_disabling(db: Session) -> None:
    reviewer = add_reviewer(db, "rita", PASSWORD, role="admin")
    token = start_session(db, reviewer)
    who = session_reviewer(db, token)
    assert who is not None and who.is_admin and who.name == "rita"
    # Only a digest of the token is stored.
    assert db.scalar(select(ReviewSession.token_hash)) != token
    assert session_reviewer(db, token + "x") is None

    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)
    db.execute(update(ReviewSession).values(expires_at=past))
    assert session_reviewer(db, token) is None

    token = start_session(db, reviewer)
    set_password(db, "rita", PASSWORD + " new")
    assert session_reviewer(db, token) is None

    token = start_session(db, reviewer)
    disable_reviewer(db, "rita")
    assert session_reviewer(db, token) is None
    assert check_login(db, "rita", PASSWORD + " new") is None


def add_report(db: Session, report_id: str, gold: Path, confidence: float) -> AuditRecord:
    record = AuditRecord.model_validate_json(gold.read_text())
    for finding in record.findings:
        finding.confidence = confidence
    db.add(
        Report(
            id=report_id,
            member_id=1,
            sha256=record.report_id,
            filename=gold.with_suffix(".pdf").name,
            size_bytes=1,
            stored_path=f"reports/{report_id}/x.pdf",
            status=DONE,
            attempts=1,
            review_status="needs_review",
        )
    )
    db.add(
        RecordVersion(
            report_id=report_id, kind="AuditRecord", record=record.model_dump(mode="json")
        )
    )
    return record


def test_queue_puts_uncertain_reports_and_little_reviewed_families_first(db: Session) -> None:
    from pipelines.service.tables import Member

    db.add(Member(id=1, name="acme"))
    bsci_a = add_report(db, "rep_bsci_a", TRAIN / "bsci_table-01.json", 0.5)
    add_report(db, "rep_bsci_b", TRAIN / "bsci_table-02.json", 0.5)
    add_report(db, "rep_sa8000", TRAIN / "sa8000_table-01.json", 0.5)
    add_report(db, "rep_sure", TRAIN / "rba_table-01.json", 0.95)
    db.flush()
    assert refresh_queue(db, MODELS) == 4
    assert refresh_queue(db, MODELS) == 0
    order = [row.report_id for row in list_queue(db, status="all")]
    assert order[-1] == "rep_sure"

    # Once a bsci report of this family has an accepted review, the other one waits behind
    # the family nobody has reviewed yet.
    reviewer = add_reviewer(db, "rita", PASSWORD, role="reviewer")
    version_id = db.scalar(select(RecordVersion.id).where(RecordVersion.report_id == "rep_bsci_a"))
    db.add(
        Review(
            report_id="rep_bsci_a",
            reviewer_id=reviewer.id,
            status=REVIEW_ACCEPTED,
            base_version_id=version_id,
            draft=bsci_a.model_dump(mode="json"),
        )
    )
    db.flush()
    rows = {row.report_id: row for row in list_queue(db, status="all")}
    assert rows["rep_bsci_b"].family_reviews == 1 and rows["rep_sa8000"].family_reviews == 0
    assert rows["rep_sa8000"].uncertainty > rows["rep_bsci_b"].uncertainty
    assert [r.report_id for r in list_queue(db, status="all", standard="sa8000")] == ["rep_sa8000"]


def test_classifier_margin_is_the_nearest_score_to_a_threshold() -> None:
    record = AuditRecord.model_validate_json((TRAIN / "bsci_table-02.json").read_text())
    record.findings[0].ilo_indicators[0].score = 0.42
    code = record.findings[0].ilo_indicators[0].code
    assert classifier_margin(record, {code: 0.4}) == pytest.approx(0.02)
    assert family_of(record) == "amfori_bsci | 2021"
    generic = record.model_copy(
        update={"audit": record.audit.model_copy(update={"standard": "generic"})}
    )
    assert family_of(generic) == "generic | 2021 | northstar audit partners"
    assert Reviewer.__tablename__ == "reviewers"
