"""Turn styled runs into glyphs: pick a face per character along the role's fallback chain,
shape with harfbuzz (zh-Hans), and keep which characters each glyph stands for (the PDF's
ToUnicode map and the "nothing is lost" checks need it).

Speed: a newspaper sets the same few thousand characters over and over, so glyphs are
immutable and cached per (role, size). A CJK character is shaped alone once — its shape does
not depend on its neighbours — and looked up afterwards; only Latin words and dash/ellipsis
pairs (whose shapes do depend on context: kerning, the 2-em dash ligature) are shaped as
units, and those units are cached too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..fonts import Face, FontSet
from .classes import COMPRESSIBLE, DASH, LATIN, MIDDLE, WIDE, is_han, kind_of
from .runs import HARD_BREAK, StyledRun

# The OpenType feature that gives the half-width forms of CJK punctuation (Noto CJK has it).
HALF_WIDTH_FEATURE = ("halt",)


@dataclass(frozen=True, eq=False)
class Glyph:
    """One shaped glyph. `text` is the characters it stands for ("" for a second glyph of a
    cluster); `missing` is True when no face of the role covers the character (.notdef).

    `advance` is the full (shaped) advance in points. For punctuation `half` is the advance
    with the blank half removed, from the font's `halt` feature (equal to `advance` when the
    mark cannot be compressed), and `lead` is how far the glyph's origin moves (points,
    negative = left) when its *leading* half is removed (an opening bracket) or, for a
    centred mark set ½ em, where it sits in its half em. `kind` is the classes.py kind of
    its first character; `han` marks a CJK ideograph (the unit 孤字 counts).

    Glyphs are shared (cached) objects, compared and hashed by identity."""

    face: Face
    size: float
    gid: int
    text: str
    advance: float  # points
    role: str
    missing: bool = False
    kind: int = WIDE
    half: float = 0.0
    lead: float = 0.0
    han: bool = False

    @property
    def char(self) -> str:
        """The first character the glyph stands for ("" for none)."""
        return self.text[:1]


class _RunCache:
    """Glyphs of one role at one size: single CJK characters, and shaped units."""

    def __init__(self, fonts: FontSet, role: str, size: float) -> None:
        self.fonts = fonts
        self.role = role
        self.size = size
        self.single: dict[str, Glyph] = {}
        self.units: dict[str, tuple[Glyph, ...]] = {}


_CACHES: dict[tuple[int, str, float], _RunCache] = {}


def _cache_for(fonts: FontSet, role: str, size: float) -> _RunCache:
    key = (id(fonts), role, size)
    cache = _CACHES.get(key)
    if cache is None or cache.fonts is not fonts:
        cache = _CACHES[key] = _RunCache(fonts, role, size)
    return cache


def shape_runs(runs: list[StyledRun], fonts: FontSet) -> list[Glyph | None]:
    """Glyphs for `runs` in order; a hard line break comes out as None."""
    out: list[Glyph | None] = []
    for run in runs:
        cache = _cache_for(fonts, run.role, run.size)
        for i, piece in enumerate(run.text.split(HARD_BREAK)):
            if i:
                out.append(None)
            _shape_piece(piece, cache, out)
    return out


def _shape_piece(text: str, cache: _RunCache, out: list) -> None:
    single = cache.single
    # Most characters have been met before: one lookup each, at C speed, and the runs of
    # them go out in bulk. Latin characters are never in `single` (words are shaped as
    # units); only at the gaps in `known` does the loop look closer.
    known = list(map(single.get, text))
    n = len(text)
    i = 0
    while i < n:
        try:
            j = known.index(None, i)
        except ValueError:
            out.extend(known[i:])
            return
        out.extend(known[i:j])
        i = j
        g = single.get(text[i])  # (learnt since `known` was made)
        if g is not None:
            out.append(g)
            i += 1
            continue
        ch = text[i]
        kind = kind_of(ch)
        if kind == LATIN or kind == DASH:
            # A Latin word, or a run of one dash/ellipsis character, is shaped as a unit.
            j = i + 1
            if kind == LATIN:
                while j < n and kind_of(text[j]) == LATIN:
                    j += 1
            else:
                while j < n and text[j] == ch:
                    j += 1
            unit = text[i:j]
            glyphs = cache.units.get(unit)
            if glyphs is None:
                glyphs = cache.units[unit] = tuple(_shape_unit(unit, cache))
            out.extend(glyphs)
            i = j
            continue
        glyphs = cache.units.get(ch)
        if glyphs is None:
            glyphs = cache.units[ch] = tuple(_shape_unit(ch, cache))
            if len(glyphs) == 1:  # one character, one glyph: the fast path from now on
                single[ch] = glyphs[0]
        out.extend(glyphs)
        i += 1


def _shape_unit(text: str, cache: _RunCache) -> list[Glyph]:
    """Shape `text` face by face along the role's chain (characters no face covers become
    .notdef glyphs of the role's own face)."""
    fonts, role = cache.fonts, cache.role
    glyphs: list[Glyph] = []
    start = 0
    while start < len(text):
        face = fonts.face_for(role, text[start])
        end = start + 1
        while end < len(text) and fonts.face_for(role, text[end]) is face:
            end += 1
        if face is None:
            primary = fonts.primary(role)
            adv = primary.advance(0) / primary.upem * cache.size
            for ch in text[start:end]:
                glyphs.append(Glyph(primary, cache.size, 0, ch, adv, role, True,
                                    kind_of(ch), adv, 0.0, is_han(ch)))
        else:
            glyphs.extend(_shape_with(face, text[start:end], cache))
        start = end
    return glyphs


def _shape_with(face: Face, text: str, cache: _RunCache) -> list[Glyph]:
    shaped = face.shape(text)
    scale = cache.size / face.upem
    out = []
    for k, g in enumerate(shaped):
        nxt = shaped[k + 1].cluster if k + 1 < len(shaped) else len(text)
        first_of_cluster = k == 0 or shaped[k - 1].cluster != g.cluster
        chars = text[g.cluster:nxt] if first_of_cluster and nxt > g.cluster else ""
        ch = chars[:1]
        kind = kind_of(ch) if ch else LATIN
        advance = g.advance * scale
        half, lead = advance, 0.0
        if len(chars) == 1 and (kind in COMPRESSIBLE or kind == MIDDLE):
            half, lead = _half_width(face, ch, advance, kind, cache.size)
        out.append(Glyph(face, cache.size, g.gid, chars, advance, cache.role, False, kind,
                         half, lead, bool(ch) and is_han(ch)))
    return out


def _half_width(face: Face, ch: str, advance: float, kind: int, size: float
                ) -> tuple[float, float]:
    """(half advance, origin shift) of a punctuation mark, from the font's `halt` forms."""
    halt = face.shape(ch, HALF_WIDTH_FEATURE)
    scale = size / face.upem
    if len(halt) == 1 and halt[0].advance * scale < advance - 1e-9:
        return halt[0].advance * scale, halt[0].x_offset * scale
    if kind == MIDDLE and advance < size / 2:
        # A proportional interpunct (U+00B7 is 0.33 em): centre it in a half em.
        return size / 2, (size / 2 - advance) / 2
    return advance, 0.0
