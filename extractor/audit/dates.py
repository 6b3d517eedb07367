"""Parse audit dates as printed in reports into `datetime.date`.

Numeric dates are read day-first (the convention of most audit firms outside the US) unless the
day-first reading is impossible. A range ("12-14 March 2019", "2019-03-12 to 2019-03-14") gives
its first day. This module only parses; it never guesses a date that is not printed.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A range's second day ("12-14 March", "12 to 14 March") is skipped so the first day is kept.
_RANGE_END = r"(?:\s*(?:-|–|—|to|/|&|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b"),
    re.compile(rf"\b{_DAY}{_RANGE_END}(?:\s+of)?[\s-]+{_MONTH},?[\s-]+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_RANGE_END},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<year>(?:19|20)\d{2})\b"),
)


def parse_date(text: str | None) -> dt.date | None:
    """Return the first valid date printed in `text`, or None when there is none."""
    if not text:
        return None
    found: list[tuple[int, dt.date]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            date = _to_date(match)
            if date is not None:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("m"):
        return _safe_date(year, int(parts["m"]), int(parts["d"]))
    if parts.get("month"):
        return _safe_date(year, MONTHS[parts["month"].lower()], int(parts["day"]))
    first, second = int(parts["a"]), int(parts["b"])
    # Day-first unless that is impossible (then the US month-first reading).
    return _safe_date(year, second, first) or _safe_date(year, first, second)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
