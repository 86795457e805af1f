"""One font face: coverage, shaping and metrics through harfbuzz, names through fontTools.

A Face is opened once per run and shared by every stage that sets text with it; shaping
results are cached per (text, features) because a newspaper repeats the same characters
thousands of times.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb
from fontTools.ttLib import TTFont

# Shaping Chinese as zh-Hans picks the Simplified Chinese glyph forms and the 2-em dash
# ligature for "——" (an unshaped U+2014 is a proportional ≈0.9-em dash).
SCRIPT = "Hani"
LANGUAGE = "zh-Hans"

# fsType bit 1 (value 0x0002): "Restricted License embedding" — the font must not be embedded.
FSTYPE_RESTRICTED = 0x0002


@dataclass(frozen=True)
class ShapedGlyph:
    """A glyph from shaping: `cluster` is the index of its first character in the text."""

    gid: int
    cluster: int
    advance: int  # font units
    x_offset: int
    y_offset: int


@dataclass(frozen=True)
class FaceInfo:
    """Names and metrics of a face, read once with fontTools."""

    postscript_name: str
    family: str
    style: str
    ascender: int
    descender: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float
    fs_type: int
    is_cff: bool


class Face:
    """A face inside a font file (`index` selects the face of a .ttc collection)."""

    def __init__(self, path: Path, index: int = 0) -> None:
        self.path = Path(path)
        self.index = index
        self._blob = hb.Blob.from_file_path(str(self.path))
        self.hb_face = hb.Face(self._blob, index)
        self.hb_font = hb.Font(self.hb_face)
        self.upem = self.hb_face.upem
        self._shape = functools.lru_cache(maxsize=200_000)(self._shape_uncached)
        self._covers: dict[int, bool] = {}

    def __repr__(self) -> str:
        return f"Face({self.path.name}#{self.index})"

    @functools.cached_property
    def key(self) -> str:
        """A stable identifier of this face, unique within a run (asked for every glyph
        written, hence cached)."""
        return f"{self.path.stem}-{self.index}"

    @functools.cached_property
    def info(self) -> FaceInfo:
        """Names and metrics (fontTools, lazily: only for embedding and messages)."""
        tt = TTFont(str(self.path), fontNumber=self.index, lazy=True)
        name = tt["name"]
        os2 = tt["OS/2"]
        head = tt["head"]
        ps_name = name.getDebugName(6) or self.path.stem
        return FaceInfo(
            postscript_name=ps_name.replace(" ", ""),
            family=name.getDebugName(16) or name.getDebugName(1) or ps_name,
            style=name.getDebugName(17) or name.getDebugName(2) or "Regular",
            ascender=os2.sTypoAscender,
            descender=os2.sTypoDescender,
            cap_height=getattr(os2, "sCapHeight", 0) or os2.sTypoAscender,
            bbox=(head.xMin, head.yMin, head.xMax, head.yMax),
            italic_angle=float(tt["post"].italicAngle),
            fs_type=os2.fsType,
            is_cff="CFF " in tt,  # the table directory only: Noto CJK's CFF is 15 MB
        )

    @property
    def embeddable(self) -> bool:
        """False when the font's licence forbids embedding (fsType restricted)."""
        return (self.info.fs_type & 0x000F) != FSTYPE_RESTRICTED

    def covers(self, char: str) -> bool:
        """True when the face maps the character to a glyph (a cmap entry)."""
        cp = ord(char)
        hit = self._covers.get(cp)
        if hit is None:
            hit = self._covers[cp] = self.hb_font.get_nominal_glyph(cp) is not None
        return hit

    def shape(self, text: str, features: tuple[str, ...] = ()) -> tuple[ShapedGlyph, ...]:
        """Shape `text` left to right as Chinese, with OpenType `features` switched on."""
        return self._shape(text, features)

    def _shape_uncached(self, text: str, features: tuple[str, ...]) -> tuple[ShapedGlyph, ...]:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.direction = "ltr"
        buf.script = SCRIPT
        buf.language = LANGUAGE
        hb.shape(self.hb_font, buf, {f: True for f in features})
        return tuple(
            ShapedGlyph(i.codepoint, i.cluster, p.x_advance, p.x_offset, p.y_offset)
            for i, p in zip(buf.glyph_infos, buf.glyph_positions)
        )

    def advance(self, gid: int) -> int:
        """The glyph's default horizontal advance in font units (what the PDF W array says)."""
        return self.hb_font.get_glyph_h_advance(gid)
