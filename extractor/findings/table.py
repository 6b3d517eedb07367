"""Read findings from ruled tables whose header row names findings fields.

A table is a findings table when one of its first rows maps to a description column and at
least two other findings fields (see `fields.HEADER_FIELDS`). Every later row with a description
becomes a finding; the heading printed above the table ("Observations") sets its kind.
"""

from __future__ import annotations

from extractor.findings.assemble import make_finding
from extractor.findings.fields import (
    AREA,
    IGNORE,
    REF,
    header_field,
    looks_like_code,
    normalise_text,
    section_kind,
)
from extractor.findings.model import RawFinding
from extractor.reading.document import Document, Line, Table, TableRow
from extractor.record.schema import FindingKind, Standard

HEADER_ROWS_SEARCHED = 2
MIN_FIELDS = 3
HEADING_SEARCH_PT = 80.0


def column_fields(header: list[str]) -> list[str | None] | None:
    """Map each header cell to a field; None when the row is not a findings header."""
    fields = [header_field(cell) if cell else None for cell in header]
    named = {f for f in fields if f and f not in (IGNORE, REF)}
    if "description" not in named or len(named) < MIN_FIELDS:
        return None
    return fields


def resolve_areas(
    fields: list[str | None], header: list[str], rows: list[list[str]]
) -> list[str | None]:
    """Decide whether each area-like column holds clause codes or topic names, from its values."""
    resolved = list(fields)
    for index, field in enumerate(fields):
        if field != AREA:
            continue
        values = [normalise_text(row[index]) for row in rows if index < len(row) and row[index]]
        codes = sum(looks_like_code(v) for v in values)
        named_clause = "clause" in header[index].lower()
        resolved[index] = (
            "clause" if named_clause or (values and codes * 2 >= len(values)) else "topic"
        )
    # Two columns resolved to the same field: keep the first, the second is most likely a title.
    seen: set[str] = set()
    for index, field in enumerate(resolved):
        if field in seen and field in ("topic", "description"):
            resolved[index] = "title" if field == "topic" else None
        if field:
            seen.add(field)
    return resolved


def table_findings(doc: Document, standard: Standard) -> list[RawFinding]:
    """Return the findings of every findings table in `doc`, in table order."""
    findings: list[RawFinding] = []
    ocr_pages = {page.number for page in doc.pages if page.ocr}
    for table in doc.tables:
        findings.extend(_one_table(doc, table, standard, ocr_pages))
    return findings


def _one_table(
    doc: Document, table: Table, standard: Standard, ocr_pages: set[int]
) -> list[RawFinding]:
    for start in range(min(HEADER_ROWS_SEARCHED, len(table.rows))):
        header = table.rows[start].cells
        fields = column_fields(header)
        if fields is not None:
            break
    else:
        return []
    header_text = [normalise_text(cell) for cell in header]
    body = [
        row
        for row in table.rows[start + 1 :]
        # Tables re-joined across pages repeat their header on each page.
        if [normalise_text(cell) for cell in row.cells] != header_text
    ]
    fields = resolve_areas(fields, header, [row.cells for row in body])
    heading_kind = table_heading_kind(doc, table)
    description_header = header[fields.index("description")] if "description" in fields else ""
    kind = heading_kind or section_kind_strict(description_header)
    keyed = [i for i, f in enumerate(fields) if f in (REF, "clause", "topic")]
    drafts: list[tuple[dict[str, str], TableRow]] = []
    for row in body:
        values: dict[str, str] = {}
        for field, cell in zip(fields, row.cells, strict=False):
            if field and field not in (IGNORE, REF, AREA) and cell and field not in values:
                values[field] = cell
        starts_new = any(i < len(row.cells) and row.cells[i].strip() for i in keyed)
        if drafts and keyed and not starts_new and row.page != drafts[-1][1].page:
            # The rest of a row cut by a page break, when the reader did not re-join it.
            previous = drafts[-1][0]
            for field, cell in values.items():
                previous[field] = f"{previous.get(field, '')}\n{cell}".strip()
            continue
        drafts.append((values, row))
    findings = []
    for values, row in drafts:
        finding = make_finding(
            values,
            standard=standard,
            section_kind=kind,
            page=row.page,
            bbox=row.bbox,
            source="table",
            ocr=row.page in ocr_pages,
        )
        if finding is not None:
            findings.append(finding)
    return findings


def section_kind_strict(header_cell: str) -> FindingKind | None:
    """Kind implied by a description header that names observations or good practice only."""
    kind = section_kind(header_cell)
    return kind if kind in ("observation", "good_practice") else None


def table_heading_kind(doc: Document, table: Table) -> FindingKind | None:
    """Return the kind announced by the nearest heading above the table on its first page."""
    above: list[Line] = (
        [
            line
            for line in doc.pages[table.page - 1].lines
            if line.bbox[3] <= table.bbox[1] + 1
            and table.bbox[1] - line.bbox[3] < HEADING_SEARCH_PT
        ]
        if 0 < table.page <= len(doc.pages)
        else []
    )
    for line in sorted(above, key=lambda line: line.bbox[3], reverse=True)[:3]:
        kind = section_kind(line.text)
        if kind:
            return kind
    return None
