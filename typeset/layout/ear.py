"""The ear (报眼) beside page 1's masthead: the 导读 teasers, each pointing at the page where
its target article actually landed; an index of the pages when there are no teasers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..compose import StyledRun, compose_paragraph
from ..config import LayoutConfig
from ..fonts import FontSet
from ..model import Article, Paragraph, Text
from .furniture import chinese_numeral
from .boxes import TextLine
from .units import check_glyphs, display_lines, grid_baseline, paragraph_runs

# "详见四版", "详见第4版": the page a teaser points at.
SEE_PAGE = re.compile(r"(详见第?)([〇一二三四五六七八九十\d]+)(版)")


def retarget(text: str, page: int) -> str:
    """The teaser's text with its "详见N版" pointing at `page` (Chinese numerals stay
    Chinese, digits stay digits)."""
    def repl(m: re.Match) -> str:
        digits = m.group(2).isdigit()
        return m.group(1) + (str(page) if digits else chinese_numeral(page)) + m.group(3)
    return SEE_PAGE.sub(repl, text)


@dataclass(frozen=True)
class EarItem:
    """One teaser (or index line) in the ear: its lines relative to the ear's top-left, the
    rows it spans, and the article index it links to (None: no link)."""

    lines: tuple[TextLine, ...]
    row: int
    rows: int
    target: int | None
    title: str = ""  # a teaser's headline, for the bookmark


@dataclass(frozen=True)
class Ear:
    """The ear's contents, whole grid rows; `banner_rows` rows at the top hold the banner."""

    items: tuple[EarItem, ...]
    rows: int
    banner: tuple[TextLine, ...]


def teaser_ear(teasers: list[Article], pages: dict[int, int], width: float, cfg: LayoutConfig,
               fonts: FontSet, missing: list[str] | None, depth: int = 0) -> Ear:
    """The teasers stacked in the ear `width` points wide. `pages`: index in `teasers` → the
    page its target landed on (absent: the page the copy names is kept). `depth`: the ear is
    at least this many rows deep (the masthead's beside it), the rows it lacks shared out as air
    between its teasers, so that it ends level with the masthead rather than leaving white
    under itself."""
    pitch = cfg.grid.pitch
    s = cfg.sizes
    pad = cfg.grid.body_size  # inner margin of the boxed ear
    inner = width - 2 * pad
    bannered = next((t for t in teasers if t.banner), None)  # its banner heads the ear
    banner_text = bannered.banner if bannered is not None else None
    banner: tuple[TextLine, ...] = ()
    row = 1  # a row of air under the box's top rule
    if banner_text:
        placed, height = display_lines([(StyledRun(banner_text, "kicker", s.subtitle), "left")],
                                       inner, cfg, fonts)
        rows = max(1, -int(-height // pitch))
        banner = tuple(TextLine(pad, row * pitch + p.baseline + (rows * pitch - height) / 2,
                                  p.line) for p in placed)
        row += rows
    items = []
    for n, t in enumerate(teasers):
        parts = []
        if t.banner and t is not bannered:  # every banner typed is printed
            parts.append((StyledRun(t.banner, "kicker", s.banner), "left"))
        if t.kicker:
            parts.append((StyledRun(t.kicker, "kicker", s.kicker), "left"))
        if t.headline:
            parts.append((StyledRun(t.headline, "headline", s.headline_small_min), "left"))
        parts.extend((StyledRun(sub, "subtitle", s.subtitle), "left") for sub in t.subtitles)
        placed, height = display_lines(parts, inner, cfg, fonts)
        check_glyphs([p.line for p in placed], t, "a teaser", t.source, missing)
        head_rows = max(1, -int(-height // pitch)) if placed else 0
        lines = [TextLine(pad, row * pitch + p.baseline + (head_rows * pitch - height) / 2,
                            p.line) for p in placed]
        r = row + head_rows
        for block in t.blocks:
            if not isinstance(block, Paragraph):
                continue
            para = block
            if n in pages:
                para = Paragraph(tuple(Text(retarget(i.text, pages[n]), i.style)
                                       if isinstance(i, Text) else i for i in block.inlines),
                                 block.source, block.indent)
            body = compose_paragraph(paragraph_runs(para, "body", cfg.grid.body_size, s.byline),
                                     inner, fonts, cfg.text,
                                     indent=cfg.text.indent_em * cfg.grid.body_size)
            check_glyphs(body, t, "a teaser", block.source, missing)
            base = grid_baseline(cfg, cfg.grid.body_size)
            for line in body:
                lines.append(TextLine(pad, r * pitch + base, line))
                r += 1
        items.append(EarItem(tuple(lines), row, r - row, n, t.headline or ""))
        row = r + 1
    return _spread(Ear(tuple(items), row, banner), depth, cfg)


def _spread(ear: Ear, depth: int, cfg: LayoutConfig) -> Ear:
    """The ear `depth` rows deep when it is shallower: the rows it lacks as air between its
    items (evenly, the first gaps taking what does not divide), under the last when it has
    only one."""
    lack = depth - ear.rows
    if lack <= 0 or not ear.items:
        return ear
    gaps = len(ear.items) - 1
    share = [lack // gaps + (k < lack % gaps) for k in range(gaps)]
    pitch = cfg.grid.pitch
    items = []
    for n, item in enumerate(ear.items):
        down = sum(share[:n])
        items.append(EarItem(tuple(tl.moved(0.0, down * pitch) for tl in item.lines),
                             item.row + down, item.rows, item.target, item.title))
    return Ear(tuple(items), depth, ear.banner)


def index_ear(entries: list[tuple[str, int | None]], width: float, cfg: LayoutConfig,
              fonts: FontSet) -> Ear:
    """An index of the pages ("第二版　要闻　…"), one line each, when there are no teasers."""
    pitch = cfg.grid.pitch
    pad = cfg.grid.body_size
    base = grid_baseline(cfg, cfg.sizes.furniture)
    items = []
    row = 1
    for text, target in entries:
        for line in compose_paragraph([StyledRun(text, "furniture", cfg.sizes.furniture)],
                                      width - 2 * pad, fonts, cfg.text, align="left")[:1]:
            items.append(EarItem((TextLine(pad, row * pitch + base, line),), row, 1, target))
            row += 1
    return Ear(tuple(items), row + 1, ())
