"""Hash and check reviewers' passwords with scrypt (Python's standard library).

Passwords, unlike API keys, are chosen by people and can be guessed, so the stored value must be
slow and memory-hard to brute-force: scrypt, which `hashlib` ships (no native dependency to
build or pin), with OWASP's parameters for it (N=2^15, r=8, p=3: 32 MiB and ~0.1 s per check on
one core). The parameters are stored with each hash, so they can be raised later and old hashes
still verify (`needs_rehash` says when to re-hash at the next login). Never logs a password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
N, R, P = 2**15, 8, 3
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LENGTH = 10
MAX_LENGTH = 1024
# scrypt needs 128 * N * r bytes; OpenSSL refuses above `maxmem`, so leave headroom.
_MAXMEM = 256 * 1024 * 1024


class WeakPassword(ValueError):
    """A password refused when set; the message says why."""


def check_strength(password: str) -> None:
    """Refuse passwords too short to resist guessing, or long enough to be a denial of service."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"a password may have at most {MAX_LENGTH} characters")


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """Return `scrypt$n$r$p$salt$digest` (salt and digest base64) for storing."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, n, r, p)
    return "$".join([SCHEME, str(n), str(r), str(p), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` is the one `stored` was made from (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME or len(password) > MAX_LENGTH:
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    """Whether `stored` was made with weaker parameters than today's."""
    try:
        scheme, n, r, p, *_ = stored.split("$")
        return scheme != SCHEME or (int(n), int(r), int(p)) < (N, R, P)
    except ValueError:
        return True


def dummy_verify(password: str) -> None:
    """Spend the time of one check, so an unknown name answers as slowly as a wrong password."""
    _scrypt(password[:MAX_LENGTH], b"\0" * SALT_BYTES, N, R, P)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=KEY_BYTES
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
