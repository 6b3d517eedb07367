"""Audit metadata from an introduction written as prose, when the cover has no labelled fields.

'This surveillance audit against SA8000 was conducted by Fairwork Verification Group at Saffron
Leather S.A. de C.V., located at Huangjiang Town, Ningbo, China. The audit took place on 19
December 2020 and was announced. ... employed 321 workers.' Each reader looks for one cue and
returns None without it; the report date or a previous audit's date is never read as the audit
date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from extractor.audit.audit_kinds import announcement_from, audit_type_from
from extractor.audit.cover import clean
from extractor.audit.dates import DateOrder, find_dates
from extractor.audit.firms import firm_name
from extractor.audit.workforce import numbers
from extractor.reading.document import Document

INTRO_LINES = 60
_ORG = (
    r"([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|\([A-Z][\w.]*\)|&|and|of|de|du|la|del|y))*\.?"
    r"(?:,\s+(?:Ltd|Limited|Inc|LLC|S\.A|JSC|Co)\.?)?)"
)
_AUDIT = r"(?:audit|assessment|inspection|visit|verification|evaluation|monitoring)"
_TYPE_WORDS = (
    r"initial|follow[\s-]?up|periodic|annual|surveillance|re-?certification|re-?audit"
    r"|re-?assessment|special|closure|investigation"
)
# A date after one of these cues is the visit; "report issued on" and "previous audit" are not.
_DATE_CUE = re.compile(
    r"\b(?:on|took place|conducted|carried out|performed|visited|from|between|beginning|began"
    r"|started|starting|held|dated)\b(?=(.{0,60}))",
    re.S | re.IGNORECASE,
)
_NOT_VISIT = re.compile(
    r"\b(?:report|issued|previous|last|prior|next|due|valid|expir\w*|certificate|established"
    r"|founded|since)\b[^.]{0,40}$",
    re.IGNORECASE,
)


def introduction_text(doc: Document, max_lines: int = INTRO_LINES) -> str:
    """Return the first page's running text (titles left out) as one string, in reading order."""
    if not doc.pages:
        return ""
    page = doc.pages[0]
    lines = sorted(page.lines, key=lambda line: line.column)
    sizes = sorted(line.size for line in lines if line.size)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    # Titles run into the first sentence when joined ("Assessment Asia Audits Co. carried out").
    # OCR'd pages carry no bold and noisy sizes: only clearly larger lines are titles there.
    margin = 2.5 if page.ocr else 0.5
    body = [
        line
        for line in lines
        if not line.bold and (not line.size or line.size <= body_size + margin)
    ]
    return clean(" ".join(line.text for line in body[:max_lines]))


# A name ends where the next sentence starts: "... Pvt. Ltd. The audit was ...".
_NEXT_SENTENCE = re.compile(r"\.\s+(?:The|This|It|At|There|Workers|Total|All)\b.*$")


def _first(patterns: tuple[str, ...], text: str, read: Callable[[str], str | None]) -> str | None:
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            value = read(match.group(1))
            if value:
                return value
    return None


def prose_firm(text: str) -> str | None:
    patterns = (
        rf"(?:conducted|carried out|performed|undertaken|audited|assessed|prepared)"
        rf"(?:\s+(?:on|from|between|in)\s+[^.;]{{3,40}}?)?\s+by\s+{_ORG}",
        # "Lead auditor N. Suksawat Audit conducted on 10/02/2013": a label ("Audit conducted
        # on") after a person, not a firm that conducted something.
        rf"{_ORG}\s+(?:carried out|conducted|performed|undertook|assessed|audited|inspected"
        r"|monitored|visited)\b(?!\s+(?:on|in|from|between|at|by|date)\b)",
    )
    return _first(
        patterns,
        text,
        lambda value: firm_name(re.sub(r"^The\s+", "", _NEXT_SENTENCE.sub(".", value))),
    )


def prose_site_name(text: str) -> str | None:
    patterns = (
        rf"\b{_AUDIT}(?:\s*\([^)]*\))?\s+of\s+{_ORG}\s+(?:on|in|at|from|between|was|were|has|is)\b",
        rf"\b(?:at|of|assessed|audited|inspected|visited)\s+(?:the\s+(?:site|factory|facility)\s+)?"
        rf"{_ORG},?\s+(?:located|situated|based)\b",
        rf"(?:^|\.\s+){_ORG}\s+(?:was|is)\s+(?:established|founded|registered|incorporated)\b",
    )
    return _first(patterns, text, lambda value: _NEXT_SENTENCE.sub(".", value).rstrip(",") or None)


def prose_address(text: str) -> str | None:
    patterns = (
        r"(?:located|situated|based)\s+(?:at|in)\s+(.+?)(?:,?\s+and\s+(?:employs|has|had|is)\b|"
        r",\s+(?:was|were|is|has|had)\b|\.\s+(?:The|At|It|This|There|Workers|Total|A|An|In|On)\b"
        r"|\.$)",
    )
    return _first(patterns, text, lambda value: clean(value) or None)


def prose_date(text: str, order: DateOrder | None = None) -> dt.date | None:
    for match in _DATE_CUE.finditer(text):
        if _NOT_VISIT.search(text[max(0, match.start() - 60) : match.start()]):
            continue
        dates = find_dates(match.group(1), order=order)
        if dates and dates[0].start <= 25:
            return dates[0].date
    return None


def prose_workers(text: str) -> int | None:
    match = re.search(
        r"(?:employs|employed|employing|workforce of|total of|headcount of|staff of)\s+"
        r"(?:about\s+|approximately\s+|around\s+|some\s+)?(\d[\d,]*)\b(?!\s*%)",
        text,
        re.IGNORECASE,
    ) or re.search(
        r"(\d[\d,]*)\s+(?:workers|employees|staff|people|persons)\s+(?:were\s+|are\s+)?"
        r"(?:employed|on site|on the payroll|work at)",
        text,
        re.IGNORECASE,
    )
    found = numbers(match.group(1)) if match else []
    return found[0] if found else None


def prose_announcement(text: str) -> str | None:
    match = (
        re.search(
            rf"{_AUDIT}\s+(?:\w+\s+){{0,8}}?(?:was|were)\s+(?:conducted\s+|carried out\s+)?"
            r"((?:fully\s+|semi[\s-]?|partially\s+|not\s+)?(?:un-?)?announced)",
            text,
            re.IGNORECASE,
        )
        or re.search(
            rf"\b(semi[\s-]?announced|unannounced|announced)\s+(?:[\w-]+\s+){{0,2}}{_AUDIT}\b",
            text,
            re.IGNORECASE,
        )
        or re.search(
            # A cover field run into the text: "Audit announcement Semi-announced", "Notice:
            # Unannounced", "Announcement type Unannounced".
            r"\b(?:announcement|notice|notification)(?:\s+(?:type|status|mode))?\s*[:\-]?\s*"
            r"((?:semi[\s-]?|un-?)?announced)\b(?!\s*[/|]|\s+or\b)",
            text,
            re.IGNORECASE,
        )
    )
    return announcement_from(match.group(1)) if match else None


def prose_audit_type(text: str) -> str | None:
    match = re.search(
        rf"\b((?:{_TYPE_WORDS})\b(?:\s+[\w-]+){{0,3}}?\s+{_AUDIT})", text, re.IGNORECASE
    ) or re.search(rf"\b{_AUDIT}\s*\(((?:{_TYPE_WORDS}))\)", text, re.IGNORECASE)
    if not match or re.search(r"\b(?:previous|last|prior|next)\s*$", text[: match.start()]):
        return None
    return audit_type_from(match.group(1))
