"""Read findings tables drawn without rules (or OCR'd) from the x-positions of their lines.

A row of side-by-side lines that reads like a findings header fixes the columns; each later line
goes to the column its left edge falls in, and a new finding starts when the first column has
text. The table ends at a heading or at text that runs across several columns.
"""

from __future__ import annotations

from extractor.document import Document, Line
from extractor.findings.assemble import make_finding
from extractor.findings.fields import AREA, IGNORE, REF, normalise_text, section_kind
from extractor.findings.layout import body_size, furniture_ids, is_heading, visual_rows
from extractor.findings.model import RawFinding
from extractor.findings.table import column_fields, resolve_areas
from extractor.schema import FindingKind, Standard

ALIGN_PT = 6.0
HEADING_SEARCH_PT = 80.0


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
        while index < len(rows) and _is_header_wrap(rows[index], row, starts):
            for line in rows[index]:
                column = _column_of(line, starts)
                header[column] = f"{header[column]}\n{line.text}"
                used.add(id(line))
            index += 1
        fields = column_fields(header) or fields
        table_rows: list[list[list[Line]]] = []
        while index < len(rows):
            data = rows[index]
            if [normalise_text(line.text) for line in data] == [
                normalise_text(h.text) for h in row
            ]:
                used.update(id(line) for line in data)  # header repeated after a page break
                index += 1
                continue
            if _ends_table(data, starts, body):
                break
            cells_of_row = [[] for _ in starts]
            for line in data:
                cells_of_row[_column_of(line, starts)].append(line)
            if cells_of_row[0] or not table_rows:
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


def _is_header_wrap(candidate: list[Line], header: list[Line], starts: list[float]) -> bool:
    gap = candidate[0].bbox[1] - max(line.bbox[3] for line in header)
    same_style = all(line.bold == header[0].bold for line in candidate) and header[0].bold
    aligned = all(min(abs(line.bbox[0] - s) for s in starts) < ALIGN_PT for line in candidate)
    return candidate[0].page == header[0].page and gap < 4 and aligned and same_style


def _ends_table(row: list[Line], starts: list[float], body: float) -> bool:
    if len(row) == 1 and is_heading(row[0], body):
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
