"""Per-key rate limits: a token bucket per (API key holder, kind of call), in memory.

Buckets live in the web process: with one `serve` process (the default) that is the whole
service. Behind a load balancer with several web processes each enforces its own buckets, so
the effective limit is multiplied by their number; a shared store would be needed for exact
limits there.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Allow `burst` calls at once and `per_minute` on average, per key."""

    def __init__(self, per_minute: float, burst: int) -> None:
        self.rate_per_s = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[object, _Bucket] = {}
        self._lock = threading.Lock()

    def acquire(self, key: object, now: float | None = None) -> float:
        """Take one token for `key`; return 0 when allowed, else seconds until one is free."""
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(tokens=self.burst, updated=now)
            refill = (now - bucket.updated) * self.rate_per_s
            bucket.tokens = min(self.burst, bucket.tokens + refill)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            if self.rate_per_s <= 0:
                return math.inf
            return (1.0 - bucket.tokens) / self.rate_per_s


def retry_after_header(wait_s: float) -> str:
    """Retry-After in whole seconds, at least 1."""
    return str(max(1, math.ceil(wait_s))) if math.isfinite(wait_s) else "3600"
