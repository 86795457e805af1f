"""Bylines and datelines.

A run-in dateline opens an article's first paragraph ("本报讯（记者 林晓峰 通讯员 高远）",
"新华社北京1月14日电", "本报讯 记者唐佳丽 刘璐报道"); it becomes a BYLINE run and the rest of
the paragraph stays REGULAR, the separating space included, so every character is kept. A
byline set off by an ideographic space ("本报记者 杜若飞　11月19日…") is cut the same way. A
short paragraph of its own ("本报记者 李四", "新华社记者", "□ 王五", "本报评论员") is a Byline block.
"""

from __future__ import annotations

import re

from typeset.ingest.items import Body, Item
from typeset.model import Byline, Paragraph, Style, Text

_AGENCY = r"(?:本报|新华社|中新社|人民日报|央视|经济日报|光明日报)"
_PAREN = r"(?:[（(][^（）()\n]{1,40}[）)])"
# "本报讯" | "本报北京11月19日电" | "新华社北京1月14日电" | "新华社电"
_HEAD = rf"(?:本报讯|{_AGENCY}[^\s，。、；：！？（）()]{{0,16}}?电)"
# " 记者唐佳丽 刘璐报道" after the dateline
_REPORTER = r"(?:[ \u3000]*(?:本报)?(?:记者|通讯员)[^，。；：！？\n]{1,30}?报道)"
_NAME = r"[^\s，。、；：！？“”（）()]{1,8}"
_ROLE = r"(?:特约|实习)?(?:记者|通讯员|评论员|特派记者)"
# "本报评论员　11月19日…", "本报记者 杜若飞　11月19日…": a run-in byline without a
# dateline is only recognised before an ideographic space, which sets it off in the copy
_RUN_IN = rf"(?:{_AGENCY}{_ROLE}(?: {_NAME}){{0,3}}(?=\u3000))"
DATELINE = re.compile(rf"^(?:{_HEAD}{_PAREN}?{_REPORTER}?|{_RUN_IN})")
STANDALONE = re.compile(
    rf"^(?:□[ \u3000]*{_NAME}(?:[ \u3000]+{_NAME}){{0,3}}"  # □ 王五 / □ 辛 言
    rf"|{_AGENCY}?{_ROLE}(?:[ \u3000]*{_NAME}){{0,6}}"  # 本报记者 李四 通讯员 王五 / 新华社记者
    rf"|{_AGENCY}(?:评论员|特约评论员))$")  # 本报评论员
_MAX_STANDALONE = 30


def split_dateline(paragraph: Paragraph) -> Paragraph:
    """Cut a leading dateline into its own BYLINE run; other paragraphs come back unchanged.

    Only a dateline followed by more text is cut (a paragraph that is nothing but a dateline
    is left to `as_byline`).
    """
    first = paragraph.inlines[0] if paragraph.inlines else None
    if not isinstance(first, Text) or first.style is not Style.REGULAR:
        return paragraph
    m = DATELINE.match(first.text)
    if not m or not first.text[m.end():].strip():
        return paragraph
    runs = [Text(m.group(0), Style.BYLINE), Text(first.text[m.end():])]
    return Paragraph((*runs, *paragraph.inlines[1:]), paragraph.source, paragraph.indent)


def is_standalone_byline(text: str) -> bool:
    """True for a short paragraph that is only a byline ("本报记者 李四", "□ 王五")."""
    text = text.strip()
    return 0 < len(text) <= _MAX_STANDALONE and "\n" not in text and bool(STANDALONE.match(text))


def as_byline(paragraph: Paragraph) -> Byline | None:
    """The paragraph as a Byline block when it is a standalone byline, else None."""
    if is_standalone_byline(paragraph.text):
        return Byline(paragraph.text.strip(), paragraph.source)
    return None


def mark_bylines(items: list[Item]) -> list[Item]:
    """The items with every standalone-byline paragraph turned into a Byline block."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Body) and isinstance(item.block, Paragraph):
            byline = as_byline(item.block)
            if byline is not None:
                item = Body(byline, item.end_line)
        out.append(item)
    return out
