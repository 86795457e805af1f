"""The HTML edition as files: every article one click from its page, every character of an
article in its view, zones that cover only their own article's text, nothing fetched from
outside the folder."""

from __future__ import annotations

import json
import re
from collections import Counter

import pypdfium2 as pdfium
import pytest
from lxml import html

from test_epub import article_texts
from typeset.model import Article

# Text a page prints inside an article's zone that is not the article's: the jump lines
# ("（下转第三版）", "（上接第一版）") and the page a teaser's "详见N版" points at.
FURNITURE = Counter("（）上接下转第版" * 4 + "一二三四五六七八九十" * 4)
_SPACE = re.compile(r"\s+")
# Zones are written with 3 decimals of a per cent: edges may touch within this.
TOUCH = 0.002


def model_text(article: Article) -> str:
    """Every character the model holds for the article, white space left out."""
    return _SPACE.sub("", "".join(article_texts(article)))


def zones_of(site, page_file):
    """(article index, [(left, top, width, height) %]) of each zone of a page view."""
    doc = html.parse(str(site / page_file)).getroot()
    out = []
    for a in doc.xpath("//a[@class='zone']"):
        index = int(re.fullmatch(r"article-(\d+)\.html", a.get("href")).group(1))
        areas = [tuple(float(v) for v in re.findall(r"[\d.]+(?=%)", s.get("style")))
                 for s in a.xpath("./span[@class='area']")]
        out.append((index, areas))
    return out


def page_file(number: int) -> str:
    return "index.html" if number == 1 else f"page-{number}.html"


def pages_of_articles(edition) -> dict[int, list[int]]:
    """Article index → the pages the layout report prints it on (teasers: page 1)."""
    report = json.loads(edition.layout_json.read_text(encoding="utf-8"))
    pages = {a["index"]: a["pages"] for a in report["articles"]}
    teasers = [i for i, a in enumerate(edition.issue.articles) if a.teaser_page is not None
               and edition.issue.pages[0].number == 1 and a in edition.issue.pages[0].articles]
    for i in teasers:
        pages.setdefault(i, [1])
    return pages


@pytest.fixture(params=["sample", "seed"])
def edition(request):
    return request.getfixturevalue(f"{request.param}_edition")


def test_every_article_is_one_click_from_every_page_it_is_printed_on(edition):
    pages = pages_of_articles(edition)
    assert sorted(pages) == list(range(len(edition.issue.articles)))
    for index, numbers in pages.items():
        for n in numbers:
            assert index in {i for i, _ in zones_of(edition.site, page_file(n))}, (index, n)


def test_every_article_view_holds_every_character_of_its_article(edition):
    for index, article in enumerate(edition.issue.articles):
        doc = html.parse(str(edition.site / f"article-{index:03d}.html")).getroot()
        view = Counter(_SPACE.sub("", doc.xpath("//main/section")[0].text_content()))
        want = Counter(model_text(article))
        missing = want - view
        assert not missing, (article.label, "".join(missing.elements())[:80])
        assert sum(want.values()) > 0


def test_zones_of_different_articles_never_overlap_and_stay_on_the_page(edition):
    for path in [edition.site / "index.html", *edition.site.glob("page-*.html")]:
        n = path.name
        zones = zones_of(edition.site, n)
        for k, (i, areas) in enumerate(zones):
            for left, top, width, height in areas:
                assert 0 <= left and left + width <= 100 + TOUCH
                assert 0 <= top and top + height <= 100 + TOUCH
            for j, others in zones[k + 1:]:
                assert i != j  # one link per article and page
                for a in areas:
                    for b in others:
                        apart = (a[0] + a[2] <= b[0] + TOUCH or b[0] + b[2] <= a[0] + TOUCH
                                 or a[1] + a[3] <= b[1] + TOUCH or b[1] + b[3] <= a[1] + TOUCH)
                        assert apart, (n, i, j, a, b)


def test_the_pdf_text_inside_a_zone_is_its_own_articles(sample_edition):
    """Read back from the PDF: what is printed in a zone's rectangles is the article's
    text (and jump lines), never a neighbour's — the briefs of a run included."""
    issue = sample_edition.issue
    doc = pdfium.PdfDocument(sample_edition.pdf)
    checked = 0
    printed = [p["number"] for p in json.loads(sample_edition.layout_json.read_text())["pages"]]
    for k, n in enumerate(printed):
        page = doc[k]
        text_page = page.get_textpage()
        tl, tb, tr, tt = page.get_trimbox()
        w, h = tr - tl, tt - tb
        for index, areas in zones_of(sample_edition.site, page_file(n)):
            allowed = Counter(model_text(issue.articles[index])) + FURNITURE
            for left, top, width, height in areas:
                inset = 1.0  # points: glyphs of the next row may reach over the edge
                x0, x1 = tl + left / 100 * w + inset, tl + (left + width) / 100 * w - inset
                y1, y0 = tt - top / 100 * h - inset, tt - (top + height) / 100 * h + inset
                got = Counter(_SPACE.sub("", text_page.get_text_bounded(x0, y0, x1, y1)))
                stray = got - allowed
                assert not stray, (n, issue.articles[index].label,
                                   "".join(stray.elements())[:60])
                checked += 1
    assert checked >= 70


def test_nothing_is_fetched_from_outside_the_folder(sample_edition):
    site = sample_edition.site
    for path in site.glob("*.html"):
        doc = html.parse(str(path)).getroot()
        assert doc.get("lang") == "zh-CN"
        assert doc.findtext(".//title").strip()
        for el in doc.iter():
            for attr in ("src", "href"):
                ref = el.get(attr)
                if ref is None:
                    continue
                assert not re.match(r"[a-z]+:|//", ref), (path.name, ref)
                target = ref.split("#")[0].split("?")[0]
                assert not target or (site / target).is_file(), (path.name, ref)
            if el.tag == "img":
                assert el.get("alt") is not None
    for css in site.glob("*.css"):
        assert "url(" not in css.read_text() and "@import" not in css.read_text()


def test_html_alone_writes_only_the_site(typeset_cli, tmp_path, sample_path):
    done = typeset_cli(sample_path, "--html", "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue-html"]
    assert "HTML:" in done.stdout
    assert (tmp_path / "issue-html" / "index.html").is_file()
