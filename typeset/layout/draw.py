"""Drawing placed modules into a page's boxes: text lines on the grid, photos, tables,
hairline rules between modules, jump lines and their links."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..compose import StyledRun, compose_paragraph
from ..config import LayoutConfig
from ..fonts import FontSet
from .boxes import ImageBox, LinkBox, OutlineEntry, PageLayout, Rule, TextLine
from .headlines import RULE_AT
from .modules import ModulePlan, Planner
from .placement import Slot
from .units import grid_baseline


@dataclass(frozen=True)
class Box:
    """A module's rectangle on its page, in points."""

    x: float
    y: float
    width: float
    height: float


def module_box(slot: Slot, cfg: LayoutConfig) -> Box:
    """The rectangle a placed module covers."""
    g = cfg.page
    return Box(g.column_x(slot.col), g.area_y + slot.row * cfg.grid.pitch,
               g.span_width(slot.plan.span), slot.plan.depth * cfg.grid.pitch)


def article_areas(slot: Slot, cfg: LayoutConfig) -> tuple[tuple[Box, ...], ...]:
    """Per article of the module's copy, the rectangles its own text covers.

    One article: the whole module. A run of briefs shares one module, so each brief gets
    only its rows of each column it runs down (the first brief in the module also gets the
    heading rows: the run's banner is its banner). The HTML edition's hot zones are these,
    and a zone must not cover another article's text."""
    box = module_box(slot, cfg)
    plan = slot.plan
    piece = plan.piece
    copy = piece.copy
    if len(copy.articles) == 1:
        return ((box,),)
    g = cfg.page
    pitch = cfg.grid.pitch
    ends = [*copy.starts[1:], len(copy.body)]
    out: list[list[Box]] = []
    for k, (start, end) in enumerate(zip(copy.starts, ends)):
        lo, hi = max(start, piece.start), min(end, piece.stop)
        rects: list[Box] = []
        if lo < hi:
            a = plan.index_of(lo - piece.start)
            # The last article's rows run on to the jump line (下转) under its text.
            b = plan.index_of(hi - piece.start) if k < len(ends) - 1 else math.inf
            for run in plan.columns:
                top, bottom = max(run.a, a), min(run.b, b)
                if top < bottom:
                    rects.append(Box(g.column_x(slot.col + run.col),
                                     box.y + (run.row + top - run.a) * pitch,
                                     g.column_width, (bottom - top) * pitch))
        out.append(rects)
    head_rows = plan.air + plan.head.rows
    first = next((rects for rects in out if rects), None)
    if head_rows and first is not None:
        first.insert(0, Box(box.x, box.y, box.width, head_rows * pitch))
    return tuple(tuple(rects) for rects in out)


def draw_module(page: PageLayout, slot: Slot, planner: Planner, cfg: LayoutConfig,
                fonts: FontSet, *, repeat: str = "", jump_text: str = "",
                top_row: int, bottom_row: int, boxed: bool = False) -> tuple[float, float]:
    """Draw a placed module; return the (x, y) of its jump line (下转) — the right end of
    that row when `jump_text` is empty (overset) — and (0, 0) when the piece has none.

    `repeat`: a continuation's "（上接第N版）"; `jump_text`: a fragment's "（下转第N版）";
    `top_row`, `bottom_row`: the region's first and last rows (no rule over a module at the
    top; vertical rules end at the bottom); `boxed`: a frame (heavy rule) round the module,
    in the gutters and the white rows about it."""
    g = cfg.page
    pitch = cfg.grid.pitch
    plan: ModulePlan = slot.plan
    piece = plan.piece
    box = module_box(slot, cfg)
    x0, y0 = box.x, box.y
    head = planner.drawn_head(plan, repeat)
    shift = plan.air * pitch / 2
    for pl in head.lines:
        page.lines.append(pl.moved(x0, y0 + shift))
    if head.banner_rule is not None:
        y = y0 + shift + head.banner_rule
        page.rules.append(Rule(x0, y, x0 + box.width, y, cfg.rules.heavy))
    if piece.first and piece.copy.article.headline and len(piece.copy.articles) == 1:
        page.outline.append(OutlineEntry(piece.copy.article.headline, y0))
    for ins in plan.inserts:
        x = g.column_x(slot.col + ins.col)
        y = y0 + ins.row * pitch
        w = g.span_width(ins.span)
        if ins.rule_over:
            page.rules.append(Rule(x0, y - pitch / 2, x0 + box.width, y - pitch / 2,
                                   cfg.rules.hairline))
        if ins.table is not None:
            for pl in ins.table.lines:
                page.lines.append(pl.moved(x, y))
            for a, b, c, d in ins.table.rules:
                page.rules.append(Rule(x + a, y + b, x + c, y + d, cfg.rules.hairline))
            continue
        h = ins.rows * pitch - pitch / 3  # a third of a line of air above the caption
        if ins.photo.figure.image is not None:
            page.images.append(ImageBox(x, y + pitch / 6, w, h - pitch / 6,
                                        ins.photo.figure.image))
        else:  # the copy names a photo that is not supplied: a frame holds its place
            for r in _frame(x, y + pitch / 6, w, h - pitch / 6, cfg.rules.hairline):
                page.rules.append(r)
        for pl in ins.caption:
            page.lines.append(pl.moved(x, y + ins.rows * pitch))
    units = plan.units
    if len(piece.copy.articles) > 1:  # briefs: a bookmark at each one's run-in headline
        for art, first in zip(piece.copy.articles, piece.copy.starts):
            at = plan.index_of(first - piece.start)
            for run in plan.columns:
                if art.headline and run.a <= at < run.b:
                    page.outline.append(OutlineEntry(
                        art.headline, y0 + (run.row + at - run.a) * pitch))
    jump_at = (0.0, 0.0)
    base = grid_baseline(cfg, cfg.grid.body_size)
    for run in plan.columns:
        x = g.column_x(slot.col + run.col)
        for k in range(run.a, run.b):
            y = y0 + (run.row + k - run.a) * pitch
            if k < len(units):
                for pl in units[k].lines:
                    page.lines.append(pl.moved(x, y))
            elif jump_text:
                line = compose_paragraph([StyledRun(jump_text, "furniture", cfg.grid.body_size)],
                                         g.column_width, fonts, cfg.text, align="right")[0]
                page.lines.append(TextLine(x, y + base, line))
                jump_at = (x + g.column_width - line.width, y)
            else:
                jump_at = (x + g.column_width, y)
    # Column rules (栏线) in the gutters between neighbouring columns of a band, beside the
    # body text.
    for left, right in zip(plan.columns, plan.columns[1:]):
        if right.col == left.col + 1 and right.row < left.foot and left.row < right.foot:
            x = g.column_x(slot.col + right.col) - g.gutter / 2
            page.rules.append(Rule(x, y0 + max(left.row, right.row) * pitch, x,
                                   y0 + max(left.foot, right.foot) * pitch, cfg.rules.hairline))
    if slot.row > top_row:  # the rule over the module: in its headline's top padding
        y = y0 + RULE_AT * pitch if plan.head.rule_room else y0 - pitch / 2
        page.rules.append(Rule(x0, y, x0 + box.width, y, cfg.rules.hairline))
    if slot.col > 0:
        x = x0 - g.gutter / 2
        top = y0 + RULE_AT * pitch if plan.head.rule_room and slot.row > top_row \
            else y0 - pitch / 2
        page.rules.append(Rule(x, top, x, min(y0 + box.height + pitch / 2,
                                              g.area_y + bottom_row * pitch),
                               cfg.rules.hairline))
    if boxed:
        top = y0 + RULE_AT * pitch if plan.head.rule_room and slot.row > top_row \
            else y0 - pitch / 2
        bottom = min(y0 + box.height + pitch / 2, g.area_y + bottom_row * pitch)
        left, right = x0 - g.gutter / 2, x0 + box.width + g.gutter / 2
        for r in _frame(left, top, right - left, bottom - top, cfg.rules.heavy)[:4]:
            page.rules.append(r)
    return jump_at


def _frame(x: float, y: float, w: float, h: float, weight: float) -> list[Rule]:
    return [Rule(x, y, x + w, y, weight), Rule(x + w, y, x + w, y + h, weight),
            Rule(x + w, y + h, x, y + h, weight), Rule(x, y + h, x, y, weight),
            Rule(x, y, x + w, y + h, weight), Rule(x + w, y, x, y + h, weight)]


def link_line(page: PageLayout, x: float, y: float, width: float, cfg: LayoutConfig,
              to_page: int, to_y: float) -> None:
    """A link over one grid row starting at (x, y top)."""
    page.links.append(LinkBox(x, y, width, cfg.grid.pitch, to_page, to_y))
