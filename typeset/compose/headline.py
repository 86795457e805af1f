"""Display lines set as a desk sets them: a headline (or kicker, subtitle) broken by meaning,
its lines balanced, at the size of its range that fills the measure.

1. The breaks a head may take are those of headline_breaks.break_points (between words,
   never inside a number with its unit, a date, a short quotation or a Latin word) where
   the composer's line-edge rules allow one as well (kinsoku; UAX #14 inside Latin).
2. Fewest lines first: one line when the head fits the measure at a size of its range, else
   two, … up to `max_lines` of the layout's [headlines].
3. Of the settings with that many lines, every line fitting at the smallest size, the most
   even: least spread of the line widths (em) plus the cost of the breaks. A head of
   clauses ("聚焦群众急难愁盼　提升公共服务质效") keeps them apart whenever that is allowed:
   one clause per line, a long clause over lines of its own, or (fewer lines than clauses)
   breaks at clause ends only. Never a last line under `last_line_min` of the longest, nor a line of
   fewer than `min_line_chars` characters.
4. Then the size: the largest of the range, in `size_step` steps, at which the longest line
   still fits — the head fills its span. A range of one size (a kicker, a subtitle, or a
   compact headline) just keeps it.

When no setting keeps these rules (a long subtitle over one column, a word wider than the
measure), more lines are allowed, then the balance rules are dropped, and the last resort
is the paragraph composer's ragged setting at the smallest size, which never overflows.

Widths are linear in the size (advances, half-width marks and the Han–Latin glue all scale
with it), so the search runs once in em and only the chosen setting is set at its size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import accumulate

from ..config import HeadlineRules, TextRules
from ..fonts import FontSet
from . import compose_paragraph
from .breaks import OK
from .headline_breaks import BreakPoint, break_points
from .justify import set_line
from .line import Line
from .pieces import prepare
from .runs import StyledRun
from .spacing import Spacing

# Lengths closer than this (points) are equal.
EPS = 1e-6
# Settings of one line count looked at, at most: a head has a few dozen break points, but a
# long subtitle over one narrow column could have millions of settings of six or more lines.
# Past this many the best one found is taken (only ever in that fallback).
MAX_SETTINGS = 5000
# The full-width space: at a line's end it is blank that must not count (centred lines are
# centred on their ink).
IDEOGRAPHIC_SPACE = "\u3000"


@dataclass(frozen=True)
class HeadLines:
    """A display part as set: its size, its lines, and the character offsets in its text at
    which lines 2, 3, … start."""

    size: float
    lines: tuple[Line, ...]
    breaks: tuple[int, ...]


@dataclass(frozen=True)
class _Setting:
    """Line starts (glyph indices after the first line's 0) and what the choice weighs."""

    starts: tuple[int, ...]
    widest: float  # points, at the reference size
    key: tuple[bool, float]  # (clauses mixed on a line, spread + break costs): least wins


# Settings kept: the make-up asks for each part at a few spans, compact or not, for every
# variant of its module (about a thousand asks over the sample's 71 articles).
CACHE_SIZE = 4096
# FontSet is unhashable: keyed by identity, the entry keeps the set (pieces.py does the same).
_CACHE: dict[tuple, tuple[FontSet, HeadLines]] = {}


def set_head(text: str, role: str, sizes: tuple[float, float], measure: float,
             fonts: FontSet, text_rules: TextRules, rules: HeadlineRules, *,
             align: str = "left") -> HeadLines:
    """Set `text` in `role` at a size within `sizes` (smallest, largest) across `measure`
    points: lines broken by meaning and balanced, the size the largest that fits (cached).

    `align` is "left", "center" or "right"; lines are never justified."""
    key = (text, role, sizes, measure, id(fonts), text_rules, rules, align)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is fonts:
        return hit[1]
    result = _set_head(text, role, sizes, measure, fonts, text_rules, rules, align)
    if len(_CACHE) >= CACHE_SIZE:
        del _CACHE[next(iter(_CACHE))]
    _CACHE[key] = (fonts, result)
    return result


def _set_head(text: str, role: str, sizes: tuple[float, float], measure: float,
              fonts: FontSet, text_rules: TextRules, rules: HeadlineRules, align: str
              ) -> HeadLines:
    low, high = sizes
    pieces = prepare([StyledRun(text, role, high)], fonts, text_rules, 0.0).pieces
    if len(pieces) != 1 or pieces[0] is None:  # hard breaks: the author broke it already
        return _ragged(text, role, low, measure, fonts, text_rules, align)
    piece = pieces[0]
    offsets = _offsets(piece.glyphs)
    # Widths are measured at the largest size; a line must fit at the smallest.
    search = _Search(piece.spacing, piece.em, _candidates(text, piece.classes, offsets),
                     offsets, text, measure * high / low, rules)
    setting = search.best(measure)
    if setting is None:
        return _ragged(text, role, low, measure, fonts, text_rules, align)
    size = low if low == high else _fitting_size(low, high, measure * high / setting.widest,
                                                 rules.size_step)
    breaks = tuple(offsets[g] for g in setting.starts)
    return HeadLines(size, _set_lines(text, role, size, breaks, measure, fonts, text_rules,
                                      align), breaks)


def _offsets(glyphs) -> list[int]:
    """The character offset at which each glyph starts (and the text's length at the end)."""
    return list(accumulate((len(g.text) for g in glyphs), initial=0))


def _candidates(text: str, classes: list[int], offsets: list[int]
                ) -> list[tuple[int, BreakPoint]]:
    """(glyph index, break point) of every break both meaning and the line-edge rules
    allow."""
    glyph_at = {o: g for g, o in enumerate(offsets[:-1]) if classes[g] == OK}
    return [(glyph_at[bp.offset], bp) for bp in break_points(text) if bp.offset in glyph_at]


class _Search:
    """The settings of one head, measured at the reference size `em`: every line at most
    `limit` points wide (the measure at the smallest size)."""

    def __init__(self, sp: Spacing, em: float, cands: list[tuple[int, BreakPoint]],
                 offsets: list[int], text: str, limit: float, rules: HeadlineRules) -> None:
        n = len(sp.glyphs)
        self.sp, self.em, self.offsets, self.limit, self.rules = sp, em, offsets, limit, rules
        self.ends = [g for g, _ in cands] + [n]  # where a line may end: a candidate, or n
        self.cost_at = {g: bp.cost for g, bp in cands}
        self.clauses = frozenset(g for g, bp in cands if bp.clause)  # after a clause's space
        # Non-space characters before each offset: what "a line of 1–2 characters" counts.
        self.solid = list(accumulate((not c.isspace() for c in text), initial=0))
        self.blank_end = [0.0] * (n + 1)  # a full-width space ending a line is white
        for g in range(1, n + 1):
            if sp.glyphs[g - 1].text == IDEOGRAPHIC_SPACE:
                self.blank_end[g] = sp.width[g - 1]

    def width(self, i: int, j: int) -> float:
        """The natural width of the line of glyphs i..j-1."""
        return self.sp.end_width[j] - self.sp.start_width[i] - self.blank_end[j]

    def best(self, full: float) -> _Setting | None:
        """The best setting with the fewest lines, or None: first within the rules, then
        with more lines, then without the balance rules. `full` is the measure at the
        reference size: a head of clauses that would fit fewer lines only below it is set
        one clause per line instead, when that fits."""
        n = self.ends[-1]
        if any(self.width(i, j) > self.limit + EPS for i, j in zip([0, *self.ends], self.ends)):
            return None  # a stretch between two breaks is wider than the measure
        fewest = int(self.width(0, n) / self.limit - EPS) + 1
        most = len(self.ends)  # a line between every two breaks
        top = self.rules.max_lines
        for counts, strict in ((range(fewest, top + 1), True),
                               (range(max(fewest, top + 1), most + 1), True),
                               (range(fewest, most + 1), False)):
            for k in counts:
                best = self.best_of(k, strict)
                if best is None:
                    continue
                split = len(self.clauses) + 1
                if strict and k < split <= top and best.widest > full + EPS:
                    apart = self.best_of(split, strict)
                    if apart is not None and not apart.key[0]:
                        return apart
                return best
        return None

    def best_of(self, k: int, strict: bool) -> _Setting | None:
        """The best setting of exactly `k` lines (the module's rule 3; `strict`: with the
        balance rules), or None."""
        n = self.ends[-1]
        rules, solid, offsets = self.rules, self.solid, self.offsets
        best: _Setting | None = None
        for count, starts in enumerate(self.settings(k)):
            if count >= MAX_SETTINGS:
                break
            bounds = (0, *starts, n)
            widths = [self.width(i, j) for i, j in zip(bounds, bounds[1:])]
            widest = max(widths)
            if strict and k > 1:
                if widths[-1] < rules.last_line_min * widest - EPS:
                    continue
                if any(solid[offsets[j]] - solid[offsets[i]] < rules.min_line_chars
                       for i, j in zip(bounds, bounds[1:])):
                    continue
            chosen = set(starts)
            apart = self.clauses <= chosen or chosen <= self.clauses
            cost = (widest - min(widths)) / self.em + sum(self.cost_at[g] for g in starts)
            setting = _Setting(starts, widest, (not apart, cost))
            if best is None or (setting.key, setting.widest) < (best.key, best.widest):
                best = setting
        return best

    def settings(self, k: int):
        """Every choice of k−1 line starts from the candidates whose lines are all at most
        `limit` wide, as tuples of glyph indices."""
        ends, width, limit = self.ends, self.width, self.limit
        n = ends[-1]

        def rest(first: int, start: int, left: int):
            if left == 1:
                if width(start, n) <= limit + EPS:
                    yield ()
                return
            for c in range(first, len(ends) - 1):
                g = ends[c]
                if width(start, g) > limit + EPS:
                    return  # lines only grow as their end moves on
                if width(g, n) > (left - 1) * limit + EPS:
                    continue  # the rest cannot fit in the lines left
                for tail in rest(c + 1, g, left - 1):
                    yield (g, *tail)

        return rest(0, 0, k)


def _fitting_size(low: float, high: float, fit: float, step: float) -> float:
    """The largest size from `low` up in `step`s, at most `high` and `fit` (the size at
    which the longest line exactly fills the measure)."""
    if fit >= high - EPS:
        return high
    steps = int((fit - low) / step + EPS)
    return max(low, low + steps * step)


def _set_lines(text: str, role: str, size: float, breaks: tuple[int, ...], measure: float,
               fonts: FontSet, text_rules: TextRules, align: str) -> tuple[Line, ...]:
    """The lines of `text` at `size`, a new line at each character offset of `breaks`."""
    piece = prepare([StyledRun(text, role, size)], fonts, text_rules, 0.0).pieces[0]
    sp = piece.spacing
    glyph_at = {o: g for g, o in enumerate(_offsets(piece.glyphs))}
    bounds = (0, *(glyph_at[o] for o in breaks), len(sp.glyphs))
    lines = []
    for i, j in zip(bounds, bounds[1:]):
        line = set_line(sp, i, j, measure, 0.0, last=j == bounds[-1], align=align)
        if align != "left" and sp.glyphs[j - 1].text == IDEOGRAPHIC_SPACE:
            # Centred (or right-aligned) on the ink: the space's white hangs past the end.
            shift = sp.width[j - 1] / (2 if align == "center" else 1)
            line = replace(line, xs=tuple(x + shift for x in line.xs),
                           width=line.width + shift)
        lines.append(line)
    return tuple(lines)


def _ragged(text: str, role: str, size: float, measure: float, fonts: FontSet,
            text_rules: TextRules, align: str) -> HeadLines:
    """The last resort: the paragraph composer's ragged setting at `size` (it breaks inside
    words when it must, and never overflows)."""
    lines = compose_paragraph([StyledRun(text, role, size)], measure, fonts, text_rules,
                              align=align)
    breaks = []
    at = 0
    for prev in lines[:-1]:
        at += len(prev.text) + prev.last  # a line ended by a hard break: its "\n" too
        breaks.append(at)
    return HeadLines(size, tuple(lines), tuple(breaks))
