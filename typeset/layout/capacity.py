"""How much copy the make-up weighs: a page holds at most its area's worth of body lines.

Every body line takes one grid row of one column, and headlines, photos, tables and the
rules between modules only take more, so a page's type area — rows × columns — is an upper
bound on the body lines it can show, and the issue's pages together hold at most that many
times their number. The make-up relies on this twice:

- composing: a page's own copy is composed, in priority order, only until it fills every
  page of the issue (pieces a page cannot hold may go to any other page, none holds more);
  what lies beyond is overset by construction, composed once more after the make-up only
  to be counted and reported, one article at a time, never held;
- solving: a page's solver weighs its pieces, in order, only until they fill
  `[limits] offered_pages` pages; the rest are pushed on unweighed, as the solver would
  push them, and go round the fitting loop like every piece a page could not hold.

Copy that a page could hold never comes near either bound: a full page of the sample sets
four fifths of its area as body lines at most, and the generated overset-130 issue (130 %
of the sample's copy) gives a page's solver 1.25 pages' worth at most, so an issue that
fits, or nearly, is made up exactly as without them. Only copy far beyond
the pages' capacity is cut short — and then the search over a page's pieces, whose time
grows faster than their square, stays at a page's size however much copy the page was
given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TypeVar

from ..config import LayoutConfig
from .modules import Copy, Piece
from .placement import PUSHED, PageSolution, hole_cost

T = TypeVar("T", Copy, Piece)


@dataclass(frozen=True)
class Capacity:
    """The bounds, in body lines: `page` a page's type area (rows × columns), `issue` all
    pages', `offered` what one page's solver weighs."""

    page: int
    issue: int
    offered: int

    @classmethod
    def of(cls, cfg: LayoutConfig) -> Capacity:
        """The layout's bounds (its type area, pages and [limits] offered_pages)."""
        page = cfg.grid.lines_in(cfg.page.area_height) * cfg.page.columns
        return cls(page, page * cfg.pages, int(cfg.limits.offered_pages * page))


def lines_of(item: Copy | Piece) -> int:
    """The body lines a copy or piece sets (one unit is one line or more)."""
    return len(item.body) if isinstance(item, Copy) else len(item.units)


def within(items: Iterable[T], lines: int) -> Iterator[T]:
    """The items in order while those before them set fewer than `lines` body lines: the
    one that crosses the bound is kept (it may be cut and jump), the rest are not asked
    for — a generator of composed copies is not composed any further."""
    rest = iter(items)
    held = 0
    while held < lines:
        item = next(rest, None)
        if item is None:
            return
        yield item
        held += lines_of(item)


def split(pieces: list[Piece], lines: int) -> tuple[list[Piece], list[Piece]]:
    """`pieces` as `within` takes them, and the rest."""
    held = list(within(pieces, lines))
    return held, pieces[len(held):]


def pushed_unweighed(sol: PageSolution, beyond: list[Piece], area: int) -> PageSolution:
    """A page's solution with `beyond` (pieces its solver did not weigh) pushed on, each
    priced as the solver prices a piece it pushes (PUSHED, the hole cost of `area`
    row·columns — the type area's: no hole of the page costs more — and a unit per line),
    so that solutions with more or less of them compare as the solver's own do; the
    layout report shows the sum as the "unweighed" term."""
    if not beyond:
        return sol
    cost = sum(PUSHED + hole_cost(area) + len(p.units) for p in beyond)
    return replace(sol, cost=sol.cost + cost, pushed=[*sol.pushed, *beyond],
                   terms={**sol.terms, "unweighed": cost})

