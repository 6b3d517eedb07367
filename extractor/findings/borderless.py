"""Read findings tables drawn without rules (or OCR'd) from the x-positions of their lines.

A row of side-by-side lines that reads like a findings header fixes the columns; each later line
goes to the column its left edge falls in, and a new finding starts when the first column has
text. The table ends at a heading or at text that runs across several columns.
"""

from __future__ import annotations

from extractor.audit.dates import parse_date
from extractor.audit.severity import kind_from_grade
from extractor.findings.assemble import make_finding
from extractor.findings.fields import AREA, IGNORE, REF, normalise_text, section_kind
from extractor.findings.layout import body_size, furniture_ids, is_heading, visual_rows
from extractor.findings.model import RawFinding
from extractor.findings.table import column_fields, resolve_areas
from extractor.reading.document import Document, Line
from extractor.record.schema import FindingKind, Standard

ALIGN_PT = 6.0
# Columns holding one short value per finding: a second value starts the next finding.
SINGLE_VALUE_FIELDS = frozenset({"severity", "due"})
HEADING_SEARCH_PT = 80.0
# Lines of one cell are closer than this many line heights; rows of a table are further apart.
ROW_GAP_LINES = 0.8


def borderless_findings(doc: Document, standard: Standard) -> tuple[list[RawFinding], set[int]]:
    """Return findings from borderless tables and the ids of the lines they used."""
    skip = furniture_ids(doc)
    lines = [line for line in doc.lines if id(line) not in skip]
    rows = visual_rows(lines)
    body = body_size(lines)
    ocr_pages = {page.number for page in doc.pages if page.ocr}
    findings: list[RawFinding] = []
    used: set[int] = set()
    index = 0
    while index < len(rows):
        row = rows[index]
        fields = column_fields([line.text for line in row]) if len(row) >= 3 else None
        if fields is None:
            index += 1
            continue
        header = [line.text for line in row]
        starts = [line.bbox[0] for line in row]
        used.update(id(line) for line in row)
        index += 1
        # Header cells that wrap ("NC classifica" / "tion") continue on the next, aligned row.
        while index < len(rows) and _is_header_wrap(rows[index], row, starts, ocr_pages):
            for line in rows[index]:
                column = _column_of(line, starts)
                header[column] = f"{header[column]}\n{line.text}"
                used.add(id(line))
            index += 1
        fields = column_fields(header) or fields
        single = [i for i, field in enumerate(fields) if field in SINGLE_VALUE_FIELDS]
        table_rows: list[list[list[Line]]] = []
        while index < len(rows):
            data = rows[index]
            if _is_repeated_header(data, row):
                # The header printed again after a page break, perhaps misread by OCR.
                used.update(id(line) for line in data)
                index += 1
                while index < len(rows) and _is_header_wrap(
                    rows[index], data, [line.bbox[0] for line in data], ocr_pages
                ):
                    used.update(id(line) for line in rows[index])
                    index += 1
                continue
            if _ends_table(data, starts, body):
                break
            cells_of_row: list[list[Line]] = [[] for _ in starts]
            for line in data:
                cells_of_row[_column_of(line, starts)].append(line)
            # A second grade or due date means a new finding even when OCR lost its ref cell.
            repeats = bool(table_rows) and any(
                _is_second_value(fields[i], table_rows[-1][i], cells_of_row[i]) for i in single
            )
            if cells_of_row[0] or not table_rows or repeats:
                table_rows.append(cells_of_row)
            else:
                for column, cell in enumerate(cells_of_row):
                    table_rows[-1][column].extend(cell)
            used.update(id(line) for line in data)
            index += 1
        texts = [["\n".join(line.text for line in cell) for cell in tr] for tr in table_rows]
        resolved = resolve_areas(fields, header, texts)
        kind = _heading_kind(lines, row[0])
        for cells, text in zip(table_rows, texts, strict=False):
            values: dict[str, str] = {}
            for field, cell_text in zip(resolved, text, strict=False):
                if field and field not in (IGNORE, REF, AREA) and cell_text and field not in values:
                    values[field] = cell_text
            first = [cell[0] for cell in cells if cell]
            start_page = min(line.page for line in first)
            on_page = [line for cell in cells for line in cell if line.page == start_page]
            bbox = (
                min(line.bbox[0] for line in on_page),
                min(line.bbox[1] for line in on_page),
                max(line.bbox[2] for line in on_page),
                max(line.bbox[3] for line in on_page),
            )
            finding = make_finding(
                values,
                standard=standard,
                section_kind=kind,
                page=start_page,
                bbox=bbox,
                source="borderless",
                ocr=start_page in ocr_pages,
            )
            if finding is not None:
                findings.append(finding)
    return findings, used


def _column_of(line: Line, starts: list[float]) -> int:
    column = 0
    for index, start in enumerate(starts):
        if line.bbox[0] + ALIGN_PT >= start:
            column = index
    return column


def _is_second_value(field: str | None, filled: list[Line], new: list[Line]) -> bool:
    """Return True when `new` lines hold another value for a cell `filled` already completes.

    A value that wraps ("Risk of" / "Non-conformance") continues at line spacing; the next
    finding's value sits a row gap below.
    """
    if not filled or not new:
        return False
    text = "\n".join(line.text for line in filled)
    if field == "severity":
        # Every grade that maps to a severity also names a kind, so the kind alone says whether
        # the cell already holds a whole grade.
        complete = kind_from_grade(text) is not None
    else:
        complete = parse_date(text) is not None
    last, first = filled[-1], new[0]
    if first.page != last.page:
        return complete
    line_height = last.bbox[3] - last.bbox[1]
    return complete and first.bbox[1] - last.bbox[3] > ROW_GAP_LINES * line_height


def _is_repeated_header(row: list[Line], header: list[Line]) -> bool:
    if [normalise_text(line.text) for line in row] == [normalise_text(h.text) for h in header]:
        return True
    return (
        row[0].page != header[0].page
        and len(row) >= 3
        and column_fields([line.text for line in row]) is not None
    )


def _is_header_wrap(
    candidate: list[Line], header: list[Line], starts: list[float], ocr_pages: set[int]
) -> bool:
    gap = candidate[0].bbox[1] - max(line.bbox[3] for line in header)
    # OCR gives no weight, so there only position says the line belongs to the header.
    same_style = header[0].page in ocr_pages or (
        all(line.bold == header[0].bold for line in candidate) and header[0].bold
    )
    aligned = all(min(abs(line.bbox[0] - s) for s in starts) < ALIGN_PT for line in candidate)
    return candidate[0].page == header[0].page and gap < 4 and aligned and same_style


def _ends_table(row: list[Line], starts: list[float], body: float) -> bool:
    # A heading starts at the table's left edge; a lone line further right is a wrapped cell
    # (OCR line heights vary enough to make one look larger than the body text).
    if len(row) == 1 and is_heading(row[0], body) and _column_of(row[0], starts) == 0:
        return True
    for line in row:
        first = _column_of(line, starts)
        # Text running over two or more column starts is prose, not a cell.
        crossed = sum(1 for s in starts[first + 1 :] if line.bbox[2] > s + ALIGN_PT)
        if crossed >= 2:
            return True
    return False


def _heading_kind(lines: list[Line], header_line: Line) -> FindingKind | None:
    above = [
        line
        for line in lines
        if line.page == header_line.page
        and line.bbox[3] <= header_line.bbox[1] + 1
        and header_line.bbox[1] - line.bbox[3] < HEADING_SEARCH_PT
    ]
    for line in sorted(above, key=lambda line: line.bbox[3], reverse=True)[:3]:
        kind = section_kind(line.text)
        if kind:
            return kind
    return None
