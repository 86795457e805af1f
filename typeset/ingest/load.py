"""load_issue / parse_issue: detect the dialect and run the ingest steps in order."""

from __future__ import annotations

import os
from pathlib import Path

from typeset.errors import InputError
from typeset.ingest.assemble import assemble
from typeset.ingest.bylines import mark_bylines, split_dateline
from typeset.ingest.captions import find_captions
from typeset.ingest.frontmatter import read_front_matter
from typeset.ingest.items import Item, PageMark
from typeset.ingest.masthead_lines import split_masthead
from typeset.ingest.raw import assign_raw_roles, banners_after_headline
from typeset.ingest.reading import read_issue_text
from typeset.ingest.rejoin import rejoin_paragraphs
from typeset.ingest.structured import assign_roles, check_page_marks
from typeset.ingest.teasers import teaser_page
from typeset.ingest.tokens import parse_markdown
from typeset.model import Figure, Issue, Paragraph


def load_issue(path: Path) -> Issue:
    """Read and parse an issue file (either dialect of issue-format.md).

    Raises InputError for a missing, empty, binary or non-UTF-8 file, bad front matter, a
    page marker outside 1..pages and an image file that does not exist.
    """
    path = Path(path)
    return parse_issue(read_issue_text(path), path)


def parse_issue(text: str, source: Path) -> Issue:
    """Parse issue text; `source` names the file in messages and anchors image paths."""
    source = Path(source)
    if not text.strip():
        raise InputError("the issue file is empty", where=str(source),
                         hint="write the issue in Markdown (see issue-format.md)")
    file = str(source)
    parsed = parse_markdown(text, file, source.parent)
    items = parsed.items
    if parsed.front_matter is None and text.startswith("---"):
        raise InputError("the front matter has no closing `---` line", where=f"{file}:1",
                         hint="end the YAML front matter with a line holding only `---`")
    structured = parsed.front_matter is not None or any(isinstance(i, PageMark) for i in items)
    if structured:
        issue = _structured(parsed.front_matter, items, source)
    else:
        issue = _raw(items, source)
    if not issue.articles:
        raise InputError("the issue has no articles", where=file,
                         hint="start each article with a level-2 headline: `## 标题`")
    for article in issue.articles:
        _split_first_dateline(article)
        article.teaser_page = teaser_page(article)
    _check_images(issue)
    return issue


def _structured(front_matter, items: list[Item], source: Path) -> Issue:
    file = str(source)
    if front_matter is not None:
        meta = read_front_matter(front_matter, file)
        masthead, page_count, language = meta.masthead, meta.page_count, meta.language
    else:  # page markers without front matter: the masthead is written as in raw text
        head = split_masthead(items)
        items = head.rest
        # as the checker counts: without `pages`, the issue has as many pages as it marks
        highest = max(i.number for i in items if isinstance(i, PageMark))
        masthead, page_count, language = head.masthead, head.page_count or highest, "zh-CN"
    check_page_marks(items, page_count)
    assign_roles(items)
    pages = assemble(mark_bylines(items))
    return Issue(masthead, pages, source, page_count, language, paged=True)


def _raw(items: list[Item], source: Path) -> Issue:
    head = split_masthead(items)
    items = find_captions(head.rest)
    items = assign_raw_roles(items)
    items = rejoin_paragraphs(mark_bylines(items))
    pages = assemble(items)
    banners_after_headline(pages)
    return Issue(head.masthead, pages, source, head.page_count or 8, paged=False)


def _split_first_dateline(article) -> None:
    for n, block in enumerate(article.blocks):
        if isinstance(block, Paragraph):
            article.blocks[n] = split_dateline(block)
            return


def _check_images(issue: Issue) -> None:
    base = issue.source.parent.absolute()
    for article in issue.articles:
        for block in article.blocks:
            if isinstance(block, Figure) and block.image is not None \
                    and not block.image.is_file():
                written = os.path.relpath(block.image, base)
                raise InputError(f"image not found: {written} (looked for {block.image})",
                                 where=str(block.source), article=article.label,
                                 hint="fix the path (relative to the issue file) or remove "
                                      "the image")
