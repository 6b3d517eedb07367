"""The upright page frame: where a point of a PDF page lies once the page is turned so its text
reads left to right, top to bottom.

PDF user space has its origin at the bottom-left and y pointing up; the page's /Rotate turns it
for display, and some pages draw their text turned again. Every box the reader hands on is in the
upright frame: points, origin at the top-left corner, y pointing down. This module is geometry
only: it never looks at a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in the upright frame


@dataclass(frozen=True, slots=True)
class PageFrame:
    """A page box in user space (left, bottom, right, top) and the clockwise quarter turns that
    bring it upright."""

    left: float
    bottom: float
    right: float
    top: float
    turns: int = 0

    @property
    def width(self) -> float:
        return self.right - self.left if self.turns % 2 == 0 else self.top - self.bottom

    @property
    def height(self) -> float:
        return self.top - self.bottom if self.turns % 2 == 0 else self.right - self.left

    def turned(self, turns: int) -> PageFrame:
        """Return the same page box turned by `turns` clockwise quarter turns from user space."""
        return PageFrame(self.left, self.bottom, self.right, self.top, turns % 4)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Return the frame position of the user-space point (x, y)."""
        turns = self.turns
        if turns == 0:
            return x - self.left, self.top - y
        if turns == 1:
            return y - self.bottom, x - self.left
        if turns == 2:
            return self.right - x, y - self.bottom
        return self.top - y, self.right - x

    def user_point(self, u: float, v: float) -> tuple[float, float]:
        """Return the user-space point at frame position (u, v) (the inverse of `point`)."""
        turns = self.turns
        if turns == 0:
            return u + self.left, self.top - v
        if turns == 1:
            return v + self.left, u + self.bottom
        if turns == 2:
            return self.right - u, v + self.bottom
        return self.right - v, self.top - u

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        """Return the frame box of the user-space rectangle with corners (x0, y0), (x1, y1)."""
        u0, v0 = self.point(x0, y0)
        u1, v1 = self.point(x1, y1)
        return (min(u0, u1), min(v0, v1), max(u0, u1), max(v0, v1))

    def box_from(self, other: PageFrame, box: Box) -> Box:
        """Return `box`, given in the frame `other` of the same page, in this frame."""
        x0, y0 = other.user_point(box[0], box[1])
        x1, y1 = other.user_point(box[2], box[3])
        return self.box(x0, y0, x1, y1)


def turns_of_direction(dx: float, dy: float) -> int:
    """Return the clockwise quarter turns that make text running along (dx, dy) in user space
    run left to right: 0 for +x, 1 for +y, 2 for -x, 3 for -y (nearest quarter)."""
    if abs(dx) >= abs(dy):
        return 0 if dx >= 0 else 2
    return 1 if dy > 0 else 3
