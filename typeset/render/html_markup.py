"""The HTML edition's documents: the names of its files, the frame every document shares
(head, site header with the search box) and the turning of XHTML trees into HTML5.

Documents are built as XHTML trees with the EPUB's element helpers, so that an article's
markup is the EPUB's own (escaping by lxml, nothing pasted as text); `html_bytes` then drops
the namespaces and EPUB-only attributes and writes HTML syntax (`<span></span>`, never a
self-closed `<span/>`, which an HTML parser would leave open)."""

from __future__ import annotations

from lxml import etree

from ..model import Issue
from .epub_xhtml import add_text, article_id, break_lines, date_line, new_document, sub

SCRIPT = "site.js"
SEARCH_PAGE = "search.html"
# Elements of the HTML documents that, like the EPUB's containers, hold no text of their own.
HTML_CONTAINERS = frozenset({"main", "aside", "form", "div"})


def page_href(number: int) -> str:
    """The page view of print page `number`: the front page is the site's index."""
    return "index.html" if number == 1 else f"page-{number}.html"


def article_href(index: int) -> str:
    """The article view of the article at `index` in issue.articles."""
    return f"article-{index:03d}.html"


def zone_id(index: int) -> str:
    """The id of an article's hot zone on its page (article views link back to it)."""
    return f"z-{article_id(index)}"


def paper_name(issue: Issue) -> str:
    """The paper's name, or the issue file's stem when the copy gives none."""
    return issue.masthead.title or issue.source.stem


def html_document(issue: Issue, title: str, body_class: str, *,
                  prev: str | None = None, next: str | None = None,
                  scripts: tuple[str, ...] = (SCRIPT,)) -> tuple[etree._Element, etree._Element]:
    """A document of the site with its head and the site header; returns (root, main).

    `prev`/`next`: hrefs of the documents before and after it (the page or article
    order), as <link rel> for the arrow keys (site.js) and for reading tools."""
    root, body = new_document(title, issue.language)
    head = root[0]
    sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    for rel, href in (("prev", prev), ("next", next)):
        if href:
            sub(head, "link", rel=rel, href=href)
    for script in scripts:
        sub(head, "script", src=script, defer="defer")
    body.set("class", body_class)
    add_text(sub(body, "a", {"class": "skip", "href": "#main"}), "跳到正文")
    header = sub(body, "header", {"class": "site-head"})
    add_text(sub(header, "a", {"class": "paper", "href": page_href(1)}), paper_name(issue))
    m = issue.masthead
    when = " ".join(x for x in (date_line(m), m.weekday, m.issue_number) if x)
    if when:
        add_text(sub(header, "span", {"class": "date"}), when)
    form = sub(header, "form", {"class": "search", "role": "search", "action": SEARCH_PAGE})
    add_text(sub(form, "label", {"for": "q", "class": "vh"}), "搜索本期")
    sub(form, "input", {"type": "search", "id": "q", "name": "q", "placeholder": "搜索本期"})
    add_text(sub(form, "button", type="submit"), "搜索")
    main = sub(body, "main", id="main")
    return root, main


def html_bytes(root: etree._Element) -> bytes:
    """An XHTML tree as an HTML5 document (UTF-8, with the doctype)."""
    tree = _plain(root)
    break_lines(tree, HTML_CONTAINERS)
    return etree.tostring(tree, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")


def _plain(el: etree._Element) -> etree._Element:
    """A copy without namespaces: HTML has no epub:type or xml:lang (`lang` stays)."""
    out = etree.Element(etree.QName(el).localname,
                        {k: v for k, v in el.attrib.items() if not k.startswith("{")})
    out.text = el.text
    for child in el:
        if isinstance(child.tag, str):
            copy = _plain(child)
            copy.tail = child.tail
            out.append(copy)
    return out
