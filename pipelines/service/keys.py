"""API keys: make them, and turn them into the digest the database stores.

A key is 32 random bytes (256 bits), so a slow password hash (scrypt, argon2) would buy nothing:
nobody can guess such a key offline. What matters is that a stolen database does not yield
usable keys and that a request can find its key with one indexed lookup. So the database holds
HMAC-SHA256(server secret, key): unusable without the secret (kept in the file store or in
$AUDIT_EXTRACTOR_KEY_SECRET, not in the database), deterministic so it can be indexed, and
compared with `hmac.compare_digest` after the lookup. An attacker timing the index lookup learns
about digests of their guesses, never about the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_PREFIX = "aek_"
KEY_BYTES = 32
SECRET_BYTES = 32
SHOWN_PREFIX_LENGTH = 12


def new_api_key() -> str:
    """Return a new key: a fixed prefix (so leaked keys are easy to spot) and 256 random bits."""
    return KEY_PREFIX + secrets.token_urlsafe(KEY_BYTES)


def key_digest(secret: bytes, api_key: str) -> str:
    """The value stored for `api_key`: HMAC-SHA256 under the server secret, hex."""
    return hmac.new(secret, api_key.encode("utf-8"), hashlib.sha256).hexdigest()


def shown_prefix(api_key: str) -> str:
    """The start of a key, safe to show in listings."""
    return api_key[:SHOWN_PREFIX_LENGTH]


def load_or_create_secret(path: Path, env_value: str | None = None) -> bytes:
    """The server secret: from the environment if set, else a file created once (mode 0600)."""
    if env_value:
        return env_value.encode("utf-8")
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(SECRET_BYTES)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    # link() fails if the file exists: when two processes start at once, the first one's secret
    # wins and both read it; the file never exists half-written.
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return bytes.fromhex(path.read_text().strip())
