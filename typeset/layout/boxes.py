"""The layout result: positioned boxes per page, in points from the trim's top-left, y down.

Render reads only these; it makes no layout decisions of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..compose import Line


@dataclass(frozen=True)
class TextLine:
    """A composed line whose left edge is at `x` and baseline at `baseline` (on the page, or
    relative to the unit or module that holds it while the layout is worked out)."""

    x: float
    baseline: float
    line: Line

    def moved(self, dx: float, dy: float) -> TextLine:
        """The same line shifted by (dx, dy): a line placed inside a unit or module, moved
        to where that unit stands on the page."""
        return TextLine(self.x + dx, self.baseline + dy, self.line)


@dataclass(frozen=True)
class Rule:
    """A straight rule from (x0, y0) to (x1, y1), `weight` points thick."""

    x0: float
    y0: float
    x1: float
    y1: float
    weight: float


@dataclass(frozen=True)
class ImageBox:
    """A photo scaled to fill the box (x, y top-left, width, height)."""

    x: float
    y: float
    width: float
    height: float
    path: Path


@dataclass(frozen=True)
class LinkBox:
    """A clickable area (x, y top-left, width, height) that goes to `y` on page `to_page`:
    jump lines (下转/上接) and teasers (详见N版)."""

    x: float
    y: float
    width: float
    height: float
    to_page: int
    to_y: float


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark under its page's entry: an article's headline and where it starts."""

    title: str
    y: float


@dataclass(frozen=True)
class OversetMark:
    """Where a frame's copy runs over (InDesign's red out-port plus): a mark that shows on
    screen and does not print, at (x, y) — the right end of the frame's last line — with
    `note` saying what is over."""

    x: float
    y: float
    note: str


@dataclass
class PageLayout:
    """One print page: number, the section for its running head, and what is on it."""

    number: int
    section: str = ""
    editor: str = ""
    lines: list[TextLine] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: list[ImageBox] = field(default_factory=list)
    outline: list[OutlineEntry] = field(default_factory=list)
    links: list[LinkBox] = field(default_factory=list)
    overset: list[OversetMark] = field(default_factory=list)


@dataclass
class IssueLayout:
    """All pages, at the layout's trim size."""

    width: float
    height: float
    pages: list[PageLayout]
