"""The review app's database tables, beside the service's (same metadata, same migrations).

Reviewer accounts and their login sessions; one `Review` per reviewer and report holding the
reviewer's working copy of the record; every change to it (`ReviewChange`: who, when, before,
after); `Dispute`s opened when two accepted reviews of a report disagree; and `QueueEntry`, the
uncertainty measures of a report computed once from its extracted record so the queue can be
ordered in SQL. Migration `0002_review` creates them. No queries live here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pipelines.service.tables import Base, UtcDateTime, utcnow

ROLE_REVIEWER = "reviewer"
ROLE_ADMIN = "admin"
ROLES = (ROLE_REVIEWER, ROLE_ADMIN)

REVIEW_OPEN = "open"
REVIEW_ACCEPTED = "accepted"

# What a change in the audit trail did.
ACTION_EDIT_FINDING = "edit_finding"
ACTION_ADD_FINDING = "add_finding"
ACTION_DELETE_FINDING = "delete_finding"
ACTION_EDIT_METADATA = "edit_metadata"
ACTION_ACCEPT = "accept"
ACTION_RESOLVE = "resolve"


class Reviewer(Base):
    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # scrypt parameters, salt and digest in one string (see passwords.py); never the password.
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default=ROLE_REVIEWER)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class ReviewSession(Base):
    """A logged-in browser: the cookie holds a random token, the database only its sha256."""

    __tablename__ = "review_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"))
    # Sent back in every form and state-changing request (synchroniser token).
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class Review(Base):
    """One reviewer's review of one report: a working copy of the record until accepted."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("report_id", "reviewer_id", name="uq_reviews_report_reviewer"),
        Index("ix_reviews_status", "status", "report_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default=REVIEW_OPEN)
    # The extractor's record version the review started from; every review starts from it, so
    # two reviewers' decisions are independent and can be compared.
    base_version_id: Mapped[int] = mapped_column(
        ForeignKey("record_versions.id", ondelete="CASCADE")
    )
    draft: Mapped[dict] = mapped_column(JSON)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # The record version written when the review was accepted.
    accepted_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("record_versions.id", ondelete="SET NULL"), nullable=True
    )
    # Where the correction was filed as gold data, or why it was not (a held-out report).
    training_note: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReviewChange(Base):
    """The audit trail: one row per change a reviewer or admin made, with before and after."""

    __tablename__ = "review_changes"
    __table_args__ = (Index("ix_review_changes_report", "report_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    review_id: Mapped[int | None] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), nullable=True
    )
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    action: Mapped[str] = mapped_column(String(30))
    # The finding id changed, "audit" for metadata, "record" for accept/resolve.
    target: Mapped[str] = mapped_column(String(200))
    # SQL NULL (not JSON null) for "nothing": a finding before it was added, after deletion.
    before: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True)


class Dispute(Base):
    """Two accepted reviews of a report that disagree, until an admin resolves them."""

    __tablename__ = "review_disputes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    first_review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    second_review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    opened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    resolved_by: Mapped[int | None] = mapped_column(
        ForeignKey("reviewers.id", ondelete="SET NULL"), nullable=True
    )


class QueueEntry(Base):
    """How uncertain the extractor was about a report, and which family of reports it is."""

    __tablename__ = "review_queue"
    __table_args__ = (Index("ix_review_queue_family", "family"),)

    report_id: Mapped[str] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    standard: Mapped[str] = mapped_column(String(30))
    # standard / version / audit firm: reports laid out alike (see queue.py).
    family: Mapped[str] = mapped_column(String(300))
    # Lowest finding confidence (0 for a record without findings).
    min_confidence: Mapped[float] = mapped_column(Float)
    # Smallest distance of an ILO score from its label's threshold (1.0 when none is near).
    classifier_margin: Mapped[float] = mapped_column(Float)
    computed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
