"""A face's names and metrics (FaceInfo, read from its tables through harfbuzz) agree with
what fontTools reads from the same font, for every face the default configuration opens:
CFF (Noto CJK, in .ttc collections) and TrueType (Droid Sans Fallback)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from typeset.fonts import load_fonts

FONTS_TOML = Path(__file__).resolve().parents[2] / "fonts" / "fonts.toml"
FACES = load_fonts(FONTS_TOML).faces


@pytest.mark.parametrize("face", FACES, ids=repr)
def test_face_info_matches_fonttools(face):
    tt = TTFont(str(face.path), fontNumber=face.index, lazy=True)
    name, os2, head = tt["name"], tt["OS/2"], tt["head"]
    info = face.info
    assert info.postscript_name == name.getDebugName(6).replace(" ", "")
    assert info.family == (name.getDebugName(16) or name.getDebugName(1))
    assert info.style == (name.getDebugName(17) or name.getDebugName(2))
    assert (info.ascender, info.descender) == (os2.sTypoAscender, os2.sTypoDescender)
    assert info.cap_height == (getattr(os2, "sCapHeight", 0) or os2.sTypoAscender)
    assert info.bbox == (head.xMin, head.yMin, head.xMax, head.yMax)
    assert info.italic_angle == float(tt["post"].italicAngle)
    assert info.fs_type == os2.fsType
    assert info.is_cff == ("CFF " in tt)


def test_both_outline_formats_are_covered():
    assert {face.info.is_cff for face in FACES} == {True, False}
