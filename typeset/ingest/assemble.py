"""Grouping the item stream (headings with roles, body blocks, page markers) into pages of
articles. Both dialects end here once every heading has its role.

Banner and kicker headings wait for the headline they stand before; if none comes they
become subheads, so nothing is dropped. Body text with no headline before it (on a page or
after an ArticleBreak) becomes an untitled article.
"""

from __future__ import annotations

from typeset.errors import InputError
from typeset.ingest.items import ArticleBreak, Body, Heading, Item, PageMark, Role
from typeset.model import Article, Page, Subhead


class _Assembler:
    def __init__(self) -> None:
        self.pages: list[Page] = [Page(1)]
        self.marked: dict[int, PageMark] = {}
        self.article: Article | None = None
        self.pending: list[Heading] = []

    def current(self, item_source) -> Article:
        if self.article is None:
            self.article = Article(headline=None, source=item_source)
            self.pages[-1].articles.append(self.article)
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

    def heading(self, heading: Heading) -> None:
        role = heading.role
        if role in (Role.BANNER, Role.KICKER):
            self.pending.append(heading)
        elif role is Role.HEADLINE:
            banners = [h.text for h in self.pending if h.role is Role.BANNER]
            kickers = [h.text for h in self.pending if h.role is Role.KICKER]
            self.pending = []
            self.article = Article(heading.text, heading.source,
                                   banner="\n".join(banners) or None,
                                   kicker="\n".join(kickers) or None)
            self.pages[-1].articles.append(self.article)
        elif role is Role.SUBTITLE and self.article is not None and self.article.headline:
            self.article.subtitles.append(heading.text)
        else:
            self.flush_pending()
            self.current(heading.source).blocks.append(Subhead(heading.text, heading.source))

    def run(self, items: list[Item]) -> list[Page]:
        for item in items:
            if isinstance(item, PageMark):
                self.page_mark(item)
            elif isinstance(item, Heading):
                self.heading(item)
            elif isinstance(item, ArticleBreak):
                self.flush_pending()
                self.article = None
            elif isinstance(item, Body):
                self.flush_pending()
                self.current(item.block.source).blocks.append(item.block)
        self.flush_pending()
        return self.pages


def assemble(items: list[Item]) -> list[Page]:
    """Pages with their articles, in copy order. Raises InputError for a page marked twice.

    Copy before the first page marker sits on page 1 (which a later "page 1" marker names).
    """
    return _Assembler().run(items)
