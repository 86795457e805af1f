"""A composed line: glyphs at x offsets from the line's left edge, on one baseline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .shaping import Glyph


class PlacedGlyph(NamedTuple):
    """A glyph on a line. `x` (points from the line's start) is where the glyph's origin is
    drawn — an opening bracket that lost its leading blank is drawn half an em left of its
    box, so `x` already carries the font's `halt` offset and the renderer needs nothing
    more; `advance` is the width the glyph takes on the line (a mark set ½ em, a stretched
    space), not counting the justification space after it.

    A NamedTuple, not a dataclass: a paragraph makes one per character, and building them
    in bulk (`_make` over zipped columns) keeps composition inside its time budget."""

    glyph: Glyph
    x: float
    advance: float = 0.0


@dataclass(frozen=True)
class Line:
    """One line of a paragraph. `width` is the distance from the line's left edge to the end
    of its last glyph's box; `measure` the column width it was set to."""

    glyphs: tuple[PlacedGlyph, ...]
    width: float
    measure: float
    last: bool  # a paragraph's last line, or a line ended by a hard break

    @property
    def text(self) -> str:
        """The characters of the line."""
        return "".join(p.glyph.text for p in self.glyphs)

    @property
    def size(self) -> float:
        """The largest type size on the line (0 for an empty line)."""
        return max((p.glyph.size for p in self.glyphs), default=0.0)
