"""Inserts: photos (with caption and credit under them) and tables, placed across whole
columns of a module and whole grid lines high."""

from __future__ import annotations

from dataclasses import dataclass

from ..compose import StyledRun, compose_paragraph
from ..config import LayoutConfig
from ..fonts import FontSet
from ..images import open_image
from ..model import Article, Figure, Table
from .boxes import TextLine
from .units import check_glyphs, grid_baseline

# How far a photo may be cropped from its own proportions is the layout's ([copyfit] crop):
# the photo's depth is one of the knobs that makes a module fill its slot.
MIN_PHOTO_ROWS = 3  # a photo shallower than this reads as a strip, not a picture
# A photo with no file keeps a frame (FPO box) of these proportions.
MISSING_PHOTO_RATIO = 0.66


@dataclass(frozen=True)
class Photo:
    """A figure, its natural proportions (height / width) and its pixels (0 without a
    file)."""

    figure: Figure
    ratio: float
    pixels: tuple[int, int] = (0, 0)

    def rows_range(self, width: float, cfg: LayoutConfig, crop: tuple[float, float]) -> range:
        """The photo depths (grid rows) allowed at `width` points, cropped to `crop` (low,
        high) times its natural depth."""
        pitch = cfg.grid.pitch
        natural = width * self.ratio / pitch
        low = max(MIN_PHOTO_ROWS, round(natural * crop[0]))
        high = max(low, round(natural * crop[1]))
        return range(low, high + 1)

    def ppi(self, width: float, height: float) -> float:
        """Its effective resolution filling a box this size in points (cropped to it, never
        upsampled); infinite for a missing photo's frame."""
        w_px, h_px = self.pixels
        if not w_px:
            return float("inf")
        return min(w_px / (width / 72), h_px / (height / 72))

    def sharp(self, width: float, height: float, min_ppi: float) -> bool:
        """Does the photo keep `min_ppi` in a box this size?"""
        return self.ppi(width, height) >= min_ppi


def photos_of(article: Article) -> list[Photo]:
    """The article's figures with their proportions."""
    out = []
    for block in article.blocks:
        if isinstance(block, Figure):
            ratio = MISSING_PHOTO_RATIO
            pixels = (0, 0)
            if block.image is not None:
                with open_image(block.image) as im:
                    pixels = im.size
                ratio = pixels[1] / pixels[0]
            out.append(Photo(block, ratio, pixels))
    return out


def caption_lines(fig: Figure, width: float, cfg: LayoutConfig, fonts: FontSet,
                  article: Article, missing: list[str] | None) -> list[TextLine]:
    """The caption with the credit at its end, one grid row per line."""
    runs = [StyledRun(fig.caption, "caption", cfg.sizes.caption)]
    if fig.credit:
        runs.append(StyledRun("　" + fig.credit, "byline", cfg.sizes.caption))
    lines = compose_paragraph(runs, width, fonts, cfg.text, align="justify")
    check_glyphs(lines, article, "a caption", fig.source, missing)
    base = grid_baseline(cfg, cfg.sizes.caption)
    return [TextLine(0.0, base + k * cfg.grid.pitch, line) for k, line in enumerate(lines)]


@dataclass(frozen=True)
class TableSet:
    """A table composed at a width: lines from its top-left, rules (x0, y0, x1, y1) relative
    to it, whole rows tall."""

    rows: int
    lines: tuple[TextLine, ...]
    rules: tuple[tuple[float, float, float, float], ...]


def table_min_width(table: Table, cfg: LayoutConfig, fonts: FontSet) -> float:
    """The narrowest width at which no cell has to wrap."""
    return sum(_natural_widths(table, cfg, fonts)) + cfg.sizes.table * len(table.header)


def _natural_widths(table: Table, cfg: LayoutConfig, fonts: FontSet) -> list[float]:
    widths = [0.0] * len(table.header)
    for r, row in enumerate((table.header, *table.rows)):
        role = "emphasis" if r == 0 else "caption"
        for c, cell in enumerate(row[:len(widths)]):
            if cell:
                line = compose_paragraph([StyledRun(cell, role, cfg.sizes.table)], 1e6, fonts,
                                         cfg.text, align="left")[0]
                widths[c] = max(widths[c], line.width)
    return widths


def set_table(table: Table, width: float, cfg: LayoutConfig, fonts: FontSet,
              article: Article, missing: list[str] | None) -> TableSet:
    """The table as a real table: cells in columns (widths after their content), the header
    bold over a rule, rules above and below, every row on the grid."""
    size = cfg.sizes.table
    pitch = cfg.grid.pitch
    natural = _natural_widths(table, cfg, fonts)
    pad = size
    total = sum(natural) + pad * len(natural)
    scale = width / total if total else 1.0
    col_w = [(w + pad) * scale for w in natural]
    xs = [sum(col_w[:c]) for c in range(len(col_w))]
    lines: list[TextLine] = []
    rules = [(0.0, pitch / 2, width, pitch / 2)]
    row_top = 1  # in grid rows; the top rule sits in the first
    for r, row in enumerate((table.header, *table.rows)):
        role = "emphasis" if r == 0 else "caption"
        depth = 1
        for c, cell in enumerate(row[:len(col_w)]):
            align = table.align[c] if c < len(table.align) and table.align[c] else "center"
            cell_lines = compose_paragraph([StyledRun(cell, role, size)], col_w[c] - pad / 2,
                                           fonts, cfg.text, align=align) if cell else []
            check_glyphs(cell_lines, article, "a table cell", table.source, missing)
            for k, line in enumerate(cell_lines):
                base = (row_top + k) * pitch + grid_baseline(cfg, size)
                lines.append(TextLine(xs[c] + pad / 4, base, line))
            depth = max(depth, len(cell_lines))
        row_top += depth
        if r == 0:
            rules.append((0.0, row_top * pitch, width, row_top * pitch))
    rules.append((0.0, (row_top + 0.5) * pitch, width, (row_top + 0.5) * pitch))
    return TableSet(row_top + 1, tuple(lines), tuple(rules))
