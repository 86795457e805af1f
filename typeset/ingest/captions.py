"""Photo captions in raw extracted text: the photo is gone, its caption and credit are not.

A paragraph starting "图为…" (or "上图为…" etc.), optionally followed by a credit paragraph
("本报记者 刘大毅 摄", "新华社发", "资料图片"), becomes a Figure with image=None.
"""

from __future__ import annotations

import re

from typeset.ingest.items import Body, Item
from typeset.model import Figure, Paragraph

CAPTION = re.compile(r"^(?:[上下左右中]?图[为：:]|图\s*[①-⑩\d]+)")
CREDIT = re.compile(r"^.{0,30}(?:摄|供图|发|资料图片|制图)$")
MAX_CREDIT = 30


def find_captions(items: list[Item]) -> list[Item]:
    """The items with caption (+ credit) paragraphs replaced by image-less Figures."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        caption = _paragraph(items[i])
        if caption is None or not CAPTION.match(caption.text):
            out.append(items[i])
            i += 1
            continue
        credit_para = _paragraph(items[i + 1]) if i + 1 < len(items) else None
        has_credit = (credit_para is not None and len(credit_para.text.strip()) <= MAX_CREDIT
                      and bool(CREDIT.match(credit_para.text.strip())))
        last = items[i + 1] if has_credit else items[i]
        out.append(Body(Figure(None, caption.text.strip(),
                               credit_para.text.strip() if has_credit else "", caption.source),
                        last.end_line))
        i += 2 if has_credit else 1
    return out


def _paragraph(item: Item) -> Paragraph | None:
    if isinstance(item, Body) and isinstance(item.block, Paragraph):
        return item.block
    return None
