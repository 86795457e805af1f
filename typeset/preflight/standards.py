"""The rules each checked standard sets, and the newsprint limits checked with them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Standard:
    """What one PDF/X conformance level allows."""

    key: str
    title: str
    max_version: str  # highest PDF version
    gts_versions: tuple[str, ...]  # accepted GTS_PDFXVersion values
    transparency: bool  # soft masks, constant alpha < 1, blend modes, transparency groups
    icc_colour: bool  # ICCBased / Lab / Cal spaces (with an output profile)
    needs_profile: bool  # the OutputIntent must embed DestOutputProfile
    needs_info_version: bool  # GTS_PDFXVersion in Info (X-4 identifies itself in XMP)
    forbidden_filters: tuple[str, ...]


STANDARDS = {
    "x1a": Standard("x1a", "PDF/X-1a:2003 (ISO 15930-4)", "1.4",
                    ("PDF/X-1:2003", "PDF/X-1a:2003", "PDF/X-1:2001"), transparency=False,
                    icc_colour=False, needs_profile=False, needs_info_version=True,
                    forbidden_filters=("/JBIG2Decode", "/JPXDecode", "/Crypt")),
    "x4": Standard("x4", "PDF/X-4 (ISO 15930-7)", "1.6", ("PDF/X-4",), transparency=True,
                   icc_colour=True, needs_profile=True, needs_info_version=False,
                   forbidden_filters=("/LZWDecode", "/Crypt")),
}


@dataclass(frozen=True)
class InkRules:
    """Newsprint rules on top of the standard (notes §5): total ink, smallest text,
    black text overprinting, colour text only from 14 pt, photo resolution."""

    ink_limit: float = 240.0  # % C+M+Y+K
    min_text_pt: float = 7.0
    min_colour_text_pt: float = 14.0
    min_ppi: float = 170.0
