"""The raw dialect: heading roles, kickers and lost headlines in extracted newspaper text.

Extracted text marks headline sizes, not roles, so the roles are inferred:

* `##` is a headline; `###` directly after the headline group is a subtitle, any other
  `###` is the (smaller) headline of an article of its own (the seed's teasers and its
  "### 集体产业壮起来…").
* A short paragraph standing directly before a headline is its kicker.
* `#` or `####` headings standing before a headline group (possibly with a kicker between)
  are its column banner; a `####` right after a headline group, before any body text, is
  that article's banner too ("牢记嘱托显担当 攻坚之年谱新篇"); other ones are subheads.
* Where the extraction left two or more blank lines after a finished paragraph, a region
  of the page ended: the text after it is a new (untitled, if no headline follows) article.
  This keeps a report whose headline was lost from being merged into the story before it.
"""

from __future__ import annotations

from typeset.ingest.bylines import is_standalone_byline
from typeset.ingest.items import ArticleBreak, Body, Heading, Item, Role
from typeset.ingest.rejoin import is_complete
from typeset.model import Page, Paragraph, Subhead

MAX_KICKER = 40
REGION_GAP = 2  # blank lines that end a region of the page


def assign_raw_roles(items: list[Item]) -> list[Item]:
    """The items with every heading's role set and kicker paragraphs promoted to headings."""
    items = list(items)
    previous: Item | None = None
    for item in items:
        if isinstance(item, Heading):
            if item.level == 2:
                item.role = Role.HEADLINE
            elif item.level == 3:
                follows_group = isinstance(previous, Heading) and previous.role in (
                    Role.HEADLINE, Role.SUBTITLE)
                item.role = Role.SUBTITLE if follows_group else Role.HEADLINE
        previous = item
    for i, item in enumerate(items):
        if not (isinstance(item, Heading) and item.role is Role.HEADLINE):
            continue
        j = i - 1
        if j >= 0 and _is_kicker(items[j]):
            body = items[j]
            # level 0: a paragraph standing in the headline group, not a Markdown heading
            items[j] = Heading(0, body.block.text.strip(), body.block.source, Role.KICKER)
            j -= 1
        while j >= 0 and isinstance(items[j], Heading) and items[j].role is None:
            items[j].role = Role.BANNER
            j -= 1
    for item in items:
        if isinstance(item, Heading) and item.role is None:
            item.role = Role.SUBHEAD
    return _region_breaks(items)


def banners_after_headline(pages: list[Page]) -> None:
    """A subhead opening a headlined article's body is the article's column banner."""
    for page in pages:
        for article in page.articles:
            if (article.headline and article.banner is None and article.blocks
                    and isinstance(article.blocks[0], Subhead)):
                article.banner = article.blocks.pop(0).text


def _is_kicker(item: Item) -> bool:
    if not (isinstance(item, Body) and isinstance(item.block, Paragraph)):
        return False
    text = item.block.text.strip()
    return (0 < len(text) <= MAX_KICKER and "\n" not in text and not is_complete(text)
            and text[-1] not in "，、" and not is_standalone_byline(text))


def _region_breaks(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (isinstance(item, Body) and isinstance(item.block, Paragraph)
                and isinstance(prev, Body) and isinstance(prev.block, Paragraph)
                and is_complete(prev.block.text)
                and item.block.source.line - prev.end_line - 1 >= REGION_GAP):
            out.append(ArticleBreak(item.block.source))
        out.append(item)
    return out
