"""Place a line's glyphs: justified (extra space spread over the gaps where a line could
also break, never inside Latin words or numbers), flush left, or centred."""

from __future__ import annotations

from .line import Line, PlacedGlyph
from .linebreak import break_allowed
from .shaping import Glyph


def set_line(glyphs: list[Glyph], measure: float, indent: float, *, last: bool,
             align: str, level: str) -> Line:
    """A Line of `glyphs` set to `measure` (first glyph at `indent`)."""
    # Spaces at the end of a line hang: they take no room.
    visible = len(glyphs)
    while visible and glyphs[visible - 1].text == " ":
        visible -= 1
    natural = indent + sum(g.advance for g in glyphs[:visible])
    extra = measure - natural
    shift = indent
    gap_extra = 0.0
    stretchable: set[int] = set()
    if align == "justify" and not last and extra > 0:
        stretchable = {k for k in range(1, visible)
                       if break_allowed(glyphs[k - 1], glyphs[k], "none")}
        if stretchable:
            gap_extra = extra / len(stretchable)
    elif align == "center":
        shift += max(extra, 0.0) / 2
    elif align == "right":
        shift += max(extra, 0.0)
    placed = []
    x = shift
    for k, g in enumerate(glyphs):
        if k in stretchable:
            x += gap_extra
        placed.append(PlacedGlyph(g, x))
        x += g.advance
    width = placed[visible - 1].x + glyphs[visible - 1].advance if visible else shift
    return Line(tuple(placed), width, measure, last)
