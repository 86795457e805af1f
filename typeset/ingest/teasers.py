"""Teasers (导读): an article whose whole body is one short paragraph ending in "详见N版"."""

from __future__ import annotations

import re

from typeset.model import Article, Paragraph

_NUMERALS = {c: n for n, c in enumerate("零一二三四五六七八九", start=0)}
_SEE_PAGE = re.compile(r"[（(]?详见第?([0-9]+|[零一二三四五六七八九十]+)版[）)]?[。.]?$")
MAX_TEASER_CHARS = 160


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
