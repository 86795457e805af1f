"""The PDF data of an embedded CID font that needs no PDF library: the ToUnicode CMap, the W
width array and the subset tag. render/pdf.py wraps them in PDF objects."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

# A CMap's bfchar blocks hold at most 100 entries (PDF Reference, 5.9.2).
_BFCHAR_BLOCK = 100


def subset_tag(face_key: str, gids: list[int]) -> str:
    """Six capital letters derived from the glyph set: the same glyphs give the same tag, so
    rebuilding an issue gives the same font names."""
    digest = hashlib.sha256((face_key + ":" + ",".join(map(str, sorted(gids)))).encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def to_unicode_cmap(name: str, text_of: Mapping[int, str]) -> bytes:
    """A ToUnicode CMap mapping 2-byte glyph codes to the text each glyph stands for."""
    entries = [(gid, text) for gid, text in sorted(text_of.items()) if text]
    out = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        f"/CMapName /{name}-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), _BFCHAR_BLOCK):
        block = entries[start:start + _BFCHAR_BLOCK]
        out.append(f"{len(block)} beginbfchar")
        for gid, text in block:
            out.append(f"<{gid:04X}> <{text.encode('utf-16-be').hex().upper()}>")
        out.append("endbfchar")
    out += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(out).encode("ascii")


def width_array(widths: Mapping[int, int]) -> bytes:
    """The elements of the CIDFont W array as PDF text (one string, not a PDF object per
    number for the PDF library to format): runs of consecutive glyph codes as
    `first [w1 w2 …]`."""
    out: list[str] = []
    run: list[str] = []
    first = prev = None
    for gid in sorted(widths):
        if prev is not None and gid == prev + 1:
            run.append(str(widths[gid]))
        else:
            if run:
                out.append(f"{first} [{' '.join(run)}]")
            first, run = gid, [str(widths[gid])]
        prev = gid
    if run:
        out.append(f"{first} [{' '.join(run)}]")
    return " ".join(out).encode("ascii")
