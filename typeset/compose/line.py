"""A composed line: glyphs at x offsets from the line's left edge, on one baseline."""

from __future__ import annotations

from dataclasses import dataclass

from .shaping import Glyph


@dataclass(frozen=True)
class PlacedGlyph:
    """A glyph and its x offset (points) from the line's start."""

    glyph: Glyph
    x: float


@dataclass(frozen=True)
class Line:
    """One line of a paragraph. `width` is the distance from the line's left edge to the end
    of its last glyph; `measure` the column width it was set to."""

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
