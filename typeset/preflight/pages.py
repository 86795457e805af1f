"""Page-level rules: the page boxes and the annotations."""

from __future__ import annotations

import pikepdf

from .content import IDENTITY, PageWalker
from .objects import label
from .report import Collector

Box = tuple[float, float, float, float]
TOLERANCE = 0.01  # pt: rounding in box arithmetic
PRINT_FLAG, HIDDEN_FLAG, NOVIEW_FLAG = 4, 2, 32


def box(page: pikepdf.Page, key: str) -> Box | None:
    """A page box as (x0, y0, x1, y1), normalised; MediaBox and CropBox are inherited."""
    value = page.obj.get(key)
    if value is None and key in ("/MediaBox", "/CropBox"):
        node = page.obj.get("/Parent")
        while node is not None and value is None:
            value = node.get(key)
            node = node.get("/Parent")
    if value is None or len(value) != 4:
        return None
    x0, y0, x1, y1 = (float(v) for v in value)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _inside(inner: Box, outer: Box) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE and inner[1] >= outer[1] - TOLERANCE and
            inner[2] <= outer[2] + TOLERANCE and inner[3] <= outer[3] + TOLERANCE)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_boxes(page: pikepdf.Page, n: int, out: Collector) -> Box | None:
    """MediaBox; TrimBox or ArtBox (not both); Trim ⊆ Bleed ⊆ Crop ⊆ Media. Returns the
    area annotations must keep out of (BleedBox, else TrimBox/ArtBox)."""
    media = box(page, "/MediaBox")
    trim, art = box(page, "/TrimBox"), box(page, "/ArtBox")
    bleed, crop = box(page, "/BleedBox"), box(page, "/CropBox")
    if media is None:
        out.error("page-boxes", n, "page", "no MediaBox")
        return None
    if trim is None and art is None:
        out.error("trimbox", n, "page", "no TrimBox (or ArtBox): the finished size is "
                  "unknown to the imposition")
    if trim is not None and art is not None:
        out.error("page-boxes", n, "page", "both TrimBox and ArtBox")
    inner = trim or art
    chain = [("TrimBox" if trim else "ArtBox", inner), ("BleedBox", bleed),
             ("CropBox", crop), ("MediaBox", media)]
    chain = [(name, b) for name, b in chain if b is not None]
    for (name_in, b_in), (name_out, b_out) in zip(chain, chain[1:]):
        if not _inside(b_in, b_out):
            out.error("page-boxes", n, "page", f"{name_in} {_fmt(b_in)} is not inside "
                      f"{name_out} {_fmt(b_out)}")
    return bleed or inner


def _fmt(b: Box) -> str:
    return "[" + " ".join(f"{v:g}" for v in b) + "]"


# The title of the non-printing note typeset puts where a frame's copy runs over.
OVERSET_TITLE = "typeset: overset"


def check_annotations(page: pikepdf.Page, n: int, area: Box | None, walker: PageWalker,
                      out: Collector) -> None:
    """Annotations inside the printed area must print (/F Print, not Hidden) so that the
    RIP and the screen agree, may carry no action, and their appearances obey the same
    colour rules as the page; printer's marks stay outside the trim."""
    trim = box(page, "/TrimBox") or box(page, "/ArtBox")
    for i, annot in enumerate(page.obj.get("/Annots", [])):
        subtype = str(annot.get("/Subtype", ""))
        obj = label("annotation", f"{subtype[1:] or '?'} #{i + 1}", annot)
        if "/A" in annot or "/AA" in annot:
            action = annot.get("/A")
            kind = str(action.get("/S", "")) if isinstance(action, pikepdf.Dictionary) else ""
            out.error("actions", n, obj, f"annotation with an action {kind[1:]}".rstrip()
                      + " (PDF/X allows none; use /Dest for a link)")
        rect = annot.get("/Rect")
        if subtype == "/TrapNet" or rect is None or len(rect) != 4:
            continue
        x0, y0, x1, y1 = (float(v) for v in rect)
        r = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if subtype == "/PrinterMark":
            if trim is not None and _overlaps(r, trim):
                out.error("annotations", n, obj, "printer's mark inside the TrimBox")
        elif str(annot.get("/T", "")) == OVERSET_TITLE:
            out.error("overset", n, obj, f"copy runs over this frame: {annot.get('/Contents')}")
        elif area is not None and _overlaps(r, area):
            flags = int(annot.get("/F", 0))
            if not flags & PRINT_FLAG or flags & (HIDDEN_FLAG | NOVIEW_FLAG):
                out.error("annotations", n, obj,
                          f"annotation inside the page area not flagged printable (/F {flags})")
        for stream in _appearances(annot):
            walker.walk(stream, stream.get("/Resources"), IDENTITY, depth=1)


def _appearances(annot) -> list:
    ap = annot.get("/AP")
    if not isinstance(ap, pikepdf.Dictionary):
        return []
    streams = []
    for key in ("/N", "/R", "/D"):
        entry = ap.get(key)
        if isinstance(entry, pikepdf.Stream):
            streams.append(entry)
        elif isinstance(entry, pikepdf.Dictionary):
            streams += [v for v in entry.values() if isinstance(v, pikepdf.Stream)]
    return streams
