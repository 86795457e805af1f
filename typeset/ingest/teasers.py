"""Teasers (导读): an article whose whole body is one short paragraph ending in "详见N版"."""

from __future__ import annotations

import re
import unicodedata

from typeset.model import Article, Issue, Paragraph

_NUMERALS = {c: n for n, c in enumerate("零一二三四五六七八九", start=0)}
_SEE_PAGE = re.compile(r"[（(]?详见第?([0-9]+|[零一二三四五六七八九十]+)版[）)]?[。.]?$")
MAX_TEASER_CHARS = 160
# A headline that only contains (or is contained in) a teaser's matches it from this many
# letters and digits: shorter ones ("要闻") are in too many headlines to say which story.
MIN_CONTAINED_CHARS = 4


def chinese_number(text: str) -> int | None:
    """Value of a page number written with digits or Chinese numerals (一…九十九)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        if len(text) > 3 or (tens and tens not in _NUMERALS) or (units and units not in _NUMERALS):
            return None
        return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)
    if len(text) == 1 and text in _NUMERALS:
        return _NUMERALS[text]
    return None


def teaser_page(article: Article) -> int | None:
    """The page a teaser points at, or None when the article is not a teaser."""
    if len(article.blocks) != 1 or not isinstance(article.blocks[0], Paragraph):
        return None
    text = article.blocks[0].text.strip()
    if len(text) > MAX_TEASER_CHARS:
        return None
    m = _SEE_PAGE.search(text)
    return chinese_number(m.group(1)) if m else None


def _headline_key(text: str) -> str:
    """A headline's letters and digits (NFKC), for matching teasers to articles: the
    ear's copy and the story's may differ in spaces, punctuation and full-width forms."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(ch)[0] in "LN")


def teaser_targets(issue: Issue) -> dict[int, int]:
    """Each teaser's index in issue.articles → the article it announces. Tried in order:
    the same headline on the page the teaser names, the same headline on another page,
    then a headline containing the teaser's (or contained in it), on the named page first.
    So a teaser for "A　B" finds the story "A　B" on its page before a story "B" elsewhere.
    A teaser whose article is not in the issue has no entry."""
    placed = [(a, page.number) for page in issue.pages for a in page.articles]
    out: dict[int, int] = {}
    for i, (teaser, _) in enumerate(placed):
        if teaser.teaser_page is None or not teaser.headline:
            continue
        head = _headline_key(teaser.headline)
        ranked = []
        for j, (other, number) in enumerate(placed):
            if other.teaser_page is not None or not other.headline:
                continue
            key = _headline_key(other.headline)
            if key == head:
                rank = 0
            elif min(len(key), len(head)) >= MIN_CONTAINED_CHARS and (key in head
                                                                      or head in key):
                rank = 2
            else:
                continue
            ranked.append((rank + (number != teaser.teaser_page), j))
        if ranked:
            out[i] = min(ranked)[1]
    return out
