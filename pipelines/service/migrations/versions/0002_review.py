"""Reviewers, their sessions, reviews, the audit trail, disputes and the review queue.

Revision ID: 0002_review
Revises: 0001_initial
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pipelines.service.tables import UtcDateTime

revision = "0002_review"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _fk(column: str, target: str, *, nullable: bool = False, on_delete: str = "CASCADE"):  # noqa: ANN202
    return sa.Column(
        column, sa.Integer(), sa.ForeignKey(target, ondelete=on_delete), nullable=nullable
    )


def _report_fk(column: str = "report_id", *, primary_key: bool = False) -> sa.Column:
    return sa.Column(
        column,
        sa.String(40),
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "reviewers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("disabled_at", UtcDateTime(), nullable=True),
    )
    op.create_table(
        "review_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _fk("reviewer_id", "reviewers.id"),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        _report_fk(),
        _fk("reviewer_id", "reviewers.id"),
        sa.Column("status", sa.String(20), nullable=False),
        _fk("base_version_id", "record_versions.id"),
        sa.Column("draft", sa.JSON(), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("accepted_at", UtcDateTime(), nullable=True),
        _fk("accepted_version_id", "record_versions.id", nullable=True, on_delete="SET NULL"),
        sa.Column("training_note", sa.Text(), nullable=True),
        sa.UniqueConstraint("report_id", "reviewer_id", name="uq_reviews_report_reviewer"),
    )
    op.create_index("ix_reviews_status", "reviews", ["status", "report_id"])
    op.create_table(
        "review_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _report_fk(),
        _fk("review_id", "reviews.id", nullable=True),
        _fk("reviewer_id", "reviewers.id"),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_index("ix_review_changes_report", "review_changes", ["report_id", "id"])
    op.create_table(
        "review_disputes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _report_fk(),
        _fk("first_review_id", "reviews.id"),
        _fk("second_review_id", "reviews.id"),
        sa.Column("opened_at", UtcDateTime(), nullable=False),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
        _fk("resolved_by", "reviewers.id", nullable=True, on_delete="SET NULL"),
    )
    op.create_table(
        "review_queue",
        _report_fk(primary_key=True),
        sa.Column("standard", sa.String(30), nullable=False),
        sa.Column("family", sa.String(300), nullable=False),
        sa.Column("min_confidence", sa.Float(), nullable=False),
        sa.Column("classifier_margin", sa.Float(), nullable=False),
        sa.Column("computed_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_review_queue_family", "review_queue", ["family"])


def downgrade() -> None:
    op.drop_table("review_queue")
    op.drop_table("review_disputes")
    op.drop_table("review_changes")
    op.drop_table("reviews")
    op.drop_table("review_sessions")
    op.drop_table("reviewers")
