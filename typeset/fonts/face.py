"""One font face: coverage, shaping, names and metrics through harfbuzz.

A Face is opened once per run and shared by every stage that sets text with it; shaping
results are cached per (text, features) because a newspaper repeats the same characters
thousands of times.
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb

# Shaping Chinese as zh-Hans picks the Simplified Chinese glyph forms and the 2-em dash
# ligature for "——" (an unshaped U+2014 is a proportional ≈0.9-em dash).
SCRIPT = "Hani"
LANGUAGE = "zh-Hans"

# fsType bit 1 (value 0x0002): "Restricted License embedding" — the font must not be embedded.
FSTYPE_RESTRICTED = 0x0002

# Where FaceInfo's numbers sit in their tables (OpenType spec; big-endian). harfbuzz hands
# out the tables; reading these few fields here is 0.3 ms for every face of a run, where
# fontTools took ~50 ms on top of a ~75 ms import.
OS2_FS_TYPE = 8  # uint16
OS2_TYPO_ASCENDER = 68  # int16, then sTypoDescender
OS2_CAP_HEIGHT = 88  # int16, OS/2 version 2 and later
HEAD_BBOX = 36  # int16 ×4: xMin, yMin, xMax, yMax
POST_ITALIC_ANGLE = 4  # Fixed 16.16
_NAME = hb.OTNameIdPredefined


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
    """Names and metrics of a face, read once from its tables."""

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
        """Names and metrics (lazily: only for embedding and messages)."""
        face = self.hb_face
        os2 = face.reference_table("OS/2").data
        head = face.reference_table("head").data
        post = face.reference_table("post").data
        ascender, descender = struct.unpack_from(">hh", os2, OS2_TYPO_ASCENDER)
        version = struct.unpack_from(">H", os2, 0)[0]
        cap = struct.unpack_from(">h", os2, OS2_CAP_HEIGHT)[0] if version >= 2 else 0
        ps_name = face.get_name(_NAME.POSTSCRIPT_NAME) or self.path.stem  # English names
        return FaceInfo(
            postscript_name=ps_name.replace(" ", ""),
            family=(face.get_name(_NAME.TYPOGRAPHIC_FAMILY) or face.get_name(_NAME.FONT_FAMILY)
                    or ps_name),
            style=(face.get_name(_NAME.TYPOGRAPHIC_SUBFAMILY)
                   or face.get_name(_NAME.FONT_SUBFAMILY) or "Regular"),
            ascender=ascender,
            descender=descender,
            cap_height=cap or ascender,
            bbox=struct.unpack_from(">hhhh", head, HEAD_BBOX),
            italic_angle=struct.unpack_from(">i", post, POST_ITALIC_ANGLE)[0] / 65536,
            fs_type=struct.unpack_from(">H", os2, OS2_FS_TYPE)[0],
            is_cff="CFF " in face.table_tags,  # the table directory only: Noto CJK's CFF is 15 MB
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
