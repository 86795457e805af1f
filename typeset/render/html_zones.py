"""Hot zones of the HTML edition's page views: each article's rectangles from the layout
result (its module, a brief's own rows, a teaser's item in the ear), as shares of the page
image so that they scale with it at any width."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..layout.draw import Box
from ..layout.engine import MakeUp
from .html_images import PageImages


@dataclass(frozen=True)
class Area:
    """A rectangle on the page image, in per cent of its width and height."""

    left: float
    top: float
    width: float
    height: float

    def overlaps(self, other: Area) -> bool:
        """Do the two rectangles share any interior point?"""
        return (self.left < other.left + other.width and other.left < self.left + self.width
                and self.top < other.top + other.height and other.top < self.top + self.height)


@dataclass(frozen=True)
class Zone:
    """One article on one page: its areas there (several for a brief run down two columns,
    or an article in two modules). `continued`: the page holds only a continuation."""

    article: int  # index in issue.articles
    page: int
    areas: tuple[Area, ...]
    continued: bool = False


def page_zones(makeup: MakeUp, images: Iterable[PageImages]) -> dict[int, list[Zone]]:
    """Page number → its zones, in the copy's order of the articles (the editor's priority,
    which is also the keyboard's order). Every page of `images` has an entry."""
    by_number = {im.number: im for im in images}
    rects: dict[tuple[int, int], list[Area]] = {}
    starts: set[tuple[int, int]] = set()
    for p in makeup.placements:
        key = (p.page, p.article)
        rects.setdefault(key, []).extend(_area(b, by_number[p.page]) for b in p.areas or (p.box,))
        if p.continued_from is None:
            starts.add(key)
    for t in makeup.teasers:
        if t.box is not None and t.article >= 0:
            key = (1, t.article)
            rects.setdefault(key, []).append(_area(t.box, by_number[1]))
            starts.add(key)
    out: dict[int, list[Zone]] = {n: [] for n in by_number}
    for (page, article), areas in sorted(rects.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        out[page].append(Zone(article, page, tuple(areas), (page, article) not in starts))
    return out


def _area(box: Box, image: PageImages) -> Area:
    """A layout box (points from the trim's top-left) on the page image: pixels by the
    render's scale, then shares of the image's pixel size."""
    w, h = image.large.width, image.large.height
    s = image.scale
    return Area(round(100 * box.x * s / w, 3), round(100 * box.y * s / h, 3),
                round(100 * box.width * s / w, 3), round(100 * box.height * s / h, 3))
