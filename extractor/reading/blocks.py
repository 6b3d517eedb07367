"""Group a `Document`'s lines and table cells into blocks: the units the finding reader labels.

A block is a paragraph (lines stacked one under the other at line spacing), one table cell, or
one "Label: value" line with its continuation. Each block keeps its page and box and the text
printed around it that names it: the column header and row label of a cell, the cell above and to
the left, an inline label, a list marker, and the nearest heading above. Blocks know nothing about
audits: which labels matter, and what a block is, is decided later by the finding reader.

Lines are stacked in two dimensions, not in reading order only: a borderless table prints its
cells side by side, so the lines of one cell are interleaved with other cells' lines in reading
order but sit directly below each other on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, Field

from extractor.reading.document import Document, Line, Table
from extractor.record.schema import BBox

# A line starting like this opens a new block ("(a) ", "4.1.2 ", "• ", "3) ").
MARKER = re.compile(
    r"^\s*(?P<marker>\(?[a-hA-H]\)|\(?[ivx]{1,4}\)|\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)]"
    r"|[-–•▪●◦*·])\s+"
    r"(?=\S)"
)
# "Objective evidence: ...", "Grade - Major" (a dash only after a label-like word or two).
INLINE_LABEL = re.compile(
    r"^(?P<label>[A-Z][\w /&'()\-.,]{0,48}?[A-Za-z)])\s*[:：]\s*(?P<rest>.*)$"
)
MAX_LABEL_WORDS = 5
# "Finding 3 ...", "NC-07 | Major", "Section 5 - ...": a word and a number open an item.
ITEM_HEAD = re.compile(r"^[A-Z][A-Za-z-]+\.?\s+(?:no\.?\s*|#\s*)?[A-Z]{0,3}[-.]?\d")
ITEM_HEAD_MAX_WORDS = 10
PLAIN_HEADING_WORDS = 6
# ... over a line at least this wide: narrow table cells wrap short words over longer ones.
PLAIN_HEADING_UNDER_PT = 150.0
OCR_SIZE_TOLERANCE = 2.5
# A paragraph's last line is usually shorter than this share of the paragraph's width.
SHORT_LINE = 0.7
# Lines of one paragraph share a font size within this many points.
SIZE_TOLERANCE = 0.6
# Lines closer than this many line heights (gap between them) are one paragraph.
PARAGRAPH_GAP = 0.65
# A wrapped line ends when its next word does not fit; a line that stops with room for this
# many widths of the next line's first word (plus a space) was broken on purpose.
EARLY_BREAK_ROOM = 1.2
# A continuation line may start this many points left or right of the block's first line.
ALIGN_TOLERANCE = 3.0
HANGING_INDENT = 40.0
# A label is short text: a cell of at most this many words is used as a header or row label.
LABEL_MAX_WORDS = 8
FURNITURE_MARGIN = 0.08
HEADING_MAX_WORDS = 14
# Lines this long are running text (or a wide cell), not a label, heading or short cell.
BODY_LINE_MIN_WORDS = 6


class Block(BaseModel):
    """A paragraph, table cell or labelled line, with the text around it that names it."""

    index: int = Field(description="Position in reading order.")
    page: int
    bbox: BBox
    text: str = Field(description="The block's own text, without its inline label or marker.")
    label: str | None = Field(default=None, description="Inline label printed before the text.")
    marker: str | None = Field(default=None, description="List or paragraph number ('(a)', '4.1').")
    size: float = 0.0
    bold: bool = False
    column: int = 0
    n_lines: int = 1
    ocr: bool = False
    furniture: bool = Field(default=False, description="Running header/footer or page number.")
    heading: bool = Field(default=False, description="Short line set bold or larger than body.")
    # Table context (None outside tables).
    table: int | None = None
    row: int | None = None
    col: int | None = None
    n_rows: int | None = None
    n_cols: int | None = None
    col_header: str | None = Field(default=None, description="First-row text of this column.")
    row_header: str | None = Field(default=None, description="First-cell text of this row.")
    above: str | None = Field(default=None, description="Short text of the cell above.")
    left: str | None = Field(default=None, description="Short text of the cell to the left.")
    section: str | None = Field(default=None, description="Nearest heading above this block.")
    gap_above: float = Field(default=0.0, description="Blank space above, in line heights.")

    @property
    def full_text(self) -> str:
        """The text as printed: marker, label and value."""
        parts = [self.marker, f"{self.label}:" if self.label else None, self.text]
        return " ".join(p for p in parts if p)


def build_blocks(doc: Document) -> list[Block]:
    """Return the document's blocks in reading order, with their naming context filled in."""
    furniture = _furniture_lines(doc)
    body = _body_size(doc.lines)
    blocks: list[Block] = []
    for page in doc.pages:
        page_tables = [(i, t) for i, t in enumerate(doc.tables) if t.page == page.number]
        text_blocks = _stack_lines(page.lines, furniture, body, page.ocr)
        table_blocks = [
            block
            for index, table in page_tables
            for block in _table_blocks(index, table, ocr=page.ocr)
            if block.page == page.number
        ]
        blocks.extend(_merge_in_order(text_blocks, table_blocks))
    # Rows of a table continued on later pages follow the table's own rows.
    continued = [
        block
        for index, table in enumerate(doc.tables)
        for block in _table_blocks(index, table, ocr=False)
        if block.page != table.page
    ]
    if continued:
        blocks = _insert_continued(blocks, continued)
    for index, block in enumerate(blocks):
        block.index = index
    _fill_row_context(blocks)
    _fill_sections(blocks)
    return blocks


# -- running text -------------------------------------------------------------------------------


class _Open:
    """A block being built from lines: its lines and where the next line would continue it."""

    def __init__(self, line: Line, marker: str | None, label: str | None, text: str) -> None:
        self.lines = [line]
        self.texts = [text] if text else []
        self.marker = marker
        self.label = label
        self.gap_above = 0.0

    @property
    def last(self) -> Line:
        return self.lines[-1]


def _stack_lines(lines: Sequence[Line], furniture: set[int], body: float, ocr: bool) -> list[Block]:
    done: list[_Open] = []
    open_blocks: list[_Open] = []
    last_bottom: dict[int, float] = {}  # per column: bottom of the last line seen
    for line in lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        open_blocks = [b for b in open_blocks if _still_open(b, line)]
        marker, label, value = split_line(text)
        target = None
        if id(line) not in furniture and marker is None and label is None:
            target = _continuation(open_blocks, line, ocr=ocr)
        if target is not None:
            target.lines.append(line)
            target.texts.append(value)
        else:
            block = _Open(line, marker, label, value)
            height = max(line.bbox[3] - line.bbox[1], 1.0)
            above = last_bottom.get(line.column)
            block.gap_above = (line.bbox[1] - above) / height if above is not None else 0.0
            done.append(block)
            if id(line) not in furniture:
                open_blocks.append(block)
        if id(line) not in furniture:
            last_bottom[line.column] = line.bbox[3]
    return [_finish(block, furniture, body, ocr) for block in done]


def split_line(text: str) -> tuple[str | None, str | None, str]:
    """Split a line into (marker, inline label, value); absent parts are None."""
    marker = None
    match = MARKER.match(text)
    if match:
        marker = match.group("marker")
        text = text[match.end() :]
    label = None
    found = INLINE_LABEL.match(text)
    if found:
        words = found.group("label").split()
        # A long "label" is the start of a sentence that happens to contain a colon.
        if len(words) <= MAX_LABEL_WORDS and not found.group("label").rstrip().endswith("."):
            label = found.group("label").strip()
            text = found.group("rest").strip()
    if label is None:
        label, text = _bold_style_label(text)
    return marker, label, text


# Labels printed without a colon (often in bold: "Priority Major", "Required action Reimburse
# ..."): a field label of two words or more before a value that starts with a capital or a
# digit, or one of these single words before a capitalised word. Other single words ("Plan",
# "Law", "Status") start sentences too often to be taken as labels without a colon.
SINGLE_WORD_LABELS = frozenset(
    {
        "priority",
        "grade",
        "severity",
        "rating",
        "classification",
        "evidence",
        "description",
        "details",
        "deadline",
        "timescale",
        "timeframe",
        "recommendation",
        "recommendations",
        "remediation",
        "clause",
        "finding",
    }
)
BOLD_LABEL_MAX_WORDS = 4


def _bold_style_label(text: str) -> tuple[str | None, str]:
    from extractor.findings.fields import label_field  # vocabulary shared with the reader

    if label_field(text.rstrip(": ")) is not None:
        return None, text  # the whole line is a label ("ROOT CAUSE ANALYSIS"), not label + value
    words = text.split(" ")
    for n in range(min(BOLD_LABEL_MAX_WORDS, len(words) - 1), 0, -1):
        head, first = words[:n], words[n]
        if not head[0][:1].isupper() or not (first[:1].isupper() or first[:1].isdigit()):
            continue
        if any(not w.isalpha() for w in head):
            continue
        candidate = " ".join(head)
        # "Finding 3 - Wages" is a numbered heading, not a label and its value.
        if n == 1 and (candidate.lower() not in SINGLE_WORD_LABELS or not first[:1].isalpha()):
            continue
        if label_field(candidate) is not None:
            return candidate, " ".join(words[n:])
    return None, text


def _continuation(open_blocks: list[_Open], line: Line, *, ocr: bool) -> _Open | None:
    """Return the open block that `line` continues: directly below, aligned, same style."""
    best = None
    for block in reversed(open_blocks):
        last = block.last
        if last.page != line.page or last.column != line.column:
            continue
        height = max(last.bbox[3] - last.bbox[1], line.bbox[3] - line.bbox[1], 1.0)
        gap = line.bbox[1] - last.bbox[3]
        if gap < -0.5 * height or gap > PARAGRAPH_GAP * height:
            continue
        first = block.lines[0]
        indent = HANGING_INDENT if block.marker or block.label else ALIGN_TOLERANCE
        if not (first.bbox[0] - ALIGN_TOLERANCE <= line.bbox[0] <= first.bbox[0] + indent):
            continue
        # OCR gives no weight, and sizes read off box heights vary from line to line. Style,
        # not length: the short last line of a paragraph continues it.
        if not ocr and first.bold != line.bold:
            continue
        if not ocr and first.size and line.size and abs(first.size - line.size) > SIZE_TOLERANCE:
            continue
        if (
            _opens_item(line, last)
            or _broke_early(block, line)
            or _paragraph_ended(block, line)
            or _is_item_heading(block)
            or _is_plain_heading(block, line)
        ):
            continue
        if ocr and first.size and line.size and abs(first.size - line.size) > OCR_SIZE_TOLERANCE:
            continue
        best = block
        break
    return best


def _opens_item(line: Line, previous: Line) -> bool:
    """A 'Word number' line ('Finding A2-2 | OFI') after a finished line starts a new item."""
    text = line.text.strip()
    if not ITEM_HEAD.match(text):
        return False
    finished = previous.text.rstrip().endswith((".", ":", ";", "|"))
    return line.bold or finished or len(text.split()) <= ITEM_HEAD_MAX_WORDS


def _is_item_heading(block: _Open) -> bool:
    """A short 'Finding 1 - Compensation' line is a heading of its own, even on OCR'd pages
    where no bold face tells it from the paragraph below."""
    if len(block.lines) != 1 or block.label:
        return False
    text = block.lines[0].text.strip()
    return bool(ITEM_HEAD.match(text)) and len(text.split()) <= 8 and not text.endswith(",")


def _is_plain_heading(block: _Open, line: Line) -> bool:
    """A short unpunctuated line over a much wider one is a heading, bold or not."""
    if len(block.lines) != 1 or block.label:
        return False
    first = block.lines[0]
    text = first.text.strip()
    width = first.bbox[2] - first.bbox[0]
    return (
        len(text.split()) <= PLAIN_HEADING_WORDS
        and not text.endswith((".", ",", ";", ":"))
        and text[:1].isupper()
        and line.bbox[2] - line.bbox[0] > max(1.5 * width, PLAIN_HEADING_UNDER_PT)
    )


def _broke_early(block: _Open, line: Line) -> bool:
    """Tell whether the block's last line stopped although the next line's first word would
    have fitted after it: stacked label and value lines ('Section' over 'Child labour' over the
    description) are separate fields, not one wrapped paragraph. The right edge is the widest of
    the block's lines and `line`, so wrapped text in a narrow cell keeps its own edge."""
    last = block.last
    words = line.text.split()
    if not words:
        return False
    right = max(line.bbox[2], *(other.bbox[2] for other in block.lines))
    first_word = (line.bbox[2] - line.bbox[0]) * len(words[0]) / len(line.text)
    space = 0.3 * max(line.bbox[3] - line.bbox[1], 1.0)
    return right - last.bbox[2] > EARLY_BREAK_ROOM * first_word + 2 * space


def _paragraph_ended(block: _Open, line: Line) -> bool:
    """A sentence that ends well short of the paragraph's right edge ends the paragraph (two
    paragraphs printed without space between them)."""
    last = block.last
    if not last.text.rstrip().endswith((".", "!", "?")) or not line.text[:1].isupper():
        return False
    right = max(line.bbox[2], *(other.bbox[2] for other in block.lines))
    left = block.lines[0].bbox[0]
    return last.bbox[2] - left < SHORT_LINE * (right - left)


def _still_open(block: _Open, line: Line) -> bool:
    last = block.last
    height = max(last.bbox[3] - last.bbox[1], 1.0)
    return last.page == line.page and line.bbox[1] - last.bbox[3] <= 2 * height


def _finish(block: _Open, furniture: set[int], body: float, ocr: bool) -> Block:
    lines = block.lines
    sizes = [line.size for line in lines if line.size]
    first = lines[0]
    text = " ".join(t for t in block.texts if t)
    return Block(
        index=0,
        page=first.page,
        bbox=_union([line.bbox for line in lines]),
        text=text,
        label=block.label,
        marker=block.marker,
        size=max(sizes) if sizes else 0.0,
        bold=sum(line.bold for line in lines) * 2 > len(lines),
        column=first.column,
        n_lines=len(lines),
        ocr=ocr,
        furniture=all(id(line) in furniture for line in lines),
        heading=len(lines) <= 2 and _heading_like(first, body),
        gap_above=round(max(block.gap_above, 0.0), 2),
    )


def _heading_like(line: Line, body: float) -> bool:
    words = len(line.text.split())
    larger = body > 0 and line.size > body + 0.9
    return words <= HEADING_MAX_WORDS and (line.bold or larger)


# -- tables -------------------------------------------------------------------------------------


def _table_blocks(index: int, table: Table, *, ocr: bool) -> list[Block]:
    rows = table.rows
    n_cols = max((len(row.cells) for row in rows), default=0)
    header = rows[0].cells if len(rows) > 1 else []
    blocks: list[Block] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            text = " ".join(cell.split())
            if not text:
                continue
            cell_box = row.cell_boxes[c] if c < len(row.cell_boxes) else None
            box = cell_box if cell_box is not None else row.bbox
            above = rows[r - 1].cells[c] if r > 0 and c < len(rows[r - 1].cells) else None
            left = _left_text(row.cells, c)
            marker, label, value = split_line(text)
            blocks.append(
                Block(
                    index=0,
                    page=row.page,
                    bbox=(float(box[0]), float(box[1]), float(box[2]), float(box[3])),
                    text=value if label else " ".join(filter(None, (marker, value))),
                    label=label,
                    marker=None,
                    column=0,
                    n_lines=max(1, cell.count("\n") + 1),
                    ocr=ocr,
                    table=index,
                    row=r,
                    col=c,
                    n_rows=len(rows),
                    n_cols=n_cols,
                    col_header=_short(header[c]) if r > 0 and c < len(header) else None,
                    row_header=_short(row.cells[0]) if c > 0 else None,
                    above=_short(above),
                    left=_short(left),
                )
            )
    return blocks


def _left_text(cells: list[str], column: int) -> str | None:
    for c in range(column - 1, -1, -1):
        if cells[c].strip():
            return cells[c]
    return None


def _short(text: str | None) -> str | None:
    if not text:
        return None
    words = text.split()
    return " ".join(words) if 0 < len(words) <= LABEL_MAX_WORDS else None


def _merge_in_order(text_blocks: list[Block], table_blocks: list[Block]) -> list[Block]:
    """Put each table's cells before the first running-text block below the table's top."""
    if not table_blocks:
        return text_blocks
    by_table: dict[int, list[Block]] = {}
    for block in table_blocks:
        by_table.setdefault(block.table or 0, []).append(block)
    tops = sorted(
        ((min(b.bbox[1] for b in cells), key) for key, cells in by_table.items()),
    )
    merged: list[Block] = []
    pending = list(tops)
    for block in text_blocks:
        while pending and pending[0][0] <= block.bbox[1] and block.column in (0, 1):
            merged.extend(by_table[pending.pop(0)[1]])
        merged.append(block)
    for _, key in pending:
        merged.extend(by_table[key])
    return merged


def _insert_continued(blocks: list[Block], continued: list[Block]) -> list[Block]:
    """Place the rows a table carried onto later pages at their own page, before that page's text
    below them, so reading order follows the page."""
    out = list(blocks)
    start, previous = 0, None
    for block in sorted(continued, key=lambda b: (b.page, b.bbox[1], b.bbox[0])):
        # Rows of one table come in page and top order: the next one goes no earlier than the
        # row before it (the scan from the start made long reports quadratic).
        if previous is None or previous.table != block.table:
            start = 0
        position = len(out)
        for i in range(start, len(out)):
            other = out[i]
            if other.page > block.page or (
                other.page == block.page
                and other.table != block.table
                and other.bbox[1] > block.bbox[1]
                and not other.furniture
            ):
                position = i
                break
        # Keep the cells of one row together, left to right.
        while (
            position < len(out)
            and out[position].table == block.table
            and out[position].page == block.page
            and (out[position].row, out[position].col) < (block.row, block.col)
        ):
            position += 1
        out.insert(position, block)
        start, previous = position, block
    return out


# -- context ------------------------------------------------------------------------------------


def _fill_row_context(blocks: list[Block]) -> None:
    """Give blocks printed side by side (borderless tables, label and value on one row) the
    context a ruled table's cells get: row label, cell to the left, column header above."""
    rows: list[list[Block]] = []
    for block in blocks:
        if block.table is not None or block.furniture:
            continue
        row = rows[-1] if rows else None
        if row and _same_visual_row(row[0], block):
            row.append(block)
        else:
            rows.append([block])
    header: list[Block] | None = None
    for row in rows:
        if len(row) < 2:
            if row[0].heading and not row[0].label:
                header = None  # a heading ends the table the header row named
            continue
        row.sort(key=lambda b: b.bbox[0])
        if all(b.heading or b.bold for b in row) and all(len(b.text.split()) <= 6 for b in row):
            header = row
            continue
        for position, block in enumerate(row):
            block.row_header = _short(row[0].full_text) if position else None
            block.left = _short(row[position - 1].full_text) if position else None
            if header is not None and header[0].page == block.page:
                block.col_header = _header_over(header, block)


def _same_visual_row(a: Block, b: Block) -> bool:
    if a.page != b.page or a.column != b.column:
        return False
    height = max(a.bbox[3] - a.bbox[1], 1.0) / max(a.n_lines, 1)
    return abs(a.bbox[1] - b.bbox[1]) <= 0.5 * height and b.bbox[0] > a.bbox[0]


def _header_over(header: list[Block], block: Block) -> str | None:
    """The header cell whose column the block starts in."""
    chosen = None
    for cell in header:
        if cell.bbox[0] <= block.bbox[0] + ALIGN_TOLERANCE * 2:
            chosen = cell
    return _short(chosen.full_text) if chosen is not None else None


def _fill_sections(blocks: list[Block]) -> None:
    """Give every block the text of the nearest heading before it in reading order."""
    section: str | None = None
    for block in blocks:
        block.section = section
        if (
            block.table is None
            and not block.furniture
            and block.row_header is None
            and block.col_header is None
            and _is_section_heading(block)
            and not _beside_others(block, blocks)
        ):
            section = block.full_text[:120]


def _beside_others(block: Block, blocks: list[Block]) -> bool:
    """True for a cell of a row of short blocks (a table header), not a heading of its own."""
    start = max(block.index - 6, 0)
    return any(
        other is not block and other.table is None and _same_visual_row_any(block, other)
        for other in blocks[start : block.index + 7]
    )


def _same_visual_row_any(a: Block, b: Block) -> bool:
    if a.page != b.page or a.column != b.column:
        return False
    height = max(a.bbox[3] - a.bbox[1], 1.0) / max(a.n_lines, 1)
    return abs(a.bbox[1] - b.bbox[1]) <= 0.5 * height


def _is_section_heading(block: Block) -> bool:
    text = block.full_text.rstrip()
    words = len(text.split())
    if words == 0 or words > HEADING_MAX_WORDS:
        return False
    sentence = text.endswith((".", ",", ";")) and words >= 6
    return block.heading and not sentence and block.label is None


def _furniture_lines(doc: Document) -> set[int]:
    """Ids of lines printed at a page edge and repeated (digits aside) on other pages."""
    edge: list[Line] = []
    for page in doc.pages:
        margin = page.height * FURNITURE_MARGIN
        edge.extend(
            line
            for line in page.lines
            if line.bbox[1] < margin or line.bbox[3] > page.height - margin
        )
    shapes = Counter(_shape(line.text) for line in edge)
    return {
        id(line)
        for line in edge
        if (shapes[_shape(line.text)] > 1 and len(doc.pages) > 1)
        or re.fullmatch(r"(page\s*)?\d+(\s*(of|/)\s*\d+)?", line.text.strip(), re.I)
    }


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _body_size(lines: Sequence[Line]) -> float:
    """The size running text is set in: the size carrying most characters of full lines.

    Counting lines instead lets short cells (a demographics table, a checklist in a smaller
    face) outvote the paragraphs, and every short line of body text then reads as a heading.
    """
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size and len(line.text.split()) >= BODY_LINE_MIN_WORDS:
            sizes[round(line.size, 1)] += len(line.text)
    if not sizes:
        sizes = Counter(round(line.size, 1) for line in lines if line.size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _union(boxes: Sequence[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
