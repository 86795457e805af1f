"""Total-fit line breaking: Knuth–Plass over CJK glue and penalties.

All breaks of a piece are chosen together, minimising the sum over lines of
(LINE_PENALTY + badness)² + penalty², as TeX and Typst's `linebreak_optimized` do for Latin
text. A line's badness measures how far it is shrunk or stretched relative to what it can
give: compressible punctuation for shrinking (cheap: pushing a mark in beats pushing a
character out, CLREQ's order), Han–Latin glue and Latin word spaces, then inter-character
spacing for stretching.

Rules that are not costs but constraints:
* 孤字: the last line of a paragraph with ≥ 3 Han characters holds ≥ 2 of them;
* no line is wider than the measure after every shrink (nothing overflows the column);
* the line count may be asked one more or one fewer than the optimum (`looseness`).

When a piece cannot be set under those rules, the rules are relaxed in order: first 孤字,
then a last-resort pass that may break anywhere (penalised: inside a Latin word, against
kinsoku, inside ——) and may leave a line unjustified — so composition never fails.

Speed: lines only ever grow or shrink by a few em, so for each break only the starts whose
line is neither overfull nor beyond the stretch limit are tried — a window found by moving
a pointer over prefix sums (both bounds are monotone in the start), a handful per break.
"""

from __future__ import annotations

import math

from .breaks import ANYWHERE, INSIDE, KINSOKU, NEVER, OK, URL_POINT, WORD
from .spacing import Spacing

# Every line costs this much (TeX's \linepenalty): of two settings equally loose, the one
# with fewer lines wins.
LINE_PENALTY = 10.0
# Badness of a justified line stretched by its comfortable capacity (TeX's 100 at ratio 1).
STRETCH_BADNESS = 100.0
# Badness of a line whose compressible punctuation is used up. Low on purpose: a mark set
# ½ em inside a line is ordinary Chinese composition, so pushing in is preferred to pushing
# out (which spreads a whole character's width over the line).
SHRINK_BADNESS = 10.0
# Inter-character spacing of this many em per gap counts as "fully stretched" (ratio 1).
# At 0.1 em the extra space is just visible between 9-pt characters.
LETTERSPACE_COMFORT = 0.1
# Beyond this many em per gap a justified line is not acceptable (first passes only).
LETTERSPACE_MAX = 0.3
# Unjustified text (left/centre/right, the lines of a poem): badness per em² of a line's
# shortfall, so that lines come out even instead of one long and one short.
RAGGED_BADNESS = 10.0
# Last-resort pass: badness of a line that cannot be filled at all (nothing can stretch).
UNFILLABLE_BADNESS = 1000.0
# Penalty of a break by gap class. OK breaks are free; the emergency breaks inside
# over-long units prefer / . - _ ? to anywhere; the rest only happen in the last-resort pass.
PENALTY = {OK: 0.0, URL_POINT: 50.0, ANYWHERE: 150.0, WORD: 1000.0, KINSOKU: 3000.0,
           NEVER: 10000.0}
# Lengths closer than this (points) are equal.
EPS = 1e-6

_NORMAL = frozenset((OK, URL_POINT, ANYWHERE))
_LAST_RESORT = frozenset((OK, URL_POINT, ANYWHERE, WORD, KINSOKU, NEVER))
assert INSIDE not in _LAST_RESORT


def total_fit(sp: Spacing, classes: list[int], measure: float, em: float, *, justify: bool,
              orphan_rule: bool, looseness: int = 0) -> list[int]:
    """Indices of the glyphs that start lines (the first is 0) for one piece.

    `em` is the piece's type size (the unit of inter-character spacing); `justify` says
    whether non-final lines are stretched to the measure; `orphan_rule` applies 孤字 to the
    last line; `looseness` asks for that many lines more (or fewer) than the optimum."""
    attempts = [(False, orphan_rule), (False, False), (True, False)]
    if not orphan_rule:
        attempts.pop(0)
    for last_resort, orphan in attempts:
        starts = _solve(sp, classes, measure, em, justify, orphan, looseness, last_resort)
        if starts is not None:
            return starts
    raise AssertionError("the last-resort pass always finds a setting")


def _solve(sp: Spacing, classes: list[int], measure: float, em: float, justify: bool,
           orphan: bool, looseness: int, last_resort: bool) -> list[int] | None:
    n = len(sp.glyphs)
    allowed = _LAST_RESORT if last_resort else _NORMAL
    bps = [0] + [g for g in range(1, n) if classes[g] in allowed] + [n]
    pens = [PENALTY[classes[b]] ** 2 for b in bps[:-1]] + [0.0]
    sw, ew = sp.start_width, sp.end_width
    ss, es = sp.start_shrink, sp.end_shrink
    st, et = sp.start_stretch, sp.end_stretch
    sg, eg = sp.start_gaps, sp.end_gaps
    han = sp.han
    need_han = orphan and han[n] >= 3
    max_ls = math.inf if last_resort else LETTERSPACE_MAX * em
    comfort = LETTERSPACE_COMFORT * em
    keep_counts = looseness != 0
    # states[ii]: line count → (demerits, index of the previous break in bps)
    states: list[dict[int, tuple[float, int]] | None] = [None] * len(bps)
    states[0] = {0: (0.0, -1)}
    lo = 0
    last = len(bps) - 1
    for jj in range(1, len(bps)):
        j = bps[jj]
        final = jj == last
        ewj, esj, etj, egj = ew[j], es[j], et[j], eg[j]
        limit = measure + EPS
        # Starts whose line is overfull even fully shrunk are too early, for this break and
        # every later one (the bound only grows with j).
        while lo < jj and (ewj - esj) - (sw[bps[lo]] - ss[bps[lo]]) > limit and \
                not (last_resort and j - bps[lo] == 1):
            lo += 1
        new: dict[int, tuple[float, int]] = {}
        pen = pens[jj]
        for ii in range(lo, jj):
            prev = states[ii]
            i = bps[ii]
            if prev is None:
                continue
            need = measure - (ewj - sw[i])
            if need < -EPS:
                shrink = esj - ss[i]
                if -need > shrink + EPS:
                    if not last_resort:
                        continue
                    bad = UNFILLABLE_BADNESS  # a one-glyph line wider than the measure
                else:
                    bad = SHRINK_BADNESS * (-need / shrink) ** 3
            elif final or need <= EPS:
                bad = 0.0
            elif not justify:
                bad = RAGGED_BADNESS * (need / em) ** 2
            else:
                stretch = etj - st[i]
                gaps = egj - sg[i]
                rest = need - stretch
                if rest > EPS and (gaps == 0 or rest > gaps * max_ls):
                    if not last_resort:
                        break  # every later start makes a looser line
                    bad = UNFILLABLE_BADNESS
                else:
                    bad = STRETCH_BADNESS * (need / (stretch + gaps * comfort)) ** 3
            if final and need_han and han[n] - han[i] < 2:
                continue
            d = (LINE_PENALTY + bad) ** 2 + pen
            for count, (dem, _) in prev.items():
                total = dem + d
                cur = new.get(count + 1)
                if cur is None or total < cur[0]:
                    new[count + 1] = (total, ii)
        if new:
            if not keep_counts and len(new) > 1:
                best = min(new, key=lambda c: (new[c][0], c))
                new = {best: new[best]}
            states[jj] = new
    final_states = states[last]
    if not final_states:
        return None
    count = min(final_states, key=lambda c: (final_states[c][0], c))
    if keep_counts and count + looseness in final_states:
        count += looseness
    starts = []
    jj = last
    while count:
        ii = states[jj][count][1]
        starts.append(bps[ii])
        jj = ii
        count -= 1
    starts.reverse()
    return starts
