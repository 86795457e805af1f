"""The filler pool (补白): short items and house ads set into the holes the make-up left.

Fillers are placed only once every page is fitted, and only into holes: they never move
copy, never push it and never take a page's space before its own stories have had it. The
holes are taken largest first, across the issue (the worst white gets the first pick); each
gets the filler whose module fills most of its rows without running out of it, set at the
hole's span like any module: a rule row over it where copy stands above (placement.gap),
one under it where copy stands below. What a filler leaves of the hole goes back into the
queue, so a deep hole may take two fillers. Each filler is used at most once.

A filler with text is planned as any module (headline air and its photo's crop within the
layout's latitude). A house ad — a filler whose copy is photos only, with or without a
headline — is its photo across the hole's whole width, cropped to the hole's depth within
the layout's `[copyfit] crop` range (an advertisement is drawn to be seen whole: the copyfit
ladder's wider crops are not for it).

A filler stands where the hole is: at its top under copy (the white stays at the foot, as
the make-up left it), at its foot over copy (the white stays under the furniture).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..config import LayoutConfig
from ..fonts import FontSet
from ..model import Article
from .boxes import PageLayout, Rule
from .draw import Box, draw_module, module_box
from .modules import Copy, ModulePlan, Piece, Planner
from .placement import PageSolution, Region, Slot, boxed_slots, gap

Hole = tuple[int, int, int, int]  # (col, row, span, rows), as PageSolution.holes

# Holes narrower than this take no filler: no module of the make-up is narrower (its
# strips are two columns at least), and a headline in one column breaks every few
# characters.
MIN_FILLER_SPAN = 2


@dataclass(frozen=True)
class FilledSlot:
    """A filler placed into a hole of page `page`: `filler` is its index in the pool.

    `top_row`: the row above which no rule is drawn over it (draw_module's top_row: the
    region's top, or its own row when only white stands above it); `rule_under`: copy
    stands under it, so a hairline sits in the white row between them."""

    page: int
    filler: int
    slot: Slot
    top_row: int
    rule_under: bool


@dataclass(frozen=True)
class PlacedFiller:
    """A filler as drawn, for the layout report: its module's rectangle on its page."""

    filler: int  # index in issue.fillers
    label: str  # how messages name it
    page: int
    box: Box
    columns: int
    lines: int


@dataclass
class FillerFit:
    """fill_holes' result: the fillers placed, the pages' solutions with the holes they
    left (their holes replaced; their slots are the make-up's own), and the fillers no
    hole took, in pool order."""

    placed: list[FilledSlot]
    solutions: dict[int, PageSolution]
    unused: list[int]

    def blank(self, page: int) -> int:
        """Row·columns the page's fillers leave white inside their modules (short columns),
        as a module's `blank` counts against the page's fill."""
        return sum(f.slot.plan.blank for f in self.placed if f.page == page)


def fill_holes(solutions: dict[int, PageSolution], regions: dict[int, Region],
               pieces: list[Piece], planner: Planner, cfg: LayoutConfig) -> FillerFit:
    """Place `pieces` (the pool, composed) into the holes of the pages that carry copy.

    Pure: the solutions are not changed; the result holds new ones. Pages without copy take
    no filler (they are left out of the print, and a page of fillers is no page)."""
    queue: list[tuple[int, Hole]] = [(n, h) for n, sol in solutions.items() if sol.slots
                                     for h in sol.holes]
    left: dict[int, list[Hole]] = {n: [] for n in solutions}
    placed: list[FilledSlot] = []
    unused = list(range(len(pieces)))
    while queue:
        queue.sort(key=lambda q: (q[1][2] * q[1][3], -q[0], -q[1][0]))
        n, hole = queue.pop()  # the largest; on a tie the earlier page, the left one
        best = _best_filler(hole, regions[n], pieces, unused, planner, cfg)
        if best is None:
            left[n].append(hole)
            continue
        k, fill = best
        unused.remove(k)
        placed.append(FilledSlot(n, k, fill.slot, fill.top_row, fill.rule_under))
        if fill.rest is not None:
            queue.append((n, fill.rest))
    out = {n: replace(sol, holes=sorted(left[n])) if sol.slots else sol
           for n, sol in solutions.items()}
    return FillerFit(placed, out, unused)


@dataclass(frozen=True)
class _Fill:
    """One filler's plan in one hole: where it stands and what of the hole it leaves."""

    slot: Slot
    used: int  # rows of the hole it takes, its rule rows included
    top_row: int
    rule_under: bool
    rest: Hole | None


def _best_filler(hole: Hole, region: Region, pieces: list[Piece], unused: list[int],
                 planner: Planner, cfg: LayoutConfig) -> tuple[int, _Fill] | None:
    """The unused filler that takes most of the hole's rows (the earlier in the pool on a
    tie), with its plan; None when none fits."""
    span = hole[2]
    if span < MIN_FILLER_SPAN:
        return None
    best: tuple[int, _Fill] | None = None
    for k in unused:
        if pieces[k].copy.min_span > span:
            continue
        for plan in _plans(pieces[k], span, planner, cfg):
            fill = _fit(plan, hole, region)
            if fill is not None and (best is None or fill.used > best[1].used):
                best = (k, fill)
    return best


def _fit(plan: ModulePlan, hole: Hole, region: Region) -> _Fill | None:
    """`plan` set into `hole`, or None when it (with its rule rows) is deeper."""
    col, row, span, rows = hole
    copy_above = row > region.top(col, span)
    copy_below = row + rows < region.bottom
    above = gap(plan, 0, copy_above)
    used = above + plan.depth + copy_below
    if used > rows:
        return None
    if copy_below:  # against the copy under it; the white stays above
        at = row + rows - used
        return _Fill(Slot(plan, col, at + above), used, at + above, True,
                     (col, row, span, rows - used) if rows > used else None)
    rest = (col, row + used, span, rows - used) if rows > used else None
    return _Fill(Slot(plan, col, row + above), used, region.top(col, span), False, rest)


def _plans(piece: Piece, span: int, planner: Planner, cfg: LayoutConfig) -> list[ModulePlan]:
    """A filler's variants at `span`, shallowest first: a house ad's photo across the span
    at each depth the crop range allows; an item's photo options and headline air."""
    copy = piece.copy
    if is_house_ad(copy):
        photo = copy.photos[0]
        depths = photo.rows_range(cfg.page.span_width(span), cfg, cfg.copyfit.crop)
        return [planner.plan(piece, span, (span, rows)) for rows in depths]
    return sorted((planner.plan(piece, span, photo, air)
                   for photo in planner.photo_options(piece, span)
                   for air in range(cfg.copyfit.max_air + 1)),
                  key=lambda p: (p.depth, p.air))


def is_house_ad(copy: Copy) -> bool:
    """Is the filler a house ad: photos and no text of its own (a headline at most)?"""
    return bool(copy.photos) and not copy.body


def draw_fillers(pages: list[PageLayout], fit: FillerFit, planner: Planner,
                 cfg: LayoutConfig, fonts: FontSet, bottom_row: int,
                 fillers: list[Article]) -> list[PlacedFiller]:
    """Draw the placed fillers as any module is drawn (balanced columns, rules, a box where
    a headline stands beside another one at its height: the filler's, as the later copy).
    `fillers`: the pool, as issue.fillers holds it."""
    out = []
    by_number = {p.number: p for p in pages}
    pitch = cfg.grid.pitch
    slots = {id(f): Slot(planner.balanced(f.slot.plan), f.slot.col, f.slot.row)
             for f in fit.placed}
    for f in fit.placed:
        page = by_number[f.page]
        slot = slots[id(f)]
        boxed = boxed_slots([*fit.solutions[f.page].slots,
                             *(slots[id(g)] for g in fit.placed if g.page == f.page)])
        draw_module(page, slot, planner, cfg, fonts, top_row=f.top_row, bottom_row=bottom_row,
                    boxed=id(slot) in boxed)
        box = module_box(slot, cfg)
        if f.rule_under:
            y = box.y + box.height + pitch / 2
            page.rules.append(Rule(box.x, y, box.x + box.width, y, cfg.rules.hairline))
        out.append(PlacedFiller(f.filler, fillers[f.filler].label, f.page, box,
                                slot.plan.span, slot.plan.lines))
    return out


def unused_warning(source: Path, fillers: list[Article], unused: list[int]) -> list[str]:
    """The one warning naming the fillers no hole took (none when every one was placed)."""
    if not unused:
        return []
    names = (f"“{fillers[k].headline}”" if fillers[k].headline
             else f"the untitled filler at line {fillers[k].source.line}" for k in unused)
    return [f"{source}: fillers not placed (no hole fits them): {', '.join(names)}"]
