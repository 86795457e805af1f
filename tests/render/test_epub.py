"""The EPUB writer, judged from the files it writes (zip, OPF, nav, XHTML, font, images)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from PIL import Image

from typeset.errors import InputError
from typeset.fonts import load_fonts
from typeset.model import (Article, Byline, Figure, Issue, LineBreak, ListBlock, Masthead, Page,
                           Paragraph, Quote, Source, Style, Subhead, Table, Text)
from typeset.render.epub import write_epub

ROOT = Path(__file__).resolve().parents[2]
FONTS_TOML = ROOT / "fonts" / "fonts.toml"
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
SAMPLE_ISSUE = Path("/work/shared/issues/sample/issue.md")
SEED_ISSUE = Path("/work/shared/seed/000_aa1f4288eca920ee.txt")

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SRC = Source("issue.md", 1)


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fonts():
    return load_fonts(FONTS_TOML)


def _para(*runs: Text | LineBreak, indent: bool = True) -> Paragraph:
    return Paragraph(tuple(runs), SRC, indent)


def _photo(path: Path, size: tuple[int, int], fmt: str) -> Path:
    Image.new("RGB", size, (200, 120, 40)).save(path, fmt)
    return path


def issue_with_every_kind_of_content(tmp: Path) -> Issue:
    """Masthead with every field, two pages, a headline group, every block kind, a photo
    without file, an untitled article and a teaser pointing at page 2."""
    photo = _photo(tmp / "bridge.jpg", (320, 200), "JPEG")
    lead = Article(
        "第三过江隧道双线贯通", SRC, banner="重大工程", kicker="跨江通道建设迎来关键节点",
        subtitles=["——建成后两岸通行时间缩短至8分钟"],
        blocks=[
            _para(Text("本报讯（记者 林晓峰）", Style.BYLINE), Text("11月19日上午，盾构机破壁而出。"),
                  Text("两岸一体", Style.EMPHASIS), Text("的格局正在形成。")),
            Subhead("江底掘进难在哪里", SRC),
            _para(Text("江城因江而生，"), Text("因江而兴。")),
            Figure(photo, "建设者在隧道内欢呼", "本报记者 高远 摄", SRC),
            _para(Text("图后接续的段落不缩进。"), indent=False),
            Table(("项目", "数值"), (("全长", "5.62公里"), ("投资", "128.6亿元")),
                  ("left", "right"), SRC),
            Quote((_para(Text("这是跨江交通的里程碑。")),), SRC),
            ListBlock((_para(Text("通风照明")), _para(Text("监控通信"))), True, SRC),
            _para(Text("床前明月光，"), LineBreak(), Text("疑是地上霜。")),
            Figure(None, "图为江城夜景", "新华社发", SRC),
            Byline("本报记者 何静", SRC),
        ])
    untitled = Article(None, Source("issue.md", 40), blocks=[_para(Text("没有标题的一段文字。"))])
    teaser = Article("科技成果交易会开幕", SRC, blocks=[_para(Text("签约项目156个。详见2版"))],
                     teaser_page=2)
    fair = Article("首届江城国际科技成果交易会开幕", SRC,
                   blocks=[_para(Text("本届交易会以“创新链接未来”为主题。"))])
    masthead = Masthead("江城日报", "JIANGCHENG DAILY", dt.date(2026, 11, 20), "2026年11月20日",
                        "星期五", "丙午年十月初二", "第16842号", "http://www.jcrb.example.cn",
                        "江城网网址", ["今日8版", "扫码关注本报APP"])
    pages = [Page(1, "要闻", "陈立新", [lead, teaser, untitled]),
             Page(2, "经济", "王五", [fair])]
    return Issue(masthead, pages, tmp / "issue.md")


def raw_issue_on_one_provisional_page(tmp: Path) -> Issue:
    """Raw input: no page markers, so every article sits on model page 1."""
    arts = [Article(f"第{n}篇文章的标题", SRC, blocks=[_para(Text(f"第{n}篇文章的正文。"))])
            for n in range(1, 4)]
    return Issue(Masthead("辽宁日报", date_text="2024年1月15日"), [Page(1, articles=arts)],
                 tmp / "raw.txt", paged=False)


# --- reading the EPUB back ----------------------------------------------------------------


class Book:
    """An EPUB opened for inspection: OPF, spine documents, nav."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        self.opf = etree.fromstring(self.zip.read("EPUB/content.opf"))
        self.manifest = {i.get("id"): i for i in self.opf.iterfind("opf:manifest/opf:item", NS)}
        self.spine = ["EPUB/" + self.manifest[r.get("idref")].get("href")
                      for r in self.opf.iterfind("opf:spine/opf:itemref", NS)]
        nav_href = next(i.get("href") for i in self.manifest.values()
                        if "nav" in (i.get("properties") or "").split())
        self.nav = etree.fromstring(self.zip.read("EPUB/" + nav_href))

    def doc(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def xhtml_names(self) -> list[str]:
        return [n for n in self.zip.namelist() if n.endswith(".xhtml")]

    def spine_text(self) -> str:
        return "\n".join("".join(self.doc(n).find("x:body", NS).itertext()) for n in self.spine)

    def items_of_type(self, media_type: str) -> list[etree._Element]:
        return [i for i in self.manifest.values() if i.get("media-type") == media_type]

    def meta(self, tag: str) -> list[str]:
        return [e.text for e in self.opf.iterfind(f"opf:metadata/dc:{tag}", NS)]

    def toc_pages(self) -> list[etree._Element]:
        toc = self.nav.find(".//x:nav[@epub:type='toc']", NS)
        return toc.findall("x:ol/x:li", NS)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def model_texts(issue: Issue) -> list[str]:
    """Every piece of text the model holds (what must reach the spine)."""
    m = issue.masthead
    out = [m.title, m.latin, m.date_text, m.weekday, m.lunar_date, m.issue_number, m.url,
           m.url_label, *m.extra]
    for page in issue.pages:
        out += [page.section, page.editor]
        for a in page.articles:
            out += article_texts(a)
    return [t for t in out if t]


def article_texts(a: Article) -> list[str]:
    """Every piece of text the model holds for one article: headline group and blocks."""
    out = [a.banner or "", a.kicker or "", a.headline or "", *a.subtitles]
    for b in a.blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        elif isinstance(b, (Byline, Subhead)):
            out.append(b.text)
        elif isinstance(b, Figure):
            out += [b.caption, b.credit]
        elif isinstance(b, Table):
            out += [*b.header, *(c for r in b.rows for c in r)]
        elif isinstance(b, Quote):
            out += [p.text for p in b.paragraphs]
        elif isinstance(b, ListBlock):
            out += [p.text for p in b.items]
    return out


def assert_nothing_lost(issue: Issue, book: Book) -> None:
    spine = _norm(book.spine_text())
    missing = [t for t in model_texts(issue) if _norm(t) not in spine]
    assert not missing, f"model text missing from the spine: {missing[:5]}"
    short = Counter(_norm("".join(model_texts(issue)))) - Counter(spine)
    assert not short, f"characters missing from the spine: {dict(short)}"


# --- tests --------------------------------------------------------------------------------


def bare_issue_without_title_or_headlines(tmp: Path) -> Issue:
    """No masthead field at all, an untitled article and an empty page."""
    untitled = Article(None, SRC, blocks=[_para(Text("只有正文。"))])
    return Issue(Masthead(""), [Page(1, articles=[untitled]), Page(2)], tmp / "bare.txt",
                 paged=False)


@pytest.mark.parametrize("make_issue", [issue_with_every_kind_of_content,
                                        bare_issue_without_title_or_headlines])
def test_epubcheck_finds_no_errors_or_warnings(tmp_path, fonts, make_issue):
    if shutil.which("java") is None or not EPUBCHECK_JAR.exists():
        pytest.skip("EPUBCheck needs java and /usr/share/java/epubcheck.jar")
    out = tmp_path / "issue.epub"
    write_epub(make_issue(tmp_path), out, fonts=fonts)
    report = tmp_path / "check.json"
    subprocess.run(["java", "-jar", str(EPUBCHECK_JAR), str(out), "--json", str(report)],
                   capture_output=True, check=False, timeout=300)
    messages = json.loads(report.read_text())["messages"]
    bad = [(m["severity"], m["ID"], m["message"]) for m in messages
           if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert bad == []


def test_nav_has_pages_with_one_entry_per_headlined_article(tmp_path):
    issue = issue_with_every_kind_of_content(tmp_path)
    summary = write_epub(issue, tmp_path / "issue.epub", fonts=None)
    book = Book(summary.path)
    pages = book.toc_pages()
    labels = ["".join(li.find("x:a", NS).itertext()) for li in pages]
    assert labels == ["江城日报", "第1版 要闻", "第2版 经济"]
    entries = {"".join(li.find("x:a", NS).itertext()): li.find("x:a", NS).get("href")
               for page in pages for li in page.findall("x:ol/x:li", NS)}
    headlined = [a.headline for a in issue.articles if a.headline]
    assert sorted(entries) == sorted(headlined)  # one entry per article: no kicker/subtitle
    assert summary.nav_entries == len(headlined) == 3
    # Every entry points at the article's section in a spine document.
    for href in entries.values():
        name, frag = href.split("#")
        section = book.doc("EPUB/" + name).find(f".//x:section[@id='{frag}']", NS)
        assert section.get("{%s}type" % NS["epub"]) == "article"


def test_page_list_marks_every_print_page(tmp_path):
    summary = write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                         fonts=None)
    book = Book(summary.path)
    plist = book.nav.find(".//x:nav[@epub:type='page-list']", NS)
    links = [(a.text, a.get("href")) for a in plist.iterfind(".//x:a", NS)]
    assert [t for t, _ in links] == ["第1版", "第2版"]
    for _, href in links:
        name, frag = href.split("#")
        marker = book.doc("EPUB/" + name).find(f".//*[@id='{frag}']", NS)
        assert marker.get("{%s}type" % NS["epub"]) == "pagebreak"


def test_layout_pages_split_a_raw_issue_into_page_documents(tmp_path):
    issue = raw_issue_on_one_provisional_page(tmp_path)
    summary = write_epub(issue, tmp_path / "raw.epub", fonts=None, page_of={0: 1, 1: 1, 2: 2})
    book = Book(summary.path)
    assert [n.rsplit("/", 1)[1] for n in book.spine] == [
        "cover.xhtml", "masthead.xhtml", "page-01.xhtml", "page-02.xhtml"]
    page2 = "".join(book.doc("EPUB/page-02.xhtml").itertext())
    assert "第3篇文章的正文" in page2 and "第2篇" not in page2
    plist = book.nav.find(".//x:nav[@epub:type='page-list']", NS)
    assert [a.text for a in plist.iterfind(".//x:a", NS)] == ["第1版", "第2版"]
    assert_nothing_lost(issue, book)


def test_every_xhtml_root_carries_lang_and_xml_lang(tmp_path):
    summary = write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                         fonts=None)
    book = Book(summary.path)
    assert book.meta("language") == ["zh-CN"]
    for name in book.xhtml_names():
        root = book.doc(name)
        assert (root.get("lang"), root.get(XML_LANG)) == ("zh-CN", "zh-CN"), name


def test_rebuild_is_byte_identical(tmp_path, fonts):
    issue = issue_with_every_kind_of_content(tmp_path)
    first = write_epub(issue, tmp_path / "a.epub", fonts=fonts).path.read_bytes()
    second = write_epub(issue, tmp_path / "b.epub", fonts=fonts).path.read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        infos = z.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert {i.date_time for i in infos} == {(2026, 11, 20, 0, 0, 0)}


def test_identifier_and_dates_come_from_the_issue(tmp_path, monkeypatch):
    issue = issue_with_every_kind_of_content(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    book = Book(write_epub(issue, tmp_path / "a.epub", fonts=None).path)
    modified = book.opf.find("opf:metadata/opf:meta[@property='dcterms:modified']", NS).text
    assert modified == "2026-11-20T00:00:00Z"
    assert book.meta("date") == ["2026-11-20"]
    # Same paper and date, different content: the same identifier; another date: another.
    issue.pages[0].articles.pop()
    again = Book(write_epub(issue, tmp_path / "b.epub", fonts=None).path)
    assert again.meta("identifier") == book.meta("identifier")
    issue.masthead.date = dt.date(2026, 11, 21)
    other = Book(write_epub(issue, tmp_path / "c.epub", fonts=None).path)
    assert other.meta("identifier") != book.meta("identifier")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    epoch = Book(write_epub(issue, tmp_path / "d.epub", fonts=None).path)
    assert epoch.opf.find("opf:metadata/opf:meta[@property='dcterms:modified']",
                          NS).text == "2023-11-14T22:13:20Z"


def test_bad_source_date_epoch_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH"):
        write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "a.epub", fonts=None)


def test_body_font_is_embedded_as_a_subset_of_the_texts_characters(tmp_path, fonts):
    summary = write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                         fonts=fonts)
    book = Book(summary.path)
    [item] = book.items_of_type("font/otf")
    data = book.zip.read("EPUB/" + item.get("href"))
    face = fonts.primary("body")
    assert len(data) < face.path.stat().st_size / 50
    cmap = set(TTFont(io.BytesIO(data)).getBestCmap())
    used = {ord(c) for c in book.spine_text() if not c.isspace()}
    assert {cp for cp in used if face.covers(chr(cp))} <= cmap
    assert {ord(c) for c in "盾构江城日报"} <= cmap
    assert ord("龘") not in cmap  # a character the text does not use
    css = book.zip.read("EPUB/style.css").decode()
    assert "@font-face" in css and item.get("href") in css


def test_no_font_is_embedded_without_fonts(tmp_path):
    book = Book(write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                           fonts=None).path)
    assert not [n for n in book.zip.namelist() if n.endswith((".otf", ".ttf"))]
    assert "@font-face" not in book.zip.read("EPUB/style.css").decode()


def test_css_leaves_spacing_to_the_reader(tmp_path):
    book = Book(write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                           fonts=None).path)
    css = book.zip.read("EPUB/style.css").decode()
    for rule in ("text-indent: 2em", "text-align: justify", "line-break: strict"):
        assert rule in css


def test_nothing_in_the_model_is_lost(tmp_path, fonts):
    issue = issue_with_every_kind_of_content(tmp_path)
    assert_nothing_lost(issue, Book(write_epub(issue, tmp_path / "i.epub", fonts=fonts).path))


def test_content_keeps_its_semantics(tmp_path):
    book = Book(write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                           fonts=None).path)
    page = book.doc("EPUB/page-01.xhtml")
    header = page.find(".//x:section[@id='a000']/x:header", NS)
    assert [(el.tag.split("}")[1], el.get("class")) for el in header] == [
        ("p", "banner"), ("p", "kicker"), ("h2", None), ("p", "subtitle")]
    assert page.find(".//x:span[@class='byline']", NS).text == "本报讯（记者 林晓峰）"
    assert page.find(".//x:strong", NS).text == "两岸一体"
    assert page.find(".//x:h3", NS).text == "江底掘进难在哪里"
    assert page.find(".//x:p[@class='noindent']", NS).text == "图后接续的段落不缩进。"
    assert page.find(".//x:p[@class='byline']", NS).text == "本报记者 何静"
    assert len(page.findall(".//x:table//x:td", NS)) == 4
    assert page.find(".//x:blockquote/x:p", NS).text == "这是跨江交通的里程碑。"
    assert [li.text for li in page.findall(".//x:ol/x:li", NS)] == ["通风照明", "监控通信"]
    poem = next(p for p in page.iterfind(".//x:p", NS) if (p.text or "").startswith("床前"))
    assert poem.find("x:br", NS) is not None
    photo, missing = page.findall(".//x:figure", NS)
    img = photo.find("x:img", NS)
    assert img.get("alt") == "建设者在隧道内欢呼"
    assert "EPUB/" + img.get("src") in book.zip.namelist()
    assert photo.find("x:figcaption/x:span[@class='credit']", NS).text == "本报记者 高远 摄"
    assert missing.find("x:img", NS) is None
    assert "".join(missing.find("x:figcaption", NS).itertext()) == "图为江城夜景 新华社发"


def test_teaser_links_to_the_article_it_announces(tmp_path):
    book = Book(write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                           fonts=None).path)
    link = book.doc("EPUB/page-01.xhtml").find(".//x:section[@id='a001']//x:h2/x:a", NS)
    assert link.get("href") == "page-02.xhtml#a003"


def test_teaser_without_a_matching_article_stays_plain_text(tmp_path):
    issue = issue_with_every_kind_of_content(tmp_path)
    issue.pages[1].articles[0].headline = "另一篇文章"
    book = Book(write_epub(issue, tmp_path / "i.epub", fonts=None).path)
    h2 = book.doc("EPUB/page-01.xhtml").find(".//x:section[@id='a001']//x:h2", NS)
    assert h2.find("x:a", NS) is None and h2.text == "科技成果交易会开幕"


def test_large_and_unusual_photos_are_converted_and_scaled(tmp_path):
    big = _photo(tmp_path / "big.png", (3200, 1000), "PNG")
    odd = _photo(tmp_path / "scan.bmp", (300, 400), "BMP")
    blocks = [Figure(big, "大图", "", SRC), Figure(odd, "位图", "", SRC)]
    issue = Issue(Masthead("江城日报"), [Page(1, articles=[Article("图片", SRC, blocks=blocks)])],
                  tmp_path / "issue.md")
    book = Book(write_epub(issue, tmp_path / "i.epub", fonts=None).path)
    srcs = [img.get("src") for img in book.doc("EPUB/page-01.xhtml").iterfind(".//x:img", NS)]
    sizes = [Image.open(io.BytesIO(book.zip.read("EPUB/" + s))).size for s in srcs]
    assert sizes == [(1600, 500), (300, 400)]
    formats = [Image.open(io.BytesIO(book.zip.read("EPUB/" + s))).format for s in srcs]
    assert formats == ["JPEG", "JPEG"]


def test_unreadable_photo_is_an_input_error_naming_the_article(tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    issue = Issue(Masthead("江城日报"), [Page(1, articles=[
        Article("坏图", Source("issue.md", 12), blocks=[Figure(broken, "说明", "", Source("issue.md", 14))])])],
        tmp_path / "issue.md")
    with pytest.raises(InputError) as err:
        write_epub(issue, tmp_path / "i.epub", fonts=None)
    assert err.value.where == "issue.md:14" and "坏图" in (err.value.article or "")


def test_cover_is_the_given_page_render(tmp_path):
    render = io.BytesIO()
    Image.new("RGB", (700, 1000), (250, 250, 240)).save(render, "PNG")
    book = Book(write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                           fonts=None, cover_png=render.getvalue).path)
    [cover] = [i for i in book.manifest.values() if i.get("properties") == "cover-image"]
    assert book.zip.read("EPUB/" + cover.get("href")) == render.getvalue()
    assert book.spine[0] == "EPUB/cover.xhtml"


@pytest.mark.parametrize("with_fonts", [True, False])
def test_cover_without_render_is_a_title_card(tmp_path, fonts, with_fonts):
    book = Book(write_epub(issue_with_every_kind_of_content(tmp_path), tmp_path / "i.epub",
                           fonts=fonts if with_fonts else None).path)
    [cover] = [i for i in book.manifest.values() if i.get("properties") == "cover-image"]
    card = Image.open(io.BytesIO(book.zip.read("EPUB/" + cover.get("href"))))
    assert card.format == "PNG" and card.height > card.width
    assert card.convert("L").getextrema() == (0, 255)  # something is drawn on it


def test_sample_and_seed_issues_lose_nothing(tmp_path, fonts):
    ingest = pytest.importorskip("typeset.ingest")
    for source in (SAMPLE_ISSUE, SEED_ISSUE):
        if not source.exists():
            pytest.skip(f"{source} not available")
        issue = ingest.load_issue(source)
        summary = write_epub(issue, tmp_path / f"{source.stem}.epub", fonts=fonts)
        book = Book(summary.path)
        assert_nothing_lost(issue, book)
        assert summary.nav_entries == sum(1 for a in issue.articles if a.headline)


def test_issue_without_masthead_title_is_still_a_valid_book(tmp_path):
    issue = raw_issue_on_one_provisional_page(tmp_path)
    issue.masthead = Masthead("")
    book = Book(write_epub(issue, tmp_path / "raw.epub", fonts=None).path)
    assert book.meta("title") == ["raw"]
    assert "".join(book.toc_pages()[0].find("x:a", NS).itertext()) == "报头"
    assert_nothing_lost(issue, book)
