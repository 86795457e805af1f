"""A paragraph made ready for breaking at any measure: its pieces (the glyphs between hard
breaks) shaped, their gaps classed and their spacing measured — cached.

The page layout sets the same paragraph at several widths (one per module width it tries)
and looseness; everything here depends only on the runs, the fonts, the text rules and the
indent, so it is done once per paragraph. Only a Latin token wider than the line changes
with the measure (it gets emergency breaks): such a piece is re-measured for that measure.
The lines composed for a (measure, alignment, looseness) are kept with the paragraph too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

from ..config import TextRules
from ..fonts import FontSet
from .breaks import gap_classes, latin_tokens, open_long_units
from .line import Line
from .runs import StyledRun
from .shaping import Glyph, shape_runs
from .spacing import Spacing, measure_piece

# Paragraphs kept; an issue has under a thousand, a layout asks for each a few times.
CACHE_SIZE = 4096
# Settings kept per paragraph: the layout tries a paragraph at a few module widths, one or
# two loosenesses and (headlines) alignments.
SETTINGS_SIZE = 32
_size = attrgetter("size")


@dataclass(frozen=True)
class Piece:
    """The glyphs between two hard breaks, ready for the line breaker. `indent` is its first
    line's indent (the paragraph's for its first piece, else 0); `em` its largest size."""

    glyphs: list[Glyph]
    em: float
    indent: float
    classes: list[int]
    spacing: Spacing
    tokens: list[tuple[int, int, float]]  # breaks.latin_tokens
    widest: float  # the widest Latin token (−inf without any)
    style: str
    kinsoku: str  # the level its gaps were classed at (see breaks.gap_classes)

    def at(self, measure: float) -> tuple[list[int], Spacing]:
        """Gap classes and spacing for lines of `measure` points (shared: do not modify)."""
        limit = measure - self.indent
        if self.widest <= limit:
            return self.classes, self.spacing
        classes = self.classes.copy()
        open_long_units(classes, self.glyphs, self.tokens, limit, self.kinsoku)
        return classes, measure_piece(self.glyphs, classes, self.style, self.indent)


@dataclass(frozen=True)
class Prepared:
    """A paragraph ready for composing: its pieces in order (None for an empty one: two hard
    breaks in a row), and the settings composed from them so far — lines per (measure,
    alignment, looseness), kept by compose_paragraph."""

    pieces: list[Piece | None]
    settings: dict[tuple[float, str, int], tuple[Line, ...]] = field(default_factory=dict)

    def keep(self, key: tuple[float, str, int], lines: tuple[Line, ...]) -> tuple[Line, ...]:
        """Remember `lines` as the setting `key` (the oldest goes beyond SETTINGS_SIZE)."""
        if len(self.settings) >= SETTINGS_SIZE:
            del self.settings[next(iter(self.settings))]
        self.settings[key] = lines
        return lines


_CACHE: dict[tuple, tuple[FontSet, Prepared]] = {}


def prepare(runs: list[StyledRun], fonts: FontSet, rules: TextRules, indent: float
            ) -> Prepared:
    """The paragraph made ready for composing (cached)."""
    # FontSet holds a dict (unhashable): keyed by identity, and the entry keeps the set so
    # that its id cannot be reused by another one while the entry lives.
    key = (tuple(runs), id(fonts), rules, indent)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is fonts:
        return hit[1]
    paragraph = Prepared(_prepare(runs, fonts, rules, indent))
    if len(_CACHE) >= CACHE_SIZE:
        del _CACHE[next(iter(_CACHE))]  # the oldest entry
    _CACHE[key] = (fonts, paragraph)
    return paragraph


def clear_cache() -> None:
    """Forget every prepared paragraph and its settings (a benchmark times composition from
    the glyphs up; the glyph caches of shaping stay)."""
    _CACHE.clear()


def _prepare(runs: list[StyledRun], fonts: FontSet, rules: TextRules, indent: float
             ) -> list[Piece | None]:
    glyphs = shape_runs(runs, fonts)
    split: list[list[Glyph]] = [[]]
    if None not in glyphs:
        split = [glyphs]
    else:
        for g in glyphs:
            if g is None:
                split.append([])
            else:
                split[-1].append(g)
    pieces: list[Piece | None] = []
    for p, glyph_list in enumerate(split):
        if not glyph_list:
            pieces.append(None)
            continue
        first = indent if p == 0 else 0.0
        classes = gap_classes(glyph_list, rules.kinsoku)
        tokens = latin_tokens(glyph_list)
        spacing = measure_piece(glyph_list, classes, rules.punctuation, first)
        pieces.append(Piece(glyph_list, max(map(_size, glyph_list)), first, classes, spacing,
                            tokens, max((w for _, _, w in tokens), default=float("-inf")),
                            rules.punctuation, rules.kinsoku))
    return pieces
