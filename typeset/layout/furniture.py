"""Page furniture: page 1's masthead (报头) and the running head (报眉) of the other pages."""

from __future__ import annotations

from dataclasses import dataclass

from ..compose import StyledRun, compose_paragraph
from ..config import LayoutConfig
from ..fonts import FontSet
from ..model import Masthead, Source
from .boxes import Rule, TextLine
from .units import ASCENT, DISPLAY_LEADING, check_glyphs

CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十: page numbers as a Chinese paper prints them."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Furniture:
    """What the furniture draws, and where the columns may start below it."""

    lines: list[TextLine]
    rules: list[Rule]
    top: float  # y of the first row below the furniture (in the columns it covers)
    columns: int  # how many columns (from the left) it covers; the others start at the top

    def rows(self, cfg: LayoutConfig) -> int:
        """Grid rows it takes from the type area's top (in the columns it covers)."""
        return round((self.top - cfg.page.area_y) / cfg.grid.pitch)

    def white_columns(self, cfg: LayoutConfig) -> int:
        """Whole columns at the right of the block that none of its lines reaches (the
        masthead's title is narrower than its columns): see front.front_furniture."""
        g = cfg.page
        ink = max((tl.x + tl.line.width for tl in self.lines), default=g.area_x)
        right = g.column_x(self.columns - 1) + g.column_width
        return max(0, int((right - ink + g.gutter) // (g.column_width + g.gutter)))


def masthead(m: Masthead, cfg: LayoutConfig, fonts: FontSet, source: Source,
             missing: list[str] | None, columns: int | None = None) -> Furniture:
    """Page 1's masthead block: title large, then Latin name, date line, issue data, URL;
    `columns` wide ([masthead] columns unless given).

    `source` is the issue file; `missing` as for check_glyphs."""
    g = cfg.page
    spec = cfg.masthead
    columns = columns or spec.columns
    width = g.span_width(columns)
    x, y = g.area_x, g.area_y
    parts: list[tuple[StyledRun, str]] = [(StyledRun(m.title, "headline_black", spec.title_size),
                                           "left")]
    if m.latin:
        parts.append((StyledRun(m.latin, "latin", spec.latin_size), "left"))
    date_line = "　".join(t for t in (m.date_text, m.weekday, m.lunar_date) if t)
    for text in (date_line, m.issue_number, "".join(filter(None, (
            f"{m.url_label}: " if m.url_label else "", m.url))), *m.extra):
        if text:
            parts.append((StyledRun(text, "furniture", spec.info_size), "left"))
    lines = []
    for run, align in parts:
        composed = compose_paragraph([run], width, fonts, cfg.text, align=align)
        check_glyphs(composed, None, "the masthead", source, missing)
        for line in composed:
            y += run.size * DISPLAY_LEADING
            lines.append(TextLine(x, y - run.size * (DISPLAY_LEADING - ASCENT) / 2, line))
    bottom = max(y, g.area_y + spec.lines * cfg.grid.pitch)
    rows = -int(-(bottom - g.area_y) // cfg.grid.pitch)
    top = g.area_y + rows * cfg.grid.pitch
    rule_y = top - cfg.grid.pitch / 2
    return Furniture(lines, [Rule(x, rule_y, x + width, rule_y, cfg.rules.heavy)], top,
                     columns)


def running_head(m: Masthead, number: int, section: str, editor: str, cfg: LayoutConfig,
                 fonts: FontSet, source: Source, missing: list[str] | None) -> Furniture:
    """The 报眉 of pages 2–N: paper, date and page on one line above a rule across the page.

    `source` is the issue file; `missing` as for check_glyphs."""
    g = cfg.page
    rh = cfg.running_head
    size = rh.size
    folio = f"第{number}版"
    left = "　".join(t for t in (folio, section) if t)
    centre = "　".join(t for t in (m.title, m.date_text, m.weekday) if t)
    right = f"责任编辑：{editor}" if editor else ""
    baseline = g.area_y + (rh.lines - 1) * cfg.grid.pitch - (cfg.grid.pitch - size) / 2
    lines = []
    for text, align in ((left, "left"), (centre, "center"), (right, "right")):
        if text:
            composed = compose_paragraph([StyledRun(text, "furniture", size)], g.area_width,
                                         fonts, cfg.text, align=align)
            check_glyphs(composed, None, f"the running head of page {number}", source,
                         missing)
            lines += [TextLine(g.area_x, baseline, line) for line in composed]
    rule_y = g.area_y + (rh.lines - 1) * cfg.grid.pitch + cfg.grid.pitch / 3
    top = g.area_y + rh.lines * cfg.grid.pitch
    return Furniture(lines, [Rule(g.area_x, rule_y, g.area_x + g.area_width, rule_y, rh.rule)],
                     top, g.columns)
