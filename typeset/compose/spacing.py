"""Widths, glue, shrink and stretch of a paragraph piece (the glyphs between hard breaks),
as flat arrays the line breaker and the justifier share.

Punctuation widths follow the style (notes §2): `quanjiao` sets marks 1 em and takes ½ em
off where two marks meet, at a line end (the mark's trailing blank) and at a line start (an
opening bracket's leading blank); `kaiming` sets 。？！ 1 em and the other marks ½ em;
`banjiao` sets every mark ½ em; `none` leaves the font's full-width marks alone. Interpunct,
short connector and solidus take the font's half-width form in every style but `none`.

The shrink order for a line that is too long (CLREQ): Latin word spaces, brackets and
quotes, pause marks (，、；：), the Han–Latin glue, stop marks (。？！). The stretch order for a
line that is too short: Latin word spaces, the Han–Latin glue, then even inter-character
spacing at the gaps that allow it (never inside Latin words, numbers, —— or ……).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from .breaks import ANYWHERE, INSIDE, KINSOKU, NEVER, OK, URL_POINT, WORD
from .classes import (CLOSE, LATIN, MIDDLE, OPEN, PAUSE_MARK, SPACE, STOP_MARK,
                      TRAILING_BLANK, is_ideograph_like, takes_glue)
from .shaping import Glyph

STYLES = ("quanjiao", "kaiming", "banjiao", "none")

# Shrink tiers, in the order CLREQ uses them (interpuncts are already ½ em: no tier).
TIER_NONE = -1
TIER_SPACE = 0
TIER_BRACKET = 1
TIER_PAUSE = 2
TIER_GLUE = 3
TIER_STOP = 4
SHRINK_TIERS = (TIER_SPACE, TIER_BRACKET, TIER_PAUSE, TIER_GLUE, TIER_STOP)

# Han–Latin glue in em of the Han side (notes §3): natural ¼, shrink to ⅛, stretch to ⅓.
GLUE_NATURAL = 1 / 4
GLUE_MIN = 1 / 8
GLUE_MAX = 1 / 3
# A Latin word space may shrink to ¼ em and stretch to ½ em before anything else moves.
SPACE_MIN = 1 / 4
SPACE_MAX = 1 / 2

_TIER_OF_KIND = {OPEN: TIER_BRACKET, CLOSE: TIER_BRACKET, PAUSE_MARK: TIER_PAUSE,
                 STOP_MARK: TIER_STOP}
_LETTERSPACE_CLASSES = frozenset((OK, URL_POINT, ANYWHERE))
_LATIN_OR_SPACE = (LATIN, SPACE)
# The kinds whose glyphs can lose an edge (end_cut, start_cut and what goes with them).
_CUT_KINDS = frozenset((OPEN, CLOSE, PAUSE_MARK, STOP_MARK, SPACE))
# Gaps that take inter-character spacing when a line has no other: all but inside ——/……
# and glyph clusters.
_RESCUE_CLASSES = frozenset((OK, URL_POINT, ANYWHERE, WORD, KINSOKU))
assert _RESCUE_CLASSES.isdisjoint((NEVER, INSIDE))


class GlyphMetrics(NamedTuple):
    """How one glyph is set under one punctuation style, before its neighbours count.

    `width` natural width; `shift` where its origin sits in its box; `shrink`/`tier` how
    much it can give up and when; `stretch` how much it can grow (spaces); `end_cut` what it
    loses at a line end (a closing mark's trailing blank, a space); `start_cut`/`start_shift`
    what an opening bracket loses at a line start and where its origin then sits; `kind` and
    `han` are the glyph's. A NamedTuple so that a piece's metrics split into columns with
    `zip` at C speed."""

    width: float
    shift: float
    shrink: float
    tier: int
    stretch: float
    end_cut: float
    start_cut: float
    start_shift: float
    end_shrink: float  # shrink that goes with end_cut (the blank, or a hanging space's)
    end_stretch: float  # stretch that goes with end_cut (a hanging space's)
    kind: int
    han: bool


_METRICS: dict[str, dict[Glyph, GlyphMetrics]] = {s: {} for s in STYLES}


def glyph_metrics(g: Glyph, style: str) -> GlyphMetrics:
    """The metrics of `g` under punctuation `style` (cached per glyph)."""
    table = _METRICS[style]
    m = table.get(g)
    if m is None:
        m = table[g] = _metrics(g, style)
        # measure_piece looks for cut edges only at these kinds.
        assert g.kind in _CUT_KINDS or not (m.end_cut or m.start_cut), g
    return m


def _metrics(g: Glyph, style: str) -> GlyphMetrics:
    adv, kind = g.advance, g.kind

    def made(width, shift=0.0, shrink=0.0, tier=TIER_NONE, stretch=0.0, end_cut=0.0,
             start_cut=0.0, start_shift=0.0) -> GlyphMetrics:
        return GlyphMetrics(width, shift, shrink, tier, stretch, end_cut, start_cut,
                            start_shift, shrink if end_cut else 0.0,
                            stretch if end_cut else 0.0, kind, g.han)

    if kind == SPACE:
        return made(adv, shrink=max(0.0, adv - SPACE_MIN * g.size), tier=TIER_SPACE,
                    stretch=max(0.0, SPACE_MAX * g.size - adv), end_cut=adv)
    if style == "none" or g.half >= adv:
        if kind == MIDDLE and style != "none":
            return made(g.half, g.lead)
        return made(adv)
    blank = adv - g.half
    tier = _TIER_OF_KIND.get(kind, TIER_NONE)
    full = style == "quanjiao" or (style == "kaiming" and kind == STOP_MARK)
    if kind == MIDDLE or not full:
        return made(g.half, g.lead if kind in (OPEN, MIDDLE) else 0.0)
    if kind == OPEN:
        return made(adv, shrink=blank, tier=tier, start_cut=blank, start_shift=g.lead)
    return made(adv, shrink=blank, tier=tier, end_cut=blank)


@dataclass
class Spacing:
    """A piece's glyph and gap arrays, and the prefix sums the line breaker works on.

    Gap g is the gap before glyph g (g ≥ 1). For a line of glyphs i..j-1 (a break at gap i,
    or i = 0, and one at gap j, or j = n):
        natural width  = end_width[j] - start_width[i]
        shrink         = end_shrink[j] - start_shrink[i]
        glue stretch   = end_stretch[j] - start_stretch[i]
        spacing gaps   = end_gaps[j] - start_gaps[i]
        Han characters = han[j] - han[i]
    (start_width[0] is minus the first-line indent.)"""

    glyphs: list[Glyph]
    width: list[float]  # per glyph, after the neighbours' compression
    shift: list[float]
    shrink: list[float]
    tier: list[int]
    stretch: list[float]  # per glyph: a Latin word space's stretch
    end_cut: list[float]
    start_cut: list[float]
    start_shift: list[float]
    glue: list[float]  # per gap: natural Han–Latin glue
    glue_shrink: list[float]
    glue_stretch: list[float]
    spacing_gap: list[bool]  # per gap: inter-character spacing allowed
    rescue_gap: list[bool]  # per gap: spacing allowed when a line has no spacing gap at all
    start_width: list[float]
    end_width: list[float]
    start_shrink: list[float]
    end_shrink: list[float]
    start_stretch: list[float]
    end_stretch: list[float]
    start_gaps: list[int]
    end_gaps: list[int]
    han: list[int]


def measure_piece(glyphs: list[Glyph], classes: list[int], style: str, indent: float
                  ) -> Spacing:
    """The Spacing of `glyphs` (a non-empty piece; gap classes from breaks.gap_classes)
    under `style`."""
    if style not in STYLES:
        raise ValueError(f"unknown punctuation style {style!r}; use one of {', '.join(STYLES)}")
    n = len(glyphs)
    table = _METRICS[style]
    metrics = list(map(table.get, glyphs))  # nearly every glyph has been met before
    if None in metrics:
        metrics = [m or glyph_metrics(g, style) for m, g in zip(metrics, glyphs)]
    (width, shift, shrink, tier, stretch, end_cut, start_cut, start_shift, end_shrink_loss,
     end_stretch_loss, kinds, hans) = map(list, zip(*metrics))
    # Only marks and spaces have edges to cut (the cut columns are zero elsewhere).
    marks = [k for k, kind in enumerate(kinds) if kind in _CUT_KINDS]
    if style in ("quanjiao", "kaiming"):
        _compress_adjacent(glyphs, kinds, marks, width, shift, shrink, tier, end_cut,
                           start_cut, end_shrink_loss)

    zeros = [0.0] * (n + 1)
    if LATIN in kinds or SPACE in kinds:
        glue, glue_shrink, glue_stretch, glued = _glue(glyphs, kinds)
        spacing_gap = list(map(_LETTERSPACE_CLASSES.__contains__, classes))
        # A gap kinsoku closes may still be spaced, unless it is inside Latin text.
        k = 0
        while True:
            try:
                k = classes.index(KINSOKU, k + 1)
            except ValueError:
                break
            spacing_gap[k] = kinds[k - 1] not in _LATIN_OR_SPACE \
                or kinds[k] not in _LATIN_OR_SPACE
        spacing_gap[0] = False
    else:
        # All CJK: no glue, no word spaces; every gap but those inside ——/…… may be spaced.
        glue = glue_shrink = glue_stretch = zeros
        glued = []
        spacing_gap = None
    rescue_gap = list(map(_RESCUE_CLASSES.__contains__, classes))
    rescue_gap[0] = False
    if spacing_gap is None:
        spacing_gap = rescue_gap

    # Prefix sums: entry k sums glyphs 0..k-1 with the gaps before them, so a line of
    # glyphs i..j-1 (which holds gaps i+1..j-1) is entry j minus entry i minus gap i.
    # The glue is zero but at Latin edges, the cuts but at marks and spaces: the sums are
    # copied and those entries alone recomputed (adding zeros gives the same floats, at the
    # cost of an object per glyph).
    nat = list(accumulate(_plus(width, glue, glued), initial=0.0))
    shr = list(accumulate(_plus(shrink, glue_shrink, glued), initial=0.0))
    start_width = nat[:-1]
    # An opening bracket's shrink is its leading blank, which start_cut already takes.
    start_shrink = shr[:-1]
    for k in {*glued, *marks}:
        start_width[k] = nat[k] + glue[k] + start_cut[k]
        start_shrink[k] = shr[k] + glue_shrink[k] + start_cut[k]
    end_width = nat.copy()
    end_shrink = shr.copy()
    for k in marks:
        end_width[k + 1] = nat[k + 1] - end_cut[k]
        end_shrink[k + 1] = shr[k + 1] - end_shrink_loss[k]
    if glue is zeros:
        start_stretch = end_stretch = zeros
    else:
        stt = list(accumulate(_plus(stretch, glue_stretch, glued), initial=0.0))
        start_stretch = stt[:-1]
        for k in glued:
            start_stretch[k] = stt[k] + glue_stretch[k]
        end_stretch = stt.copy()
        for k in marks:
            end_stretch[k + 1] = stt[k + 1] - end_stretch_loss[k]
    start_width[0] -= indent
    gaps = list(accumulate(spacing_gap, initial=0))
    start_gaps = gaps[1:]  # gaps[k] + spacing_gap[k]
    han = list(accumulate(hans, initial=0))
    return Spacing(glyphs, width, shift, shrink, tier, stretch, end_cut, start_cut,
                   start_shift, glue, glue_shrink, glue_stretch, spacing_gap, rescue_gap,
                   start_width, end_width, start_shrink, end_shrink, start_stretch,
                   end_stretch, start_gaps, gaps, han)


def _plus(values: list[float], glue: list[float], glued: list[int]) -> list[float]:
    """values + glue, entry by entry, where the glue is zero but at `glued`."""
    if not glued:
        return values
    out = values.copy()
    for k in glued:
        out[k] = values[k] + glue[k]
    return out


def _glue(glyphs: list[Glyph], kinds: list[int]
          ) -> tuple[list[float], list[float], list[float], list[int]]:
    """Natural, shrink and stretch of the Han–Latin glue in every gap, and the gaps that
    have glue (the others have none of the three)."""
    n = len(glyphs)
    glue = [0.0] * n
    glue_shrink = [0.0] * n
    glue_stretch = [0.0] * n
    glued = []
    # Glue sits only where Latin meets non-Latin: at the edges of runs of Latin glyphs,
    # which list.index finds at C speed.
    edges = []
    end = 0
    while True:
        try:
            start = kinds.index(LATIN, end)
        except ValueError:
            break
        end = start + 1
        while end < n and kinds[end] == LATIN:
            end += 1
        edges += (start, end)
    for g in edges:
        if not 0 < g < n or not glyphs[g].text:
            continue
        a, b = glyphs[g - 1], glyphs[g]
        if is_ideograph_like(a.text[-1:] or " ") and takes_glue(b.text[0]):
            em = a.size
        elif takes_glue(a.text[-1:] or " ") and is_ideograph_like(b.text[0]):
            em = b.size
        else:
            continue
        glue[g] = GLUE_NATURAL * em
        glue_shrink[g] = (GLUE_NATURAL - GLUE_MIN) * em
        glue_stretch[g] = (GLUE_MAX - GLUE_NATURAL) * em
        glued.append(g)
    return glue, glue_shrink, glue_stretch, glued


def _compress_adjacent(glyphs, kinds, marks, width, shift, shrink, tier, end_cut, start_cut,
                       end_shrink_loss) -> None:
    """Two marks side by side take ½ em less together (quanjiao: 。” ”， ）。 （“ → 1.5 em):
    a mark with a trailing blank gives it up, else an opening bracket gives up its leading
    one. Done once per piece: breaks cannot fall between such marks (kinsoku). `marks`:
    the indices of the marks and spaces."""
    n = len(glyphs)
    for k in marks:
        a = kinds[k]
        # OPEN..STOP_MARK are the consecutive kinds 1..4: the compressible marks.
        if k + 1 == n or a < OPEN or a > STOP_MARK:
            continue
        b = kinds[k + 1]
        if b < OPEN or b > STOP_MARK:
            continue
        if a in TRAILING_BLANK and end_cut[k] > 0.0:
            width[k] = glyphs[k].half
            shrink[k] = 0.0
            tier[k] = TIER_NONE
            end_cut[k] = 0.0
            end_shrink_loss[k] = 0.0
        elif b == OPEN and start_cut[k + 1] > 0.0:
            width[k + 1] = glyphs[k + 1].half
            shift[k + 1] = glyphs[k + 1].lead
            shrink[k + 1] = 0.0
            tier[k + 1] = TIER_NONE
            start_cut[k + 1] = 0.0
