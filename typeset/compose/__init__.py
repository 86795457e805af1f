"""Composition: styled runs + fonts + measure → lines of positioned glyphs (pure functions)."""

from __future__ import annotations

from ..config import TextRules
from ..fonts import FontSet
from .justify import set_line
from .line import Line, PlacedGlyph
from .linebreak import greedy_breaks
from .runs import HARD_BREAK, StyledRun
from .shaping import Glyph, shape_runs

__all__ = ["HARD_BREAK", "Glyph", "Line", "PlacedGlyph", "StyledRun", "compose_paragraph",
           "missing_glyphs"]


def compose_paragraph(runs: list[StyledRun], measure: float, fonts: FontSet, rules: TextRules,
                      *, indent: float = 0.0, align: str = "justify") -> list[Line]:
    """Break a paragraph into lines of at most `measure` points.

    `indent` is the first line's indent in points; `align` is "justify" (every line but the
    last and those ended by hard breaks fills the measure), "left", "center" or "right".
    """
    glyphs = shape_runs(runs, fonts)
    lines: list[Line] = []
    pieces: list[list[Glyph]] = [[]]
    for g in glyphs:
        if g is None:
            pieces.append([])
        else:
            pieces[-1].append(g)
    for p, piece in enumerate(pieces):
        first = indent if p == 0 else 0.0
        starts = greedy_breaks(piece, measure, first, rules.kinsoku) if piece else [0]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(piece)
            last = k + 1 == len(starts)
            lines.append(set_line(piece[start:end], measure, first if k == 0 else 0.0,
                                  last=last, align=align, level=rules.kinsoku))
    return lines


def missing_glyphs(lines: list[Line]) -> list[str]:
    """Characters no face of their role covers (set as .notdef), in order."""
    return [p.glyph.text for line in lines for p in line.glyphs if p.glyph.missing]
