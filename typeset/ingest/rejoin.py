"""Rejoining paragraphs that the extraction cut at column breaks.

Rule (issue text): a paragraph that does not end in sentence-final punctuation continues
into the next one. "Sentence-final" is 。！？…；： and their ASCII forms; closing quotes are
looked through ("……保障。”" ends, "冲刺“开门红”" does not), while a closing bracket ends
a paragraph ("……（记者 郑凯）"). Paragraphs are only joined when they are directly
adjacent: never across a heading, byline, figure or table. A continuation found after an
inserted block (a figure cut into the paragraph) is marked indent=False instead.
"""

from __future__ import annotations

from dataclasses import replace

from typeset.ingest.inlines import is_wide
from typeset.ingest.items import Body, Item
from typeset.model import Figure, Paragraph, Text

SENTENCE_FINAL = set("。！？…；：!?.;:")
CLOSING_QUOTES = set("”’」』\"'")
CLOSING_BRACKETS = set("）)】〕》〉]")


def is_complete(text: str) -> bool:
    """True when the paragraph text ends a sentence (see the module rule)."""
    text = text.rstrip()
    while text and text[-1] in CLOSING_QUOTES:
        text = text[:-1].rstrip()
    return bool(text) and (text[-1] in SENTENCE_FINAL or text[-1] in CLOSING_BRACKETS)


def rejoin_paragraphs(items: list[Item]) -> list[Item]:
    """The items with every cut paragraph joined to its continuation."""
    out: list[Item] = []
    open_para: int | None = None  # index in `out` of an unfinished paragraph
    for item in items:
        para = item.block if isinstance(item, Body) and isinstance(item.block, Paragraph) else None
        if para is not None and open_para is not None:
            prev = out[open_para]
            if open_para == len(out) - 1:
                out[open_para] = Body(_join(prev.block, para), item.end_line)
            else:  # a figure stands in between: keep it there, continue unindented
                out.append(Body(replace(para, indent=False), item.end_line))
                open_para = len(out) - 1
            if is_complete(para.text):
                open_para = None
            continue
        out.append(item)
        if para is not None:
            open_para = None if is_complete(para.text) else len(out) - 1
        elif not (isinstance(item, Body) and _inserted(item)):
            open_para = None
    return out


def _inserted(item: Body) -> bool:
    """Blocks the extraction can leave inside a cut paragraph: figures."""
    return isinstance(item.block, Figure)


def _join(first: Paragraph, second: Paragraph) -> Paragraph:
    """One paragraph; a space only where two Latin characters meet (CJK needs none)."""
    runs = list(first.inlines)
    head, tail = first.text.rstrip()[-1:], second.text.lstrip()[:1]
    if head and tail and not is_wide(head) and not is_wide(tail) and head.isalnum() \
            and tail.isalnum():
        runs.append(Text(" "))
    runs.extend(second.inlines)
    merged: list = []
    for run in runs:
        if merged and isinstance(run, Text) and isinstance(merged[-1], Text) \
                and merged[-1].style is run.style:
            merged[-1] = Text(merged[-1].text + run.text, run.style)
        else:
            merged.append(run)
    return Paragraph(tuple(merged), first.source, first.indent)
