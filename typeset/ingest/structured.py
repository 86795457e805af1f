"""The structured dialect: heading roles as issue-format.md defines them, and page checks.

The roles follow the independent checker's reading (tools/issuetext.py) so both agree on
what an article is: a level-2 heading starts one; level-3..6 headings directly before it
are its kicker (3) or column banner (4–6); level-3 headings directly after it are
subtitles; every other heading is a subhead in the body. One difference: a level-4
heading between a body-less article and the next headline is that headline's banner (the
format says so); the checker files it under the empty article. Article boundaries are the
same either way.
"""

from __future__ import annotations

from typeset.errors import InputError
from typeset.ingest.items import Heading, Item, PageMark, Role


def assign_roles(items: list[Item]) -> None:
    """Set the role of every heading in place."""
    after_headline = False
    pending: list[Heading] = []
    for item in items:
        if isinstance(item, Heading) and item.level == 2:
            for heading in pending:
                heading.role = Role.KICKER if heading.level == 3 else Role.BANNER
            pending = []
            item.role = Role.HEADLINE
            after_headline = True
            continue
        if isinstance(item, Heading) and item.level == 3 and after_headline:
            item.role = Role.SUBTITLE
            continue
        if isinstance(item, Heading) and item.level >= 3:
            pending.append(item)
            after_headline = False
            continue
        after_headline = False
        for heading in pending:
            heading.role = Role.SUBHEAD
        pending = []
        if isinstance(item, Heading):
            item.role = Role.SUBHEAD
    for heading in pending:
        heading.role = Role.SUBHEAD


def check_page_marks(items: list[Item], page_count: int, layout_pages: int | None) -> None:
    """Every page marker must name a page 1..page_count, and one the layout has."""
    for item in items:
        if not isinstance(item, PageMark):
            continue
        if not 1 <= item.number <= page_count:
            raise InputError(f"page marker names page {item.number}, but the issue has "
                             f"{page_count} pages", where=str(item.source),
                             hint=f"use a page number from 1 to {page_count}, or change "
                                  "`pages` in the front matter")
        if layout_pages is not None and item.number > layout_pages:
            raise InputError(f"page marker names page {item.number}, but the layout has "
                             f"{layout_pages} pages", where=str(item.source),
                             hint=f"use a page number from 1 to {layout_pages}, or a layout "
                                  "with more pages (--layout)")
