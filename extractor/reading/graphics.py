"""A page's drawn graphics as the reader needs them: ruling lines and the area covered by images.

Ruling lines are the horizontal and vertical straight pieces of every painted path (lines,
rectangles, the straight sides of other shapes), in the upright page frame, in the edge form
pdfplumber's table algorithms take. Form XObjects are entered, their matrices composed. Images
count only by the area they cover, which tells a scan from a text page. This module never reads
text and never renders.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

from extractor.reading import pdfium_calls as c
from extractor.reading.frame import PageFrame

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Pieces shorter than this are not rules (pdfplumber's `edge_min_length_prefilter`).
MIN_EDGE_LENGTH = 1.0
# A piece this close to horizontal or vertical (points of drift along its length) is one.
AXIS_TOLERANCE = 0.01
# Forms nested deeper than this are not entered: real reports nest one or two levels.
MAX_FORM_DEPTH = 8
# Beyond this many path segments on one page (charts, vector art, hostile files) stop
# collecting rules: the table algorithms would take too long and find no findings table.
MAX_SEGMENTS = 50_000
DIGITS = 3  # coordinates are kept to a thousandth of a point


@dataclass
class PageGraphics:
    """Ruling edges (pdfplumber edge dicts, frame coordinates) and image coverage of a page."""

    edges: list[dict[str, Any]] = field(default_factory=list)
    image_area: float = 0.0  # square points of the page covered by images (overlaps add up)
    too_many_segments: bool = False


def read_graphics(page: int, frame: PageFrame) -> PageGraphics:
    """Return the ruling edges and image area of the pdfium page `page` (an address)."""
    graphics = PageGraphics()
    walker = _Walker(frame, graphics)
    count = c.count_objects(page)
    walker.walk([c.page_object(page, i) for i in range(count)], IDENTITY, depth=0)
    return graphics


class _Walker:
    def __init__(self, frame: PageFrame, graphics: PageGraphics) -> None:
        self.frame = frame
        self.graphics = graphics
        self.segments = 0
        self.matrix = c.FS_MATRIX()
        self.x = ctypes.c_float()
        self.y = ctypes.c_float()
        self.bounds = [ctypes.c_float() for _ in range(4)]

    def walk(self, objects: list[int], parent: Matrix, *, depth: int) -> None:
        for obj in objects:
            if not obj:
                continue
            kind = c.object_type(obj)
            if kind == c.PAGEOBJ_PATH:
                if self.segments < MAX_SEGMENTS:
                    self._path(obj, parent)
            elif kind == c.PAGEOBJ_IMAGE:
                self._image(obj, parent)
            elif kind == c.PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                matrix = _compose(self._matrix(obj), parent)
                count = c.form_count_objects(obj)
                children = [c.form_object(obj, i) for i in range(max(count, 0))]
                self.walk(children, matrix, depth=depth + 1)

    def _matrix(self, obj: int) -> Matrix:
        m = self.matrix
        if not c.object_matrix(obj, ctypes.addressof(m)):
            return IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _path(self, obj: int, parent: Matrix) -> None:
        count = c.count_segments(obj)
        if count <= 1:
            return
        self.segments += count
        if self.segments > MAX_SEGMENTS:
            self.graphics.too_many_segments = True
            return
        a, b, cc, d, e, f = _compose(self._matrix(obj), parent)
        point = self.frame.point
        x, y = self.x, self.y
        start: tuple[float, float] | None = None
        current: tuple[float, float] | None = None
        for index in range(count):
            segment = c.path_segment(obj, index)
            if not segment or not c.segment_point(segment, x, y):
                continue
            px, py = x.value, y.value
            u, v = point(a * px + cc * py + e, b * px + d * py + f)
            # pdfium keeps points as 32-bit floats: 199.5 comes back as 199.49996.
            here = (round(u, DIGITS), round(v, DIGITS))
            if c.segment_type(segment) == c.SEGMENT_MOVETO:
                start = current = here
                continue
            # Bezier control points count as points, as in pdfminer's curves.
            if current is not None:
                self._edge(current, here)
            current = here
            if c.segment_closes(segment) and start is not None and current != start:
                self._edge(current, start)
                current = start

    def _edge(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        (u0, v0), (u1, v1) = p, q
        if abs(v0 - v1) <= AXIS_TOLERANCE and abs(u1 - u0) >= MIN_EDGE_LENGTH:
            x0, x1 = min(u0, u1), max(u0, u1)
            self.graphics.edges.append(_edge_dict("h", x0, v0, x1, v0))
        elif abs(u0 - u1) <= AXIS_TOLERANCE and abs(v1 - v0) >= MIN_EDGE_LENGTH:
            top, bottom = min(v0, v1), max(v0, v1)
            self.graphics.edges.append(_edge_dict("v", u0, top, u0, bottom))

    def _image(self, obj: int, parent: Matrix) -> None:
        left, bottom, right, top = self.bounds
        if not c.object_bounds(obj, left, bottom, right, top):
            return
        corners = [
            _apply(parent, x, y)
            for x, y in (
                (left.value, bottom.value),
                (right.value, top.value),
                (left.value, top.value),
                (right.value, bottom.value),
            )
        ]
        box = self.frame.box(
            min(p[0] for p in corners),
            min(p[1] for p in corners),
            max(p[0] for p in corners),
            max(p[1] for p in corners),
        )
        width = min(box[2], self.frame.width) - max(box[0], 0.0)
        height = min(box[3], self.frame.height) - max(box[1], 0.0)
        if width > 0 and height > 0:
            self.graphics.image_area += width * height


def _edge_dict(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """Return the matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c_, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c_ * A + d * C,
        c_ * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
