"""Find and parse dates as audit reports print them, into `datetime.date`.

Handles ISO and numeric dates ("2012-03-12", "12.03.2012", "12/03/2012"), named months in either
order with ordinals ("3rd March 2012", "March 12th, 2012", "17-May-2018"), ranges ("March 12-13,
2012", "12–13 March 2012", "28 Feb - 2 Mar 2012", "2012-03-12 to 2012-03-14": the first day) and
trailing durations ("June 12, 2020 (2 days)"). Numeric dates whose day and month could be swapped
are read in the order the caller passes, which `infer_date_order` derives from the other dates of
the document and the country's convention. This module only parses: it never invents a date that
is not printed (a month and year alone is not a date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

DateOrder = Literal["dmy", "mdy"]

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

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))


def _month(group: str) -> str:
    return rf"(?P<{group}>{_MONTH_NAMES})\.?"


def _day(group: str) -> str:
    return rf"(?P<{group}>[0-3]?\d)(?:st|nd|rd|th)?"


_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TO = r"\s*(?:-|–|—|~|to|till|until|through|thru|and|&|/)\s*"
_NO_DIGIT_BEFORE = r"(?<![\d./-])"
_NO_DIGIT_AFTER = r"(?!\d|[./-]\d)"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2012-03-12, 2012/03/12, 2012.03.12
    re.compile(
        rf"{_NO_DIGIT_BEFORE}{_YEAR}(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d){_NO_DIGIT_AFTER}"
    ),
    # 2017-11-20/21, 2017-11-20 to 22: a range of days after an ISO date
    re.compile(
        rf"{_NO_DIGIT_BEFORE}{_YEAR}(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)"
        rf"(?:\s*/\s*|{_TO})[0-3]?\d{_NO_DIGIT_AFTER}"
    ),
    # 2012年3月12日
    re.compile(rf"{_YEAR}\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    # 3rd March 2012, 12-13 March 2012, 28 Feb - 2 Mar 2012, 3rd of March, 2012
    re.compile(
        rf"\b{_day('day')}(?:{_TO}[0-3]?\d(?:st|nd|rd|th)?)?(?:\s+of)?[\s\-/.]*{_month('month')}"
        rf"(?:{_TO}[0-3]?\d(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]*(?:{_MONTH_NAMES})\.?)?"
        rf",?[\s\-/.]*{_YEAR}{_NO_DIGIT_AFTER}",
        re.IGNORECASE,
    ),
    # 17-May-18, 17/May/18, 17 May '18: a two-digit year only in these tight forms
    re.compile(
        rf"\b{_day('day')}(?:(?P<s>[-/]){_month('month')}(?P=s)|\s+{_month('month2')}\s+')"
        r"(?P<year>\d{2})(?!\d)",
        re.IGNORECASE,
    ),
    # March 12, 2012; March 12-13, 2012; Feb 28 - Mar 2, 2012; March 12th 2012
    re.compile(
        rf"\b{_month('month')}\s*{_day('day')}"
        rf"(?:{_TO}(?:(?:{_MONTH_NAMES})\.?\s*)?[0-3]?\d(?:st|nd|rd|th)?)?"
        rf",?\s*{_YEAR}{_NO_DIGIT_AFTER}",
        re.IGNORECASE,
    ),
    # 20-21/09/2015, 20–21.09.2015: a range of days in one month
    re.compile(
        rf"{_NO_DIGIT_BEFORE}(?<!day )(?<!Day )(?<!DAY )"
        rf"(?P<a>[0-3]?\d)\s*[-–]\s*(?P<last>[0-3]?\d)(?P<s>[/.])(?P<b>[01]?\d)(?P=s)"
        rf"{_YEAR}{_NO_DIGIT_AFTER}"
    ),
    # 12.03.2012, 12/03/2012, 12-03-2012 (day and month order resolved by the caller)
    re.compile(
        rf"{_NO_DIGIT_BEFORE}(?P<a>[0-3]?\d)(?P<s>[-/.])(?P<b>[0-3]?\d)(?P=s){_YEAR}{_NO_DIGIT_AFTER}"
    ),
)


_ANY_DIGIT = re.compile(r"\d")


class DateMatch(BaseModel):
    """A date printed in a text: its first day, where it is, and whether its order was guessed."""

    date: dt.date
    start: int
    end: int
    text: str
    ambiguous: bool = False  # numeric, day and month both <= 12 and different


def find_dates(text: str | None, *, order: DateOrder | None = None) -> list[DateMatch]:
    """Return every date printed in `text`, in reading order; a range counts once (first day).

    Numeric dates that could be read either way use `order` (day first when None).
    """
    # Every pattern needs a digit (a day, a month number or a year): most texts have none.
    if not text or _ANY_DIGIT.search(text) is None:
        return []
    return [
        DateMatch(date=date, start=start, end=end, text=printed, ambiguous=ambiguous)
        for date, start, end, printed, ambiguous in _date_spans(text, order)
    ]


# Texts per worker whose dates are kept: the reader's fields, clause search and grouping ask
# about the same texts many times (5,501 questions on 1,463 texts in the long-report bench).
# Plain tuples are kept, never the mutable `DateMatch`es.
DATE_CACHE_SIZE = 8192


@lru_cache(maxsize=DATE_CACHE_SIZE)
def _date_spans(
    text: str, order: DateOrder | None
) -> tuple[tuple[dt.date, int, int, str, bool], ...]:
    """`find_dates` of a text with a digit as (date, start, end, text, ambiguous) tuples."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            parsed = _to_date(match, order)
            if parsed is None:
                continue
            date, ambiguous = parsed
            taken.append(span)
            found.append(
                DateMatch(
                    date=date, start=span[0], end=span[1], text=match.group(0), ambiguous=ambiguous
                )
            )
    return tuple(
        (d.date, d.start, d.end, d.text, d.ambiguous)
        for d in sorted(found, key=lambda found_date: found_date.start)
    )


def parse_date(text: str | None, *, order: DateOrder | None = None) -> dt.date | None:
    """Return the first date printed in `text` (a range's first day), or None when there is none."""
    dates = find_dates(text, order=order)
    return dates[0].date if dates else None


def numeric_order_evidence(texts: Iterable[str]) -> DateOrder | None:
    """Return the order that the unambiguous numeric dates in `texts` follow, or None.

    "25/03/2012" shows day first and "03/25/2012" month first; a document mixing both (or with
    no such date) gives None.
    """
    seen: set[DateOrder] = set()
    numeric = _PATTERNS[-1]
    for text in texts:
        for match in numeric.finditer(text):
            first, second = int(match.group("a")), int(match.group("b"))
            if first > 12 >= second >= 1:
                seen.add("dmy")
            elif second > 12 >= first >= 1:
                seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


_ORDER_HINT = re.compile(
    r"\b(?:(dd?)[\s./-]*(mm?)|(mm?)[\s./-]*(dd?))[\s./-]*(?:yy){1,2}\b", re.IGNORECASE
)


def printed_order_hint(texts: Iterable[str]) -> DateOrder | None:
    """The order a report states for its dates ('Date of visit (dd/mm/yyyy)', '10/02/2013
    (mm/dd/yyyy)'), or None when it states none or states both."""
    seen: set[DateOrder] = set()
    for text in texts:
        for match in _ORDER_HINT.finditer(text):
            seen.add("dmy" if match.group(1) else "mdy")
    return seen.pop() if len(seen) == 1 else None


def infer_date_order(texts: Iterable[str], *, month_first_country: bool = False) -> DateOrder:
    """Decide how to read '03/04/2012' in a document: the order it states ('(mm/dd/yyyy)'),
    then its own unambiguous dates, then the country.

    Most audit firms print day first; US-style month-first is taken only on evidence.
    """
    texts = list(texts)
    hint = printed_order_hint(texts)
    if hint is not None:
        return hint
    evidence = numeric_order_evidence(texts)
    if evidence is not None:
        return evidence
    return "mdy" if month_first_country else "dmy"


def _to_date(match: re.Match[str], order: DateOrder | None) -> tuple[dt.date, bool] | None:
    parts = match.groupdict()
    year = _year(parts["year"])
    if year is None:
        return None
    if parts.get("m"):
        date = _safe_date(year, int(parts["m"]), int(parts["d"]))
        return (date, False) if date else None
    month = parts.get("month") or parts.get("month2")
    if month:
        date = _safe_date(year, MONTHS[month.lower()], int(parts["day"]))
        return (date, False) if date else None
    first, second = int(parts["a"]), int(parts["b"])
    if parts.get("last") and int(parts["last"]) <= first:
        return None  # "Day 1 - 14/03" or "15-3/04" is no range of days
    ambiguous = first <= 12 and second <= 12 and first != second
    day_first = _safe_date(year, second, first)
    month_first = _safe_date(year, first, second)
    date = (month_first or day_first) if order == "mdy" else (day_first or month_first)
    return (date, ambiguous) if date else None


def _year(text: str) -> int | None:
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    # Two-digit years only come with a named month ("17-May-18"); they are this century's.
    value = int(digits)
    return 2000 + value if value <= 49 else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
