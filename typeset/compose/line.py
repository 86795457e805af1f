"""A composed line: glyphs at x offsets from the line's left edge, on one baseline."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from typing import NamedTuple

from .shaping import Glyph


class PlacedGlyph(NamedTuple):
    """A glyph on a line. `x` (points from the line's start) is where the glyph's origin is
    drawn — an opening bracket that lost its leading blank is drawn half an em left of its
    box, so `x` already carries the font's `halt` offset and the renderer needs nothing
    more; `advance` is the width the glyph takes on the line (a mark set ½ em, a stretched
    space), not counting the justification space after it.

    A NamedTuple, not a dataclass: a line makes one per character, in bulk (`_make` over
    zipped columns)."""

    glyph: Glyph
    x: float
    advance: float = 0.0


# PlacedGlyph._make without its Python frame: tuple.__new__ bound to the class, called from
# C for every glyph of a line.
_make = partial(tuple.__new__, PlacedGlyph)


@dataclass(frozen=True)
class Line:
    """One line of a paragraph. `width` is the distance from the line's left edge to the end
    of its last glyph's box; `measure` the column width it was set to.

    The composer sets a line as three columns: the shaped glyphs, where each is drawn (as
    PlacedGlyph.x) and the width each takes (PlacedGlyph.advance). `glyphs` pairs them up
    when first asked: the layout composes a paragraph at several widths and keeps one
    setting, so most lines are never read glyph by glyph (making a PlacedGlyph for every
    character was a third of the time spent setting lines)."""

    shaped: tuple[Glyph, ...]
    xs: tuple[float, ...]
    advances: tuple[float, ...]
    width: float
    measure: float
    last: bool  # a paragraph's last line, or a line ended by a hard break

    @cached_property
    def glyphs(self) -> tuple[PlacedGlyph, ...]:
        """The line's glyphs in order, each with its x and advance."""
        return tuple(map(_make, zip(self.shaped, self.xs, self.advances)))

    @property
    def text(self) -> str:
        """The characters of the line."""
        return "".join(g.text for g in self.shaped)

    @property
    def size(self) -> float:
        """The largest type size on the line (0 for an empty line)."""
        return max((g.size for g in self.shaped), default=0.0)
