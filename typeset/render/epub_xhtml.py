"""XHTML content documents of the EPUB: masthead, one document per print page, the filler
pool's, cover, nav.

Everything the model says is written as marked-up text (nothing is dropped, nothing is baked
in: no punctuation kerning, no manual spacing). Trees are built with lxml so that escaping and
namespaces are always right; `serialize` turns a tree into the bytes stored in the EPUB.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lxml import etree

from ..ingest.teasers import teaser_targets
from ..model import (Article, Byline, Figure, Issue, LineBreak, ListBlock, Masthead, Page,
                     Paragraph, Quote, Style, Subhead, Table, Text)

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
STYLESHEET = "style.css"
# The filler pool's document (补白), after the pages.
FILLERS_FILE = "fillers.xhtml"
FILLERS_TITLE = "补白"

_BREAKABLE = re.compile(r"\s+")
# Elements that never hold text of their own here, so white space between children is inert.
_CONTAINERS = {"html", "head", "body", "section", "header", "figure", "table", "thead", "tbody",
               "tr", "blockquote", "ol", "ul", "nav"}


@dataclass(frozen=True)
class Document:
    """One XHTML file of the package: its name (relative to the OPF), title and tree."""

    file_name: str
    title: str
    root: etree._Element


@dataclass(frozen=True)
class NavArticle:
    """A toc entry for an article with a headline."""

    title: str
    href: str


@dataclass(frozen=True)
class NavPage:
    """A toc entry for a print page's document, with the articles it holds.

    `marker` is the page-break anchor ("page-3") when this document starts that print page
    (None for the filler pool's document, which is no print page: its page_number is 0).
    """

    title: str
    file_name: str
    page_number: int
    marker: str | None
    articles: tuple[NavArticle, ...]


@dataclass(frozen=True)
class PageRun:
    """Consecutive articles of one model page that the layout put on the same print page."""

    print_page: int
    page: Page
    first_of_page: bool  # the first run of its model page: prints the page's section/editor
    articles: tuple[tuple[int, Article], ...]  # (index in issue.articles, article)


ImageRef = Callable[[Figure, Article], str]  # figure → href of its image in the package


def plan_runs(issue: Issue, page_of: Mapping[int, int] | None) -> list[PageRun]:
    """Split the issue into documents: one per model page, split again where the layout
    moved articles onto another print page (copy order is kept throughout)."""
    runs: list[PageRun] = []
    index = 0
    for page in issue.pages:
        current: list[tuple[int, Article]] = []
        current_page = page.number
        first = True
        for article in page.articles:
            printed = page_of.get(index, page.number) if page_of else page.number
            if current and printed != current_page:
                runs.append(PageRun(current_page, page, first, tuple(current)))
                current, first = [], False
            current_page = printed
            current.append((index, article))
            index += 1
        runs.append(PageRun(current_page, page, first, tuple(current)))
    return runs


def page_file_names(runs: list[PageRun]) -> list[str]:
    """Stable, unique file names: page-03.xhtml, then page-03-2.xhtml for a second run."""
    seen: dict[int, int] = {}
    names = []
    for run in runs:
        n = seen[run.print_page] = seen.get(run.print_page, 0) + 1
        suffix = "" if n == 1 else f"-{n}"
        names.append(f"page-{run.print_page:02d}{suffix}.xhtml")
    return names


def article_id(index: int) -> str:
    """The XML id of the article at `index` in issue.articles."""
    return f"a{index:03d}"


def page_label(number: int) -> str:
    """How a print page is named in the copy: 第N版."""
    return f"第{number}版"


def date_line(masthead: Masthead) -> str:
    """The date as the copy writes it, else the ISO date written the Chinese way."""
    if masthead.date_text:
        return masthead.date_text
    if masthead.date:
        d = masthead.date
        return f"{d.year}年{d.month}月{d.day}日"
    return ""


def new_document(title: str, lang: str, *, css: bool = True) -> tuple[etree._Element, etree._Element]:
    """An empty XHTML document with `lang` and `xml:lang` on its root; returns (root, body)."""
    root = etree.Element(f"{{{XHTML_NS}}}html", nsmap={None: XHTML_NS, "epub": EPUB_NS})
    root.set("lang", lang)
    root.set(XML_LANG, lang)
    head = sub(root, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "title").text = title
    if css:
        sub(head, "link", rel="stylesheet", type="text/css", href=STYLESHEET)
    return root, sub(root, "body")


def serialize(root: etree._Element) -> bytes:
    """The document as UTF-8 XHTML bytes with an XML declaration and the HTML doctype."""
    break_lines(root)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


def break_lines(root: etree._Element, containers: frozenset[str] = frozenset()) -> None:
    """Line breaks between the children of pure containers (ours, and `containers`), so
    that the file reads well: lxml's pretty printer would also put them between inline
    elements, where a reader shows them as spaces inside Chinese text."""
    for el in root.iter(etree.Element):
        name = etree.QName(el).localname
        if (name in _CONTAINERS or name in containers) and len(el):
            el.text = "\n"
            for child in el:
                child.tail = "\n"


def masthead_document(issue: Issue) -> Document:
    """The masthead: title, Latin name, date line, URL and every extra masthead line."""
    m = issue.masthead
    title = m.title or "报头"
    root, body = new_document(title, issue.language)
    header = sub(body, "header", {"class": "masthead"})
    if m.title:
        add_text(sub(header, "h1", {"class": "title"}), m.title)
    if m.latin:
        add_text(sub(header, "p", {"class": "latin"}), m.latin)
    for cls, value in (("date", date_line(m)), ("weekday", m.weekday), ("lunar", m.lunar_date),
                       ("issue-number", m.issue_number)):
        if value:
            add_text(sub(header, "p", {"class": cls}), value)
    if m.url or m.url_label:
        p = sub(header, "p", {"class": "url"})
        if m.url_label:
            add_text(p, m.url_label + (": " if m.url else ""))
        if m.url:
            target = sub(p, "a", href=m.url) if re.match(r"https?://\S+$", m.url) else p
            add_text(target, m.url)
    for line in m.extra:
        add_text(sub(header, "p", {"class": "extra"}), line)
    return Document("masthead.xhtml", title, root)


def page_documents(issue: Issue, runs: list[PageRun], names: list[str],
                   image_ref: ImageRef) -> tuple[list[Document], list[NavPage]]:
    """One document per run, and the toc entries (pages → articles) that point into them."""
    where = {i: (name, run) for run, name in zip(runs, names) for i, _ in run.articles}
    targets = teaser_targets(issue)
    docs, nav = [], []
    marked: set[int] = set()
    for run, name in zip(runs, names):
        title = _run_title(run)
        root, body = new_document(title, issue.language)
        marker = None
        if run.print_page not in marked:
            marked.add(run.print_page)
            marker = f"page-{run.print_page}"
            # The print edition's page break: found by readers' "go to page" (page-list).
            sub(body, "span", {EPUB_TYPE: "pagebreak", "role": "doc-pagebreak", "id": marker,
                                "title": page_label(run.print_page),
                                "aria-label": page_label(run.print_page)})
        _page_header(body, run)
        entries = []
        for index, article in run.articles:
            target = targets.get(index)
            href = f"{where[target][0]}#{article_id(target)}" if target is not None else None
            article_section(body, index, article, href, image_ref)
            if article.headline:
                entries.append(NavArticle(_one_line(article.headline),
                                          f"{name}#{article_id(index)}"))
        docs.append(Document(name, title, root))
        nav.append(NavPage(title, name, run.print_page, marker, tuple(entries)))
    return docs, nav


def filler_document(issue: Issue, image_ref: ImageRef) -> tuple[Document, NavPage] | None:
    """The filler pool as one document after the pages, and its toc entry; None without
    fillers. Every filler is in it, placed in print or not: the e-book reflows and has no
    holes to fill, and none of the copy may be lost. The fillers' ids are numbered after
    the articles' (as the layout numbers them)."""
    if not issue.fillers:
        return None
    root, body = new_document(FILLERS_TITLE, issue.language)
    add_text(sub(sub(body, "header", {"class": "page-head"}), "h1"), FILLERS_TITLE)
    entries = []
    for index, filler in enumerate(issue.fillers, len(issue.articles)):
        article_section(body, index, filler, None, image_ref)
        if filler.headline:
            entries.append(NavArticle(_one_line(filler.headline),
                                      f"{FILLERS_FILE}#{article_id(index)}"))
    return (Document(FILLERS_FILE, FILLERS_TITLE, root),
            NavPage(FILLERS_TITLE, FILLERS_FILE, 0, None, tuple(entries)))


def cover_document(issue: Issue, image_href: str, alt: str) -> Document:
    """The cover page: the cover image alone."""
    root, body = new_document(alt, issue.language)
    section = sub(body, "section", {EPUB_TYPE: "cover", "class": "cover"})
    sub(section, "img", src=image_href, alt=alt)
    return Document("cover.xhtml", alt, root)


def nav_document(issue: Issue, book_title: str, masthead: Document, pages: list[NavPage],
                 cover: Document) -> Document:
    """The EPUB 3 navigation document: toc (pages → articles), page-list and landmarks."""
    root, body = new_document(book_title, issue.language)
    toc = sub(body, "nav", {EPUB_TYPE: "toc", "id": "toc", "role": "doc-toc"})
    add_text(sub(toc, "h1"), book_title)
    top = sub(toc, "ol")
    _link(sub(top, "li"), masthead.file_name, masthead.title)
    for page in pages:
        li = sub(top, "li")
        _link(li, page.file_name, page.title)
        if page.articles:
            entries = sub(li, "ol")
            for entry in page.articles:
                _link(sub(entries, "li"), entry.href, entry.title)
    marked = [p for p in pages if p.marker]
    if marked:
        plist = sub(body, "nav", {EPUB_TYPE: "page-list", "id": "page-list", "hidden": "hidden"})
        add_text(sub(plist, "h2"), "版面")
        ol = sub(plist, "ol")
        for page in marked:
            _link(sub(ol, "li"), f"{page.file_name}#{page.marker}", page_label(page.page_number))
    marks = sub(body, "nav", {EPUB_TYPE: "landmarks", "id": "landmarks", "hidden": "hidden"})
    add_text(sub(marks, "h2"), "导航")
    ol = sub(marks, "ol")
    _link(sub(ol, "li"), cover.file_name, "封面", {EPUB_TYPE: "cover"})
    _link(sub(ol, "li"), masthead.file_name, "正文", {EPUB_TYPE: "bodymatter"})
    return Document("nav.xhtml", book_title, root)


# --- pieces -------------------------------------------------------------------------------


def sub(parent: etree._Element, tag: str, attrs: Mapping[str, str] | None = None,
        **kw: str) -> etree._Element:
    """A new XHTML element `tag` at the end of `parent` (the HTML edition builds with it too)."""
    return etree.SubElement(parent, f"{{{XHTML_NS}}}{tag}", {**(attrs or {}), **kw})


def add_text(el: etree._Element, text: str) -> None:
    """Append text at the end of `el`; newlines (hard breaks in the copy) become <br/>."""
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(el, "br")
        if not line:
            continue
        if len(el):
            el[-1].tail = (el[-1].tail or "") + line
        else:
            el.text = (el.text or "") + line


def _link(li: etree._Element, href: str, title: str,
          attrs: Mapping[str, str] | None = None) -> None:
    add_text(sub(li, "a", attrs, href=href), title)


def _one_line(text: str) -> str:
    return _BREAKABLE.sub(" ", text).strip()


def _run_title(run: PageRun) -> str:
    parts = [page_label(run.print_page)]
    if run.page.section:
        parts.append(run.page.section)
    return " ".join(parts)


def _page_header(body: etree._Element, run: PageRun) -> None:
    header = sub(body, "header", {"class": "page-head"})
    h1 = sub(header, "h1")
    add_text(sub(h1, "span", {"class": "folio"}), page_label(run.print_page))
    # The section name and editor are printed once, on the first document of their page.
    if run.first_of_page and run.page.section:
        add_text(h1, " ")
        add_text(sub(h1, "span", {"class": "section"}), run.page.section)
    if run.first_of_page and run.page.editor:
        editor = run.page.editor
        if not editor.startswith("责任编辑"):
            editor = "责任编辑：" + editor
        add_text(sub(header, "p", {"class": "editor"}), editor)


def article_section(body: etree._Element, index: int, article: Article,
                    teaser_href: str | None, image_ref: ImageRef) -> etree._Element:
    """The article as a <section> at the end of `body`: headline group, then every block.

    The one markup of an article: the EPUB's page documents and the HTML edition's article
    views both hold it. `teaser_href`: where a teaser's headline links (its target)."""
    classes = ["article"] + (["teaser"] if article.teaser_page is not None else [])
    section = sub(body, "section", {EPUB_TYPE: "article", "id": article_id(index),
                                     "class": " ".join(classes)})
    if article.banner or article.kicker or article.headline or article.subtitles:
        header = sub(section, "header")
        if article.banner:
            add_text(sub(header, "p", {"class": "banner"}), article.banner)
        if article.kicker:
            add_text(sub(header, "p", {"class": "kicker"}), article.kicker)
        if article.headline:
            h2 = sub(header, "h2")
            target = sub(h2, "a", href=teaser_href) if teaser_href else h2
            add_text(target, article.headline)
        for subtitle in article.subtitles:
            add_text(sub(header, "p", {"class": "subtitle"}), subtitle)
    for block in article.blocks:
        _block(section, block, article, image_ref)
    return section


def _block(parent: etree._Element, block: object, article: Article, image_ref: ImageRef) -> None:
    if isinstance(block, Paragraph):
        _paragraph(parent, block)
    elif isinstance(block, Byline):
        add_text(sub(parent, "p", {"class": "byline"}), block.text)
    elif isinstance(block, Subhead):
        add_text(sub(parent, "h3"), block.text)
    elif isinstance(block, Figure):
        _figure(parent, block, article, image_ref)
    elif isinstance(block, Table):
        _table(parent, block)
    elif isinstance(block, Quote):
        quote = sub(parent, "blockquote", {"class": "pull-quote"})
        for p in block.paragraphs:
            _paragraph(quote, p)
    elif isinstance(block, ListBlock):
        lst = sub(parent, "ol" if block.ordered else "ul")
        for item in block.items:
            _inlines(sub(lst, "li"), item)
    else:  # the model's Block union is closed; a new kind must be written here
        raise TypeError(f"no EPUB markup for block {type(block).__name__}")


def _paragraph(parent: etree._Element, para: Paragraph) -> None:
    attrs = {} if para.indent else {"class": "noindent"}
    _inlines(sub(parent, "p", attrs), para)


def _inlines(el: etree._Element, para: Paragraph) -> None:
    for inline in para.inlines:
        if isinstance(inline, LineBreak):
            sub(el, "br")
        elif isinstance(inline, Text):
            if inline.style is Style.REGULAR:
                add_text(el, inline.text)
            elif inline.style is Style.EMPHASIS:
                add_text(sub(el, "strong"), inline.text)
            else:
                add_text(sub(el, "span", {"class": "byline"}), inline.text)


def _figure(parent: etree._Element, fig: Figure, article: Article, image_ref: ImageRef) -> None:
    figure = sub(parent, "figure", {"class": "photo" if fig.image else "photo missing-image"})
    if fig.image is not None:
        sub(figure, "img", src=image_ref(fig, article), alt=_one_line(fig.caption))
    if fig.caption or fig.credit:
        caption = sub(figure, "figcaption")
        add_text(caption, fig.caption)
        if fig.credit:
            if fig.caption:
                add_text(caption, " ")
            add_text(sub(caption, "span", {"class": "credit"}), fig.credit)


def _table(parent: etree._Element, table: Table) -> None:
    el = sub(parent, "table")

    def row(container: etree._Element, cells: tuple[str, ...], tag: str) -> None:
        tr = sub(container, "tr")
        for col, cell in enumerate(cells):
            align = table.align[col] if col < len(table.align) else ""
            add_text(sub(tr, tag, {"class": f"al-{align}"} if align else {}), cell)

    row(sub(el, "thead"), table.header, "th")
    if table.rows:
        tbody = sub(el, "tbody")
        for cells in table.rows:
            row(tbody, cells, "td")
