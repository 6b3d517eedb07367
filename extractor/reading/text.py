"""Words of a page's text layer, read from pdfium's character boxes, in the upright page frame.

Characters are grouped into words the way pdfplumber's `extract_words` does (runs of one font
and size, clustered into lines within 3 points, split at blanks and at gaps over 3 points), so a
report reads the same whichever parser produced its words. Each character's box runs from its
descent to one font size above it (pdfminer's convention), so line heights equal font sizes.
Text drawn turned (by the text matrix, the page's /Rotate, or both) is read in its own upright
frame; the page's frame is the one most of its characters read upright in. This module only
reads characters: it knows nothing about lines, columns or tables.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from extractor.reading import pdfium_calls as c
from extractor.reading.columns import Word
from extractor.reading.frame import PageFrame, turns_of_direction

X_TOLERANCE = 3.0  # points between characters of one word
Y_TOLERANCE = 3.0  # points between the tops of characters of one line
BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
BOLD_WEIGHT = 600
# pdfium reports a hyphen it judged to end a line as U+FFFE; the page shows a hyphen.
LIGATURES = {
    "\ufffe": "-",
    "ﬀ": "ff",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬅ": "ft",
    "ﬆ": "st",
}
LIGATURE_TABLE = str.maketrans(LIGATURES)
# The 14 standard fonts need no font descriptor, and pdfium then measures a substitute font;
# their own metrics give the descent (per unit of font size) that the printed page has.
STANDARD_DESCENTS = (
    ("helvetica", -0.207),
    ("arial", -0.207),
    ("times", -0.217),
    ("courier", -0.194),
)
FONT_NAME_BYTES = 256
DIGITS = 3  # coordinates are kept to a thousandth of a point


@dataclass(frozen=True, slots=True)
class _Font:
    bold: bool
    # Per unit of font size: the standard font's own descent minus the one pdfium measured on
    # its substitute (0 for other fonts).
    descent_correction: float
    unmapped: bool  # its first character on the page had no Unicode mapping


@dataclass(frozen=True, slots=True)
class _Style:
    """What the characters of one text object share."""

    run: tuple[int, int, float]  # characters with equal keys in a row form one run
    turns: int
    size: float
    lift: float  # points from pdfium's loose box bottom up to our box bottom
    bold: bool
    unmapped: bool


@dataclass
class PageText:
    """The words of one page and what the reader needs to judge its text layer."""

    words: list[Word]
    frame: PageFrame
    chars: int  # visible (non-blank) characters
    unmapped: int  # of those, characters whose font has no Unicode mapping


def read_words(textpage: int, box: PageFrame) -> PageText:
    """Return the words on the pdfium text page `textpage` (an address).

    `box` is the page box turned as the page is displayed; the words come in the frame turned
    further so that most characters read upright (see `PageText.frame`).
    """
    count = c.count_chars(textpage)
    if count <= 0:
        return PageText([], box, 0, 0)
    owners = np.array(list(map(c.text_object, repeat(textpage, count), range(count))), np.uint64)
    # pdfium generates spaces and line breaks between text objects; they belong to none.
    index = np.flatnonzero(owners)
    if len(index) == 0:
        return PageText([], box, 0, 0)
    styles, char_style = _styles(textpage, owners[index], index)
    codes = _codes(textpage, count)[index]
    blank = _blank(codes)
    loose = _loose_boxes(textpage, count)[index]
    char_turns = np.array([style.turns for style in styles])[char_style]
    visible = np.bincount(char_turns[~blank], minlength=4)
    unmapped_style = np.array([style.unmapped for style in styles], dtype=bool)
    unmapped = int(unmapped_style[char_style][~blank].sum())
    turns = max(range(4), key=lambda t: (visible[t], t == box.turns))
    if visible[turns] == 0:
        turns = box.turns
    frame = box.turned(turns)
    words = _words(codes, blank, loose, char_style, styles, frame)
    return PageText(words, frame, int(visible.sum()), unmapped)


def _styles(
    textpage: int, owners: np.ndarray, index: np.ndarray
) -> tuple[list[_Style], np.ndarray]:
    """Return the style of each text object, in order of first appearance, and the index of
    each character's style. `owners` holds the text object of the characters at `index`."""
    objects, first, inverse = np.unique(owners, return_index=True, return_inverse=True)
    appearance = np.argsort(first)
    rank = np.empty_like(appearance)
    rank[appearance] = np.arange(len(appearance))
    fonts: dict[int, _Font] = {}
    shared: dict[tuple[float, ...], _Style] = {}
    matrix = c.FS_MATRIX()
    styles = [
        _style(textpage, int(index[first[i]]), int(objects[i]), fonts, shared, matrix)
        for i in appearance
    ]
    return styles, rank[inverse.ravel()]


def _codes(textpage: int, count: int) -> np.ndarray:
    """Return the Unicode code point of every character, in index order."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    units = c.get_text(textpage, 0, count, buffer) - 1  # the count includes a terminating NUL
    if units == count:
        codes = np.frombuffer(buffer.raw[: 2 * units], dtype="<u2").astype(np.uint32)
        # One UTF-16 unit per character unless a surrogate pair took two: then ask one by one.
        if not ((codes >= 0xD800) & (codes < 0xE000)).any():
            return codes
    return np.array([c.get_unicode(textpage, i) for i in range(count)], dtype=np.uint32)


def _blank(codes: np.ndarray) -> np.ndarray:
    """Tell which code points are white space (str.isspace)."""
    unique, inverse = np.unique(codes, return_inverse=True)
    blank = np.array([chr(int(code)).isspace() for code in unique], dtype=bool)
    return blank[inverse.ravel()]


def _loose_boxes(textpage: int, count: int) -> np.ndarray:
    """Return pdfium's loose box (left, bottom, right, top) of every character, in user space."""
    boxes = (ctypes.c_float * (4 * count))()
    base = ctypes.addressof(boxes)
    step = ctypes.sizeof(c.FS_RECTF)
    # One call per character, written straight into the array; map keeps the loop in C.
    addresses = range(base, base + step * count, step)
    list(map(c.loose_char_box, repeat(textpage, count), range(count), addresses))
    # FS_RECTF holds left, top, right, bottom.
    rects = np.frombuffer(memoryview(boxes).cast("B"), dtype=np.float32).reshape(count, 4)
    return rects[:, [0, 3, 2, 1]].astype(np.float64)


def _style(
    textpage: int,
    index: int,
    owner: int,
    fonts: dict[int, _Font],
    shared: dict[tuple[float, ...], _Style],
    matrix: ctypes.Structure,
) -> _Style:
    """Return the style of the text object `owner`, whose first character is at `index`;
    objects with the same font, size and direction share one."""
    c.char_matrix(textpage, index, ctypes.addressof(matrix))
    a, b, cc, d = matrix.a, matrix.b, matrix.c, matrix.d  # type: ignore[attr-defined]
    font_handle = c.text_object_font(owner) or 0
    size_in_font = c.font_size(textpage, index)
    key = (font_handle, size_in_font, a, b, cc, d)
    style = shared.get(key)
    if style is not None:
        return style
    font = fonts.get(font_handle)
    if font is None:
        unmapped = bool(c.has_unicode_map_error(textpage, index))
        font = fonts[font_handle] = _font(font_handle, unmapped)
    scale = (cc * cc + d * d) ** 0.5 or 1.0
    size = abs(size_in_font) * scale
    turns = turns_of_direction(a, b)
    style = shared[key] = _Style(
        run=(turns, font_handle, round(size, 3)),
        turns=turns,
        size=size,
        lift=font.descent_correction * size,
        bold=font.bold,
        unmapped=font.unmapped,
    )
    return style


def _font(font_handle: int, unmapped: bool) -> _Font:
    """Describe a font; `unmapped` tells whether its first character had no Unicode mapping."""
    if not font_handle:
        return _Font(bold=False, descent_correction=0.0, unmapped=unmapped)
    buffer = ctypes.create_string_buffer(FONT_NAME_BYTES)
    length = c.font_base_name(font_handle, buffer, FONT_NAME_BYTES)
    name = buffer.raw[: max(min(length, FONT_NAME_BYTES) - 1, 0)].decode("latin-1")
    bold = bool(BOLD_FONT.search(name)) or c.font_weight(font_handle) >= BOLD_WEIGHT
    correction = 0.0
    if not c.font_is_embedded(font_handle):
        family = name.split("+")[-1].lower()
        standard = next((d for prefix, d in STANDARD_DESCENTS if family.startswith(prefix)), None)
        measured = ctypes.c_float()
        if standard is not None and c.font_descent(font_handle, 1.0, ctypes.addressof(measured)):
            correction = standard - measured.value
    return _Font(bold=bold, descent_correction=correction, unmapped=unmapped)


def _words(
    codes: np.ndarray,
    blank: np.ndarray,
    loose: np.ndarray,
    char_style: np.ndarray,
    styles: list[_Style],
    frame: PageFrame,
) -> list[Word]:
    """Group characters into words: runs of one style, lines within a run, words within a line
    (see the module docstring)."""
    run_keys = [style.run for style in styles]
    run_index = {key: i for i, key in enumerate(dict.fromkeys(run_keys))}
    run_of_style = np.array([run_index[key] for key in run_keys])
    # A run is a stretch of consecutive characters with one run key.
    changes = np.flatnonzero(np.diff(run_of_style[char_style]) != 0) + 1
    run = np.zeros(len(codes), dtype=np.int64)
    run[changes] = 1
    run = np.cumsum(run)
    sizes = np.array([style.size for style in styles])[char_style]
    lifts = np.array([style.lift for style in styles])[char_style]
    turns = np.array([style.turns for style in styles])[char_style]
    # Boxes in each character's own upright frame: x0, top, x1, bottom.
    own = np.empty_like(loose)
    for t in np.unique(turns):
        selected = turns == t
        own[selected] = _frame_boxes(frame.turned(int(t)), loose[selected])
    own[:, 3] -= lifts
    own[:, 1] = own[:, 3] - sizes
    x0, top, x1 = own[:, 0], own[:, 1], own[:, 2]
    # Lines: within a run, tops that chain within Y_TOLERANCE (pdfplumber's clustering).
    by_top = np.lexsort((top, run))
    gap = np.diff(top[by_top]) > Y_TOLERANCE
    new_line = np.concatenate(([True], gap | (np.diff(run[by_top]) != 0)))
    line = np.empty(len(codes), dtype=np.int64)
    line[by_top] = np.cumsum(new_line)
    # Within a line, left to right; ties keep the characters' order.
    order = np.lexsort((np.arange(len(codes)), x0, line))
    o_x0, o_x1, o_top, o_line = x0[order], x1[order], top[order], line[order]
    o_blank = blank[order]
    breaks = np.ones(len(order), dtype=bool)
    breaks[1:] = (
        (o_line[1:] != o_line[:-1])
        | o_blank[:-1]
        | (o_x0[1:] < o_x0[:-1])
        | (o_x0[1:] > o_x1[:-1] + X_TOLERANCE)
        | (np.abs(o_top[1:] - o_top[:-1]) > Y_TOLERANCE)
    )
    keep = ~o_blank
    word_start = breaks[keep]
    kept = order[keep]
    if len(kept) == 0:
        return []
    starts = np.flatnonzero(word_start)
    ends = np.append(starts[1:], len(kept))
    boxes = np.stack(
        [
            np.minimum.reduceat(x0[kept], starts),
            np.minimum.reduceat(top[kept], starts),
            np.maximum.reduceat(x1[kept], starts),
            np.maximum.reduceat(own[kept, 3], starts),
        ],
        axis=1,
    )
    text = codes[kept].astype("<u4").tobytes().decode("utf-32-le", errors="replace")
    first = kept[starts]
    word_turns = turns[first]
    return _make_words(text, starts, ends, boxes, char_style[first], word_turns, styles, frame)


def _make_words(
    text: str,
    starts: np.ndarray,
    ends: np.ndarray,
    boxes: np.ndarray,
    word_style: np.ndarray,
    word_turns: np.ndarray,
    styles: list[_Style],
    frame: PageFrame,
) -> list[Word]:
    """Build Words, moving boxes from their own frame into `frame` and clipping them to the
    page; a word wholly outside the page is dropped."""
    for turns in np.unique(word_turns[word_turns != frame.turns]).tolist():
        turned = word_turns == turns
        boxes[turned] = _between_frames(frame.turned(turns), frame, boxes[turned])
    # pdfium keeps boxes as 32-bit floats: 199.5 comes back as 199.49996.
    boxes = np.round(boxes, DIGITS)
    width, height = frame.width, frame.height
    inside = (boxes[:, 2] > 0) & (boxes[:, 0] < width) & (boxes[:, 3] > 0) & (boxes[:, 1] < height)
    boxes = np.clip(boxes, 0.0, [width, height, width, height])
    sizes = [round(style.size, 2) for style in styles]
    bolds = [style.bold for style in styles]
    if any(ch in text for ch in LIGATURES):
        text = text.translate(LIGATURE_TABLE)
    return [
        Word(text[start:end], x0, top, x1, bottom, sizes[style], bolds[style])
        for start, end, (x0, top, x1, bottom), style, keep in zip(
            starts.tolist(),
            ends.tolist(),
            boxes.tolist(),
            word_style.tolist(),
            inside.tolist(),
            strict=True,
        )
        if keep
    ]


def _between_frames(source: PageFrame, target: PageFrame, boxes: np.ndarray) -> np.ndarray:
    """Return `boxes` given in the frame `source` in the frame `target` of the same page."""
    corners = []
    for u, v in ((boxes[:, 0], boxes[:, 1]), (boxes[:, 2], boxes[:, 3])):
        x, y = source.user_point(u, v)  # type: ignore[arg-type]  # works elementwise
        corners.append(target.point(x, y))  # type: ignore[arg-type]
    (u0, v0), (u1, v1) = corners
    return np.stack(
        [np.minimum(u0, u1), np.minimum(v0, v1), np.maximum(u0, u1), np.maximum(v0, v1)], axis=1
    )


def _frame_boxes(frame: PageFrame, rects: np.ndarray) -> np.ndarray:
    """Return user-space rectangles (left, bottom, right, top rows) as boxes in `frame`."""
    x0, y0, x1, y1 = rects[:, 0], rects[:, 1], rects[:, 2], rects[:, 3]
    left, bottom, right, top = frame.left, frame.bottom, frame.right, frame.top
    if frame.turns == 0:
        columns = (x0 - left, top - y1, x1 - left, top - y0)
    elif frame.turns == 1:
        columns = (y0 - bottom, x0 - left, y1 - bottom, x1 - left)
    elif frame.turns == 2:
        columns = (right - x1, y0 - bottom, right - x0, y1 - bottom)
    else:
        columns = (top - y1, right - x1, top - y0, right - x0)
    return np.stack(columns, axis=1)
