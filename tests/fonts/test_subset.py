"""Subsetting for the PDF with the installed faces: a subset holds exactly the glyphs asked
for, renumbered in the face's order, each with its outline unchanged, and a CFF subset's
CIDs are its glyph IDs (the PDF addresses a glyph by one code whatever the outline format)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import uharfbuzz as hb
from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from typeset.fonts import load_fonts, subset_glyphs

FONTS_TOML = Path(__file__).resolve().parents[2] / "fonts" / "fonts.toml"
# Brackets and a dash next to ideographs: the face's layout tables map them to other glyphs
# (vertical forms, the 2-em dash), which a subset for the PDF has no use for.
TEXT = "（中文）排版——「报纸」"


@pytest.fixture(scope="module")
def body_chain():
    """The body role's faces: Noto Serif CJK (CFF outlines), …, Droid Sans Fallback
    (TrueType outlines)."""
    return load_fonts(FONTS_TOML).chains["body"]


@pytest.fixture(scope="module")
def cff_face(body_chain):
    return body_chain[0]


@pytest.fixture(scope="module")
def truetype_face(body_chain):
    return next(face for face in body_chain if not face.info.is_cff)


def text_gids(face) -> set[int]:
    return {g.gid for g in face.shape(TEXT)}


def cff_table(font_set: CFFFontSet):
    """The CharStrings and the charset (glyph ID → CID name) of a CFF's only font."""
    top = font_set[font_set.fontNames[0]]
    return top.CharStrings, top.charset


def subset_cff(program: bytes):
    font_set = CFFFontSet()
    font_set.decompile(io.BytesIO(program), None)
    return cff_table(font_set)


def outline(draw) -> list:
    pen = RecordingPen()
    draw(pen)
    return pen.value


def test_the_subset_numbers_exactly_the_glyphs_asked_and_notdef_in_the_faces_order(cff_face):
    gids = text_gids(cff_face)
    sub = subset_glyphs(cff_face, gids)
    assert sub.new_gid == {old: new for new, old in enumerate(sorted({0, *gids}))}


def test_a_cff_subset_holds_only_those_glyphs_with_cid_equal_to_glyph_id(cff_face):
    sub = subset_glyphs(cff_face, text_gids(cff_face))
    _, charset = subset_cff(sub.program)
    assert charset == [".notdef"] + [f"cid{n:05d}" for n in range(1, len(sub.new_gid))]


def test_each_cff_subset_glyph_has_the_faces_outline(cff_face):
    sub = subset_glyphs(cff_face, text_gids(cff_face))
    glyphs, charset = subset_cff(sub.program)
    face_glyphs, face_charset = cff_table(
        TTFont(str(cff_face.path), fontNumber=cff_face.index, lazy=True)["CFF "].cff)
    for old, new in sub.new_gid.items():
        assert (outline(glyphs[charset[new]].draw)
                == outline(face_glyphs[face_charset[old]].draw)), (old, new)


def test_each_truetype_subset_glyph_has_the_faces_outline_at_its_new_id(truetype_face):
    sub = subset_glyphs(truetype_face, text_gids(truetype_face))
    font = hb.Font(hb.Face(hb.Blob(sub.program)))
    assert font.face.glyph_count == len(sub.new_gid)
    for old, new in sub.new_gid.items():
        if old:  # harfbuzz keeps no .notdef outline in a glyf subset (drawn blank)
            assert (outline(lambda pen: font.draw_glyph_with_pen(new, pen))
                    == outline(lambda pen: truetype_face.hb_font.draw_glyph_with_pen(old, pen))
                    ), (old, new)


def test_a_few_glyphs_of_a_65535_glyph_face_make_a_program_of_a_few_kilobytes(cff_face):
    """A subset that kept the face's glyph IDs would index all 65,535 (~270 KB)."""
    assert cff_face.hb_face.glyph_count == 65535
    assert len(subset_glyphs(cff_face, text_gids(cff_face)).program) < 20_000
