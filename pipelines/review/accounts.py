"""Reviewer accounts and their login sessions: add, list, disable, set a password; log in/out.

`audit-extractor reviewers ...` (`cli_reviewers.py`) and the login page call these. A session is
a random token in an HttpOnly cookie; the database keeps only its sha256, so a copy of the
database cannot be used to log in. Reviewers are not members: they never see API keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipelines.review.passwords import (
    check_strength,
    dummy_verify,
    hash_password,
    needs_rehash,
    verify_password,
)
from pipelines.review.tables import ROLE_ADMIN, ROLES, Reviewer, ReviewSession
from pipelines.service.tables import utcnow

SESSION_TOKEN_BYTES = 32
SESSION_LIFETIME = dt.timedelta(hours=12)
MAX_NAME_LENGTH = 100


class AccountError(ValueError):
    """A `reviewers` command or login that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class SignedIn:
    """The reviewer behind a request's session cookie."""

    reviewer_id: int
    name: str
    role: str
    csrf_token: str
    session_id: int

    @property
    def is_admin(self) -> bool:
        return self.role == ROLE_ADMIN


def add_reviewer(session: Session, name: str, password: str, *, role: str) -> Reviewer:
    """Create a reviewer account; the password is checked for length and stored hashed."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH or any(c.isspace() for c in name):
        raise AccountError(
            f"a reviewer name is 1-{MAX_NAME_LENGTH} characters without spaces, not {name!r}"
        )
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if session.scalar(select(Reviewer).where(Reviewer.name == name)) is not None:
        raise AccountError(f"reviewer {name!r} already exists (use `reviewers password {name}`)")
    check_strength(password)
    reviewer = Reviewer(name=name, password_hash=hash_password(password), role=role)
    session.add(reviewer)
    session.flush()
    return reviewer


def set_password(session: Session, name: str, password: str) -> None:
    """Replace a reviewer's password and end all of their sessions."""
    reviewer = _reviewer(session, name)
    check_strength(password)
    reviewer.password_hash = hash_password(password)
    session.execute(delete(ReviewSession).where(ReviewSession.reviewer_id == reviewer.id))


def disable_reviewer(session: Session, name: str) -> None:
    """Stop a reviewer from logging in, and end their sessions; their reviews stay."""
    reviewer = _reviewer(session, name)
    reviewer.disabled_at = utcnow()
    session.execute(delete(ReviewSession).where(ReviewSession.reviewer_id == reviewer.id))


def list_reviewers(session: Session) -> list[Reviewer]:
    return list(session.scalars(select(Reviewer).order_by(Reviewer.name)))


def check_login(session: Session, name: str, password: str) -> Reviewer | None:
    """The active reviewer with this name and password, or None (same time either way)."""
    reviewer = session.scalar(select(Reviewer).where(Reviewer.name == name.strip()))
    if reviewer is None or reviewer.disabled_at is not None:
        dummy_verify(password)
        return None
    if not verify_password(password, reviewer.password_hash):
        return None
    if needs_rehash(reviewer.password_hash):
        reviewer.password_hash = hash_password(password)
    return reviewer


def start_session(session: Session, reviewer: Reviewer) -> str:
    """Open a login session for `reviewer`; return the token for the cookie (shown once)."""
    token = secrets.token_urlsafe(SESSION_TOKEN_BYTES)
    now = utcnow()
    session.add(
        ReviewSession(
            token_hash=token_digest(token),
            reviewer_id=reviewer.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    # Expired sessions are removed as new ones start, so the table stays small.
    session.execute(delete(ReviewSession).where(ReviewSession.expires_at < now))
    return token


def session_reviewer(session: Session, token: str) -> SignedIn | None:
    """The reviewer logged in with `token`, or None when unknown, expired or disabled."""
    row = session.execute(
        select(ReviewSession, Reviewer)
        .join(Reviewer, Reviewer.id == ReviewSession.reviewer_id)
        .where(ReviewSession.token_hash == token_digest(token))
    ).first()
    if row is None:
        return None
    login, reviewer = row
    if login.expires_at <= utcnow() or reviewer.disabled_at is not None:
        return None
    return SignedIn(
        reviewer_id=reviewer.id,
        name=reviewer.name,
        role=reviewer.role,
        csrf_token=login.csrf_token,
        session_id=login.id,
    )


def end_session(session: Session, token: str) -> None:
    session.execute(delete(ReviewSession).where(ReviewSession.token_hash == token_digest(token)))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _reviewer(session: Session, name: str) -> Reviewer:
    reviewer = session.scalar(select(Reviewer).where(Reviewer.name == name))
    if reviewer is None:
        raise AccountError(f"no reviewer named {name!r} (see `reviewers list`)")
    return reviewer
