"""Our print PDF as a printer's RIP sees it: PDF/X-1a for newsprint (preflight, boxes,
identification, OutputIntent), read cleanly by qpdf, Ghostscript and Poppler, text still
extractable; crop marks, CMYK photos and PDF/X-4 on a one-article issue."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from typeset.config import PT_PER_MM, load_layout
from typeset.errors import ConfigError
from typeset.preflight import InkRules, preflight

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "issues" / "sample" / "images" / "coffee.jpg"
# An output profile for the PDF/X-4 test: Ghostscript's CMYK printer profile.
GS_CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")

# The one-article issue of tests/fixtures/tiny.md, with a photo.
ONE_ARTICLE = ((REPO / "tests" / "fixtures" / "tiny.md").read_text(encoding="utf-8")
               + '\n![新馆阅览室。](images/coffee.jpg "本报记者 李四 摄")\n')


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def build_one(tmp_path: Path, layout: str = "broadsheet", **options) -> Path:
    """The one-article issue with a photo, typeset to PDF only."""
    from typeset.pipeline import Options, build

    (tmp_path / "images").mkdir(exist_ok=True)
    shutil.copy(PHOTO, tmp_path / "images" / PHOTO.name)
    issue = tmp_path / "one.md"
    issue.write_text(ONE_ARTICLE, encoding="utf-8")
    build(issue, Options(pdf=True, epub=False, outdir=tmp_path / "out", layout=layout,
                         **options))
    return tmp_path / "out" / "one.pdf"


def layout_with(tmp_path: Path, **print_settings) -> str:
    """A copy of the broadsheet layout whose [print] section is changed."""
    text = (REPO / "layouts" / "broadsheet.toml").read_text(encoding="utf-8")
    fonts = load_layout("broadsheet").fonts
    text = text.replace('fonts = "../fonts/fonts.toml"', f'fonts = "{fonts}"')
    for key, value in print_settings.items():
        lines = [ln for ln in text.splitlines() if not ln.startswith(f"{key} =")]
        text = "\n".join(lines) + "\n"
        text = text.replace("[print]", f"[print]\n{key} = {value}", 1)
    path = tmp_path / "print.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_our_pdf_passes_preflight_as_pdf_x1a(built):
    """It passes; its only warnings are photos under 170 ppi at their placed size (a photo
    with too few pixels for the layout's narrowest photo width), and the run names exactly
    those — the file and its ppi — as preflight finds them in the PDF."""
    report = preflight(built.pdf, "x1a")
    assert report.passed, report.text(str(built.pdf))
    assert all(f.rule == "resolution" for f in report.warnings), report.text(str(built.pdf))
    found = sorted((f.page, int(re.search(r"(\d+) ppi", f.message)[1]))
                   for f in report.warnings for _ in range(f.count))
    named = [re.fullmatch(r"page (\d+): photo (\S+) has (\d+) ppi at its placed size .*", w)
             for w in built.result.warnings if "ppi at its placed size" in w]
    assert all(m is not None for m in named)
    assert all((built.issue.parent / "images" / m[2]).is_file() for m in named)
    warned = sorted((int(m[1]), int(m[3])) for m in named)
    assert [p for p, _ in warned] == [p for p, _ in found]
    assert all(abs(a - b) <= 1 and a < 170 for (_, a), (_, b) in zip(warned, found))


def test_boxes_are_the_trim_the_bleed_and_a_sheet_as_large_as_the_bleed(built):
    cfg = load_layout("broadsheet")
    bleed = cfg.page.bleed
    with pikepdf.open(built.pdf) as pdf:
        for page in pdf.pages:
            trim = [float(v) for v in page.obj.TrimBox]
            assert trim == pytest.approx([bleed, bleed, bleed + cfg.page.width,
                                          bleed + cfg.page.height], abs=0.01)
            assert [float(v) for v in page.obj.BleedBox] == pytest.approx(
                [0, 0, cfg.page.width + 2 * bleed, cfg.page.height + 2 * bleed], abs=0.01)
            assert [float(v) for v in page.obj.MediaBox] == \
                [float(v) for v in page.obj.BleedBox]
    assert bleed == pytest.approx(3 * PT_PER_MM)


def test_pdf_14_with_pdfx_identification_in_info_and_xmp(built):
    with pikepdf.open(built.pdf) as pdf:
        assert pdf.pdf_version == "1.4"
        info = pdf.docinfo
        assert str(info.GTS_PDFXVersion) == "PDF/X-1:2003"
        assert str(info.GTS_PDFXConformance) == "PDF/X-1a:2003"
        assert str(info.Trapped) == "/False"
        assert len(pdf.trailer.ID) == 2
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfx:GTS_PDFXConformance>PDF/X-1a:2003<" in xmp
        assert f"<rdf:li>{pdf.Root.Lang}</rdf:li>" in xmp
        assert str(info.Title) in xmp
        [intent] = pdf.Root.OutputIntents
        assert str(intent.S) == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "IFRA26"
        assert str(intent.RegistryName) == "http://www.color.org"


def test_qpdf_finds_no_error(built):
    run = subprocess.run([tool("qpdf"), "--check", str(built.pdf)], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No syntax or stream encoding errors" in run.stdout


def test_ghostscript_reads_it_without_a_warning(built):
    run = subprocess.run([tool("gs"), "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage",
                          "-q", str(built.pdf)], capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stderr == "" and run.stdout == "", run.stderr


def test_images_are_gray_and_fonts_embedded_as_poppler_sees_them(built):
    images = subprocess.run([tool("pdfimages"), "-list", str(built.pdf)], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert {line.split()[5] for line in images} <= {"gray"}
    fonts = subprocess.run([tool("pdffonts"), str(built.pdf)], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the emb column


def test_text_is_still_extractable(sample_build):
    text = subprocess.run([tool("pdftotext"), "-f", "1", "-l", "1", str(sample_build.pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "江城日报" in text


def test_crop_marks_grow_the_sheet_and_stay_outside_the_bleed(tmp_path):
    pdf_path = build_one(tmp_path, marks=True)
    assert preflight(pdf_path).passed
    with pikepdf.open(pdf_path) as pdf:
        page = pdf.pages[0]
        media = [float(v) for v in page.obj.MediaBox]
        x0, y0, x1, y1 = (float(v) for v in page.obj.BleedBox)
        assert x0 - media[0] >= 5 * PT_PER_MM
        assert media[2] - x1 == pytest.approx(x0, abs=0.01)
        points, marks = [], 0
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) in ("m", "l"):
                points.append(tuple(float(v) for v in operands))
            if str(op) == "l":
                (ax, ay), (bx, by) = points[-2], points[-1]
                outside = all(not (x0 < x < x1 and y0 < y < y1) for x, y in ((ax, ay), (bx, by)))
                marks += outside
    assert marks == 8


def test_colour_photos_are_cmyk_within_the_ink_limit(tmp_path):
    pdf_path = build_one(tmp_path, layout=layout_with(tmp_path, color_photos="true",
                                                      ink_limit=150))
    report = preflight(pdf_path, rules=InkRules(ink_limit=150))
    assert report.passed, report.text("colour")
    with pikepdf.open(pdf_path) as pdf:
        images = [pikepdf.PdfImage(x) for x in pdf.pages[0].obj.Resources.XObject.values()]
        assert [im.colorspace for im in images] == ["/DeviceCMYK"]
        data = images[0].as_pil_image().tobytes()
        top = max(sum(data[i:i + 4]) for i in range(0, len(data), 4)) * 100 / 255
        assert 100 < top <= 150  # a real colour photo, held under a limit below GCR's 200 %


def test_pdf_x4_embeds_the_output_profile(tmp_path):
    if not GS_CMYK_PROFILE.is_file():
        pytest.skip(f"no CMYK output profile on this machine ({GS_CMYK_PROFILE})")
    pdf_path = build_one(tmp_path, layout=layout_with(
        tmp_path, output_profile=f'"{GS_CMYK_PROFILE}"'), pdf_standard="x4")
    report = preflight(pdf_path, "x4")
    assert report.passed, report.text("x4")
    with pikepdf.open(pdf_path) as pdf:
        assert "/DestOutputProfile" in pdf.Root.OutputIntents[0]
        assert "<pdfxid:GTS_PDFXVersion>PDF/X-4<" in pdf.Root.Metadata.read_bytes().decode()


def test_pdf_x4_without_a_profile_is_refused_before_writing(tmp_path):
    with pytest.raises(ConfigError, match="PDF/X-4"):
        build_one(tmp_path, pdf_standard="x4")
    assert not (tmp_path / "out" / "one.pdf").exists()


def test_plain_pdf_has_no_pdfx_claim(tmp_path):
    pdf_path = build_one(tmp_path, pdf_standard="none")
    with pikepdf.open(pdf_path) as pdf:
        assert "/GTS_PDFXVersion" not in pdf.docinfo
        assert "/OutputIntents" not in pdf.Root
    assert "output-intent" in preflight(pdf_path).rules_failed()


def test_text_under_the_minimum_size_is_warned_of_with_each_size_set(tmp_path):
    from typeset.pipeline import Options, build

    (tmp_path / "images").mkdir()
    shutil.copy(PHOTO, tmp_path / "images" / PHOTO.name)
    issue = tmp_path / "one.md"
    issue.write_text(ONE_ARTICLE, encoding="utf-8")
    warnings = build(issue, Options(epub=False, outdir=tmp_path / "out",
                                    layout=layout_with(tmp_path, min_text_pt=10))).warnings
    # the caption (8 pt) and the body, byline and masthead lines (9 pt); not the headline
    assert "page 1: text set in 8, 9 pt, under the minimum 10 pt" in warnings
