"""Composition: styled runs + fonts + measure → lines of positioned glyphs (pure functions).

The stages, one module each: shaping (runs → cached glyphs), breaks (where a line may end:
CLREQ kinsoku + UAX #14), spacing (punctuation widths, Han–Latin glue, shrink/stretch
arrays), linebreak (total-fit breaking with 孤字 and looseness), justify (setting a line);
pieces runs the first three once per paragraph, whatever the measure.
"""

from __future__ import annotations

from ..config import TextRules
from ..fonts import FontSet
from .justify import set_line
from .line import Line, PlacedGlyph
from .linebreak import total_fit
from .pieces import Piece, prepare
from .runs import HARD_BREAK, StyledRun
from .shaping import Glyph

__all__ = ["HARD_BREAK", "Glyph", "Line", "PlacedGlyph", "StyledRun", "compose_paragraph",
           "missing_glyphs"]

ALIGNMENTS = ("justify", "left", "center", "right")


def compose_paragraph(runs: list[StyledRun], measure: float, fonts: FontSet, rules: TextRules,
                      *, indent: float = 0.0, align: str = "justify", looseness: int = 0,
                      tracking: float = 0.0) -> list[Line]:
    """Break a paragraph into lines of `measure` points and set them.

    `indent` is the first line's indent in points. `align` is "justify" (every line but the
    paragraph's last and those ended by a hard break fills the measure exactly), "left",
    "center" or "right". `looseness` asks for that many lines more (+1) or fewer (−1) than
    the best setting; when no acceptable setting has that many lines, the best one is
    returned. `tracking` (em, ≥ 0) lets a line also shrink by that much at each gap that
    takes inter-character spacing, after the punctuation has given all it can: the copyfit
    ladder's tighter setting (紧排); 0 keeps CLREQ's punctuation-only shrink. Kinsoku level
    and punctuation style come from `rules`.

    Hard breaks ("\\n" in a run) end a line that is not justified; 孤字 (≥ 2 Han characters
    on the last line) applies to the paragraph's last line only, and `looseness` to the
    last stretch between hard breaks.
    """
    if align not in ALIGNMENTS:
        raise ValueError(f"unknown alignment {align!r}; use one of {', '.join(ALIGNMENTS)}")
    paragraph = prepare(runs, fonts, rules, indent)
    # The layout asks for some settings more than once; lines are immutable, so they are
    # shared (in a new list each time: the caller may add to it).
    key = (measure, align, looseness, tracking)
    lines = paragraph.settings.get(key)
    if lines is None:
        lines = paragraph.keep(key, _set(paragraph.pieces, measure, indent, align, looseness,
                                         tracking))
    return list(lines)


def _set(pieces: list[Piece | None], measure: float, indent: float, align: str,
         looseness: int, tracking: float) -> tuple[Line, ...]:
    lines: list[Line] = []
    justify = align == "justify"
    for p, piece in enumerate(pieces):
        if piece is None:
            lines.append(Line((), (), (), indent if p == 0 else 0.0, measure, True))
            continue
        final = p == len(pieces) - 1
        classes, sp = piece.at(measure)
        starts = total_fit(sp, classes, measure, piece.em, justify=justify, orphan_rule=final,
                           looseness=looseness if final else 0, tracking=tracking)
        ends = starts[1:] + [len(piece.glyphs)]
        for k, (i, j) in enumerate(zip(starts, ends)):
            lines.append(set_line(sp, i, j, measure, piece.indent,
                                  last=k == len(starts) - 1, align=align,
                                  tracking=tracking * piece.em))
    return tuple(lines)


def missing_glyphs(lines: list[Line]) -> list[str]:
    """Characters no face of their role covers (set as .notdef), in order."""
    return [g.text for line in lines for g in line.shaped if g.missing]
