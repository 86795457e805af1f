"""Set one line: apply the line-edge rules, shrink or stretch it to the measure in CLREQ's
order, and place its glyphs.

Shrinking takes each tier of spacing.SHRINK_TIERS in turn, all of a tier before the next,
spreading a tier's share over its items in proportion to what each can give. Stretching
fills Latin word spaces, then the Han–Latin glue, then spreads what is left evenly over
the gaps that allow inter-character spacing.
"""

from __future__ import annotations

from itertools import accumulate
from operator import add

from .classes import OPEN
from .line import Line
from .spacing import SHRINK_TIERS, TIER_GLUE, TIER_NONE, Spacing

def set_line(sp: Spacing, i: int, j: int, measure: float, indent: float, *, last: bool,
             align: str, tracking: float = 0.0) -> Line:
    """The Line of glyphs i..j-1 of `sp`, its first glyph after `indent` points.

    `align` is "justify" (the line fills the measure unless `last`), "left", "center" or
    "right". A line too long for the measure is shrunk whatever the alignment; `tracking`
    points at each spacing gap are the last thing it gives up."""
    glyphs = sp.glyphs[i:j]
    width = sp.width[i:j]
    shift = sp.shift[i:j]
    gap = sp.glue[i:j]
    gap[0] = 0.0
    if sp.start_cut[i]:
        width[0] -= sp.start_cut[i]
        shift[0] = sp.start_shift[i]
    if sp.end_cut[j - 1]:
        width[-1] -= sp.end_cut[j - 1]
    need = measure - (sp.end_width[j] - sp.start_width[i])
    if need < -1e-9:
        # An edge mark that has given its blank already cannot shrink again.
        rest = _shrink(sp, i, glyphs, width, shift, gap, -need, first_free=not sp.start_cut[i],
                       last_free=not sp.end_cut[j - 1])
        if rest > 1e-9 and tracking:
            slots = sp.spacing_gap[i + 1:j]
            count = sum(slots)
            if count:
                each = min(tracking, rest / count)
                gap[1:] = [g - each if s else g for g, s in zip(gap[1:], slots)]
        need = 0.0
    elif align == "justify" and not last and need > 1e-9:
        need = _stretch(sp, i, j, width, gap, need)
    x = indent if i == 0 else 0.0
    if align == "center":
        x += need / 2
    elif align == "right":
        x += need
    # Box k starts at x + Σ_{m<k} (gap[m] + width[m]) + gap[k]; its origin is `shift` from it
    # (most lines have no shift at all: adding zeros would give the same floats).
    starts = list(accumulate(map(add, gap, width), initial=x))
    if any(shift):
        xs = [s + g + d for s, g, d in zip(starts, gap, shift)]
    else:
        xs = list(map(add, starts, gap))
    return Line(tuple(glyphs), tuple(xs), tuple(width), starts[-1], measure, last)


def _shrink(sp: Spacing, i: int, glyphs, width, shift, gap, amount: float, *,
            first_free: bool, last_free: bool) -> float:
    """Shrink the punctuation and glue by `amount`, tier by tier; returns what is left."""
    n = len(width)
    # The marks and spaces that can shrink, by tier, in line order (most glyphs have no
    # tier): a tier's share is spread over them alone.
    tiers = sp.tier[i:i + n]
    items = [k for k, t in enumerate(tiers) if t != TIER_NONE]
    if items and items[0] == 0 and not first_free:
        del items[0]
    if items and items[-1] == n - 1 and not last_free:
        del items[-1]
    by_tier: dict[int, list[int]] = {}
    for k in items:
        by_tier.setdefault(tiers[k], []).append(k)
    shrink = sp.shrink
    for tier in SHRINK_TIERS:
        if amount <= 1e-9:
            return 0.0
        if tier == TIER_GLUE:
            glue = sp.glue_shrink[i + 1:i + n]
            cap = sum(glue)
            if cap <= 0.0:
                continue
            f = min(1.0, amount / cap)
            amount -= f * cap
            gap[1:] = [g - f * s for g, s in zip(gap[1:], glue)]
            continue
        these = by_tier.get(tier)
        if these is None:
            continue
        cap = sum([shrink[i + k] for k in these])
        if cap <= 0.0:
            continue
        f = min(1.0, amount / cap)
        amount -= f * cap
        for k in these:
            width[k] -= f * shrink[i + k]
            if glyphs[k].kind == OPEN:  # its leading blank goes: the ink moves left
                shift[k] += f * glyphs[k].lead
    return amount


def _stretch(sp: Spacing, i: int, j: int, width, gap, need: float) -> float:
    """Stretch by `need`; returns what could not be placed (only a one-glyph line of the
    last-resort pass keeps any)."""
    spaces = sp.stretch[i:j - 1]  # a space at the line's end hangs: it does not stretch
    cap = sum(spaces)
    if cap > 0.0:
        f = min(1.0, need / cap)
        for k, s in enumerate(spaces):
            if s:
                width[k] += f * s
        need -= f * cap
    glue = sp.glue_stretch[i + 1:j]
    cap = sum(glue)
    if need > 1e-9 and cap > 0.0:
        f = min(1.0, need / cap)
        for k, s in enumerate(glue, 1):
            if s:
                gap[k] += f * s
        need -= f * cap
    if need > 1e-9:
        slots = sp.spacing_gap[i + 1:j]
        count = sum(slots)
        if not count:  # a last-resort line (a number alone on it): space inside the word
            slots = sp.rescue_gap[i + 1:j]
            count = sum(slots)
        if count:
            each = need / count
            gap[1:] = [g + each if s else g for g, s in zip(gap[1:], slots)]
            need = 0.0
    return need
