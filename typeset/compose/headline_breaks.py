"""Where a headline may break, and what each break costs — by meaning, not by where a line
happens to fill.

A head breaks only between words. The words come from ICU's dictionary word break (PyICU
over the system's libicu), and a break is further kept out of:

* a number with its magnitude, unit or 量词 ("15.6万人", "386.4万件", "86.5%", "三百余场"),
  and a number from the word after it ("2026|赛季", "12345|热线" are one unit to a reader);
* a date or time ("11月20日", "2026年11月");
* a quoted or bracketed phrase of under QUOTE_KEEP characters (“上冰”, 《渡口》, （前八名）);
* a Latin word (ICU and UAX #14 agree there; Latin heads break at their spaces only, with no
  hyphenation).

Why ICU: its Chinese dictionary ships inside libicudata and is memory-mapped, so nothing is
loaded at run time — importing PyICU takes about 6 ms and a break iterator 3 µs, where
jieba reads its dictionary into Python on first use (0.56 s a run here, a third of the
sample's whole build) and rjieba (jieba-rs) still takes about 0.1 s. ICU is maintained with
CLDR and segments Latin, digits and punctuation by UAX #29 in the same pass. Its weakness is
words its dictionary lacks (the place name 江城, 质效): it splits them into single
characters. So a boundary next to a one-character segment costs more than one between two
dictionary words, and one between two single characters (江|城) more still.

The author's own separators are the best breaks and cost nothing: a space between two
clauses (the full-width "　", or a plain space between Han text: "汇聚创新资源 打通转化链条")
and the end of a phrase ("，", "：", "；", "、", "！", "？").

Costs are in em of the head, the unit the balance works in (headline.py): a cost of 1 is
worth one character of unevenness between the lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import icu

from .classes import is_han

# A break between two dictionary words, where the author put no mark: worth two characters
# of unevenness, so that a phrase mark two characters off the middle still wins over it.
WORD_COST = 2.0
# A break next to a one-character segment — ICU's split of a word it does not know (生活|圈),
# or a real one-character word (的, 把, 省), which binds to its neighbour: twice that.
SINGLE_COST = 4.0
# A break between two one-character segments: most often inside a word ICU lacks (江|城,
# 实|事): twice that again.
TWO_SINGLES_COST = 8.0
# A break inside a quoted phrase long enough to be broken (QUOTE_KEEP characters or more)
# costs this on top: the phrase reads as one.
INSIDE_QUOTE_COST = 1.0
# Quoted or bracketed phrases shorter than this many characters are never broken.
QUOTE_KEEP = 8

# Marks that end a phrase: a break after one is the author's own.
PHRASE_END = "，：；、！？。"
# A subtitle's leading dash (——) introduces what follows: never a line of its own.
DASHES = "—⸺"
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}

# A number: Arabic digits with decimal and thousands marks, or Chinese numerals. The
# ordinal and approximate prefixes 第/前/近/约 go with it ("前10个月"), as 余/多 after it.
_DIGITS = r"[0-9０-９]+(?:[.,．:][0-9０-９]+)*"
_NUMERALS = r"[〇零一二两三四五六七八九十百千万亿]+"
# What a number carries after it: magnitudes, units and 量词 (measure words), any number of
# them ("15.6万人", "10个月"). Units of several characters are listed whole: 公 or 小 alone
# is no unit.
_UNITS = ("(?:平方公里|平方米|立方米|公里|公斤|公顷|千米|千克|千瓦|兆瓦|小时|分钟|个月|周年|"
          "人次|架次|美元|欧元|英镑|港元|"
          "[万亿千百十余多个件人元家座部户名项种场所次位条台辆架艘套批处片块本册篇份只头株棵"
          "张支根间栋层届期轮版例起宗门道列班趟首杯碗瓶袋箱包双对组队年月日天周时分秒岁倍成"
          "号度米克斤吨亩升角强线站代季节章集页票])+")
_SIGNS = "[%‰℃℉°]"
# A number; `unit` is what it carries (none: a bare number, read with the word after it).
_NUMBER = re.compile(rf"[第前近约]?(?:{_DIGITS}(?P<unit>{_SIGNS}|{_UNITS})?"
                     rf"|{_NUMERALS}(?P<count>{_UNITS}))")
_N = rf"(?:{_DIGITS}|{_NUMERALS})"
_DATE = re.compile(rf"(?:{_N}年)?{_N}月{_N}[日号](?:{_N}[时点](?:{_N}分)?)?|{_N}年{_N}月|"
                   rf"{_N}[时点]{_N}分")


@dataclass(frozen=True)
class BreakPoint:
    """A place a head may break: the line after it starts at character `offset`, at `cost`
    (em of the head); `clause`: it is the author's space between two clauses."""

    offset: int
    cost: float
    clause: bool = False


@functools.lru_cache(maxsize=4096)
def break_points(text: str) -> tuple[BreakPoint, ...]:
    """Every offset (1..len-1) at which `text` may start a new line, in order, with its cost.

    Line-edge rules (kinsoku) are not applied here: the composer's gap classes do that."""
    bounds = _word_bounds(text)
    if not bounds:
        return ()
    kept = _kept_together(text, bounds)
    # One-character Han segments, by where they end and where they start; what is kept
    # together ("10个月") is one segment, whatever ICU made of it.
    edges = [0, *(o for o in bounds if o not in kept), len(text)]
    singles_before = {b: b - a == 1 and is_han(text[a]) for a, b in zip(edges, edges[1:])}
    singles_after = {a: b - a == 1 and is_han(text[a]) for a, b in zip(edges, edges[1:])}
    inside_quote = _inside_long_quotes(text)
    points = []
    for o in bounds:
        if o in kept or text[o].isspace():  # a line never starts with a space
            continue
        before = text[o - 1]
        if before.isspace() and _clause_space(text, o - 1):
            points.append(BreakPoint(o, 0.0, clause=True))
            continue
        if before.isspace():  # between Latin words
            cost = WORD_COST
        elif before in PHRASE_END:
            cost = 0.0
        else:
            n = singles_before.get(o, False) + singles_after.get(o, False)
            cost = (WORD_COST, SINGLE_COST, TWO_SINGLES_COST)[n]
        if o in inside_quote:
            cost += INSIDE_QUOTE_COST
        points.append(BreakPoint(o, cost))
    return tuple(points)


def _word_bounds(text: str) -> list[int]:
    """ICU's word boundaries inside `text` (offsets 1..len-1), as Python string offsets."""
    it = icu.BreakIterator.createWordInstance(icu.Locale("zh"))
    it.setText(text)
    units = list(it)  # UTF-16 offsets
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        offsets = units
    else:  # characters beyond the BMP are two UTF-16 units
        at, unit = {}, 0
        for i, c in enumerate(text):
            at[unit] = i
            unit += 2 if ord(c) >= 0x10000 else 1
        offsets = [at[u] for u in units if u in at]
    return [o for o in offsets if 0 < o < len(text)]


def _kept_together(text: str, bounds: list[int]) -> set[int]:
    """Offsets a break must not fall before: inside numbers with their units, dates and
    short quoted phrases, a leading dash and what it introduces, and a bare number and the
    word after it (up to that word's end, one of `bounds`)."""
    kept: set[int] = set()
    for m in _NUMBER.finditer(text):
        a, b = m.span()
        kept.update(range(a + 1, b))
        bare = m.group("unit") is None and m.group("count") is None
        if bare and b < len(text) and is_han(text[b]):
            kept.update(range(b, _word_end(text, b, bounds)))
    for m in _DATE.finditer(text):
        kept.update(range(m.start() + 1, m.end()))
    for a, b in _quotes(text):
        if b - a - 1 < QUOTE_KEEP:
            kept.update(range(a + 1, b + 1))
    lead = len(text) - len(text.lstrip(DASHES))
    kept.update(range(1, lead + 1))
    return kept


def _word_end(text: str, start: int, bounds: list[int]) -> int:
    """Where the word starting at `start` ends: the next boundary, or — when ICU split the
    word into single characters, as it does words it lacks (2026赛|季, 2026江|城) — the
    end of that run of one-character segments."""
    later = [o for o in bounds if o > start] + [len(text)]
    end = later[0]
    for nxt in later[1:]:
        if end - start > 1 or nxt - end > 1 or not is_han(text[end]):
            break
        start, end = end, nxt
    return end


def _quotes(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of every quoted or bracketed phrase."""
    spans = []
    open_at: list[tuple[str, int]] = []
    for i, c in enumerate(text):
        if c in QUOTE_PAIRS:
            open_at.append((QUOTE_PAIRS[c], i))
        elif open_at and c == open_at[-1][0]:
            spans.append((open_at.pop()[1], i))
    return spans


def _inside_long_quotes(text: str) -> set[int]:
    """Offsets inside quoted phrases of QUOTE_KEEP characters or more."""
    return {o for a, b in _quotes(text) if b - a - 1 >= QUOTE_KEEP for o in range(a + 1, b + 1)}


def _clause_space(text: str, k: int) -> bool:
    """Is the space at `k` the author's separator of two clauses: a full-width space, or a
    space with CJK text on both sides (Chinese puts no spaces between words)?"""
    if text[k] == "\u3000":
        return True
    a, b = text[:k].rstrip()[-1:], text[k + 1:].lstrip()[:1]
    return bool(a and b) and not a.isascii() and not b.isascii()
