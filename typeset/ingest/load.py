"""load_issue / parse_issue: detect the dialect and run the ingest steps in order."""

from __future__ import annotations

import os
from pathlib import Path

from typeset.errors import InputError
from typeset.images import ImageProblem, check_image
from typeset.ingest.assemble import assemble
from typeset.ingest.bylines import mark_bylines, split_dateline
from typeset.ingest.captions import find_captions
from typeset.ingest.characters import dropped_warnings, find_bad_characters, without
from typeset.ingest.frontmatter import read_front_matter
from typeset.ingest.items import Item, PageMark
from typeset.ingest.masthead_lines import split_masthead
from typeset.ingest.policy import InputPolicy
from typeset.ingest.raw import assign_raw_roles, banners_after_headline
from typeset.ingest.reading import read_issue_text
from typeset.ingest.rejoin import rejoin_paragraphs
from typeset.ingest.structured import assign_roles, check_page_marks
from typeset.ingest.teasers import teaser_page
from typeset.ingest.tokens import parse_markdown
from typeset.model import Figure, Issue, Paragraph


def load_issue(path: Path, policy: InputPolicy = InputPolicy()) -> Issue:
    """Read and parse an issue file (either dialect of issue-format.md) by `policy`.

    Raises InputError for a missing, empty, binary, non-UTF-8 or too large file, a control
    character or non-character in the text, bad front matter, a page marker outside
    1..pages, and an image that does not exist, lies outside the issue's folder or is not a
    usable photo.
    """
    path = Path(path)
    return parse_issue(read_issue_text(path, policy.limits.max_input_bytes), path, policy)


def parse_issue(text: str, source: Path, policy: InputPolicy = InputPolicy()) -> Issue:
    """Parse issue text; `source` names the file in messages and anchors image paths."""
    source = Path(source)
    if not text.strip():
        raise InputError("the issue file is empty", where=str(source),
                         hint="write the issue in Markdown (see issue-format.md)")
    file = str(source)
    text, warnings = _screen_characters(text, file, policy.drop_bad_characters)
    parsed = parse_markdown(text, file, source.parent)
    items = parsed.items
    if parsed.front_matter is None and text.startswith("---"):
        raise InputError("the front matter has no closing `---` line", where=f"{file}:1",
                         hint="end the YAML front matter with a line holding only `---`")
    structured = parsed.front_matter is not None or any(isinstance(i, PageMark) for i in items)
    if structured:
        issue = _structured(parsed.front_matter, items, source, policy, warnings)
    else:
        issue = _raw(items, source)
    issue.warnings = warnings
    if not issue.articles:
        raise InputError("the issue has no articles", where=file,
                         hint="start each article with a level-2 headline: `## 标题`")
    for article in issue.articles:
        _split_first_dateline(article)
        article.teaser_page = teaser_page(article)
    for filler in issue.fillers:  # a filler points at no page: it is never a teaser
        _split_first_dateline(filler)
    _check_images(issue, policy)
    return issue


def _screen_characters(text: str, file: str, drop: bool) -> tuple[str, list[str]]:
    """The text without bad characters (see characters.py) and a warning for each kind
    dropped, when `drop`; otherwise an InputError for the first one."""
    bad = find_bad_characters(text)
    if bad and not drop:
        first = bad[0]
        more = f" ({len(bad) - 1} more after it)" if len(bad) > 1 else ""
        raise InputError(f"the text holds {first.name} at column {first.column}{more}",
                         where=f"{file}:{first.line}",
                         hint="delete it (pasted copy often carries such characters "
                              "unseen), or pass --allow-missing-glyphs to drop them")
    return without(text, bad), dropped_warnings(file, bad)


def _structured(front_matter, items: list[Item], source: Path, policy: InputPolicy,
                warnings: list[str]) -> Issue:
    file = str(source)
    if front_matter is not None:
        meta = read_front_matter(front_matter, file, policy.layout_pages,
                                 policy.drop_bad_characters)
        warnings.extend(meta.warnings)
        masthead, page_count, language = meta.masthead, meta.page_count, meta.language
    else:  # page markers without front matter: the masthead is written as in raw text
        head = split_masthead(items)
        items = head.rest
        # as the checker counts: without `pages`, the issue has as many pages as it marks
        highest = max(i.number for i in items if isinstance(i, PageMark))
        masthead, page_count, language = head.masthead, head.page_count or highest, "zh-CN"
    check_page_marks(items, page_count, policy.layout_pages)
    assign_roles(items)
    copy = assemble(mark_bylines(items))
    return Issue(masthead, copy.pages, source, page_count, language, paged=True,
                 fillers=copy.fillers)


def _raw(items: list[Item], source: Path) -> Issue:
    head = split_masthead(items)
    items = find_captions(head.rest)
    items = assign_raw_roles(items)
    items = rejoin_paragraphs(mark_bylines(items))
    copy = assemble(items)
    banners_after_headline(copy.pages)
    return Issue(head.masthead, copy.pages, source, head.page_count or 8, paged=False,
                 fillers=copy.fillers)


def _split_first_dateline(article) -> None:
    for n, block in enumerate(article.blocks):
        if isinstance(block, Paragraph):
            article.blocks[n] = split_dateline(block)
            return


def _check_images(issue: Issue, policy: InputPolicy) -> None:
    """Every image (the filler pool's too) inside the issue's folder (unless allowed),
    present and usable."""
    base = issue.source.parent.absolute()
    for article in (*issue.articles, *issue.fillers):
        for block in article.blocks:
            if isinstance(block, Figure) and block.image is not None:
                _check_image(block, base, article, policy)


def _check_image(figure: Figure, base: Path, article, policy: InputPolicy) -> None:
    image = figure.image
    written = os.path.relpath(image, base)

    def refuse(message: str, hint: str) -> InputError:
        return InputError(message, where=str(figure.source), article=article.label, hint=hint)

    if "\x00" in str(image):  # only a percent escape (%00) can put one there
        raise refuse(f"image path {written!r} holds a NUL character (%00), which no file name "
                     "can", "fix the path (relative to the issue file) or remove the image")
    try:
        outside = "" if policy.allow_outside_images else _outside_reason(image, base)
        found = image.is_file()
    except OSError as exc:  # a name too long for the file system, a loop of links
        raise refuse(f"image {written}: {exc.strerror}",
                     "fix the path (relative to the issue file) or remove the image") from exc
    if outside:
        raise refuse(f"image {written} is outside the issue's folder ({outside})",
                     "copy the image into the issue's folder and refer to it by a path "
                     "relative to the issue file; for an issue you trust, "
                     "--allow-outside-images")
    if not found:
        raise refuse(f"image not found: {written} (looked for {image})",
                     "fix the path (relative to the issue file) or remove the image")
    try:
        check_image(image, policy.limits.max_image_pixels)
    except ImageProblem as exc:
        raise refuse(f"image {written}: {exc}", exc.hint) from exc


def _outside_reason(image: Path, base: Path) -> str:
    """Why `image` (the issue's folder joined with the path as written) lies outside the
    folder `base`; "" when it is inside."""
    real = image.resolve()
    if real.is_relative_to(base.resolve()):
        return ""
    if not image.is_relative_to(base):  # joining an absolute path gives that path
        return "an absolute path"
    if not Path(os.path.normpath(image)).is_relative_to(base):
        return "`..` leads out of it"
    return f"a symbolic link to {real}"
