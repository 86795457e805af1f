"""Grouping the item stream (headings with roles, body blocks, page markers) into pages of
articles, and the filler pool. Both dialects end here once every heading has its role.

A `<!-- fillers -->` marker starts the filler pool: the articles after it, up to the next
page marker (or the end), are fillers, on no page. In the pool an image in a paragraph of
its own, after a filler's copy, is a house ad of its own (an untitled filler) rather than a
photo of the item above it: house ads are written one after another, without headlines.

Banner and kicker headings wait for the headline they stand before; if none comes they
become subheads, so nothing is dropped. Body text with no headline before it (on a page or
after an ArticleBreak) becomes an untitled article.
"""

from __future__ import annotations

from dataclasses import dataclass

from typeset.errors import InputError
from typeset.ingest.items import (ArticleBreak, Body, FillerMark, Heading, Item, PageMark,
                                  Role)
from typeset.model import Article, Figure, Page, Subhead


@dataclass
class Assembled:
    """The copy's pages, and its filler pool (articles marked `filler`)."""

    pages: list[Page]
    fillers: list[Article]


class _Assembler:
    def __init__(self) -> None:
        self.pages: list[Page] = [Page(1)]
        self.fillers: list[Article] = []
        self.in_pool = False  # after a fillers marker, before the next page marker
        self.marked: dict[int, PageMark] = {}
        self.article: Article | None = None
        self.pending: list[Heading] = []

    def start(self, article: Article) -> Article:
        """`article` begins: on the current page, or in the filler pool."""
        if self.in_pool:
            article.filler = True
            self.fillers.append(article)
        else:
            self.pages[-1].articles.append(article)
        self.article = article
        return article

    def current(self, item_source) -> Article:
        if self.article is None:
            self.start(Article(headline=None, source=item_source))
        return self.article

    def flush_pending(self) -> None:
        """Banner/kicker headings that no headline followed are subheads after all."""
        pending, self.pending = self.pending, []
        for heading in pending:
            self.current(heading.source).blocks.append(Subhead(heading.text, heading.source))

    def page_mark(self, mark: PageMark) -> None:
        self.flush_pending()
        if mark.number in self.marked:
            raise InputError(f"page {mark.number} is marked twice (first at line "
                             f"{self.marked[mark.number].source.line})", where=str(mark.source),
                             hint="give each page marker its own page number")
        first = not self.marked
        self.marked[mark.number] = mark
        page = Page(mark.number, mark.section, mark.editor)
        if first and not self.pages[0].articles:
            self.pages[0] = page  # nothing stood before the first marker
        elif first and mark.number == 1:
            self.pages[0].section, self.pages[0].editor = mark.section, mark.editor
        else:
            self.pages.append(page)
        self.article = None
        self.in_pool = False

    def filler_mark(self) -> None:
        self.flush_pending()
        self.article = None
        self.in_pool = True

    def starts_house_ad(self, item: Body) -> bool:
        """Is `item` an image that starts a house ad: in the pool, after a filler's copy,
        and not cut out of the same paragraph as that copy's last block?"""
        blocks = self.article.blocks if self.article is not None else []
        return (self.in_pool and isinstance(item.block, Figure) and bool(blocks)
                and blocks[-1].source != item.block.source)

    def heading(self, heading: Heading) -> None:
        role = heading.role
        if role in (Role.BANNER, Role.KICKER):
            self.pending.append(heading)
        elif role is Role.HEADLINE:
            banners = [h.text for h in self.pending if h.role is Role.BANNER]
            kickers = [h.text for h in self.pending if h.role is Role.KICKER]
            self.pending = []
            self.start(Article(heading.text, heading.source, banner="\n".join(banners) or None,
                               kicker="\n".join(kickers) or None))
        elif role is Role.SUBTITLE and self.article is not None and self.article.headline:
            self.article.subtitles.append(heading.text)
        else:
            self.flush_pending()
            self.current(heading.source).blocks.append(Subhead(heading.text, heading.source))

    def run(self, items: list[Item]) -> Assembled:
        for item in items:
            if isinstance(item, PageMark):
                self.page_mark(item)
            elif isinstance(item, FillerMark):
                self.filler_mark()
            elif isinstance(item, Heading):
                self.heading(item)
            elif isinstance(item, ArticleBreak):
                self.flush_pending()
                self.article = None
            elif isinstance(item, Body):
                self.flush_pending()
                if self.starts_house_ad(item):
                    self.article = None
                self.current(item.block.source).blocks.append(item.block)
        self.flush_pending()
        return Assembled(self.pages, self.fillers)


def assemble(items: list[Item]) -> Assembled:
    """Pages with their articles, and the filler pool, in copy order. Raises InputError for
    a page marked twice.

    Copy before the first page marker sits on page 1 (which a later "page 1" marker names).
    """
    return _Assembler().run(items)
