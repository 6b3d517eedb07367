"""Deliver the webhook outbox: a signed POST to the member's URL, retried with back-off.

Deliveries are rows written with the record (see `jobs.finish`), so a crash never loses one;
a sender leases a row before sending, so two workers never send it twice at once. The body is
signed with the member's webhook secret: `X-Signature: sha256=HMAC(secret, timestamp + "." +
body)` with the timestamp in `X-Signature-Timestamp`, so a receiver can check both origin and
freshness. A member's own URL is trusted configuration (set by an operator), not user input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.error
import urllib.request

from sqlalchemy import and_, or_, select, update

from extractor import __version__
from pipelines.service.context import ServiceContext
from pipelines.service.tables import Member, WebhookDelivery, utcnow

log = logging.getLogger(__name__)

PENDING = "pending"
SENT = "sent"
FAILED = "failed"
MAX_BACKOFF_S = 3600.0
BATCH = 10


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The X-Signature value for `body` sent at `timestamp` (seconds since the epoch)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def backoff_s(attempts: int, base_s: float) -> float:
    """Seconds to wait after the `attempts`-th failure: doubling, capped at an hour."""
    return min(base_s * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S)


def deliver_due(context: ServiceContext) -> int:
    """Send every delivery that is due; return how many were attempted."""
    attempted = 0
    while True:
        claimed = _claim(context)
        if not claimed:
            return attempted
        for delivery_id in claimed:
            _send(context, delivery_id)
            attempted += 1


def _claim(context: ServiceContext) -> list[int]:
    now = utcnow()
    lease = now + dt.timedelta(seconds=context.settings.webhook_timeout_s * 3)
    due = and_(
        WebhookDelivery.status == PENDING,
        WebhookDelivery.next_attempt_at <= now,
        or_(WebhookDelivery.lease_expires_at.is_(None), WebhookDelivery.lease_expires_at < now),
    )
    with context.sessions.begin() as session:
        ids = list(
            session.scalars(
                select(WebhookDelivery.id)
                .where(due)
                .order_by(WebhookDelivery.next_attempt_at)
                .limit(BATCH)
                .with_for_update(skip_locked=True)
            )
        )
        if not ids:
            return []
        session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id.in_(ids), due)
            .values(lease_expires_at=lease)
            .execution_options(synchronize_session=False)
        )
    return ids


def _send(context: ServiceContext, delivery_id: int) -> None:
    with context.readers.begin() as session:
        row = session.execute(
            select(WebhookDelivery, Member)
            .join(Member, Member.id == WebhookDelivery.member_id)
            .where(WebhookDelivery.id == delivery_id)
        ).first()
        if row is None:
            return
        delivery, member = row
        url, secret = member.webhook_url, member.webhook_secret
        payload, attempts = delivery.payload, delivery.attempts
    error = None
    if not url or not secret:
        error = "the member has no webhook any more"
    else:
        error = post_signed(url, secret, payload, context.settings.webhook_timeout_s)
    now = utcnow()
    attempts += 1
    values: dict = {"attempts": attempts, "lease_expires_at": None, "last_error": error}
    if error is None:
        values.update(status=SENT, sent_at=now)
    elif attempts >= context.settings.webhook_max_attempts or not url:
        values.update(status=FAILED)
        log.warning("webhook delivery %s failed for good: %s", delivery_id, error)
    else:
        wait = backoff_s(attempts, context.settings.webhook_backoff_s)
        values.update(next_attempt_at=now + dt.timedelta(seconds=wait))
    with context.sessions.begin() as session:
        session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )


def post_signed(url: str, secret: str, payload: dict, timeout_s: float) -> str | None:
    """POST `payload` as signed JSON; return None on a 2xx answer, else what went wrong."""
    body = json.dumps(payload, sort_keys=True).encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": f"audit-extractor/{__version__}",
            "X-Signature": sign(secret, timestamp, body),
            "X-Signature-Timestamp": timestamp,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310
            response.read(1024)
            return None
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"[:300]


class WebhookSender(threading.Thread):
    """A background thread of a worker process that sends due deliveries every `interval_s`."""

    def __init__(self, context: ServiceContext, interval_s: float = 1.0) -> None:
        super().__init__(name="webhook-sender", daemon=True)
        self.context = context
        self.interval_s = interval_s
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.interval_s):
            try:
                deliver_due(self.context)
            except Exception:  # noqa: BLE001 - a database hiccup must not end the thread
                log.exception("webhook sender")

    def stop(self) -> None:
        self.stopping.set()
