"""Where lines are broken: a greedy first-fit breaker that keeps the kinsoku rules.

It takes the longest line that fits, then moves the break back to the nearest permitted
opportunity (pushing out); a unit with no opportunity inside the measure is cut where it
overflows, so nothing ever runs past the column.
"""

from __future__ import annotations

from .classes import is_word_char, not_at_end, not_at_start
from .shaping import Glyph

# A dash or ellipsis pair shaped as two glyphs must stay together.
_NEVER_SPLIT = frozenset("—…⋯⸺")


def break_allowed(prev: Glyph, cur: Glyph, level: str) -> bool:
    """May a line end after `prev` and the next begin with `cur`?"""
    if not cur.text:  # a later glyph of the same cluster
        return False
    a, b = prev.text[-1:], cur.char
    if not a:
        return False
    if is_word_char(a) and is_word_char(b):
        return False
    if a in _NEVER_SPLIT and b == a:
        return False
    if b in not_at_start(level) or a in not_at_end(level):
        return False
    if a == " " or b == " ":
        return True
    # Inside a Latin word or number ("1,234.5", "PM2.5", "e-mail") there is no break.
    if (is_word_char(a) or a in ",.-_'") and (is_word_char(b) or b in ",.-_'") and \
            (is_word_char(a) or is_word_char(b)):
        return False
    return True


def greedy_breaks(glyphs: list[Glyph], measure: float, first_indent: float, level: str
                  ) -> list[int]:
    """Indices where lines start (the first is 0) for one stretch without hard breaks."""
    starts = [0]
    width = first_indent
    last_ok = -1  # index of the last glyph that may start a new line
    i = starts[0]
    while i < len(glyphs):
        g = glyphs[i]
        if i > starts[-1] and break_allowed(glyphs[i - 1], g, level):
            last_ok = i
        if width + g.advance > measure + 1e-6 and i > starts[-1]:
            # Trailing spaces hang in the margin instead of forcing a break.
            if g.text == " ":
                width += g.advance
                i += 1
                continue
            cut = last_ok if last_ok > starts[-1] else i
            starts.append(cut)
            width = 0.0
            last_ok = -1
            i = cut
            continue
        width += g.advance
        i += 1
    return starts
