"""An article as a stack of units for the flow: each unit is whole grid lines tall.

Body lines are one unit each (so every body baseline falls on the grid); a headline group,
a photo or a caption line is one unit whose height is rounded up to whole grid lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..compose import HARD_BREAK, Line, StyledRun, compose_paragraph
from ..config import LayoutConfig
from ..errors import InputError
from ..fonts import FontSet
from ..model import (Article, Byline, Figure, LineBreak, ListBlock, Paragraph, Quote, Style,
                     Subhead, Table, Text)

# Ascent of the em box above the baseline, as a fraction of the size (Noto CJK: 880/1000).
ASCENT = 0.88
# Leading of display lines (headlines, kickers) as a multiple of their size.
DISPLAY_LEADING = 1.2


@dataclass(frozen=True)
class PlacedLine:
    """A line inside a unit: x offset and baseline offset from the unit's top-left."""

    dx: float
    baseline: float
    line: Line


@dataclass(frozen=True)
class PlacedImage:
    """A photo inside a unit."""

    dx: float
    dy: float
    width: float
    height: float
    path: Path


@dataclass(frozen=True)
class Unit:
    """The smallest piece the flow places: `rows` grid lines tall, never split."""

    rows: int
    lines: tuple[PlacedLine, ...] = ()
    image: PlacedImage | None = None
    keep_with_next: bool = False  # a headline group is never left alone at a column's foot


@dataclass(frozen=True)
class ArticleUnits:
    """An article ready to flow, with the text of its outline entry."""

    article: Article
    units: tuple[Unit, ...]


def grid_baseline(cfg: LayoutConfig, size: float) -> float:
    """Baseline of a line of `size` inside one grid line: the em box centred in the pitch."""
    return (cfg.grid.pitch - size) / 2 + ASCENT * size


def article_units(article: Article, width: float, cfg: LayoutConfig, fonts: FontSet,
                  *, lead: bool = False, missing: list[str] | None = None) -> ArticleUnits:
    """Compose an article for a column `width` points wide.

    A character that no face of its role covers is an InputError naming it, the article and
    the block; when `missing` is a list, it is set as .notdef and reported there instead.
    """
    s = cfg.sizes
    units: list[Unit] = []
    head: list[tuple[StyledRun, str]] = []
    if article.banner:
        head.append((StyledRun(article.banner, "kicker", s.banner), "left"))
    if article.kicker:
        head.append((StyledRun(article.kicker, "kicker", s.kicker), "left"))
    if article.headline:
        role, size = ("headline_black", s.headline) if lead else ("headline", s.headline_small)
        head.append((StyledRun(article.headline, role, size), "left"))
    for sub in article.subtitles:
        head.append((StyledRun(sub, "subtitle", s.subtitle), "left"))
    if head:
        units.append(_display_unit(head, width, cfg, fonts))
        _check_glyphs(units[-1:], article, "the headline group", article.source, missing)
    for n, block in enumerate(article.blocks, 1):
        block_units = _block_units(block, width, cfg, fonts)
        _check_glyphs(block_units, article, f"block {n} ({type(block).__name__.lower()})",
                      block.source, missing)
        units.extend(block_units)
    return ArticleUnits(article, tuple(units))


def _check_glyphs(units: list[Unit], article: Article, what: str, source,
                  missing: list[str] | None) -> None:
    chars = [pl.glyph.text for u in units for line in u.lines
             for pl in line.line.glyphs if pl.glyph.missing]
    if not chars:
        return
    names = ", ".join(f"U+{ord(c[0]):04X} '{c}'" for c in dict.fromkeys(chars))
    message = f"no font of the role covers {names} in {what}"
    if missing is None:
        raise InputError(message, where=str(source), article=article.label,
                         hint="add a font that has it to the role's list in fonts/fonts.toml, "
                              "or pass --allow-missing-glyphs to set it as a blank box")
    missing.append(f"{source}: {message} (article {article.label})")


def _display_unit(parts: list[tuple[StyledRun, str]], width: float, cfg: LayoutConfig,
                  fonts: FontSet) -> Unit:
    placed: list[PlacedLine] = []
    y = 0.0
    for run, align in parts:
        for line in compose_paragraph([run], width, fonts, cfg.text, align=align):
            y += run.size * DISPLAY_LEADING
            placed.append(PlacedLine(0.0, y - run.size * (DISPLAY_LEADING - ASCENT) / 2, line))
    rows = max(1, -int(-(y + cfg.grid.pitch / 2) // cfg.grid.pitch))
    # Centre the group vertically in its rows.
    pad = (rows * cfg.grid.pitch - y) / 2
    placed = [PlacedLine(p.dx, p.baseline + pad, p.line) for p in placed]
    return Unit(rows, tuple(placed), keep_with_next=True)


def _line_units(lines: list[Line], cfg: LayoutConfig, size: float, dx: float = 0.0
                ) -> list[Unit]:
    base = grid_baseline(cfg, size)
    return [Unit(1, (PlacedLine(dx, base, line),)) for line in lines]


def paragraph_runs(p: Paragraph, role: str, size: float, byline_size: float) -> list[StyledRun]:
    """The styled runs of a paragraph (emphasis → the emphasis role, run-in byline → byline)."""
    runs: list[StyledRun] = []
    for inline in p.inlines:
        if isinstance(inline, LineBreak):
            runs.append(StyledRun(HARD_BREAK, role, size))
        elif isinstance(inline, Text):
            if inline.style is Style.EMPHASIS:
                runs.append(StyledRun(inline.text, "emphasis", size))
            elif inline.style is Style.BYLINE:
                runs.append(StyledRun(inline.text, "byline", byline_size))
            else:
                runs.append(StyledRun(inline.text, role, size))
    return runs


def _block_units(block, width: float, cfg: LayoutConfig, fonts: FontSet) -> list[Unit]:
    s = cfg.sizes
    body = cfg.grid.body_size
    indent = cfg.text.indent_em * body
    if isinstance(block, Paragraph):
        lines = compose_paragraph(paragraph_runs(block, "body", body, s.byline), width, fonts,
                                  cfg.text, indent=indent if block.indent else 0.0)
        return _line_units(lines, cfg, body)
    if isinstance(block, Byline):
        lines = compose_paragraph([StyledRun(block.text, "byline", s.byline)], width, fonts,
                                  cfg.text, align="left")
        return _line_units(lines, cfg, s.byline)
    if isinstance(block, Subhead):
        lines = compose_paragraph([StyledRun(block.text, "subhead", s.subhead)], width, fonts,
                                  cfg.text, align="center")
        units = _line_units(lines, cfg, s.subhead)
        return [Unit(u.rows, u.lines, keep_with_next=True) for u in units]
    if isinstance(block, Quote):
        out: list[Unit] = []
        for p in block.paragraphs:
            lines = compose_paragraph(paragraph_runs(p, "kicker", s.quote, s.byline),
                                      width - 2 * body, fonts, cfg.text, align="left")
            out.extend(_line_units(lines, cfg, s.quote, dx=body))
        return out
    if isinstance(block, ListBlock):
        out = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}. " if block.ordered else "· "
            runs = [StyledRun(marker, "body", body), *paragraph_runs(item, "body", body, s.byline)]
            out.extend(_line_units(compose_paragraph(runs, width, fonts, cfg.text), cfg, body))
        return out
    if isinstance(block, Table):
        out = []
        for r, row in enumerate((block.header, *block.rows)):
            role = "emphasis" if r == 0 else "caption"
            text = "　".join(row)
            lines = compose_paragraph([StyledRun(text, role, s.table)], width, fonts, cfg.text,
                                      align="left")
            out.extend(_line_units(lines, cfg, s.table))
        return out
    if isinstance(block, Figure):
        return _figure_units(block, width, cfg, fonts)
    raise TypeError(f"unknown block {block!r}")


def _figure_units(fig: Figure, width: float, cfg: LayoutConfig, fonts: FontSet) -> list[Unit]:
    out: list[Unit] = []
    if fig.image is not None:
        with Image.open(fig.image) as im:
            w_px, h_px = im.size
        rows = max(2, round(width * h_px / w_px / cfg.grid.pitch))
        height = rows * cfg.grid.pitch - cfg.grid.pitch / 2  # half a line of air below
        out.append(Unit(rows, image=PlacedImage(0.0, 0.0, width, height, fig.image)))
    runs = [StyledRun(fig.caption, "caption", cfg.sizes.caption)]
    if fig.credit:
        runs.append(StyledRun("　" + fig.credit, "byline", cfg.sizes.caption))
    lines = compose_paragraph(runs, width, fonts, cfg.text, align="justify")
    out.extend(_line_units(lines, cfg, cfg.sizes.caption))
    return out
