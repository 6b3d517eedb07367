"""Read the audit's metadata (firm, site, country, date, type, announcement, headcount).

Values come from labelled pairs, in tables (label cell, value cell) and in running text
("Site name: X", or a label and a value side by side on one row), and failing that from the
introduction's prose ("... carried out ... on 12 March 2019"). A field that is not printed stays
None: this module never guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from extractor.audit.countries import country_code, split_trailing_country
from extractor.audit.dates import parse_date
from extractor.reading.document import Document, Line
from extractor.record.schema import Announcement, AuditInfo, AuditType, Standard

META_PAGES = 3
MAX_LABEL_WORDS = 7

# Label vocabulary per field, matched against the whole label (lower-case, no punctuation).
LABELS: dict[str, tuple[str, ...]] = {
    "audit_firm": (
        r"(name of )?(the )?(audit|auditing|assessment|certification) "
        r"(company|firm|body|organi[sz]ation)( name)?",
        r"certification body|audit body|auditor company|auditing company|audit firm",
        r"(conducted|performed|audited) by",
        r"auditor|assessor|audit company",
    ),
    "site_name": (
        r"(name of )?(the )?"
        r"(site|facility|factory|auditee|supplier|company|organi[sz]ation|workplace)( name)?",
        r"(site|facility|factory|auditee|supplier|company|business) name",
    ),
    "site_address": (
        r"(site|facility|factory|auditee|company|business|organi[sz]ation)? ?(address|location)"
        r"( of (the )?(site|facility|factory))?",
        r"location",
    ),
    "country": (r"(site |facility )?country( of (the )?(site|audit|facility))?",),
    "audit_date": (
        r"(first )?(date|dates|day|days)( of)?( the)? (audit|assessment|visit|inspection)s?"
        r"( on site)?",
        r"(audit|assessment|visit|inspection) (start )?(date|dates)",
        r"audit date ?s?( from)?",
    ),
    "audit_type": (
        r"(audit|assessment|visit) (type|methodology)",
        r"type of (the )?(audit|assessment|visit)",
    ),
    "announcement": (
        r"(audit |visit |assessment )?(announcement|notification)( type)?",
        r"(was the )?(audit|visit|assessment) (announced|notification)",
        r"announced( unannounced)?( semi announced)?",
    ),
    "workers_total": (
        r"(total )?(number|no) of (workers|employees|staff)( on site)?( total)?",
        r"total (workers|employees|workforce|headcount|staff)",
        r"(workers|employees|workforce|headcount|staff)( total)?",
    ),
}

_COMPILED = {
    field: tuple(re.compile(pattern) for pattern in patterns) for field, patterns in LABELS.items()
}
# Labels that look like a field's but name a person or something else.
_NOT_LABELS = re.compile(r"lead auditor|auditor name|auditors|team|signature|reference|id$")

_ORG_WORDS = re.compile(
    r"\b(co|ltd|limited|inc|llc|llp|gmbh|s\.?a|plc|pvt|services|partners|group|audits?|"
    r"auditing|compliance|assurance|verification|certification|consult\w*|bureau|"
    r"international|associates|solutions|sgs|intertek|tuv|tüv|ul|bv|elevate|qima)\b",
    re.I,
)
_PERSON = re.compile(r"^(mr|ms|mrs|dr)?\.?\s*[A-Z]\.(\s*[A-Z]\.)?\s+[A-Z][a-z]+$")


def extract_audit_info(doc: Document, standard: Standard, version: str | None) -> AuditInfo:
    """Return the audit's metadata; fields that are not printed are None."""
    pairs = list(labelled_pairs(doc))
    values: dict[str, str] = {}
    for label, value in pairs:
        field = label_field(label)
        if field and field not in values and value.strip():
            values[field] = value.strip()
    prose = introduction_text(doc)

    firm = firm_name(values.get("audit_firm")) or prose_firm(prose)
    site_name = _clean(values.get("site_name")) or prose_site_name(prose)
    address = _clean(values.get("site_address")) or prose_address(prose)
    country = country_code(values.get("country"))
    if address:
        address, address_country = split_trailing_country(address)
        country = country or address_country
    date = parse_date(values.get("audit_date")) or prose_date(prose)
    type_text = values.get("audit_type")
    audit_type = audit_type_from(type_text) or prose_audit_type(prose)
    announcement = (
        announcement_from(values.get("announcement"))
        or announcement_from(type_text)
        or prose_announcement(prose)
    )
    workers = first_int(values.get("workers_total")) or prose_workers(prose)
    return AuditInfo(
        standard=standard,
        standard_version=version,
        audit_firm=firm,
        site_name=site_name,
        site_address=address.rstrip(" .,;") if address else None,
        country=country,
        audit_date=date,
        audit_type=audit_type,
        announcement=announcement,
        workers_total=workers,
    )


# --- labelled pairs -------------------------------------------------------------------------


def label_field(label: str) -> str | None:
    """Return the metadata field a printed label names, or None."""
    key = re.sub(r"[^a-z0-9]+", " ", label.lower()).strip()
    if not key or len(key.split()) > MAX_LABEL_WORDS or _NOT_LABELS.search(key):
        return None
    for field, patterns in _COMPILED.items():
        if any(pattern.fullmatch(key) for pattern in patterns):
            return field
    return None


def labelled_pairs(doc: Document, pages: int = META_PAGES) -> Iterator[tuple[str, str]]:
    """Yield (label, value) pairs from two-cell table rows and from labelled lines."""
    wanted = {page.number for page in doc.pages[:pages]}
    for table in doc.tables:
        for row in table.rows:
            cells = [_clean(cell) for cell in row.cells if cell and cell.strip()]
            if row.page in wanted and len(cells) == 2:
                yield cells[0].rstrip(":"), cells[1]
    for page in doc.pages[:pages]:
        yield from _line_pairs(page.lines)


def _line_pairs(lines: list[Line]) -> Iterator[tuple[str, str]]:
    rows = visual_rows(lines)
    for index, row in enumerate(rows):
        label, value = _split_row(row)
        if label is None or not label_field(label):
            continue
        # A value that wraps continues on the next rows, aligned with the value's left edge.
        value_x = row[1].bbox[0] if len(row) > 1 else None
        for follow in rows[index + 1 : index + 3]:
            if (
                value_x is not None
                and len(follow) == 1
                and abs(follow[0].bbox[0] - value_x) < 3
                and _split_row(follow)[0] is None
            ):
                value = f"{value} {follow[0].text}"
            else:
                break
        yield label, value


def _split_row(row: list[Line]) -> tuple[str | None, str]:
    if len(row) >= 2:
        return row[0].text.strip().rstrip(":"), " ".join(line.text for line in row[1:])
    match = re.match(r"^\s*([^:]{2,60}?)\s*:\s+(.+)$", row[0].text)
    if match:
        return match.group(1), match.group(2)
    return None, row[0].text


def visual_rows(lines: list[Line], tolerance: float = 2.5) -> list[list[Line]]:
    """Group lines printed side by side (same page, column, baseline) into rows, left to right."""
    rows: list[list[Line]] = []
    for line in lines:
        last = rows[-1][-1] if rows else None
        if (
            last is not None
            and last.page == line.page
            and last.column == line.column
            and abs(last.bbox[1] - line.bbox[1]) <= tolerance
            and line.bbox[0] > last.bbox[0]
        ):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


# --- values -----------------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def first_int(text: str | None) -> int | None:
    """Return the first whole number in `text` ('1,234 workers' -> 1234), or None."""
    match = re.search(r"\d[\d,. ]*\d|\d", text or "")
    if not match:
        return None
    digits = re.sub(r"[,. ](?=\d{3}\b)", "", match.group(0))
    return int(digits) if digits.isdigit() else None


def firm_name(text: str | None) -> str | None:
    """Return the organisation in an auditor field ('M. Chen, Asia Audits Co.' -> the firm)."""
    text = _clean(text)
    if not text:
        return None
    parts = [p.strip() for p in re.split(r"\s*[(),;/]\s*|\s+-\s+", text) if p.strip()]
    for part in parts:
        if _ORG_WORDS.search(part) and not _PERSON.match(part):
            # "Asia Ethical Audits Co." may have been cut at a comma before "Ltd."
            return _rejoin_suffix(text, part)
    return None if all(_PERSON.match(p) for p in parts) else text


def _rejoin_suffix(text: str, part: str) -> str:
    match = re.search(re.escape(part) + r"(,\s*(?:Ltd|Limited|Inc|LLC|S\.A|Co)\.?)", text)
    return part + match.group(1) if match else part


def audit_type_from(text: str | None) -> AuditType | None:
    """Map printed audit-type wording to initial, periodic, follow_up, re_audit or special."""
    key = _clean(text).lower()
    if not key:
        return None
    rules: tuple[tuple[str, AuditType], ...] = (
        (r"follow[\s-]?up|closure|close[\s-]?out|verification|re-?visit", "follow_up"),
        (r"special|investigat|complaint|spot check|ad[\s-]?hoc", "special"),
        (r"\binitial\b|\bfirst\b|\bfull audit\b(?!.*(periodic|annual))", "initial"),
        (r"periodic|annual|surveillance|re-?certification|renewal|recurring|full", "periodic"),
        (r"re-?audit|re-?assessment", "re_audit"),
    )
    for pattern, audit_type in rules:
        if re.search(pattern, key):
            return audit_type
    return None


def announcement_from(text: str | None) -> Announcement | None:
    """Map printed announcement wording to announced, semi_announced or unannounced."""
    key = _clean(text).lower()
    if not key:
        return None
    if re.search(r"semi[\s-]?announced|\bwindow\b|partially announced", key):
        return "semi_announced"
    if re.search(r"\bun-?announced|not announced|without notice", key):
        return "unannounced"
    if re.search(r"\bannounced\b", key):
        return "announced"
    if key in {"yes", "y"}:
        return "announced"
    if key in {"no", "n"}:
        return "unannounced"
    return None


# --- prose ------------------------------------------------------------------------------------

_ORG = (
    r"([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|and|of|de|du|la))*\.?"
    r"(?:,\s+(?:Ltd|Limited|Inc|LLC|S\.A|JSC|Co)\.?)?)"
)
_TYPE_WORDS = (
    r"initial|follow[\s-]?up|periodic|annual|surveillance|re-?certification|re-?audit"
    r"|special|closure"
)


def introduction_text(doc: Document, max_lines: int = 40) -> str:
    """Return the first page's body text (headings left out) as one string, in reading order."""
    if not doc.pages:
        return ""
    lines = sorted(doc.pages[0].lines, key=lambda line: line.column)
    sizes = sorted(line.size for line in lines)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    # Titles run into the first sentence when joined ("Assessment Asia Audits Co. carried out").
    body = [line for line in lines if not line.bold and line.size <= body_size + 0.5]
    return _clean(" ".join(line.text for line in body[:max_lines]))


def _first(patterns: tuple[str, ...], text: str, clean: Callable[[str], str | None]) -> str | None:
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            value = clean(match.group(1))
            if value:
                return value
    return None


def prose_firm(text: str) -> str | None:
    patterns = (
        rf"(?:conducted|carried out|performed|undertaken|audited)\s+by\s+{_ORG}",
        rf"{_ORG}\s+(?:carried out|conducted|performed|undertook)\b",
    )
    return _first(patterns, text, firm_name)


def prose_site_name(text: str) -> str | None:
    patterns = (
        rf"\b(?:audit|assessment|inspection|visit)(?:\s*\([^)]*\))?\s+of\s+{_ORG}\s+"
        r"(?:on|in|at|from|between)\b",
        rf"\bat\s+{_ORG},?\s+(?:located|situated|based)\b",
    )
    return _first(patterns, text, lambda value: value.rstrip(",") or None)


_DATE_CUE = re.compile(
    r"(?:\bon|took place|conducted|carried out|visited|from|between)\b(?=(.{0,60}))", re.S
)


def prose_address(text: str) -> str | None:
    patterns = (
        r"(?:located|situated|based)\s+(?:at|in)\s+(.+?)(?:,?\s+and\s+(?:employs|has|had)\b|"
        r"\.\s+(?:The|At|It|This|There|Workers|Total)\b)",
    )
    return _first(patterns, text, lambda value: _clean(value) or None)


def prose_date(text: str) -> dt.date | None:
    for match in _DATE_CUE.finditer(text):
        date = parse_date(match.group(1))
        if date:
            return date
    return None


def prose_workers(text: str) -> int | None:
    match = re.search(
        r"(?:employs|employed|employing|workforce of|total of|headcount of)\s+(?:about\s+)?"
        r"(\d[\d,]*)\s+(?:workers|employees|staff|people|persons)",
        text,
        re.I,
    ) or re.search(r"(\d[\d,]*)\s+(?:workers|employees)\s+(?:were\s+)?(?:employed|on site)", text)
    return first_int(match.group(1)) if match else None


def prose_announcement(text: str) -> Announcement | None:
    match = re.search(
        r"(?:audit|visit|assessment)\s+(?:\w+\s+){0,8}?(?:was|were)\s+((?:fully\s+|semi[\s-]?)?"
        r"(?:un-?)?announced)",
        text,
        re.I,
    ) or re.search(r"\b(semi[\s-]?announced|unannounced|announced)\s+(?:audit|visit)\b", text, re.I)
    return announcement_from(match.group(1)) if match else None


def prose_audit_type(text: str) -> AuditType | None:
    match = re.search(
        rf"\b((?:{_TYPE_WORDS})\b(?:\s+\w+){{0,3}}?\s+(?:audit|assessment|visit))", text, re.I
    ) or re.search(rf"\b(?:audit|assessment|visit)\s*\(((?:{_TYPE_WORDS}))\)", text, re.I)
    return audit_type_from(match.group(1)) if match else None
