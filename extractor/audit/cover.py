"""Find labelled values on a report's first pages, in whatever structure the cover uses.

A label and its value may sit in two cells of a table row (or in one cell, 'Label: value' or
label above value), in a header row with the values in the row below, on one line ('Site
name: X', 'Audit date 12 March 2012', several 'Label: value' pairs in one line, dot leaders),
side by side as two lines of one visual row, or one above the other. Every pair whose label
names a metadata field is returned with its rank and position; choosing between them and
reading the values is `metadata.py`'s job. Nothing here guesses a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from extractor.audit.labels import FieldName, label_excluded, label_field
from extractor.reading.document import Document, Line

META_PAGES = 5
# Fields whose value is checked so strictly that a label without a colon may run into it.
TYPED_FIELDS = frozenset({"audit_date", "workers_total", "audit_type", "announcement", "country"})
_LEADERS = re.compile(r"\s*(?:\.{3,}|…+|_{3,})\s*")
_STACK_GAP = 2.2  # a value below its label starts within this many line heights
ROW_OVERLAP = 0.3  # lines overlapping this share of the shorter one's height share a row


class LabelledValue(BaseModel):
    """A value printed under a label that names a metadata field."""

    field: str
    rank: int
    label: str
    value: str
    page: int
    order: int  # reading order within the first pages, for ties between equal ranks
    source: str  # "table", "line", "stacked"


def labelled_values(doc: Document, pages: int = META_PAGES) -> list[LabelledValue]:
    """Return every labelled value on the first `pages` pages, tables first on each page."""
    found: list[LabelledValue] = []
    order = 0
    for page in doc.pages[:pages]:
        for table_rows in _page_tables(doc, page.number):
            for label, name, value, source in _table_pairs(table_rows):
                found.append(_value(name, label, value, page.number, order, source))
                order += 1
        for label, name, value, source in _line_pairs(page.lines):
            found.append(_value(name, label, value, page.number, order, source))
            order += 1
    return found


def _value(name: FieldName, label: str, value: str, page: int, order: int, source: str):
    return LabelledValue(
        field=name.field,
        rank=name.rank,
        label=label,
        value=value,
        page=page,
        order=order,
        source=source,
    )


def numbers_in(text: str) -> list[str]:
    """Return the digit groups printed in a cell."""
    return re.findall(r"\d[\d,.]*", text or "")


def _numeric_row(cells: list[str]) -> bool:
    """True for a label followed by several numbers: a data row, not a label and its value."""
    return sum(bool(re.fullmatch(r"\s*\d[\d,.\s]*", cell)) for cell in cells[1:]) > 1


def looks_labelled(text: str) -> bool:
    """True for a line that starts with a label of any kind ('Previous audit date: ...')."""
    label = re.match(r"^\s*([A-Z(][A-Za-z /()&'’-]{1,50}?)\s*(?:[:：]|\.{3,}|…)\s*\S", text)
    return bool(label) and len(label.group(1).split()) <= 6  # type: ignore[union-attr]


def clean(text: str | None) -> str:
    """Collapse whitespace (line breaks in cells included) to single spaces."""
    return re.sub(r"\s+", " ", text or "").strip()


def _page_tables(doc: Document, page: int) -> list[list[list[str]]]:
    tables = []
    for table in doc.tables:
        rows = [row.cells for row in table.rows if row.page == page]
        if rows:
            tables.append(rows)
    return tables


# --- tables -----------------------------------------------------------------------------------

Pair = tuple[str, FieldName, str, str]


def _label_of(cell: str) -> FieldName | None:
    """The field a cell or line names when it is a label, and nothing but a label."""
    if _CONTENTS_LABEL.match(clean(cell)):
        return None  # "3. Workforce ........" beside its page number: a contents entry
    text = _LEADERS.sub(": ", clean(cell)).strip()
    # "Site address: (Please include full address)" - an instruction to the auditor, no value.
    text = re.sub(r"([:：])\s*\([^)]*\)$", r"\1", text)
    colon = text.endswith((":", "：", "?"))
    text = text.rstrip(":：").strip()
    # "Site address: Plot 4" holds a value; "The audit date was moved." is a sentence.
    if not text or len(text) > 80 or re.search(r"[:：]\s*\S", text):
        return None
    if not colon and (len(text.split()) > 8 or re.search(r"[a-z]{3}\.$", text)):
        return None
    return label_field(text)


def _table_pairs(rows: list[list[str]]) -> Iterator[Pair]:
    for index, cells in enumerate(rows):
        labels = [_label_of(cell) for cell in cells]
        filled = [i for i, cell in enumerate(cells) if cell and cell.strip()]
        # A header row names fields whose values are in the row below, column by column.
        named = [labels[i] for i in filled]
        # Two labels side by side are more often a label and a value that reads like one.
        header = (
            len(filled) >= 3
            and all(name is not None for name in named)
            and len({name.field for name in named if name is not None}) >= 2
        )
        used: set[int] = set()
        for column in filled:
            if column in used:
                continue
            name = labels[column]
            # "Site name\nShree Balaji Home Furnishings": label and value stacked in one cell.
            if name is None or _stacked_in_cell(cells[column]):
                yield from _inside_cell(cells[column])
                continue
            value = None
            if header:
                if index + 1 < len(rows):
                    value = _below_value(rows[index + 1], column, name)
            elif name.field == "workers_total" and _numeric_row(cells[column:]):
                continue  # a row of a demographics table: workforce.py reads its total
            else:
                right = _right_value(cells, labels, column, name)
                if right is not None:
                    used.add(right)
                    value = cells[right]
            if value is not None:
                yield clean(cells[column]), name, clean(value), "table"


def _right_value(
    cells: list[str], labels: list[FieldName | None], column: int, name: FieldName
) -> int | None:
    """The next filled cell to the right, unless it is a label of another field."""
    for right in range(column + 1, len(cells)):
        if cells[right].strip():
            # The last filled cell of a row has nothing to label: it is a value.
            last = not any(cell.strip() for cell in cells[right + 1 :])
            if last or _is_value(cells[column], name, cells[right], labels[right]):
                return right
            return None
    return None


def _below_value(next_row: list[str], column: int, name: FieldName) -> str | None:
    if column < len(next_row) and next_row[column].strip():
        below = _label_of(next_row[column])
        if below is None or below.field == name.field:
            return next_row[column]
    return None


def _stacked_in_cell(cell: str) -> bool:
    lines = [line.strip() for line in cell.splitlines() if line.strip()]
    return len(lines) >= 2 and _label_of(lines[0]) is not None


def _inside_cell(cell: str) -> Iterator[Pair]:
    """A cell that holds 'Label: value' or a label line above its value."""
    pairs = list(inline_pairs(clean(cell)))
    if pairs:
        for label, name, value in pairs:
            yield label, name, value, "table"
        return
    lines = [line.strip() for line in cell.splitlines() if line.strip()]
    head = _label_of(lines[0]) if len(lines) >= 2 else None
    if head is not None:
        yield lines[0].rstrip(":"), head, clean(" ".join(lines[1:])), "table"
        return
    # The reader may join a cell's lines: "Site name Shree Balaji Home Furnishings".
    found = prefix_pair(clean(cell), any_field=True)
    if found is not None:
        label, name, value = found
        yield label, name, value, "table"


# --- lines ------------------------------------------------------------------------------------


# "3. Workforce ........ 14": a contents entry, a numbered heading and its page.
_CONTENTS_LABEL = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+\D.*?(?:\.{3,}|…+|_{3,})\s*$")
_CONTENTS_ENTRY = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+\D.*?(?:\.{3,}|…+|_{3,})\s*\d{1,3}\s*$")


def inline_pairs(text: str) -> Iterator[tuple[str, FieldName, str]]:
    """Yield the 'Label: value' pairs printed in one line, several per line allowed."""
    if _CONTENTS_ENTRY.match(text):
        return
    text = _LEADERS.sub(": ", text)
    colons = [m for m in re.finditer(r"\s*[:：]\s*", text)]
    heads: list[tuple[int, int, str, FieldName]] = []  # label start, value start, label, field
    floor = 0
    for colon in colons:
        before = text[floor : colon.start()]
        words = list(re.finditer(r"\S+", before))
        candidates: list[tuple[int, int, str, FieldName]] = []
        for size in range(1, min(len(words), 9) + 1):
            start = floor + words[-size].start()
            label = text[start : colon.start()]
            name = label_field(label)
            if name is not None:
                candidates.append((start, colon.end(), label, name))
            # "Local workers:" is not "workers:": a longer label that rules the field out wins.
            candidates = [c for c in candidates if not label_excluded(label, c[3].field)]
        if candidates:
            # The exactest label wins, then the one with fewest stray words, then the longest:
            # "Country" over "ABC Ltd Country", "Total number of workers" over "workers".
            heads.append(min(candidates, key=lambda c: (c[3].rank, c[3].extra, c[0])))
        floor = colon.end()
    for index, (_, value_start, label, name) in enumerate(heads):
        value_end = heads[index + 1][0] if index + 1 < len(heads) else len(text)
        value = text[value_start:value_end].strip(" ;,|")
        if value:
            yield label.strip(), name, value


def prefix_pair(
    text: str, *, any_field: bool = False, any_rank: bool = False
) -> tuple[str, FieldName, str] | None:
    """Read 'Audit date 12 March 2012' (a label without a colon).

    Only a short line that starts with an exact label counts, and its value must start the way
    the field's values do; a sentence that happens to start with 'Workers' is not a label. On a
    line only strictly checked fields are read; `any_field` (a table cell) reads all.
    """
    words = list(re.finditer(r"\S+", text))
    if not text[:1].isupper() or len(words) > (30 if any_field else 12):
        return None
    if re.match(r"(?:The|A|An|This|That|Our|Its|No|All)\b", text):
        return None  # a sentence about the site, not a label
    # The shortest label that names a field: "Audit type" in "Audit type Re-audit (full)".
    for size in range(1, min(len(words) - 1, 6) + 1):
        label = text[: words[size - 1].end()]
        name = label_field(label)
        if name is None or (name.rank > 1 and not any_rank):
            continue
        value = text[words[size].start() :].strip(" :-–")
        # "Prepared by Compass Social Verification Ltd.": what follows "by" is the firm.
        if name.field == "audit_firm" and label.lower().endswith(" by") and value[:1].isupper():
            return label, name, value
        if not any_field and name.field not in TYPED_FIELDS:
            continue
        numeric = name.field in ("audit_date", "workers_total")
        short = len(value.split()) <= 4 or (any_field and name.field not in TYPED_FIELDS)
        starts_like_value = value[:1].isupper() or value[:1].isdigit()
        if (numeric and value[:1].isdigit()) or (not numeric and starts_like_value and short):
            return label, name, value
    return None


def visual_rows(lines: list[Line]) -> list[list[Line]]:
    """Group lines printed side by side into rows, top to bottom, each left to right.

    Lines share a row when their vertical extents overlap around the middle (a 11 pt label and a
    9 pt value on one row do), whatever order the reader emitted them in. The reader's columns
    are ignored: a column of labels beside a column of values is one table to this module.
    """
    ordered = sorted(lines, key=lambda line: (line.page, line.bbox[1], line.bbox[0]))
    rows: list[list[Line]] = []
    for line in ordered:
        row = rows[-1] if rows else None
        if row is not None and row[0].page == line.page:
            top = min(other.bbox[1] for other in row)
            bottom = max(other.bbox[3] for other in row)
            overlap = min(bottom, line.bbox[3]) - max(top, line.bbox[1])
            height = min(bottom - top, line.bbox[3] - line.bbox[1])
            if height > 0 and overlap >= ROW_OVERLAP * height:
                row.append(line)
                continue
        rows.append([line])
    return [sorted(row, key=lambda line: line.bbox[0]) for row in rows]


def _line_pairs(lines: list[Line]) -> Iterator[Pair]:
    rows = visual_rows(lines)
    block = _label_value_lines(rows)
    for index, row in enumerate(rows):
        if index in block:
            block_label, block_name, block_value = block[index]
            yield block_label, block_name, block_value, "line"
            continue
        items = [line.text.strip() for line in row]
        labels = [_label_of(item) for item in items]
        if _is_header(labels):
            yield from _values_below(rows, index, labels)
            continue
        emitted = False
        for position, item in enumerate(items):
            name = labels[position]
            if name is not None and name.field == "workers_total" and _numeric_row(items):
                break  # a row of a demographics table: workforce.py reads its total
            if (
                name is not None
                and position + 1 < len(items)
                and (
                    position + 2 == len(items)
                    or _is_value(item, name, items[position + 1], labels[position + 1])
                )
            ):
                value = items[position + 1] + _continuation(rows, index, row[position + 1])
                yield item.rstrip(":： "), name, clean(value), "line"
                emitted = True
            elif name is None:
                for label, found, value in inline_pairs(item):
                    # Only an address wraps onto the next line under a "Label: value" line.
                    wraps = len(row) == 1 and found.field == "site_address"
                    tail = _continuation(rows, index, row[position]) if wraps else ""
                    yield label, found, clean(value + tail), "line"
                    emitted = True
        if emitted or len(items) != 1:
            continue
        if labels[0] is not None:
            stacked = _stacked_value(rows, index)
            if stacked:
                yield items[0].rstrip(":： "), labels[0], stacked, "stacked"
        else:
            found_prefix = prefix_pair(items[0])
            if found_prefix:
                label, name, value = found_prefix
                yield label, name, value, "line"


def _label_value_lines(rows: list[list[Line]]) -> dict[int, tuple[str, FieldName, str]]:
    """Lines that each start with a label and go on with its value, without a colon.

    The reader joins "Supplier site" and "Everbright Leather JSC" into one line when the gap is
    narrow. One such line could be a sentence; three or more on a page are a block of fields.
    """
    found: dict[int, tuple[str, FieldName, str]] = {}
    for index, row in enumerate(rows):
        if len(row) == 1 and ":" not in row[0].text:
            pair = prefix_pair(row[0].text.strip(), any_field=True, any_rank=True)
            if pair is not None:
                found[index] = pair
    # A title ("Factory Evaluation Report") is printed larger than the fields under it.
    sizes = sorted(rows[i][0].size for i in found)
    if sizes:
        usual = sizes[len(sizes) // 2]
        found = {i: pair for i, pair in found.items() if rows[i][0].size <= usual + 1.5}
    pages: dict[int, int] = {}
    for index in found:
        pages[rows[index][0].page] = pages.get(rows[index][0].page, 0) + 1
    return {i: pair for i, pair in found.items() if pages[rows[i][0].page] >= 3}


def _is_header(labels: list[FieldName | None]) -> bool:
    """A row of three or more labels naming at least two fields heads the values below it."""
    return (
        len(labels) >= 3
        and all(name is not None for name in labels)
        and len({name.field for name in labels if name is not None}) >= 2
    )


def _values_below(
    rows: list[list[Line]], index: int, labels: list[FieldName | None]
) -> Iterator[Pair]:
    """Pair each label of a header row with the line under it (most horizontal overlap)."""
    header = rows[index]
    below = rows[index + 1] if index + 1 < len(rows) else []
    if not below or below[0].page != header[0].page:
        return
    for label_line, name in zip(header, labels, strict=True):
        if name is None:
            continue
        overlaps = [
            min(label_line.bbox[2], value.bbox[2]) - max(label_line.bbox[0], value.bbox[0])
            for value in below
        ]
        best = max(range(len(below)), key=lambda i: overlaps[i])
        value_name = _label_of(below[best].text)
        if overlaps[best] > 0 and (value_name is None or value_name.field == name.field):
            value = below[best].text + _continuation(rows, index + 1, below[best])
            yield label_line.text.strip().rstrip(":： "), name, clean(value), "line"


def _is_value(label: str, name: FieldName, value: str, value_name: FieldName | None) -> bool:
    """True when the text right of a label is its value, even if it reads like a label too.

    "Assessment type: | Initial, announced" - a label ending in a colon is followed by its
    value; "Was the audit announced? | Announced" - a value may name its own field.
    """
    if value_name is None or value_name.field == name.field:
        return True
    colon = (":", "：")
    return label.rstrip().endswith(colon) and not value.rstrip().endswith(colon)


def _continuation(rows: list[list[Line]], index: int, value_line: Line) -> str:
    """Lines below a value, aligned with its left edge, continue it (a wrapped address)."""
    parts = []
    previous = value_line
    for follow in rows[index + 1 : index + 4]:
        line = follow[0]
        height = max(previous.bbox[3] - previous.bbox[1], 1.0)
        if (
            len(follow) == 1
            and line.page == value_line.page
            and abs(line.bbox[0] - value_line.bbox[0]) < 3
            and line.bbox[1] - previous.bbox[3] < 0.8 * height
            and _label_of(line.text) is None
            and not looks_labelled(line.text)
        ):
            parts.append(line.text.strip())
            previous = line
        else:
            break
    return (" " + " ".join(parts)) if parts else ""


def _stacked_value(rows: list[list[Line]], index: int) -> str | None:
    """A label alone on its line with the value on the line(s) below it."""
    label_line = rows[index][0]
    name = _label_of(label_line.text)
    if index + 1 >= len(rows) or name is None:
        return None
    first = rows[index + 1][0]
    below = _label_of(first.text)
    height = max(label_line.bbox[3] - label_line.bbox[1], 1.0)
    if (
        first.page != label_line.page
        or first.bbox[1] - label_line.bbox[3] > _STACK_GAP * height
        or abs(first.bbox[0] - label_line.bbox[0]) > 40
        or (below is not None and below.field != name.field)
        or looks_labelled(first.text)
    ):
        return None
    return clean(first.text + _continuation(rows, index + 1, first))
