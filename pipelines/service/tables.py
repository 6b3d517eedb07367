"""The service's database tables (SQLAlchemy 2 declarative models).

Members and their hashed API keys; reports (one upload of one member: the stored PDF, the job
state with its lease, the review state); record versions (what the extractor produced, and later
what reviewers corrected, each naming the model versions behind it); webhook deliveries (an
outbox written in the same transaction as the record). Alembic migrations in `migrations/` create
and extend these tables; a change here needs a new migration. No queries live here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Job states a member sees.
QUEUED = "queued"
PROCESSING = "processing"
DONE = "done"
ERROR = "error"
JOB_STATES = (QUEUED, PROCESSING, DONE, ERROR)

# Review states: records below the confidence threshold wait for a reviewer (issue 16).
REVIEW_NOT_NEEDED = "not_needed"
REVIEW_NEEDED = "needs_review"
REVIEWED = "reviewed"
REVIEW_STATES = (REVIEW_NOT_NEEDED, REVIEW_NEEDED, REVIEWED)

# Where a record version came from.
SOURCE_EXTRACTOR = "extractor"
SOURCE_REVIEW = "review"


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite stores it without the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001, ANN201 - SQLAlchemy hook
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime; pass an aware UTC datetime")
            value = value.astimezone(dt.timezone.utc)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):  # noqa: ANN001, ANN201
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    webhook_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    # Needed in clear to sign deliveries; shown to the member once when set.
    webhook_secret: Mapped[str | None] = mapped_column(String(200), nullable=True)

    keys: Mapped[list[ApiKey]] = relationship(back_populates="member")


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    # HMAC-SHA256 of the key under the server secret; the key itself is never stored.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The first characters of the key, so an operator can tell keys apart in listings.
    prefix: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    member: Mapped[Member] = relationship(back_populates="keys")


class Report(Base):
    """One upload of one member, and its job."""

    __tablename__ = "reports"
    __table_args__ = (
        # Idempotent uploads: the same bytes from the same member are one report.
        UniqueConstraint("member_id", "sha256", name="uq_reports_member_sha256"),
        Index("ix_reports_member_created", "member_id", "created_at", "id"),
        Index("ix_reports_queue", "status", "queued_at"),
        Index("ix_reports_review", "review_status", "min_confidence"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(300))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    # Relative to the file store root.
    stored_path: Mapped[str] = mapped_column(String(500))

    status: Mapped[str] = mapped_column(String(20), default=QUEUED)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    queued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    # The lease of the worker processing it; an expired lease means the worker died.
    lease_token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    worker_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)

    error_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    page_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    finding_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)

    review_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    versions: Mapped[list[RecordVersion]] = relationship(
        back_populates="report",
        foreign_keys="RecordVersion.report_id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class RecordVersion(Base):
    """One AuditRecord or ErrorRecord for a report, with the models that produced it.

    Members are served the newest version of their report: the extractor's first, a reviewer's
    correction once one is accepted.
    """

    __tablename__ = "record_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(20), default=SOURCE_EXTRACTOR)
    kind: Mapped[str] = mapped_column(String(20))  # AuditRecord | ErrorRecord
    record: Mapped[dict] = mapped_column(JSON)
    extractor_version: Mapped[str | None] = mapped_column(String(50), nullable=True)
    ner_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    classifier_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # The worker lease (extractor) or, later, the reviewer that wrote it.
    created_by: Mapped[str | None] = mapped_column(String(200), nullable=True)

    report: Mapped[Report] = relationship(back_populates="versions", foreign_keys=[report_id])


class WebhookDelivery(Base):
    """A signed notification to a member's webhook: an outbox row, retried with back-off."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(50))
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
