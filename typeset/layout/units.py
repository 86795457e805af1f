"""An article's copy as units of whole grid lines, composed once per article.

Body blocks are composed at the basic column width (every column of a module is one basic
column), one unit per line, so that every body baseline falls on the grid. Headline groups
depend on the module's span and are composed per span (see headlines.py); photos and tables
are inserts placed across columns (inserts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..compose import HARD_BREAK, Line, StyledRun, compose_paragraph, missing_glyphs
from ..config import LayoutConfig
from ..errors import InputError
from ..fonts import FontSet
from .boxes import TextLine
from ..model import (Article, Byline, Figure, LineBreak, ListBlock, Paragraph, Quote, Source,
                     Style, Subhead, Table, Text)

# Ascent of the em box above the baseline, as a fraction of the size (Noto CJK: 880/1000).
ASCENT = 0.88
# Leading of display lines (headlines, kickers) as a multiple of their size.
DISPLAY_LEADING = 1.15


@dataclass(frozen=True)
class Unit:
    """The smallest piece a column takes: `rows` grid lines tall, never split."""

    rows: int
    lines: tuple[TextLine, ...] = ()
    keep_with_next: bool = False  # a subhead is never left alone at a column's foot
    block: int = -1  # index in its article's blocks of the block it sets (-1: none)

    @property
    def chars(self) -> int:
        """How many characters the unit sets."""
        return sum(len(pl.line.text) for pl in self.lines)


def grid_baseline(cfg: LayoutConfig, size: float) -> float:
    """Baseline of a line of `size` inside one grid line: the em box centred in the pitch."""
    return (cfg.grid.pitch - size) / 2 + ASCENT * size


def check_glyphs(lines: list[Line], article: Article | None, what: str, source: Source,
                 missing: list[str] | None) -> None:
    """A character no face of its role covers is an InputError naming it, the article (None:
    page furniture, which belongs to none) and the block; when `missing` is a list it is
    reported there instead (set as .notdef)."""
    chars = missing_glyphs(lines)
    if not chars:
        return
    names = ", ".join(f"U+{ord(c[0]):04X} '{c}'" for c in dict.fromkeys(chars))
    message = f"no font of the role covers {names} in {what}"
    if missing is None:
        raise InputError(message, where=str(source), article=article and article.label,
                         hint="add a font that has it to the role's list in fonts/fonts.toml, "
                              "or pass --allow-missing-glyphs to set it as a blank box")
    note = f"{source}: {message}" + (f" (article {article.label})" if article else "")
    if note not in missing:  # a block is composed again for each variant of its module
        missing.append(note)


def line_units(lines: list[Line], cfg: LayoutConfig, size: float, dx: float = 0.0,
               keep: bool = False, block: int = -1) -> list[Unit]:
    """One one-row unit per line, baseline on the grid."""
    base = grid_baseline(cfg, size)
    return [Unit(1, (TextLine(dx, base, line),), keep, block) for line in lines]


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


def body_units(article: Article, cfg: LayoutConfig, fonts: FontSet,
               missing: list[str] | None, *, run_in: bool = False, looseness: int = 0,
               tracking: float = 0.0, places: list[int] | None = None) -> list[Unit]:
    """The article's text blocks (not its photos and tables) composed at the column width.

    `run_in`: the headline is set bold at the start of the first paragraph (简讯 briefs).
    `looseness`: every paragraph one line shorter (−1) or longer (+1) where it can be;
    `tracking`: em a paragraph's lines may shrink at each inter-character gap (紧排).
    `places`: when a list, receives for each photo and table (in copy order) the index of
    the unit it stands before, so that the module sets it where the copy has it.
    """
    units: list[Unit] = []
    for n, block in enumerate(article.blocks):
        if isinstance(block, (Figure, Table)):
            if places is not None:
                places.append(len(units))
            continue
        units += block_units(article, n, cfg, fonts, missing, run_in=run_in,
                             looseness=looseness, tracking=tracking)
    return units


def block_units(article: Article, n: int, cfg: LayoutConfig, fonts: FontSet,
                missing: list[str] | None, *, run_in: bool = False, looseness: int = 0,
                tracking: float = 0.0) -> list[Unit]:
    """The units of the article's text block `n` as body_units sets them (`looseness` on a
    paragraph: one line shorter or longer where it can be; `tracking` as there)."""
    block = article.blocks[n]
    first = next(k for k, b in enumerate(article.blocks) if not isinstance(b, (Figure, Table)))
    head = article.headline if run_in and n == first and article.headline else None
    lines, size, dx, keep = _block_lines(block, cfg.page.column_width, cfg, fonts, head,
                                         looseness, tracking)
    check_glyphs(lines, article, f"block {n + 1} ({type(block).__name__.lower()})",
                 block.source, missing)
    return line_units(lines, cfg, size, dx, keep, n)


def _block_lines(block, width: float, cfg: LayoutConfig, fonts: FontSet, run_in: str | None,
                 looseness: int, tracking: float) -> tuple[list[Line], float, float, bool]:
    s = cfg.sizes
    body = cfg.grid.body_size
    indent = cfg.text.indent_em * body
    if isinstance(block, Paragraph):
        runs = paragraph_runs(block, "body", body, s.byline)
        if run_in:
            runs.insert(0, StyledRun(run_in + "　", "emphasis", body))
        return (compose_paragraph(runs, width, fonts, cfg.text, looseness=looseness,
                                  tracking=tracking, indent=indent if block.indent else 0.0),
                body, 0.0, False)
    if isinstance(block, Byline):
        return (compose_paragraph([StyledRun(block.text, "byline", s.byline)], width, fonts,
                                  cfg.text, align="left"), s.byline, 0.0, False)
    if isinstance(block, Subhead):
        return (compose_paragraph([StyledRun(block.text, "subhead", s.subhead)], width, fonts,
                                  cfg.text, align="center"), s.subhead, 0.0, True)
    if isinstance(block, Quote):
        lines: list[Line] = []
        for p in block.paragraphs:
            lines += compose_paragraph(paragraph_runs(p, "kicker", s.quote, s.byline),
                                       width - 2 * body, fonts, cfg.text, align="left")
        return lines, s.quote, body, False
    if isinstance(block, ListBlock):
        lines = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}. " if block.ordered else "· "
            runs = [StyledRun(marker, "body", body), *paragraph_runs(item, "body", body,
                                                                      s.byline)]
            lines += compose_paragraph(runs, width, fonts, cfg.text, tracking=tracking)
        return lines, body, 0.0, False
    raise TypeError(f"unknown block {block!r}")


def display_lines(parts: list[tuple[StyledRun, str]], width: float, cfg: LayoutConfig,
                  fonts: FontSet) -> tuple[list[TextLine], float]:
    """Display lines (headlines, kickers) stacked at DISPLAY_LEADING; their total height.

    The variants of a module ask for the same lines again: the composer keeps them."""
    placed: list[TextLine] = []
    y = 0.0
    for run, align in parts:
        for line in compose_paragraph([run], width, fonts, cfg.text, align=align):
            y += run.size * DISPLAY_LEADING
            placed.append(TextLine(0.0, y - run.size * (DISPLAY_LEADING - ASCENT) / 2, line))
    return placed, y
