"""The galley flow: articles in copy order down the columns of consecutive pages.

Each marked page's copy starts on that page when the flow has not yet passed it; copy that
does not fit runs on to the next page. The page-layout engine replaces this with modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import LayoutConfig
from ..errors import InputError
from ..fonts import FontSet
from ..model import Article, Issue
from .boxes import ImageBox, IssueLayout, OutlineEntry, PageLayout, Rule, TextLine
from .furniture import Furniture, masthead, running_head
from .units import ArticleUnits, Unit, article_units


class CopyOverflow(InputError):
    """More copy than the layout's pages hold."""


@dataclass
class _Cursor:
    """Where the next unit goes: page index, column, row (grid line from the area top)."""

    page: int = 0
    column: int = 0
    row: int = 0
    used: dict[tuple[int, int], int] = field(default_factory=dict)  # (page, col) → rows used


def galley_layout(issue: Issue, cfg: LayoutConfig, fonts: FontSet,
                  missing: list[str] | None = None) -> IssueLayout:
    """Lay the whole issue out as a galley flow over `cfg.pages` pages.

    `missing`: see units.article_units (None: a character without a font is an error).
    """
    g = cfg.page
    total_rows = cfg.grid.lines_in(g.area_height)
    pages = [PageLayout(n) for n in range(1, cfg.pages + 1)]
    by_number = {p.number: p for p in issue.pages}
    first_rows: list[list[int]] = []  # per page, per column: first free row
    for page in pages:
        marked = by_number.get(page.number)
        if marked is not None:
            page.section, page.editor = marked.section, marked.editor
        furn = _furniture(issue, page, cfg, fonts)
        page.lines.extend(furn.lines)
        page.rules.extend(furn.rules)
        start = round((furn.top - g.area_y) / cfg.grid.pitch)
        first_rows.append([start if c < furn.columns else 0 for c in range(g.columns)])

    cur = _Cursor(row=first_rows[0][0])
    overflow: list[tuple[Article, int]] = []
    for marked in issue.pages:
        target = min(marked.number, cfg.pages) - 1
        if issue.paged and cur.page < target:
            cur.page, cur.column = target, 0
            cur.row = first_rows[target][0]
        for k, article in enumerate(marked.articles):
            units = article_units(article, g.column_width, cfg, fonts,
                                  lead=(k == 0 and not article.teaser_page), missing=missing)
            left = _place_article(units, pages, first_rows, cur, cfg, total_rows)
            if left:
                overflow.append((article, left))
    if overflow:
        names = "; ".join(f"{a.label}: {n} characters" for a, n in overflow)
        raise CopyOverflow(f"the copy does not fit on {cfg.pages} pages; not placed: {names}",
                           where=str(issue.source),
                           hint="cut the copy, or use a layout with more pages or smaller type")
    _column_rules(pages, first_rows, cfg, total_rows)
    return IssueLayout(g.width, g.height, pages)


def _furniture(issue: Issue, page: PageLayout, cfg: LayoutConfig, fonts: FontSet) -> Furniture:
    if page.number == 1:
        return masthead(issue.masthead, cfg, fonts)
    return running_head(issue.masthead, page.number, page.section, page.editor, cfg, fonts)


def _place_article(au: ArticleUnits, pages: list[PageLayout], first_rows: list[list[int]],
                   cur: _Cursor, cfg: LayoutConfig, total_rows: int) -> int:
    """Place an article's units; return how many characters did not fit (0 when all did)."""
    g = cfg.page
    units = list(au.units)
    outlined = False
    if cur.page < len(pages) and cur.row > first_rows[cur.page][cur.column]:
        cur.row += 1  # a blank line and a hairline between articles in one column
        y = g.area_y + (cur.row - 0.5) * cfg.grid.pitch
        x = g.column_x(cur.column)
        pages[cur.page].rules.append(Rule(x, y, x + g.column_width, y, cfg.rules.hairline))
    for i, unit in enumerate(units):
        need = unit.rows
        if unit.keep_with_next and i + 1 < len(units):
            need += units[i + 1].rows
        if cur.page < len(pages) and cur.row + need > total_rows \
                and cur.row > first_rows[cur.page][cur.column]:
            _next_column(cur, first_rows, g.columns)
        if cur.page >= len(pages):
            return sum(len(pl.line.text) for u in units[i:] for pl in u.lines)
        # A unit taller than a whole column (a very tall photo) is cut down to the column.
        rows = min(unit.rows, total_rows - cur.row)
        page = pages[cur.page]
        top = g.area_y + cur.row * cfg.grid.pitch
        x = g.column_x(cur.column)
        if not outlined and au.article.headline:
            page.outline.append(OutlineEntry(au.article.headline, top))
            outlined = True
        _draw_unit(page, unit, x, top, rows, cfg)
        cur.row += rows
        cur.used[(cur.page, cur.column)] = cur.row
    return 0


def _next_column(cur: _Cursor, first_rows: list[list[int]], columns: int) -> None:
    cur.column += 1
    if cur.column >= columns:
        cur.page += 1
        cur.column = 0
    if cur.page < len(first_rows):
        cur.row = first_rows[cur.page][cur.column]


def _draw_unit(page: PageLayout, unit: Unit, x: float, top: float, rows: int,
               cfg: LayoutConfig) -> None:
    for pl in unit.lines:
        page.lines.append(TextLine(x + pl.dx, top + pl.baseline, pl.line))
    if unit.image is not None:
        im = unit.image
        # An image taller than a whole column is shrunk to the rows it was given.
        height = min(im.height, rows * cfg.grid.pitch - cfg.grid.pitch / 2)
        page.images.append(ImageBox(x + im.dx, top + im.dy, im.width, height, im.path))


def _column_rules(pages: list[PageLayout], first_rows: list[list[int]], cfg: LayoutConfig,
                  total_rows: int) -> None:
    """Hairlines in the gutters, beside the used part of each column."""
    g = cfg.page
    for p, page in enumerate(pages):
        for c in range(1, g.columns):
            top_row = max(first_rows[p][c], first_rows[p][c - 1])
            x = g.column_x(c) - g.gutter / 2
            page.rules.append(Rule(x, g.area_y + top_row * cfg.grid.pitch, x,
                                   g.area_y + total_rows * cfg.grid.pitch, cfg.rules.hairline))
