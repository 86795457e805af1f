"""The print PDF of both bundled inputs, judged from the file: page size, fonts, text, colour,
outline and metadata, and the independent checker's verdict."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
import uharfbuzz as hb
from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from typeset.fonts import ROLES, load_fonts
from typeset.ingest import load_issue
from typeset.model import Byline, Figure, ListBlock, Paragraph, Quote, Subhead, Table

REPO = Path(__file__).resolve().parents[2]
PT_PER_MM = Decimal(72) / Decimal("25.4")
CHECKER = REPO.parent / "shared" / "tools" / "pdfcheck.py"
FONTS_TOML = REPO / "fonts" / "fonts.toml"
TINY = REPO / "tests" / "fixtures" / "tiny.md"
TRUETYPE_FAMILY = "Droid Sans Fallback"  # the default fonts' one TrueType (glyf) face

# CJK Unified Ideographs with Extension A and Extensions B and beyond (𠮷 is U+20BB7).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
FILL_OPS = {"g", "rg", "k", "cs", "sc", "scn"}
K_BLACK = ("k", (0.0, 0.0, 0.0, 1.0))


def han(text: str) -> str:
    """Only the Han characters of `text`: line breaks and punctuation do not matter."""
    return "".join(HAN.findall(text))


def pdftotext(pdf: Path) -> str:
    """The PDF's text in content-stream order (-raw): each text line as it was drawn, so a
    headline set across several columns does not interleave with the columns beside it."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def block_texts(block) -> list[str]:
    """The separately set pieces of text of one body block."""
    if isinstance(block, Paragraph | Byline | Subhead):
        return [block.text]
    if isinstance(block, Quote):
        return [p.text for p in block.paragraphs]
    if isinstance(block, ListBlock):
        return [p.text for p in block.items]
    if isinstance(block, Figure):
        return [block.caption, block.credit]
    if isinstance(block, Table):
        return [*block.header, *(cell for row in block.rows for cell in row)]
    raise TypeError(f"unknown block {block!r}")


def content_streams(pdf: pikepdf.Pdf):
    """(page number, parsed instructions) of every page and every form XObject it uses."""
    for number, page in enumerate(pdf.pages, 1):
        yield number, pikepdf.parse_content_stream(page)
        seen: set = set()
        todo = list(page.Resources.get("/XObject", {}).values())
        while todo:
            xobj = todo.pop()
            if xobj.objgen in seen or xobj.get("/Subtype") != "/Form":
                continue
            seen.add(xobj.objgen)
            yield number, pikepdf.parse_content_stream(xobj)
            todo += list(xobj.get("/Resources", {}).get("/XObject", {}).values())


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name and the emb/sub/uni columns, read from the right (long names
    push the fixed columns out of place)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        cols = line.split()
        rows.append({"name": cols[0], "type": " ".join(cols[1:-6]), "emb": cols[-5],
                     "sub": cols[-4], "uni": cols[-3]})
    return rows


# --- pages -----------------------------------------------------------------------------------


def test_the_pages_with_copy_at_the_layouts_trim_size(built):
    with pikepdf.open(built.pdf) as pdf:
        assert len(pdf.pages) == built.pages
        for page in pdf.pages:
            x0, y0, x1, y1 = (Decimal(str(v)) for v in page.trimbox)
            width_mm, height_mm = (x1 - x0) / PT_PER_MM, (y1 - y0) / PT_PER_MM
            assert abs(width_mm - 390) < Decimal("0.1"), width_mm
            assert abs(height_mm - 550) < Decimal("0.1"), height_mm


# --- fonts -----------------------------------------------------------------------------------


def test_every_font_is_an_embedded_subset_with_tounicode_and_none_is_helvetica(built):
    fonts = pdffonts(built.pdf)
    assert fonts, "pdffonts lists no fonts"
    for font in fonts:
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font
        assert re.fullmatch(r"[A-Z]{6}\+.+", font["name"]), font
        assert "Helvetica" not in font["name"], font
        assert "Type 3" not in font["type"], font


def drawn_codes(pdf: pikepdf.Pdf) -> dict[tuple[int, int], set[int]]:
    """Font object → the 2-byte codes its TJ strings draw, over every page."""
    drawn: dict[tuple[int, int], set[int]] = {}
    for page in pdf.pages:
        fonts = page.Resources.Font
        codes: set[int] = set()
        for operands, op in pikepdf.parse_content_stream(page, "Tf TJ"):
            if str(op) == "Tf":
                codes = drawn.setdefault(fonts[operands[0]].objgen, set())
                continue
            for item in operands[0]:
                if isinstance(item, pikepdf.String):
                    data = bytes(item)
                    codes.update(int.from_bytes(data[i:i + 2], "big")
                                 for i in range(0, len(data), 2))
    return drawn


def test_each_font_program_holds_just_the_glyphs_drawn_numbered_as_their_codes(built):
    """The embedded CFF holds .notdef and the glyphs the pages draw, no more (no 65,535-glyph
    index, no glyphs a layout table could reach), its CIDs the codes drawn; the W array gives
    each of them a width."""
    with pikepdf.open(built.pdf) as pdf:
        drawn = drawn_codes(pdf)
        fonts = {f.objgen: f for page in pdf.pages for f in page.Resources.Font.values()}
        for objgen, font in fonts.items():
            cid_font = font.DescendantFonts[0]
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(cid_font.FontDescriptor.FontFile3.read_bytes()), None)
            charset = cff[cff.fontNames[0]].charset
            codes = drawn[objgen] | {0}
            assert charset == [".notdef"] + [f"cid{n:05d}" for n in range(1, len(codes))]
            assert codes == set(range(len(codes))), font.BaseFont
            w = cid_font.W
            widths = {cid for i in range(0, len(w), 2)
                      for cid in range(int(w[i]), int(w[i]) + len(w[i + 1]))}
            assert drawn[objgen] == widths, font.BaseFont


def to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code → text, from the font's ToUnicode CMap."""
    cmap = font.ToUnicode.read_bytes().decode("ascii")
    return {int(code, 16): bytes.fromhex(text).decode("utf-16-be")
            for code, text in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap)}


def recorded(draw) -> list:
    """The drawing operations of one glyph outline."""
    pen = RecordingPen()
    draw(pen)
    return pen.value


def cff_glyphs(font_set: CFFFontSet):
    """Glyph ID → charstring of a CFF's only font."""
    top = font_set[font_set.fontNames[0]]
    return lambda gid: top.CharStrings[top.charset[gid]]


def test_every_glyph_drawn_has_the_outline_the_text_was_set_with(sample_build):
    """For each code a font maps to text, the embedded program's glyph is the face's glyph
    for that text (CFF outlines compared as fontTools draws them)."""
    faces = {face.info.postscript_name: face for face in load_fonts(FONTS_TOML).faces}
    with pikepdf.open(sample_build.pdf) as pdf:
        fonts = {f.objgen: f for page in pdf.pages for f in page.Resources.Font.values()}
        for font in fonts.values():
            face = faces[str(font.BaseFont).split("+", 1)[1]]
            program = CFFFontSet()
            program.decompile(io.BytesIO(
                font.DescendantFonts[0].FontDescriptor.FontFile3.read_bytes()), None)
            embedded = cff_glyphs(program)
            original = cff_glyphs(TTFont(str(face.path), fontNumber=face.index,
                                         lazy=True)["CFF "].cff)
            for code, text in to_unicode(font).items():
                gid = face.shape(text)[0].gid
                assert recorded(embedded(code).draw) == recorded(original(gid).draw), (
                    font.BaseFont, code, text)


def test_a_truetype_face_is_embedded_with_each_glyph_at_its_code(tmp_path):
    """Every role on the default fonts' TrueType face: a FontFile2 whose glyph IDs are the
    codes (CIDToGIDMap /Identity), each with the face's outline for its text."""
    from typeset.pipeline import Options, build

    roles = "".join(f'[roles.{role}]\ncandidates = [{{ family = "{TRUETYPE_FAMILY}" }}]\n'
                    for role in ROLES)
    (tmp_path / "fonts.toml").write_text(roles, encoding="utf-8")
    layout = (REPO / "layouts" / "broadsheet.toml").read_text(encoding="utf-8").replace(
        'fonts = "../fonts/fonts.toml"', f'fonts = "{tmp_path / "fonts.toml"}"')
    (tmp_path / "layout.toml").write_text(layout, encoding="utf-8")
    # The face lacks the digits of the page furniture's dates: reported, set as .notdef.
    build(TINY, Options(epub=False, outdir=tmp_path, layout=str(tmp_path / "layout.toml"),
                        allow_missing_glyphs=True))
    face = load_fonts(tmp_path / "fonts.toml").primary("body")
    assert not face.info.is_cff
    with pikepdf.open(tmp_path / "tiny.pdf") as pdf:
        fonts = {f.objgen: f for page in pdf.pages for f in page.Resources.Font.values()}
        assert len(fonts) == 1
        font = next(iter(fonts.values()))
        cid_font = font.DescendantFonts[0]
        assert cid_font.CIDToGIDMap == pikepdf.Name.Identity
        embedded = hb.Font(hb.Face(hb.Blob(cid_font.FontDescriptor.FontFile2.read_bytes())))
        text_of = to_unicode(font)
        assert len(text_of) > 20
        for code, text in text_of.items():
            if code == 0:  # .notdef: the digits above
                continue
            gid = face.shape(text)[0].gid
            assert (recorded(lambda pen: embedded.draw_glyph_with_pen(code, pen))
                    == recorded(lambda pen: face.hb_font.draw_glyph_with_pen(gid, pen))), (
                code, text)


def test_body_headline_and_masthead_fonts_are_noto_cjk(sample_build):
    names = {re.sub(r"^[A-Z]{6}\+", "", f["name"]) for f in pdffonts(sample_build.pdf)}
    assert {"NotoSerifCJKsc-Regular", "NotoSansCJKsc-Bold", "NotoSansCJKsc-Black"} <= names


# --- text ------------------------------------------------------------------------------------


def test_every_han_character_of_the_issue_is_in_the_pdf_text(built):
    """Order-free: the PDF's Han characters cover, as a multiset, everything the issue says."""
    issue = load_issue(built.issue)
    wanted = Counter()
    for article in issue.articles:
        for text in [article.banner, article.kicker, article.headline, *article.subtitles]:
            wanted.update(han(text or ""))
        for block in article.blocks:
            for text in block_texts(block):
                wanted.update(han(text))
    missing = wanted - Counter(han(pdftotext(built.pdf)))
    assert not missing, f"{sum(missing.values())} Han characters missing: {missing.most_common(20)}"


def test_every_headline_and_paragraph_is_in_the_pdf_text(built):
    """Each banner, kicker, headline and subtitle whole, and the first and last 8 Han characters of every paragraph,
    caption and cell, appear contiguously in the extracted text."""
    issue = load_issue(built.issue)
    stream = han(pdftotext(built.pdf))
    lost = []
    for article in issue.articles:
        for text in [article.banner, article.kicker, article.headline, *article.subtitles]:
            if han(text or "") not in stream:
                lost.append((article.label, "headline group", text))
        for block in article.blocks:
            for text in block_texts(block):
                h = han(text)
                for fragment in dict.fromkeys((h[:8], h[-8:])):
                    if fragment and fragment not in stream:
                        lost.append((article.label, fragment, text[:30]))
    assert not lost, f"{len(lost)} pieces of text not found, e.g. {lost[:5]}"


def test_the_sample_prints_all_71_headlines(sample_build):
    stream = han(pdftotext(sample_build.pdf))
    headlines = [a.headline for a in load_issue(sample_build.issue).articles if a.headline]
    assert len(headlines) == 71
    assert [h for h in headlines if han(h) not in stream] == []


# --- colour ----------------------------------------------------------------------------------


def test_text_is_drawn_in_k_only_black_and_nothing_uses_rgb(built):
    with pikepdf.open(built.pdf) as pdf:
        for number, instructions in content_streams(pdf):
            fill = ("g", (0.0,))  # the PDF default: DeviceGray black
            saved = []
            for operands, op in instructions:
                op = str(op)
                assert op not in ("rg", "RG"), f"RGB colour operator on page {number}"
                if op == "q":
                    saved.append(fill)
                elif op == "Q":
                    fill = saved.pop()
                elif op in FILL_OPS:
                    fill = (op, tuple(float(v) for v in operands if not
                                      isinstance(v, pikepdf.Name)))
                elif op in TEXT_SHOWING:
                    assert fill == K_BLACK, f"text in {fill} on page {number}"


# --- outline and metadata --------------------------------------------------------------------


def test_outline_lists_each_page_with_its_articles(built):
    issue = load_issue(built.issue)
    with pikepdf.open(built.pdf) as pdf, pdf.open_outline() as outline:
        top = list(outline.root)
        assert [item.title.split()[0] for item in top] == [f"第{n}版" for n in
                                                          range(1, built.pages + 1)]
        entries = sum(len(item.children) for item in top)
    assert entries == sum(1 for a in issue.articles if a.headline)


def test_metadata_names_the_paper_and_date_in_chinese(built):
    masthead = load_issue(built.issue).masthead
    with pikepdf.open(built.pdf) as pdf:
        assert str(pdf.Root.Lang) == "zh-CN"
        title = str(pdf.docinfo["/Title"])
    assert masthead.title in title and masthead.date_text in title


# --- the independent checker (../shared/tools) -----------------------------------------------


def checker_summary(issue: Path, pdf: Path) -> dict[str, str]:
    """The last line of pdfcheck.py's report as key → value."""
    out = subprocess.run([sys.executable, str(CHECKER), str(issue), str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    last = out.strip().splitlines()[-1]
    return dict(item.split("=", 1) for item in last.split())


@pytest.mark.skipif(not CHECKER.is_file(), reason=f"checker not beside the repo: {CHECKER}")
def test_independent_checker_finds_the_pages_all_text_good_fonts_no_collisions(built):
    summary = checker_summary(built.issue, built.pdf)
    assert summary["pages"] == str(built.pages)
    assert summary["recall"] == "1.0000"
    assert summary["fonts_ok"] == "yes"
    assert summary["collisions"] == "0"
