"""Turn styled runs into glyphs: pick a face per character along the role's fallback chain,
shape each same-face stretch with harfbuzz, and keep which characters each glyph stands for
(the PDF's ToUnicode map and the "nothing is lost" checks need it).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..fonts import Face, FontSet
from .runs import HARD_BREAK, StyledRun


@dataclass(frozen=True)
class Glyph:
    """One shaped glyph. `text` is the characters it stands for ("" for a second glyph of a
    cluster); `missing` is True when no face of the role covers the character (.notdef)."""

    face: Face
    size: float
    gid: int
    text: str
    advance: float  # points
    role: str
    missing: bool = False

    @property
    def char(self) -> str:
        """The first character the glyph stands for ("" for none)."""
        return self.text[:1]


def shape_runs(runs: list[StyledRun], fonts: FontSet, features: tuple[str, ...] = ()
               ) -> list[Glyph | None]:
    """Glyphs for `runs` in order; a hard line break comes out as None."""
    out: list[Glyph | None] = []
    for run in runs:
        for i, piece in enumerate(run.text.split(HARD_BREAK)):
            if i:
                out.append(None)
            out.extend(_shape_piece(piece, run, fonts, features))
    return out


def _shape_piece(text: str, run: StyledRun, fonts: FontSet, features: tuple[str, ...]
                 ) -> list[Glyph]:
    glyphs: list[Glyph] = []
    start = 0
    while start < len(text):
        face = fonts.face_for(run.role, text[start])
        end = start + 1
        # Extend the stretch while the same face covers the next character, so that
        # shaping sees whole words and the "——" pair.
        while end < len(text) and fonts.face_for(run.role, text[end]) is face:
            end += 1
        if face is None:
            primary = fonts.primary(run.role)
            for ch in text[start:end]:
                glyphs.append(Glyph(primary, run.size, 0, ch,
                                    primary.advance(0) / primary.upem * run.size, run.role,
                                    missing=True))
        else:
            glyphs.extend(_shape_with(face, text[start:end], run, features))
        start = end
    return glyphs


def _shape_with(face: Face, text: str, run: StyledRun, features: tuple[str, ...]
                ) -> list[Glyph]:
    shaped = face.shape(text, features)
    scale = run.size / face.upem
    out = []
    for k, g in enumerate(shaped):
        nxt = shaped[k + 1].cluster if k + 1 < len(shaped) else len(text)
        first_of_cluster = k == 0 or shaped[k - 1].cluster != g.cluster
        chars = text[g.cluster:nxt] if first_of_cluster and nxt > g.cluster else ""
        out.append(Glyph(face, run.size, g.gid, chars, g.advance * scale, run.role))
    return out
