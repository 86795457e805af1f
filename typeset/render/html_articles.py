"""Article views of the HTML edition: one document per article, holding the EPUB's own
markup of it (epub_xhtml.article_section: headline group, byline, body, photos with
captions, tables; the model article is whole, so a continuation is already merged in), with
links back to its zones on the pages, to the articles before and after it, and to its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..model import Article, Issue
from .epub_xhtml import ImageRef, add_text, article_section, page_label, sub
from .html_markup import article_href, html_bytes, html_document, page_href, paper_name, zone_id

# An untitled article is named by its first characters, as many as a short headline has.
UNTITLED_CHARS = 24
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Placed:
    """An article of the edition: its index in issue.articles, the pages it is printed on
    (where it starts first) and, for a teaser, the index of the article it points at."""

    index: int
    article: Article
    pages: tuple[int, ...]
    target: int | None = None

    @property
    def title(self) -> str:
        """How the edition names it: the headline on one line, else its first words."""
        return article_title(self.article)


@dataclass(frozen=True)
class ArticleView:
    """A written article view: file name, HTML bytes and the article's text (for search)."""

    name: str
    data: bytes
    text: str


def article_title(article: Article) -> str:
    """The headline on one line; an untitled article's first UNTITLED_CHARS characters."""
    if article.headline:
        return _SPACE.sub(" ", article.headline).strip()
    text = _SPACE.sub(" ", " ".join(getattr(b, "text", "") for b in article.blocks)).strip()
    return text[:UNTITLED_CHARS] + ("…" if len(text) > UNTITLED_CHARS else "") or "无题"


def article_view(issue: Issue, placed: Placed, prev: Placed | None, next: Placed | None,
                 page_titles: dict[int, str], image_ref: ImageRef) -> ArticleView:
    """The view of one article; `prev`/`next` are its neighbours in the reading order."""
    start = placed.pages[0]
    title = f"{placed.title} · {page_titles[start]} · {paper_name(issue)}"
    root, main = html_document(issue, title, "article-view",
                               prev=article_href(prev.index) if prev else None,
                               next=article_href(next.index) if next else None)
    crumbs = sub(sub(main, "nav", {"class": "crumbs", "aria-label": "位置"}), "ol")
    add_text(sub(sub(crumbs, "li"), "a", href=page_href(1)), paper_name(issue))
    add_text(sub(sub(crumbs, "li"), "a", href=page_href(start)), page_titles[start])
    teaser_href = article_href(placed.target) if placed.target is not None else None
    section = article_section(main, placed.index, placed.article, teaser_href, image_ref)
    text = "".join(section.itertext())
    _article_headings(section, placed.title)
    on = sub(main, "p", {"class": "on-page"})
    add_text(on, "在版面上看：")
    for n, page in enumerate(placed.pages):
        if n:
            add_text(on, "、")
        label = page_label(page) + ("（续）" if n else "")
        add_text(sub(on, "a", href=f"{page_href(page)}#{zone_id(placed.index)}"), label)
    pager = sub(main, "nav", {"class": "article-nav", "aria-label": "上一篇和下一篇"})
    for rel, other, word in (("prev", prev, "上一篇"), ("next", next, "下一篇")):
        if other is not None:
            link = sub(pager, "a", {"rel": rel, "class": rel, "href": article_href(other.index)})
            add_text(sub(link, "span", {"class": "word"}), word)
            add_text(link, other.title)
    return ArticleView(article_href(placed.index), html_bytes(root), text)


def _article_headings(section: etree._Element, title: str) -> None:
    """Headings one level up: the article is the document here (headline h1, subheads h2);
    an untitled article gets its name as a heading only screen readers show."""
    heads = [el for el in section.iter(etree.Element) if etree.QName(el).localname in ("h2", "h3")]
    for el in heads:
        el.tag = el.tag[:-1] + str(int(el.tag[-1]) - 1)
    if not any(etree.QName(el).localname == "h1" for el in heads):
        h1 = sub(section, "h1", {"class": "vh"})
        add_text(h1, title)
        section.insert(0, h1)
