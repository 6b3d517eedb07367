"""Members and their API keys: add, list, issue a key, revoke, set a webhook; authenticate.

`audit-extractor members ...` (`cli_members.py`) runs these against the same database and key
secret as `serve`. A new key is printed once and never stored; only its HMAC digest is (see
`keys.py`).
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets

from pydantic import BaseModel
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pipelines.service.keys import key_digest, new_api_key, shown_prefix
from pipelines.service.tables import ApiKey, Member, Report, utcnow

WEBHOOK_SECRET_BYTES = 32


class MemberSummary(BaseModel):
    name: str
    created_at: dt.datetime
    revoked: bool
    active_keys: list[str]
    reports: int
    webhook_url: str | None


class MemberError(Exception):
    """A `members` command that cannot be carried out; the message says why."""


def add_member(session: Session, secret: bytes, name: str) -> str:
    """Create a member with one API key; return the key (shown once)."""
    name = name.strip()
    if not name:
        raise MemberError("a member needs a non-empty name")
    if session.scalar(select(Member).where(Member.name == name)) is not None:
        raise MemberError(f"member {name!r} already exists (use `members key {name}`)")
    member = Member(name=name)
    session.add(member)
    session.flush()
    return _issue(session, secret, member)


def issue_key(session: Session, secret: bytes, name: str) -> str:
    """Give an existing, active member one more API key; return it (shown once)."""
    member = _active_member(session, name)
    return _issue(session, secret, member)


def _issue(session: Session, secret: bytes, member: Member) -> str:
    api_key = new_api_key()
    digest = key_digest(secret, api_key)
    session.add(ApiKey(member_id=member.id, key_hash=digest, prefix=shown_prefix(api_key)))
    return api_key


def revoke(session: Session, name: str, key_prefix: str | None = None) -> int:
    """Revoke one key (by its shown prefix) or, without a prefix, the member and all its keys."""
    member = _member(session, name)
    now = utcnow()
    condition = [ApiKey.member_id == member.id, ApiKey.revoked_at.is_(None)]
    if key_prefix is not None:
        condition.append(ApiKey.prefix == key_prefix)
    else:
        member.revoked_at = now
    result = session.execute(update(ApiKey).where(*condition).values(revoked_at=now))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def set_webhook(session: Session, name: str, url: str | None) -> str | None:
    """Set (or clear, with None) a member's webhook; return the new signing secret."""
    member = _active_member(session, name)
    if url is None:
        member.webhook_url = member.webhook_secret = None
        return None
    if not url.startswith(("http://", "https://")):
        raise MemberError(f"webhook URL must start with http:// or https://, not {url!r}")
    member.webhook_url = url
    member.webhook_secret = "whsec_" + secrets.token_urlsafe(WEBHOOK_SECRET_BYTES)
    return member.webhook_secret


def list_members(session: Session) -> list[MemberSummary]:
    counts = dict(
        session.execute(select(Report.member_id, func.count()).group_by(Report.member_id)).all()
    )
    summaries = []
    for member in session.scalars(select(Member).order_by(Member.name)):
        summaries.append(
            MemberSummary(
                name=member.name,
                created_at=member.created_at,
                revoked=member.revoked_at is not None,
                active_keys=[k.prefix + "..." for k in member.keys if k.revoked_at is None],
                reports=counts.get(member.id, 0),
                webhook_url=member.webhook_url,
            )
        )
    return summaries


def authenticate(session: Session, secret: bytes, api_key: str) -> Member | None:
    """The active member owning `api_key`, or None."""
    digest = key_digest(secret, api_key)
    row = session.execute(
        select(ApiKey, Member)
        .join(Member, Member.id == ApiKey.member_id)
        .where(ApiKey.key_hash == digest)
    ).first()
    if row is None:
        return None
    key, member = row
    if not hmac.compare_digest(key.key_hash, digest):
        return None
    if key.revoked_at is not None or member.revoked_at is not None:
        return None
    return member


def _member(session: Session, name: str) -> Member:
    member = session.scalar(select(Member).where(Member.name == name))
    if member is None:
        raise MemberError(f"no member named {name!r} (see `members list`)")
    return member


def _active_member(session: Session, name: str) -> Member:
    member = _member(session, name)
    if member.revoked_at is not None:
        raise MemberError(f"member {name!r} has been revoked")
    return member
