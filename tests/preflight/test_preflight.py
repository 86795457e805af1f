"""The preflight on small PDFs made here with pikepdf: one conforming page, and copies of it
each broken in one way, which must fail for that reason (page, object, rule)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from typeset.cli import main
from typeset.preflight import InkRules, preflight

# A Type3 font draws its glyphs with content operators: embedded by nature, so the good
# page needs no font file.
GLYPH = b"1000 0 0 0 750 750 d1 0 0 750 750 re f"
GOOD_TEXT = b"q /GSop gs 0 0 0 1 k BT /F1 9 Tf 20 100 Td (aa) Tj ET Q\n"
XMP = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""
 xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" pdfx:GTS_PDFXVersion="PDF/X-1:2003"
 pdfx:GTS_PDFXConformance="PDF/X-1a:2003"/></rdf:RDF></x:xmpmeta>"""


def _stream(pdf: pikepdf.Pdf, data: bytes, **keys) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, data)
    for key, value in keys.items():
        stream[pikepdf.Name("/" + key)] = value
    return stream


def _image(pdf: pikepdf.Pdf, space: str, channels: int, size: int = 2, **keys):
    return pdf.make_indirect(_stream(
        pdf, bytes([128] * channels * size * size), Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image, Width=size, Height=size,
        ColorSpace=pikepdf.Name(space), BitsPerComponent=8, **keys))


def make_pdf(path: Path, content: bytes = GOOD_TEXT, edit=None) -> Path:
    """A one-page PDF/X-1a file: trim 180 × 180 pt with 5 pt bleed, Type3 text in 100 % K
    overprinting, the IFRA26 OutputIntent. `edit(pdf, page)` breaks it before saving."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 750, 750], FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary(a=pdf.make_indirect(_stream(pdf, GLYPH))),
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding,
                                    Differences=[97, pikepdf.Name.a]),
        FirstChar=97, LastChar=97, Widths=[1000], Resources=pikepdf.Dictionary()))
    overprint = pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, OP=True, op=True, OPM=1)
    page = pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 200, 200], BleedBox=[5, 5, 195, 195],
        TrimBox=[10, 10, 190, 190],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                     ExtGState=pikepdf.Dictionary(GSop=overprint)),
        Contents=pdf.make_indirect(_stream(pdf, content))))
    pdf.pages.append(page)
    pdf.docinfo["/Title"] = "preflight fixture"
    pdf.docinfo["/CreationDate"] = "D:20261120000000Z"
    pdf.docinfo["/ModDate"] = "D:20261120000000Z"
    pdf.docinfo["/Trapped"] = pikepdf.Name("/False")
    pdf.docinfo["/GTS_PDFXVersion"] = "PDF/X-1:2003"
    pdf.docinfo["/GTS_PDFXConformance"] = "PDF/X-1a:2003"
    pdf.Root.OutputIntents = [pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier="IFRA26", RegistryName="http://www.color.org",
        Info="ISO 12647-3 newsprint"))]
    pdf.Root.Metadata = pdf.make_indirect(_stream(pdf, XMP, Type=pikepdf.Name.Metadata,
                                                  Subtype=pikepdf.Name.XML))
    if edit is not None:
        edit(pdf, pdf.pages[0])
    pdf.save(path, force_version="1.4", deterministic_id=True,
             object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return path


def errors_of(path: Path, standard: str = "x1a") -> dict[str, list]:
    """rule → the error findings for it."""
    found: dict[str, list] = {}
    for f in preflight(path, standard).errors:
        found.setdefault(f.rule, []).append(f)
    return found


def _place(pdf: pikepdf.Pdf, page: pikepdf.Page, name: str, xobj,
           ops: bytes = b"q 60 0 0 60 40 40 cm") -> None:
    """Draw `xobj` after the text (a 60 pt square unless `ops` says otherwise)."""
    page.obj.Resources.XObject = pikepdf.Dictionary({name: xobj})
    page.obj.Contents = pdf.make_indirect(_stream(
        pdf, page.obj.Contents.read_bytes() + ops + f" {name} Do Q\n".encode()))


def test_the_conforming_page_passes(tmp_path):
    report = preflight(make_pdf(tmp_path / "good.pdf"))
    assert report.passed, report.text("good")
    assert report.findings == []


def test_an_rgb_image_fails_naming_page_and_image(tmp_path):
    def edit(pdf, page):
        _place(pdf, page, "/Im1", _image(pdf, "/DeviceRGB", 3))
    errors = errors_of(make_pdf(tmp_path / "rgb-image.pdf", edit=edit))
    [finding] = errors["colour-space"]
    assert finding.page == 1 and "/Im1" in finding.obj and "DeviceRGB" in finding.message


def test_an_rgb_text_colour_fails(tmp_path):
    errors = errors_of(make_pdf(
        tmp_path / "rgb-text.pdf", b"BT 1 0 0 rg /F1 9 Tf 20 100 Td (a) Tj ET\n"))
    assert any("DeviceRGB fill" in f.message for f in errors["colour-space"])


def test_an_unembedded_font_fails_even_unused(tmp_path):
    def edit(pdf, page):
        page.obj.Resources.Font.F2 = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica)
    [finding] = errors_of(make_pdf(tmp_path / "helvetica.pdf", edit=edit))["font-embedded"]
    assert "/F2" in finding.obj and "Helvetica" in finding.message


def test_a_soft_mask_image_fails_as_transparency(tmp_path):
    def edit(pdf, page):
        mask = _image(pdf, "/DeviceGray", 1)
        _place(pdf, page, "/Im1", _image(pdf, "/DeviceGray", 1, SMask=mask))
    [finding] = errors_of(make_pdf(tmp_path / "smask.pdf", edit=edit))["transparency"]
    assert "SMask" in finding.message and "/Im1" in finding.obj


def test_a_missing_trimbox_fails(tmp_path):
    def edit(pdf, page):
        del page.obj["/TrimBox"]
    [finding] = errors_of(make_pdf(tmp_path / "no-trim.pdf", edit=edit))["trimbox"]
    assert finding.page == 1


def test_a_missing_output_intent_fails(tmp_path):
    def edit(pdf, page):
        del pdf.Root["/OutputIntents"]
    assert "output-intent" in errors_of(make_pdf(tmp_path / "no-intent.pdf", edit=edit))


def test_a_trimbox_outside_the_bleedbox_fails(tmp_path):
    def edit(pdf, page):
        page.obj.TrimBox = [0, 0, 200, 200]
    assert "page-boxes" in errors_of(make_pdf(tmp_path / "boxes.pdf", edit=edit))


def test_text_under_7_pt_fails_with_its_size(tmp_path):
    errors = errors_of(make_pdf(tmp_path / "small.pdf", GOOD_TEXT.replace(b"9 Tf", b"6 Tf")))
    assert "6.00 pt" in errors["min-text-size"][0].message


def test_text_scaled_below_7_pt_by_the_matrix_fails(tmp_path):
    errors = errors_of(make_pdf(tmp_path / "scaled.pdf", b"q 0.5 0 0 0.5 0 0 cm " + GOOD_TEXT
                                + b"Q\n"))
    assert "4.50 pt" in errors["min-text-size"][0].message


def test_black_text_that_knocks_out_fails(tmp_path):
    errors = errors_of(make_pdf(tmp_path / "knockout.pdf", GOOD_TEXT.replace(b"/GSop gs ", b"")))
    assert "black-overprint" in errors


def test_small_rich_black_text_fails_as_colour_text(tmp_path):
    errors = errors_of(make_pdf(tmp_path / "rich.pdf",
                                GOOD_TEXT.replace(b"0 0 0 1 k", b"0.4 0.3 0.3 1 k")))
    assert "colour-text" in errors and "ink-limit" not in errors


def test_colour_over_the_ink_limit_fails(tmp_path):
    errors = errors_of(make_pdf(tmp_path / "ink.pdf", GOOD_TEXT +
                                b"0.8 0.7 0.7 0.9 k 20 20 50 50 re f\n"))
    assert "310 %" in errors["ink-limit"][0].message


def test_a_low_resolution_photo_is_a_warning_not_a_failure(tmp_path):
    def edit(pdf, page):
        _place(pdf, page, "/Im1", _image(pdf, "/DeviceGray", 1, size=20))  # 20 px over 60 pt
    report = preflight(make_pdf(tmp_path / "lowres.pdf", edit=edit))
    assert report.passed
    [warning] = report.warnings
    assert warning.rule == "resolution" and "24 ppi" in warning.message


def test_rgb_inside_a_form_xobject_is_found(tmp_path):
    def edit(pdf, page):
        form = pdf.make_indirect(_stream(pdf, b"0 0 1 rg 0 0 10 10 re f",
                                         Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                         BBox=[0, 0, 10, 10]))
        _place(pdf, page, "/Fm1", form, b"q")
    assert "colour-space" in errors_of(make_pdf(tmp_path / "form.pdf", edit=edit))


def test_constant_alpha_fails_as_transparency(tmp_path):
    def edit(pdf, page):
        page.obj.Resources.ExtGState.GSop.ca = 0.5
    assert "transparency" in errors_of(make_pdf(tmp_path / "alpha.pdf", edit=edit))


def _link(pdf: pikepdf.Pdf, page: pikepdf.Page, **keys) -> None:
    page.obj.Annots = [pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[20, 20, 80, 40],
        Border=[0, 0, 0], Dest=[page.obj, pikepdf.Name.Fit], **keys))]


def test_a_printable_link_without_action_passes(tmp_path):
    report = preflight(make_pdf(tmp_path / "link.pdf", edit=lambda pdf, page: _link(pdf, page,
                                                                                   F=4)))
    assert report.passed, report.text("link")


def test_a_link_on_the_page_not_flagged_printable_fails(tmp_path):
    errors = errors_of(make_pdf(tmp_path / "link0.pdf", edit=_link))
    assert "annotations" in errors


def test_a_link_with_an_action_fails(tmp_path):
    def edit(pdf, page):
        _link(pdf, page, F=4, A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI="http://x.invalid"))
    assert "actions" in errors_of(make_pdf(tmp_path / "uri.pdf", edit=edit))


def test_x4_needs_an_embedded_output_profile(tmp_path):
    def edit(pdf, page):
        pdf.docinfo["/GTS_PDFXVersion"] = "PDF/X-4"
    [finding] = errors_of(make_pdf(tmp_path / "x4.pdf", edit=edit), "x4")["output-intent"]
    assert "DestOutputProfile" in finding.message


def test_the_ink_limit_is_a_setting(tmp_path):
    path = make_pdf(tmp_path / "ink.pdf", GOOD_TEXT + b"0.6 0.5 0.5 0.5 k 20 20 50 50 re f\n")
    assert preflight(path).passed
    assert not preflight(path, rules=InkRules(ink_limit=200)).passed


def test_cli_exits_0_on_a_pass_and_1_on_a_failure_with_the_reason(tmp_path):
    good = make_pdf(tmp_path / "good.pdf")
    bad = make_pdf(tmp_path / "bad.pdf", edit=lambda pdf, page: page.obj.__delitem__("/TrimBox"))
    runner = CliRunner()
    ok = runner.invoke(main, ["preflight", str(good)])
    assert ok.exit_code == 0 and ok.output.strip().endswith("result: PASS (0 errors, 0 warnings)")
    failed = runner.invoke(main, ["preflight", str(bad), "--standard", "x1a"])
    assert failed.exit_code == 1
    assert "FAIL  page 1  page: no TrimBox" in failed.output


def test_a_file_that_is_not_a_pdf_fails_without_a_traceback(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    report = preflight(junk)
    assert not report.passed and report.errors[0].rule == "syntax"


@pytest.mark.parametrize("standard", ["x1a", "x4"])
def test_every_standard_checks_fonts(tmp_path, standard):
    def edit(pdf, page):
        page.obj.Resources.Font.F2 = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name.Arial)
    assert "font-embedded" in errors_of(make_pdf(tmp_path / "f.pdf", edit=edit), standard)
