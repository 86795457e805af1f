"""Print production for the written PDF: the page frame (trim, bleed, crop marks) and the
PDF/X finishing that reportlab cannot do, applied with pikepdf to the saved file in place:
the overprint graphics state, GTS_PDFX keys in Info, XMP metadata, the OutputIntent and a
content-derived document ID (two runs give the same bytes).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf

from ..config import PT_PER_MM, PrintSpec
from ..errors import ConfigError

# The page resource name of the overprint state set before text (pdf.py writes `/… gs`).
OVERPRINT = "/GSop"
# Crop marks: 5 mm long, 0.25 pt wide, starting no nearer the trim than 3 mm (nor inside
# the bleed), so the guillotine never cuts through one.
MARK_LENGTH = 5 * PT_PER_MM
MARK_GAP = 3 * PT_PER_MM
MARK_WIDTH = 0.25

# GTS_PDFXVersion / GTS_PDFXConformance per standard (ISO 15930-4 and -7).
PDFX_KEYS = {
    "x1a": ("PDF/X-1:2003", "PDF/X-1a:2003"),
    "x4": ("PDF/X-4", None),
}


@dataclass(frozen=True)
class PageFrame:
    """Where the trimmed page sits on the sheet (MediaBox), in points, y upwards."""

    trim_width: float
    trim_height: float
    bleed: float
    margin: float  # from the MediaBox edge to the trim

    @property
    def media_size(self) -> tuple[float, float]:
        """MediaBox width and height."""
        return self.trim_width + 2 * self.margin, self.trim_height + 2 * self.margin

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        """TrimBox: the finished page."""
        m = self.margin
        return (m, m, m + self.trim_width, m + self.trim_height)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        """BleedBox: the trim grown by the bleed on every side."""
        x0, y0, x1, y1 = self.trim_box
        b = self.bleed
        return (x0 - b, y0 - b, x1 + b, y1 + b)


def page_frame(width: float, height: float, bleed: float, marks: bool) -> PageFrame:
    """The frame of a `width` × `height` trim: the MediaBox is the bleed box, grown to hold
    the crop marks when they are asked for."""
    margin = bleed
    if marks:
        margin = _mark_start(bleed) + MARK_LENGTH + MARK_WIDTH
    return PageFrame(width, height, bleed, margin)


def _mark_start(bleed: float) -> float:
    return max(bleed, MARK_GAP)


def crop_marks(frame: PageFrame) -> list[tuple[float, float, float, float]]:
    """The eight crop-mark lines (x0, y0, x1, y1) in MediaBox coordinates: two per corner,
    on the extensions of the trim edges, outside the bleed."""
    x0, y0, x1, y1 = frame.trim_box
    start = _mark_start(frame.bleed)
    end = start + MARK_LENGTH
    lines = []
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            lines.append((x + sx * start, y, x + sx * end, y))  # horizontal
            lines.append((x, y + sy * start, x, y + sy * end))  # vertical
    return lines


def check_spec(spec: PrintSpec) -> None:
    """Refuse settings that cannot give a conforming file, before any work is done."""
    if spec.standard == "x4" and spec.output_profile is None:
        raise ConfigError("PDF/X-4 needs the output condition's ICC profile embedded",
                          hint="set print.output_profile in the layout to the plant's CMYK "
                               "ICC file, or use --pdf-standard x1a")
    if spec.output_profile is not None:
        try:
            head = spec.output_profile.read_bytes()[:40]
        except OSError as exc:
            raise ConfigError(f"cannot read the output profile: {exc}",
                              where=str(spec.output_profile)) from exc
        if head[36:40] != b"acsp" or head[16:20] not in (b"CMYK", b"GRAY"):
            raise ConfigError("the output profile is not a CMYK or gray ICC profile",
                              where=str(spec.output_profile))


def finish_pdf(path: Path, spec: PrintSpec) -> None:
    """Rewrite the PDF at `path` in place: the overprint state on every page and, unless
    `spec.standard` is "none", the PDF/X identification, metadata and OutputIntent."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        overprint = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.ExtGState, OP=True, op=True, OPM=1))
        for page in pdf.pages:
            if "/Resources" not in page.obj:
                page.obj.Resources = pikepdf.Dictionary()
            resources = page.obj.Resources
            if "/ExtGState" not in resources:
                resources.ExtGState = pikepdf.Dictionary()
            resources.ExtGState[OVERPRINT] = overprint
        if spec.standard != "none":
            _identify(pdf, spec)
        pdf.save(path, force_version="1.4", object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 deterministic_id=True, compress_streams=False)


def _identify(pdf: pikepdf.Pdf, spec: PrintSpec) -> None:
    version, conformance = PDFX_KEYS[spec.standard]
    info = pdf.docinfo
    info[pikepdf.Name.GTS_PDFXVersion] = pikepdf.String(version)
    if conformance:
        info[pikepdf.Name.GTS_PDFXConformance] = pikepdf.String(conformance)
    info[pikepdf.Name.Trapped] = pikepdf.Name("/False")
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String(spec.output_condition),
        OutputCondition=pikepdf.String(spec.output_condition_info),
        RegistryName=pikepdf.String(spec.registry),
        Info=pikepdf.String(spec.output_condition_info))
    if spec.output_profile is not None:
        data = spec.output_profile.read_bytes()
        channels = 4 if data[16:20] == b"CMYK" else 1
        profile = pikepdf.Stream(pdf, data)
        profile[pikepdf.Name.N] = channels
        intent[pikepdf.Name.DestOutputProfile] = pdf.make_indirect(profile)
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
    xmp = _xmp(info, str(pdf.Root.get("/Lang", "")), version, conformance, spec.standard)
    metadata = pikepdf.Stream(pdf, xmp.encode("utf-8"))
    metadata[pikepdf.Name.Type] = pikepdf.Name.Metadata
    metadata[pikepdf.Name.Subtype] = pikepdf.Name.XML
    pdf.Root.Metadata = pdf.make_indirect(metadata)


def _xmp_date(value: object) -> str:
    """A PDF date string (D:YYYYMMDDHHmmSS+HH'mm') as an XMP date."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:([+-])(\d\d)'?(\d\d)|Z)?",
                 str(value))
    if not m:
        return ""
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    zone = f"{sign}{oh}:{om}" if sign else "Z"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


def _xmp(info: pikepdf.Dictionary, lang: str, version: str, conformance: str | None,
         standard: str) -> str:
    """The XMP packet: the Info entries again (title, author, subject, dates, producer),
    the language and the PDF/X identification; the IDs are derived from the content."""

    def text(key: str) -> str:
        return escape(str(info.get(key, "")))

    created = _xmp_date(info.get("/CreationDate", ""))
    modified = _xmp_date(info.get("/ModDate", "")) or created
    seed = "|".join(str(info.get(k, "")) for k in ("/Title", "/CreationDate", "/Subject"))
    doc_id = uuid.UUID(bytes=hashlib.sha256(seed.encode()).digest()[:16], version=4)
    language = escape(lang) or "x-default"
    if standard == "x1a":
        ident = (f'<rdf:Description rdf:about="" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">'
                 f"<pdfx:GTS_PDFXVersion>{version}</pdfx:GTS_PDFXVersion>"
                 f"<pdfx:GTS_PDFXConformance>{conformance}</pdfx:GTS_PDFXConformance>"
                 "</rdf:Description>")
    else:
        ident = ('<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">'
                 f"<pdfxid:GTS_PDFXVersion>{version}</pdfxid:GTS_PDFXVersion>"
                 "</rdf:Description>")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text("/Title")}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{text("/Author")}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text("/Subject")}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>{created}</xmp:CreateDate>
<xmp:ModifyDate>{modified}</xmp:ModifyDate>
<xmp:MetadataDate>{modified}</xmp:MetadataDate>
<xmp:CreatorTool>{text("/Creator")}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>{text("/Producer")}</pdf:Producer>
<pdf:Trapped>False</pdf:Trapped>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>
{ident}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
