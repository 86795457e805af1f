"""Document-level rules: version, file structure, Info and XMP identification, the
OutputIntent, encryption, the ID, actions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pikepdf

from .report import Collector
from .standards import Standard

XMP_PDFX = {"pdfx": "http://ns.adobe.com/pdfx/1.3/",
            "pdfxid": "http://www.npes.org/pdfx/ns/id/"}


def check_document(pdf: pikepdf.Pdf, raw: bytes, std: Standard, out: Collector) -> None:
    """Every document-level rule of `std`."""
    if _version_tuple(pdf.pdf_version) > _version_tuple(std.max_version):
        out.error("pdf-version", None, "header",
                  f"PDF {pdf.pdf_version}; {std.key} allows at most PDF {std.max_version}")
    if std.max_version < "1.5":
        if re.search(rb"/Type\s*/ObjStm", raw):
            out.error("pdf-version", None, "file structure",
                      "object streams (a PDF 1.5 feature)")
        if re.search(rb"/Type\s*/XRef", raw):
            out.error("pdf-version", None, "file structure",
                      "cross-reference stream (a PDF 1.5 feature)")
    if pdf.is_encrypted:
        out.error("encryption", None, "trailer", "the file is encrypted")
    if "/ID" not in pdf.trailer:
        out.error("document-id", None, "trailer", "no document ID (/ID)")
    _check_info(pdf, std, out)
    _check_xmp(pdf, std, out)
    _check_output_intent(pdf, std, out)
    _check_actions(pdf, out)


def _version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", v)[:2])


def _check_info(pdf: pikepdf.Pdf, std: Standard, out: Collector) -> None:
    info = pdf.trailer.get("/Info")
    if info is None:
        out.error("info", None, "Info", "no Info dictionary")
        return
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if not str(info.get(key, "")).strip():
            out.error("info", None, "Info", f"{key[1:]} is missing")
    trapped = str(info.get("/Trapped", ""))
    if trapped not in ("/True", "/False"):
        out.error("trapped", None, "Info",
                  f"Trapped is {trapped or 'missing'}; it must be /True or /False")
    version = str(info.get("/GTS_PDFXVersion", ""))
    if std.needs_info_version and version not in std.gts_versions:
        out.error("pdfx-version", None, "Info GTS_PDFXVersion",
                  f"GTS_PDFXVersion is '{version or 'missing'}'; expected one of "
                  f"{', '.join(std.gts_versions)}")
    if std.key == "x1a":
        conformance = str(info.get("/GTS_PDFXConformance", ""))
        if not conformance.startswith("PDF/X-1a"):
            out.error("pdfx-version", None, "Info GTS_PDFXConformance",
                      f"GTS_PDFXConformance is '{conformance or 'missing'}'; expected "
                      "PDF/X-1a:2003")


def _check_xmp(pdf: pikepdf.Pdf, std: Standard, out: Collector) -> None:
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        if std.needs_info_version:
            out.warning("xmp", None, "Metadata", "no XMP metadata")
        else:
            out.error("xmp", None, "Metadata", f"no XMP metadata ({std.key} identifies "
                      "itself there)")
        return
    try:
        root = ET.fromstring(stream.read_bytes())
    except (ET.ParseError, pikepdf.PdfError) as exc:
        out.error("xmp", None, "Metadata", f"XMP metadata cannot be read: {exc}")
        return
    found = {}
    for prefix, ns in XMP_PDFX.items():
        for key in ("GTS_PDFXVersion", "GTS_PDFXConformance"):
            for el in root.iter(f"{{{ns}}}{key}"):
                found[key] = (el.text or "").strip()
            for el in root.iter():
                value = el.get(f"{{{ns}}}{key}")
                if value:
                    found[key] = value.strip()
    version = found.get("GTS_PDFXVersion", "")
    if version not in std.gts_versions:
        out.error("pdfx-version", None, "Metadata",
                  f"XMP GTS_PDFXVersion is '{version or 'missing'}'; expected one of "
                  f"{', '.join(std.gts_versions)}")
    info = pdf.trailer.get("/Info") or {}
    for key, value in found.items():
        in_info = str(info.get(f"/{key}", "")) if info else ""
        if in_info and in_info != value:
            out.error("pdfx-version", None, "Metadata",
                      f"XMP {key} '{value}' differs from Info '{in_info}'")


def _check_output_intent(pdf: pikepdf.Pdf, std: Standard, out: Collector) -> None:
    intents = [oi for oi in pdf.Root.get("/OutputIntents", [])
               if str(oi.get("/S")) == "/GTS_PDFX"]
    if not intents:
        out.error("output-intent", None, "OutputIntent",
                  "no /GTS_PDFX OutputIntent: the printing condition is not named")
        return
    if len(intents) > 1:
        out.error("output-intent", None, "OutputIntent", "more than one /GTS_PDFX "
                  "OutputIntent")
    oi = intents[0]
    if not str(oi.get("/OutputConditionIdentifier", "")).strip():
        out.error("output-intent", None, "OutputIntent", "no OutputConditionIdentifier")
    profile = oi.get("/DestOutputProfile")
    if profile is None:
        if std.needs_profile:
            out.error("output-intent", None, "OutputIntent",
                      f"no embedded DestOutputProfile ({std.key} requires one)")
        elif not str(oi.get("/RegistryName", "")).strip():
            out.error("output-intent", None, "OutputIntent",
                      "no DestOutputProfile and no RegistryName: the condition must be a "
                      "registered characterization (e.g. IFRA26 at http://www.color.org)")
        if not str(oi.get("/Info", "")).strip() and profile is None:
            out.error("output-intent", None, "OutputIntent",
                      "no Info describing the registered output condition")
        return
    head = profile.read_bytes()[:40]
    if head[36:40] != b"acsp":
        out.error("output-intent", None, "OutputIntent", "DestOutputProfile is not ICC")
    elif head[12:16] != b"prtr":
        out.error("output-intent", None, "OutputIntent",
                  "DestOutputProfile is not an output (printer) profile")
    elif head[16:20] not in (b"CMYK", b"GRAY"):
        out.error("output-intent", None, "OutputIntent",
                  f"DestOutputProfile is for {head[16:20].decode('latin-1').strip()}, "
                  "not CMYK")


def _check_actions(pdf: pikepdf.Pdf, out: Collector) -> None:
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        out.error("actions", None, "Names", "document JavaScript")
    if "/AA" in pdf.Root:
        out.error("actions", None, "Catalog", "document trigger actions (/AA)")
    opening = pdf.Root.get("/OpenAction")
    if isinstance(opening, pikepdf.Dictionary) and str(opening.get("/S")) == "/JavaScript":
        out.error("actions", None, "Catalog", "JavaScript open action")
