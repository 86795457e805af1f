"""Font subsetting with harfbuzz's subsetter (fontTools.subset is ~50× slower on CJK faces).

Glyph IDs are retained, so the glyph codes written while composing stay valid in the subset:
a PDF content stream can address glyphs by their original IDs (Identity-H, CID = GID).
"""

from __future__ import annotations

from collections.abc import Iterable

import uharfbuzz as hb

from .face import Face


def _subset(face: Face, *, gids: Iterable[int] = (), codepoints: Iterable[int] = (),
            retain_gids: bool) -> hb.Face:
    inp = hb.SubsetInput()
    for gid in gids:
        inp.glyph_set.add(gid)
    for cp in codepoints:
        inp.unicode_set.add(cp)
    flags = hb.SubsetFlags.DEFAULT
    if retain_gids:
        flags |= hb.SubsetFlags.RETAIN_GIDS
    inp.flags = flags
    sub = hb.subset(face.hb_face, inp)
    if sub is None:  # harfbuzz signals failure by returning nothing
        raise RuntimeError(f"harfbuzz could not subset {face}")
    return sub


def subset_glyphs(face: Face, gids: Iterable[int]) -> bytes:
    """The outline program of a subset holding `gids` (and .notdef), IDs retained.

    For a CFF face this is the bare CFF table (PDF FontFile3 /CIDFontType0C); for a
    TrueType face the whole subset sfnt (PDF FontFile2).
    """
    sub = _subset(face, gids={0, *gids}, retain_gids=True)
    if face.info.is_cff:
        return sub.reference_table("CFF ").data
    return sub.blob.data


def subset_font_file(face: Face, codepoints: Iterable[int]) -> bytes:
    """A standalone OpenType font covering `codepoints` (for embedding in an EPUB)."""
    return _subset(face, codepoints=codepoints, retain_gids=False).blob.data
