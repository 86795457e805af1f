"""Write the laid-out issue as PDF. The only module that imports reportlab.

Text is written as 2-byte glyph codes (Identity-H) positioned with TJ, in Type0 fonts whose
CIDFont embeds the harfbuzz subset: the bare CFF table as FontFile3 /CIDFontType0C for CFF
faces (reportlab cannot embed CFF outlines itself), the subset sfnt as FontFile2 for
TrueType faces. A code is the glyph's ID in its font's subset (fonts/subset.py), not in the
face. Black is K only (DeviceCMYK 0 0 0 1), never RGB, and text overprints.

Pages are the trim grown by the bleed (and room for crop marks); the page content is drawn
in trim coordinates. render/pdfx.py finishes the file as PDF/X (layout [print]).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..compose import Glyph
from ..config import LayoutConfig
from ..fonts import Face, subset_glyphs
from ..layout import IssueLayout, TextLine
from ..preflight.pages import OVERSET_TITLE
from .images import prepare_photo
from .pdffont import subset_tag, to_unicode_cmap, width_array
from .pdfx import MARK_WIDTH, OVERPRINT, PageFrame, check_spec, crop_marks, finish_pdf, page_frame


@dataclass(frozen=True)
class PdfMeta:
    """Document metadata."""

    title: str
    language: str
    date: dt.date | None
    author: str = ""
    subject: str = ""


@dataclass(frozen=True)
class PdfSummary:
    """What was written."""

    path: Path
    pages: int
    fonts: int
    bytes: int
    warnings: tuple[str, ...] = ()  # photos under the minimum ppi, text under the minimum size


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """FlateDecode at zlib level 1 for the streams this module writes (reportlab's filter
    uses the default, 6): on the sample the pages' text compresses to 20 % more and the
    font programs to 1 % more, in half the time (~35 ms less per issue)."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


_FLATE = _FastFlate()

# A glyph's hex code for TJ (its ID in its font's subset), and the advance (points) the PDF
# viewer will give it: the face's own, which the W array states.
_Code = tuple[str, float]


class _Type0Font:
    """A reportlab dynamic font embedding one face once per document as a Type0 font.

    The subset is made when the font is, before any page is drawn: the pages address
    glyphs by their IDs in it. reportlab calls addObjects(doc) when the document is
    written (its `delayedFonts`).
    """

    _dynamicFont = 1  # also keeps reportlab from declaring an initial Helvetica
    _multiByte = 1

    def __init__(self, face: Face, used: dict[int, str]) -> None:
        self.typeset_face = face
        self.used = used
        self.subset = subset_glyphs(face, used)
        self.tag = subset_tag(face.key, list(used))
        self.base_name = f"{self.tag}+{face.info.postscript_name}"
        self.fontName = f"typeset-{face.key}-{self.tag}"
        self.face = SimpleNamespace(name=self.fontName)  # reportlab's registry wants .face.name
        self.substitutionFonts: list = []

    def resource_name(self, doc) -> str:
        """The page resource name (/F3), registering the font with the document once."""
        name = doc.fontMapping.get(self.fontName)
        if name is None:
            name = doc.fontMapping[self.fontName] = f"/F{len(doc.fontMapping) + 1}"
            doc.delayedFonts.append(self)
        return name

    def addObjects(self, doc) -> None:  # noqa: N802 — reportlab's protocol
        face, info = self.typeset_face, self.typeset_face.info
        scale = 1000 / face.upem
        new_gid = self.subset.new_gid
        program = pdfdoc.PDFStream(content=self.subset.program)
        program.filters = [_FLATE]
        if info.is_cff:
            program.dictionary["Subtype"] = pdfdoc.PDFName("CIDFontType0C")
        descriptor = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("FontDescriptor"),
            "FontName": pdfdoc.PDFName(self.base_name),
            "Flags": 4,  # symbolic: glyphs outside the Latin set
            "FontBBox": pdfdoc.PDFArray([round(v * scale) for v in info.bbox]),
            "ItalicAngle": info.italic_angle,
            "Ascent": round(info.ascender * scale),
            "Descent": round(info.descender * scale),
            "CapHeight": round(info.cap_height * scale),
            "StemV": 80,
        })
        key = "FontFile3" if info.is_cff else "FontFile2"
        descriptor[key] = doc.Reference(program, f"fontfile:{self.fontName}")
        widths = {new_gid[gid]: round(face.advance(gid) * scale) for gid in self.used}
        cid_font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"),
            "Subtype": pdfdoc.PDFName("CIDFontType0" if info.is_cff else "CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(self.base_name),
            "CIDSystemInfo": pdfdoc.PDFDictionary({
                "Registry": pdfdoc.PDFString("Adobe"),
                "Ordering": pdfdoc.PDFString("Identity"),
                "Supplement": 0}),
            "FontDescriptor": doc.Reference(descriptor, f"descriptor:{self.fontName}"),
            "DW": 1000,
            "W": pdfdoc.PDFArray([width_array(widths)]),  # bytes pass reportlab unchanged
        })
        if not info.is_cff:
            cid_font["CIDToGIDMap"] = pdfdoc.PDFName("Identity")
        cmap = pdfdoc.PDFStream(content=to_unicode_cmap(
            self.base_name, {new_gid[gid]: text for gid, text in self.used.items()}))
        cmap.filters = [_FLATE]
        font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"),
            "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(self.base_name),
            "Encoding": pdfdoc.PDFName("Identity-H"),
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font,
                                                              f"cidfont:{self.fontName}")]),
            "ToUnicode": doc.Reference(cmap, f"tounicode:{self.fontName}"),
        })
        internal = doc.fontMapping[self.fontName][1:]
        # An indirect font object: a direct one in the resources breaks text extraction.
        doc.idToObject["BasicFonts"].dict[internal] = doc.Reference(font, internal)


def write_pdf(layout: IssueLayout, out_path: Path, meta: PdfMeta, cfg: LayoutConfig) -> PdfSummary:
    """Write `layout` to `out_path` (the caller makes the write atomic), as the layout's
    [print] section asks (PDF/X-1a by default)."""
    spec = cfg.printing
    check_spec(spec)
    frame = page_frame(layout.width, layout.height, cfg.page.bleed, spec.marks)
    fonts, codes = _fonts_for(layout)
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    first = next(iter(fonts.values()), None)
    buf = io.BytesIO()
    # reportlab wraps page and image streams in ASCII85 by default: 25 % larger files and
    # ~0.5 s per issue for a 7-bit safety nobody needs in a binary PDF.
    rl_config.useA85 = 0
    # Page streams are compressed by the document's default filter (reportlab's own page
    # compression would use its level-6 filter).
    canvas = Canvas(buf, pagesize=frame.media_size, invariant=1,
                    initialFontName=first.fontName if first else None, lang=meta.language,
                    pageCompression=0, pdfVersion=(1, 4), trimBox=frame.trim_box,
                    bleedBox=frame.bleed_box)
    canvas._doc.defaultStreamFilters = [_FLATE]
    _fix_timestamp(canvas, meta.date)
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator("typeset")
    canvas.setProducer("typeset (reportlab)")
    image_cache: dict[tuple, ImageReader] = {}
    warnings: list[str] = []
    targets: dict[int, set[float]] = {}
    for page in layout.pages:
        for link in page.links:
            targets.setdefault(link.to_page, set()).add(round(link.to_y, 1))
    for page in layout.pages:
        _page(canvas, page, layout, fonts, cfg, frame, image_cache, codes, warnings)
        _links(canvas, page, frame, targets.get(page.number, set()))
        canvas.showPage()
    canvas.showOutline()
    canvas.save()
    out_path.write_bytes(buf.getvalue())
    finish_pdf(out_path, spec)
    return PdfSummary(out_path, len(layout.pages), len(fonts), out_path.stat().st_size,
                      tuple(warnings))


def _fonts_for(layout: IssueLayout) -> tuple[dict[str, _Type0Font], dict[Glyph, _Code]]:
    """One font per face used anywhere, with every glyph it draws and the text behind it;
    and each glyph's code and advance (_Code)."""
    used: dict[str, tuple[Face, dict[int, str]]] = {}
    seen: set[Glyph] = set()  # glyphs are shared objects: each needs looking at once
    for page in layout.pages:
        for tl in page.lines:
            for g in tl.line.shaped:
                if g in seen:
                    continue
                seen.add(g)
                text_of = used.setdefault(g.face.key, (g.face, {}))[1]
                if not text_of.get(g.gid):  # the first glyph of a cluster carries the text
                    text_of[g.gid] = g.text
    fonts = {key: _Type0Font(face, gids) for key, (face, gids) in sorted(used.items())}
    codes = {}
    for g in seen:
        face = g.face
        codes[g] = (f"<{fonts[face.key].subset.new_gid[g.gid]:04X}>",
                    face.advance(g.gid) * (1000 / face.upem) * g.size / 1000)
    return fonts, codes


def _fix_timestamp(canvas: Canvas, date: dt.date | None) -> None:
    """Creation/modification dates from SOURCE_DATE_EPOCH, else the issue date, so that two
    runs give the same bytes."""
    ts = canvas._doc._timeStamp
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    elif date is not None:
        moment = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
    else:
        return
    ts.t = moment.timestamp()
    ts.YMDhms = moment.timetuple()[:6]


def _page(canvas: Canvas, page, layout: IssueLayout, fonts: dict[str, _Type0Font],
          cfg: LayoutConfig, frame: PageFrame, image_cache: dict, codes: dict,
          warnings: list[str]) -> None:
    h = layout.height
    spec = cfg.printing
    code = canvas._code
    code.append("0 0 0 1 K 0 0 0 1 k")  # K-only black for strokes and fills
    if spec.marks:
        code.append(f"{MARK_WIDTH:g} w " + " ".join(
            f"{x0:.3f} {y0:.3f} m {x1:.3f} {y1:.3f} l" for x0, y0, x1, y1 in crop_marks(frame))
            + " S")
    code.append(f"q 1 0 0 1 {frame.margin:.3f} {frame.margin:.3f} cm")  # trim coordinates
    for rule in page.rules:
        code.append(f"{rule.weight:.3f} w {rule.x0:.3f} {h - rule.y0:.3f} m "
                    f"{rule.x1:.3f} {h - rule.y1:.3f} l S")
    for box in page.images:
        key = (box.path, round(box.width, 2), round(box.height, 2))
        reader = image_cache.get(key)
        if reader is None:
            prepared = prepare_photo(box.path, box.width, box.height, dpi=cfg.photo.dpi,
                                     quality=cfg.photo.jpeg_quality,
                                     color=spec.color_photos, ink_limit=spec.ink_limit)
            reader = image_cache[key] = ImageReader(io.BytesIO(prepared.jpeg))
            if prepared.ppi < spec.min_ppi:
                warnings.append(f"page {page.number}: photo {box.path.name} has "
                                f"{prepared.ppi:.0f} ppi at its placed size (under "
                                f"{spec.min_ppi:g} ppi; it is not upsampled)")
        canvas.drawImage(reader, box.x, h - box.y - box.height, box.width, box.height)
    if page.lines:
        code.append(f"q {OVERPRINT} gs BT")  # black text overprints: no white halo on register
        sizes: set[float] = set()
        code.append("\n".join([_text_line(canvas, tl, h, fonts, codes, sizes)
                               for tl in page.lines]))
        code.append("ET Q")
        small = sorted(s for s in sizes if s < spec.min_text_pt)
        if small:
            warnings.append(f"page {page.number}: text set in {', '.join(f'{s:g}' for s in small)}"
                            f" pt, under the minimum {spec.min_text_pt:g} pt")
    code.append("Q")
    m = frame.margin
    key = f"page{page.number}"
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(f"第{page.number}版" + (f" {page.section}" if page.section else ""),
                           key, level=0, closed=True)
    for n, entry in enumerate(page.outline):
        akey = f"{key}-a{n}"
        canvas.bookmarkPage(akey, fit="XYZ", left=0, top=m + h - entry.y + 24)
        canvas.addOutlineEntry(entry.title, akey, level=1)


def _dest(page: int, y: float) -> str:
    return f"p{page}y{round(y, 1)}"


def _links(canvas: Canvas, page, frame: PageFrame, targets: set[float]) -> None:
    """Named destinations for the links that point here, and this page's link areas:
    borderless annotations with a destination (no action, which PDF/X forbids), flagged
    printable (they print nothing: no border, no appearance)."""
    m, top = frame.margin, frame.margin + frame.trim_height
    for y in sorted(targets):
        canvas.bookmarkPage(_dest(page.number, y), fit="XYZ", left=0, top=top - y)
    for link in page.links:
        rect = (m + link.x, top - link.y - link.height, m + link.x + link.width, top - link.y)
        canvas.linkAbsolute("", _dest(link.to_page, link.to_y), Rect=rect, thickness=0, F=4)
    _overset_marks(canvas, page, frame)


# An overset mark's icon, in points: the size of a body line's em, about.
OVERSET_MARK_SIZE = 10.0


def _overset_marks(canvas: Canvas, page, frame: PageFrame) -> None:
    """Each frame whose copy runs over gets a red "insert" note at its last line, which a
    viewer shows and a press does not print: a Text annotation whose flags leave Print off
    (/F 0). A PDF/X RIP wants every annotation in the page area printable, so preflight
    fails such a file, as it should: overset copy is not ready for press."""
    m, top = frame.margin, frame.margin + frame.trim_height
    for mark in page.overset:
        x, y = m + mark.x, top - mark.y
        canvas.textAnnotation(mark.note, Rect=(x, y - OVERSET_MARK_SIZE, x + OVERSET_MARK_SIZE,
                                               y), relative=0, F=0, Color=(1, 0, 0),
                              T=pdfdoc.PDFString(OVERSET_TITLE),
                              Name=pdfdoc.PDFName("Insert"))


def _text_line(canvas: Canvas, tl: TextLine, page_height: float,
               fonts: dict[str, _Type0Font], codes: dict[Glyph, _Code], sizes: set[float]
               ) -> str:
    """Operators for one line: a TJ per stretch of one face and size, every glyph at its
    composed x (TJ adjustments make up the difference to the font's own advance). The
    sizes set go into `sizes`."""
    out = []
    y = page_height - tl.baseline
    # Per-glyph work is done in comprehensions over the line's columns (a line of body text
    # has ~25 glyphs, an issue ~60,000), not over PlacedGlyphs.
    shaped, xs = tl.line.shaped, tl.line.xs
    hits = [codes[g] for g in shaped]
    n = len(shaped)
    i = 0
    while i < n:
        g0 = shaped[i]
        face, size = g0.face, g0.size
        j = i + 1
        while j < n and shaped[j].face is face and shaped[j].size == size:
            j += 1
        sizes.add(size)
        parts = [code if -0.01 <= (adjust := (x + advance - next_x) * 1000 / size) <= 0.01
                 else f"{code}{adjust:.2f}"
                 for (code, advance), x, next_x in zip(hits[i:j - 1], xs[i:j - 1], xs[i + 1:j])]
        parts.append(hits[j - 1][0])
        out.append(f"{fonts[face.key].resource_name(canvas._doc)} {size:g} Tf "
                   f"1 0 0 1 {tl.x + xs[i]:.3f} {y:.3f} Tm [{''.join(parts)}] TJ")
        i = j
    return "\n".join(out)
