"""Break opportunities: where a line may end, gap by gap.

Between CJK characters CLREQ's rules decide (a break anywhere, except where the kinsoku sets
of the chosen level forbid it or inside ——/……). Inside Latin words, numbers, URLs and e-mail
addresses UAX #14 decides, through `uniseg` (a maintained implementation, not our own
tables); where Latin meets CJK both must agree, except next to CJK punctuation, whose rules
are CLREQ's alone (UAX #14 before 15.1 glues quotation marks to their neighbours, which is
wrong for Chinese).

A Latin token wider than the line (a 64-character hash, a long URL) gets emergency
opportunities: after / . - _ ? first, anywhere as a last resort, so that
nothing ever runs past the column.
"""

from __future__ import annotations

import functools

from uniseg.linebreak import line_break_boundaries

from .classes import LATIN, PUNCTUATION, SPACE, WIDE, never_split, not_at_end, not_at_start
from .shaping import Glyph

# Gap classes, from the most to the least acceptable break. Only OK breaks are used in
# normal composition; the emergency ones only inside over-long units; the forbidden ones only
# when a paragraph cannot be set otherwise (the last-resort pass).
OK = 0  # a break opportunity
URL_POINT = 1  # inside an over-long unit, after / . - _ ? (where URLs and paths break)
ANYWHERE = 2  # inside an over-long unit, anywhere else
WORD = 3  # inside a Latin word or number (UAX #14 forbids)
KINSOKU = 4  # the kinsoku sets forbid
NEVER = 5  # inside ——, ……, ⋯⋯
INSIDE = 6  # inside a glyph cluster: never, not even as a last resort

# After these characters a URL or path may be broken when it is longer than the line.
URL_BREAK_AFTER = frozenset("/.-_?&=#")


def gap_classes(glyphs: list[Glyph], level: str) -> list[int]:
    """The class of every gap: entry g is the gap before glyph g (entry 0 is the paragraph's
    start and always OK)."""
    nas = not_at_start(level)
    nae = not_at_end(level)
    n = len(glyphs)
    out = [OK] * n
    prev_char = ""
    prev_kind = WIDE
    g = 0
    while g < n:
        glyph = glyphs[g]
        text = glyph.text
        if not text:
            out[g] = INSIDE
            g += 1
            continue
        kind = glyph.kind
        if g and (prev_kind == LATIN or prev_kind == SPACE) and (kind == LATIN or kind == SPACE):
            # A Latin stretch: UAX #14 over the whole stretch (context matters inside it).
            end = g
            while end < n and (glyphs[end].kind == LATIN or glyphs[end].kind == SPACE
                               or not glyphs[end].text):
                end += 1
            start = g - 1
            while start > 0 and not glyphs[start].text:
                start -= 1
            prev_char = _latin_stretch(glyphs, start, end, out, nas, nae)[-1]
            prev_kind = LATIN
            g = end
            continue
        if g:
            ch = text[0]
            if never_split(prev_char, ch):
                out[g] = NEVER
            elif ch in nas or prev_char in nae:
                out[g] = KINSOKU
            elif (kind == LATIN or prev_kind == LATIN) and prev_kind not in PUNCTUATION \
                    and kind not in PUNCTUATION and not _uax14_pair(prev_char, ch):
                out[g] = WORD
        prev_char = text[-1]
        prev_kind = kind
        g += 1
    return out


def _latin_stretch(glyphs: list[Glyph], start: int, end: int, out: list[int],
                   nas: frozenset[str], nae: frozenset[str]) -> str:
    """Classes of the gaps inside glyphs[start:end], a stretch of Latin glyphs and spaces;
    returns the stretch's text."""
    offsets = []
    pos = 0
    for k in range(start, end):
        offsets.append(pos)
        pos += len(glyphs[k].text)
    text = "".join(glyphs[k].text for k in range(start, end))
    allowed = _uax14(text)
    for k in range(start + 1, end):
        if not glyphs[k].text:
            out[k] = INSIDE
            continue
        off = offsets[k - start]
        if off not in allowed:
            out[k] = WORD
        elif text[off] in nas or text[off - 1] in nae:
            out[k] = KINSOKU
        else:
            out[k] = OK
    return text


@functools.lru_cache(maxsize=20_000)
def _uax14(text: str) -> frozenset[int]:
    """Offsets in `text` before which UAX #14 allows a break."""
    if text.isascii() and all(ch.isalnum() or ch == " " for ch in text):
        # ASCII letters, digits and spaces only: a break after each run of spaces, nowhere else
        # (UAX #14 LB18/LB28–30); uniseg answers the same, at 0.5 ms a call.
        return frozenset(i for i in range(1, len(text))
                         if text[i - 1] == " " and text[i] != " ")
    return frozenset(b for b in line_break_boundaries(text) if b < len(text))


@functools.cache
def _uax14_pair(a: str, b: str) -> bool:
    """May UAX #14 break between `a` and `b` (a Latin–CJK boundary)?"""
    return 1 in _uax14(a + b)


def open_long_units(classes: list[int], glyphs: list[Glyph], limit: float) -> None:
    """Give every Latin token (a run of Latin glyphs without spaces: a word, number, URL,
    hash) wider than `limit` its emergency opportunities, in place: URL_POINT after
    / . - _ ?, ANYWHERE elsewhere, where UAX #14 forbade a break. Its UAX #14
    opportunities stay; kinsoku and ——/…… stay closed."""
    n = len(glyphs)
    g = 0
    while g < n:
        if glyphs[g].kind != LATIN:
            g += 1
            continue
        end = g + 1
        width = glyphs[g].advance
        while end < n and (glyphs[end].kind == LATIN or not glyphs[end].text):
            width += glyphs[end].advance
            end += 1
        if width > limit:
            for k in range(g + 1, end):
                if classes[k] == WORD:
                    after_url_mark = glyphs[k - 1].text[-1:] in URL_BREAK_AFTER
                    classes[k] = URL_POINT if after_url_mark else ANYWHERE
        g = end
