"""Read the audit's metadata (firm, site, address, country, date, type, announcement, headcount).

Values come from labelled fields on the first pages (`cover.py`, vocabulary in
`extractor/data/metadata_fields.json`), the best-named label first, each checked by the reader
of its field (a date must parse, a headcount must be one clear number); then from demographics
tables (worker totals), and failing that from the introduction's prose (`intro.py`). A field that
is not printed, or printed ambiguously, stays None: this module never guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from extractor.audit.addresses import clean_address
from extractor.audit.audit_kinds import announcement_from, audit_type_from
from extractor.audit.countries import country_code, find_country, month_first, region_country
from extractor.audit.cover import META_PAGES, LabelledValue, clean, labelled_values
from extractor.audit.dates import DateOrder, find_dates, infer_date_order, printed_order_hint
from extractor.audit.firms import firm_name, is_organisation
from extractor.audit.intro import (
    introduction_text,
    prose_address,
    prose_announcement,
    prose_audit_type,
    prose_date,
    prose_firm,
    prose_site_name,
    prose_workers,
)
from extractor.audit.labels import is_empty_value
from extractor.audit.workforce import workers_from_tables, workers_from_value
from extractor.reading.document import Document
from extractor.record.schema import AuditInfo, Standard

T = TypeVar("T")
# Sedex and platform references printed beside a site's name are not part of it.
_SITE_IDS = re.compile(
    r"\s*[(\[](?:Z[SCR][\s\-:#]*\d+|(?:sedex|site|facility|factory|supplier)\s*(?:id|ref\w*|no\.?|code)"
    r"[^)\]]*)[)\]]|\s+[-–|]\s*(?:Z[SCR]|ID)[\s\-:#]*\w+$",
    re.IGNORECASE,
)


def extract_audit_info(doc: Document, standard: Standard, version: str | None) -> AuditInfo:
    """Return the audit's metadata; fields that are not printed are None."""
    fields = _by_field(labelled_values(doc))
    prose = introduction_text(doc)
    ocr_pages = set(doc.ocr_pages) | {page.number for page in doc.pages if page.ocr}

    firm = _first_valid(
        fields["audit_firm"], lambda v: firm_name(v.value, person_label=v.rank >= 3)
    ) or prose_firm(prose)
    site_name = _first_valid(fields["site_name"], _site_name) or prose_site_name(prose)

    address_value = next((v for v in fields["site_address"] if not is_empty_value(v.value)), None)
    raw_address = address_value.value if address_value else prose_address(prose)
    address, address_country = clean_address(
        raw_address, ocr=bool(address_value is None or address_value.page in ocr_pages)
    )
    country = (
        _first_valid(fields["country"], lambda v: country_code(v.value) or find_country(v.value))
        or address_country
        or find_country(address)
        or region_country(address)
    )

    order = infer_date_order(_first_pages_text(doc), month_first_country=month_first(country))
    audit_date = _first_valid(
        fields["audit_date"],
        lambda v: _visit_date(v.value, printed_order_hint([v.label, v.value]) or order),
    )
    audit_date = audit_date or prose_date(prose, order)

    audit_type = _first_valid(fields["audit_type"], lambda v: audit_type_from(v.value))
    announcement = _first_valid(
        fields["announcement"], lambda v: announcement_from(v.value, label=v.label)
    ) or _first_valid(fields["audit_type"], lambda v: announcement_from(v.value))
    # A cover value read as a label ('Complaint-based audit (Unannounced)' above 'Date of
    # report'): the type and announcement it prints, when the values gave none.
    kind_labels = [
        v for v in fields["audit_type"] + fields["announcement"] if not _names_field(v.label)
    ]
    audit_type = (
        audit_type
        or _first_valid(kind_labels, lambda v: audit_type_from(v.label))
        or prose_audit_type(prose)
    )
    announcement = (
        announcement
        or _first_valid(kind_labels, lambda v: announcement_from(v.label))
        or prose_announcement(prose)
    )

    exact_workers = [v for v in fields["workers_total"] if v.rank == 1]
    loose_workers = [v for v in fields["workers_total"] if v.rank > 1]
    workers = (
        _first_valid(exact_workers, lambda v: workers_from_value(v.value))
        or workers_from_tables(doc)
        or _first_valid(loose_workers, lambda v: workers_from_value(v.value))
        or prose_workers(prose)
    )
    return AuditInfo(
        standard=standard,
        standard_version=version,
        audit_firm=firm,
        site_name=site_name,
        site_address=address,
        country=country,
        audit_date=audit_date,
        audit_type=audit_type,  # type: ignore[arg-type]
        announcement=announcement,  # type: ignore[arg-type]
        workers_total=workers,
    )


def _by_field(values: Iterable[LabelledValue]) -> dict[str, list[LabelledValue]]:
    """Group labelled values by field, best label first, then earliest printed."""
    grouped: dict[str, list[LabelledValue]] = defaultdict(list)
    for value in sorted(values, key=lambda v: (v.rank, v.page, v.order)):
        grouped[value.field].append(value)
    return grouped


def _first_valid(
    values: list[LabelledValue], read: Callable[[LabelledValue], T | None]
) -> T | None:
    for value in values:
        if is_empty_value(value.value):
            continue
        result = read(value)
        if result:
            return result
    return None


def _site_name(value: LabelledValue) -> str | None:
    name = clean(_SITE_IDS.sub("", value.value)).strip(" ,;:")
    if not name or (value.rank >= 3 and not is_organisation(name)):
        return None
    return name


def _names_field(label: str) -> bool:
    """A label that only names the field ('Audit type', 'Announcement'), not a value."""
    return bool(
        re.fullmatch(
            r"[\w\s()/.-]*?(?:type|kind|category|announcement|notice|visit)"
            r"(?:\s+of\s+(?:audit|visit|assessment))?\s*[:?]?",
            label,
            re.I,
        )
    )


def _visit_date(text: str, order: DateOrder) -> dt.date | None:
    """The first day on site: the earliest date a date-of-audit value prints."""
    dates = find_dates(text, order=order)
    if not dates:
        # OCR reads a dot as a comma: '02.04, 2022' is 02.04.2022.
        repaired = re.sub(
            r"(?<!\d)(\d{1,2})([./-])(\d{1,2})[,.]\s*((?:19|20)\d{2})\b", r"\1\2\3\2\4", text
        )
        dates = find_dates(repaired, order=order) if repaired != text else []
    return min(d.date for d in dates) if dates else None


def _first_pages_text(doc: Document) -> list[str]:
    wanted = {page.number for page in doc.pages[:META_PAGES]}
    texts = [line.text for page in doc.pages[:META_PAGES] for line in page.lines]
    texts += [
        cell
        for table in doc.tables
        for row in table.rows
        if row.page in wanted
        for cell in row.cells
    ]
    return texts
