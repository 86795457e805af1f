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

from uniseg.emoji import extended_pictographic
from uniseg.linebreak import line_break, line_break_boundaries
from uniseg.unicodedatawrapper import category, east_asian_width

from .classes import (DASH_ELLIPSIS, LATIN, LATIN_CLOSE, LATIN_OPEN, PUNCTUATION, SPACE, WIDE,
                      kind_of, not_at_end, not_at_start)
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
    # Between two glyphs of one WIDE character each (two Han characters: most gaps of a
    # paragraph) a break is OK at every level, since the kinsoku sets and ——/…… hold no WIDE
    # character; only the gaps beside the other glyphs need a look.
    odd = [k for k, g in enumerate(glyphs) if g.kind != WIDE or len(g.text) != 1]
    if not odd:
        return out
    # CLREQ between CJK characters first (never inside ——, ……, ⋯⋯ or a run of ⸺); Latin is
    # refined below.
    for g in {*odd, *(k + 1 for k in odd)}.difference((0, n)):
        a = glyphs[g - 1].text[-1:] or _last_char(glyphs, g - 1)
        b = glyphs[g].text[:1]
        out[g] = NEVER if a == b and a in DASH_ELLIPSIS else \
            KINSOKU if b in nas or a in nae else OK
    latin = []
    for k in odd:
        glyph = glyphs[k]
        if k and not glyph.text:  # a cluster's later glyphs
            out[k] = INSIDE
        if glyph.kind == LATIN or glyph.kind == SPACE:
            latin.append(k)
    r = 0
    while r < len(latin):
        # A maximal stretch of Latin glyphs and spaces: UAX #14 inside it (context matters
        # there); at its two edges UAX #14 and CLREQ must both allow a break, except next to
        # CJK punctuation, which CLREQ alone governs.
        start = latin[r]
        while r + 1 < len(latin) and latin[r + 1] == latin[r] + 1:
            r += 1
        end = latin[r] + 1
        r += 1
        if end - start > 1:
            _latin_stretch([g.text for g in glyphs[start:end]], start, out, nas, nae)
        if start and out[start] == OK and glyphs[start].kind == LATIN \
                and glyphs[start - 1].kind not in PUNCTUATION \
                and not _uax14_pair(_last_char(glyphs, start - 1), glyphs[start].text[:1]):
            out[start] = WORD
        if end < n and out[end] == OK and glyphs[end - 1].kind == LATIN \
                and glyphs[end].kind not in PUNCTUATION \
                and not _uax14_pair(_last_char(glyphs, end - 1), glyphs[end].text[:1]):
            out[end] = WORD
    return out


def _last_char(glyphs: list[Glyph], k: int) -> str:
    """The character before the gap after glyph k: the last of glyph k, or of the glyph its
    cluster began with ("" before the first glyph)."""
    while k >= 0 and not glyphs[k].text:
        k -= 1
    return glyphs[k].text[-1:] if k >= 0 else ""


def _latin_stretch(texts: list[str], start: int, out: list[int], nas: frozenset[str],
                   nae: frozenset[str]) -> None:
    """Classes of the gaps inside a stretch of Latin glyphs and spaces: `texts` are its
    glyphs', the first at index `start`."""
    offsets = []
    pos = 0
    for t in texts:
        offsets.append(pos)
        pos += len(t)
    text = "".join(texts)
    allowed = _uax14(text)
    for k in range(1, len(texts)):
        if not texts[k]:
            out[start + k] = INSIDE
            continue
        off = offsets[k]
        if off not in allowed:
            out[start + k] = WORD
        elif text[off] in nas or text[off - 1] in nae:
            out[start + k] = KINSOKU
        else:
            out[start + k] = OK


# The shortcut of gap_classes: no WIDE character is in a kinsoku set or is a dash/ellipsis.
assert not any(kind_of(ch) == WIDE for ch in not_at_start("strict") | not_at_end("strict")
               | set(DASH_ELLIPSIS))


@functools.lru_cache(maxsize=20_000)
def _uax14(text: str) -> frozenset[int]:
    """Offsets in `text` before which UAX #14 allows a break."""
    if text.isascii() and all(ch.isalnum() or ch == " " for ch in text):
        # ASCII letters, digits and spaces only: a break after each run of spaces, nowhere else
        # (UAX #14 LB18/LB28–30); uniseg answers the same, at 0.5 ms a call.
        return frozenset(i for i in range(1, len(text))
                         if text[i - 1] == " " and text[i] != " ")
    return _uax14_alike("".join(map(_alike, text)))


@functools.lru_cache(maxsize=20_000)
def _uax14_alike(text: str) -> frozenset[int]:
    return frozenset(b for b in line_break_boundaries(text) if b < len(text))


# uniseg's rules read a character's line-break class, general category, East Asian width
# and Extended_Pictographic, and compare two characters by identity (U+2010, U+25CC):
# characters alike in all of these break alike. Asking uniseg once per pattern ("41,286"
# and "12,345", "第9" and "达6") instead of once per text saves most of its 0.5 ms calls.
_SELF_ALIKE = frozenset("\u2010\u25cc")
_ALIKE: dict[str, str] = {}
_FIRST_WITH: dict[tuple, str] = {}


def _alike(ch: str) -> str:
    """The first character seen that UAX #14 (as uniseg implements it) treats like `ch`."""
    rep = _ALIKE.get(ch)
    if rep is None:
        if ch in _SELF_ALIKE:
            rep = ch
        else:
            props = (line_break(ch), category(ch), east_asian_width(ch),
                     extended_pictographic(ch))
            rep = _FIRST_WITH.setdefault(props, ch)
        _ALIKE[ch] = rep
    return rep


@functools.cache
def _uax14_pair(a: str, b: str) -> bool:
    """May UAX #14 break between `a` and `b` (a Latin–CJK boundary)?"""
    return 1 in _uax14(a + b)


def latin_tokens(glyphs: list[Glyph]) -> list[tuple[int, int, float]]:
    """(start, end, width in points) of every Latin token of `glyphs`: a run of Latin glyphs
    without spaces (a word, number, URL, hash), with the later glyphs of its clusters."""
    tokens = []
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
        tokens.append((g, end, width))
        g = end
    return tokens


def open_long_units(classes: list[int], glyphs: list[Glyph],
                    tokens: list[tuple[int, int, float]], limit: float, level: str) -> None:
    """Give every Latin token (from latin_tokens) wider than `limit` its emergency
    opportunities, in place: URL_POINT after / . - _ ?, ANYWHERE elsewhere, where UAX #14
    forbade a break. Its UAX #14 opportunities stay; kinsoku and ——/…… stay closed: at
    any level but none no line starts with a Latin closing mark (the "." of a host name)
    or ends with an opening one. The solidus rule of gb is not applied here: after "/"
    is where a URL breaks."""
    shut_start = not_at_start(level) & frozenset(LATIN_CLOSE)
    shut_end = not_at_end(level) & frozenset(LATIN_OPEN)
    for start, end, width in tokens:
        if width > limit:
            for k in range(start + 1, end):
                after = glyphs[k].text[:1]
                before = _last_char(glyphs, k - 1)
                if classes[k] == WORD and after not in shut_start and before not in shut_end:
                    after_url_mark = glyphs[k - 1].text[-1:] in URL_BREAK_AFTER
                    classes[k] = URL_POINT if after_url_mark else ANYWHERE
