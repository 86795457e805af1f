"""Search over the HTML edition's text, offline and from file:// too.

The issue's text (some ten thousand characters to a hundred thousand) goes into
search-data.js, a script every browser loads from a folder on disk; search.js finds the
query's words in it as substrings, which suits Chinese without word segmentation.

Pagefind is not used: it fetches its index and WebAssembly, which browsers refuse for
file:// documents (its maintainers say so: Pagefind/pagefind#202)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..model import Issue
from .epub_xhtml import add_text, sub
from .html_markup import SCRIPT, html_bytes, html_document, paper_name

DATA_SCRIPT = "search-data.js"
SEARCH_SCRIPT = "search.js"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchRecord:
    """One article as search sees it: its view, name, page and whole text."""

    href: str
    title: str
    page: str
    text: str


def search_data(records: list[SearchRecord]) -> bytes:
    """search-data.js: the records as one JSON array (white space runs made one space)."""
    rows = [{"u": r.href, "h": r.title, "p": r.page, "t": _SPACE.sub(" ", r.text).strip()}
            for r in records]
    return ("window.TYPESET_SEARCH = " + json.dumps(rows, ensure_ascii=False) + ";\n").encode()


def search_page(issue: Issue) -> bytes:
    """search.html: the results of the query in the site header's box (?q=…)."""
    root, main = html_document(issue, f"搜索 · {paper_name(issue)}", "search-view",
                               scripts=(SCRIPT, DATA_SCRIPT, SEARCH_SCRIPT))
    add_text(sub(main, "h1"), "搜索本期")
    add_text(sub(main, "p", {"id": "search-status", "role": "status"}),
             "在上方输入词语，多个词用空格分开。")
    sub(main, "ol", {"id": "results", "class": "results"})
    return html_bytes(root)

