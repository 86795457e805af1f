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

When a piece cannot be set under those rules, a last-resort pass may stretch without limit
and break anywhere (penalised: inside a Latin word, against kinsoku, inside ——), still
keeping 孤字; only when even that fails is 孤字 dropped — so composition never fails. There,
a line spaced beyond the limit costs more the further beyond (BEYOND_BADNESS), and
`looseness` is ignored: a line more or fewer would be a word split into letter-spaced lines
of one or two characters, or a break against kinsoku.

Speed: lines only ever grow or shrink by a few em, so for each break only the starts whose
line is neither overfull nor beyond the stretch limit are tried — a window found by moving
a pointer over prefix sums (both bounds are monotone in the start), a handful per break.
The piece's end (no penalty, never stretched, 孤字) is solved apart from the other breaks,
starts that no setting reaches are passed over with the overfull ones, and unjustified
lines (which have no stretch limit) stop by their cost. tests/compose/test_linebreak.py
holds the solver to the rule stated plainly, for every pass and looseness.
"""

from __future__ import annotations

import math
from itertools import compress, islice

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
# Last-resort pass: badness of a line with no gap that may take inter-character spacing
# (a number alone on a line); it is then spaced inside its word, or left short. Far above
# any spacing badness, far below the penalties of breaking a word or a kinsoku rule.
UNFILLABLE_BADNESS = 10_000.0
# The most a line spaced within the letter-spacing limit counts: of two lines that loose,
# the solver takes whichever lets the others be set better.
SPACED_BADNESS_CAP = UNFILLABLE_BADNESS / 10
# Last-resort pass: a line spaced beyond the limit counts SPACED_BADNESS_CAP and up to this
# much more as its spacing goes from the limit to infinity (1 − limit / spacing), so that
# 揭牌仪式上， spaced a little beyond the limit beats 揭牌 spaced across the column. At most
# twice the cap: a fifth of an unfillable line, so that spacing wide still always wins over
# leaving a line short.
BEYOND_BADNESS = SPACED_BADNESS_CAP
# Penalty of a break by gap class. OK breaks are free; the emergency breaks inside
# over-long units prefer / . - _ ? to anywhere; the rest only happen in the last-resort
# pass, in this order of preference: inside a word or number, against kinsoku, inside ——.
PENALTY = {OK: 0.0, URL_POINT: 50.0, ANYWHERE: 1000.0, WORD: 30_000.0, KINSOKU: 100_000.0,
           NEVER: 300_000.0}
# Lengths closer than this (points) are equal.
EPS = 1e-6

_PENALTY_SQUARED = {c: p * p for c, p in PENALTY.items()}
_NORMAL = frozenset((OK, URL_POINT, ANYWHERE))
_LAST_RESORT = frozenset((OK, URL_POINT, ANYWHERE, WORD, KINSOKU, NEVER))
assert INSIDE not in _LAST_RESORT


def total_fit(sp: Spacing, classes: list[int], measure: float, em: float, *, justify: bool,
              orphan_rule: bool, looseness: int = 0, tracking: float = 0.0) -> list[int]:
    """Indices of the glyphs that start lines (the first is 0) for one piece.

    `em` is the piece's type size (the unit of inter-character spacing); `justify` says
    whether non-final lines are stretched to the measure; `orphan_rule` applies 孤字 to the
    last line; `looseness` asks for that many lines more (or fewer) than the optimum, when
    the piece can be set without the last resort; `tracking` em of shrink at each
    inter-character spacing gap (see compose_paragraph)."""
    attempts = [(False, orphan_rule), (True, orphan_rule)]
    if orphan_rule:
        attempts.append((True, False))
    for last_resort, orphan in attempts:
        bps = _breaks(classes, _LAST_RESORT if last_resort else _NORMAL)
        starts = _solve(sp, bps, classes, measure, em, justify, orphan,
                        0 if last_resort else looseness, last_resort, tracking)
        if starts is not None:
            return starts
    raise AssertionError("the last-resort pass always finds a setting")


def _breaks(classes: list[int], allowed: frozenset[int]) -> list[int]:
    """The glyph indices where a line may start: 0, the gaps of an `allowed` class, and the
    piece's end (len(classes)) — the break ranks the solvers work on."""
    n = len(classes)
    return [0, *compress(range(1, n), map(allowed.__contains__, islice(classes, 1, None))), n]


def _solve(sp: Spacing, bps: list[int], classes: list[int], measure: float, em: float,
           justify: bool, orphan: bool, looseness: int, last_resort: bool,
           tracking: float = 0.0) -> list[int] | None:
    """The best setting over the break glyphs `bps` (from _breaks) as line starts, or None.

    `last_resort`: a line may be wider than the measure (one glyph, at UNFILLABLE_BADNESS)
    or looser than the letter-spacing limit (at SPACED_BADNESS_CAP and up to BEYOND_BADNESS
    more). `looseness` ≠ 0: the best setting of every
    line count is kept, and the one `looseness` lines off the optimum is taken when it
    exists. Three shortcuts, none of which changes a choice:

    * starts whose line is overfull even fully shrunk are too early for this break and every
      later one (the bound only grows with the break), and so are starts no setting reaches;
    * for a justified line, every start after one that is too loose is looser still;
    * an unjustified (ragged) line has no stretch limit, so the loop would try every earlier
      start; without looseness it stops once a line alone costs as much as the best setting
      found (demerits are never negative and shorter lines cost more)."""
    sw, ss, st, sg = sp.start_width, sp.start_shrink, sp.start_stretch, sp.start_gaps
    ew, es, et, eg = sp.end_width, sp.end_shrink, sp.end_stretch, sp.end_gaps
    if tracking:
        # Tracking adds shrink at every spacing gap: folded into the shrink prefix sums, a
        # line's shrink stays one subtraction (and the overfull bound stays monotone).
        t = tracking * em
        ss = [a + t * b for a, b in zip(ss, sg)]
        es = [a + t * b for a, b in zip(es, eg)]
    comfort, max_ls = _per_gaps(em, eg[-1] + 1)
    inf = math.inf
    neg_eps = -EPS
    keep_counts = looseness != 0
    last = len(bps) - 1
    n = bps[last]
    # Indexed by glyph, not by break rank (the loops walk the break glyphs themselves).
    best = [inf] * (n + 1)  # least demerits of a setting whose last line ends before glyph j
    back = [-1] * (n + 1)  # where that last line starts
    lines = [0] * (n + 1)  # how many lines that setting has (with looseness)
    # With looseness, the best setting for every line count: glyph → {count: (demerits, start)}
    by_count: list[dict[int, tuple[float, int]]] = [{} for _ in range(n + 1)] \
        if keep_counts else []
    best[0] = 0.0
    if keep_counts:
        by_count[0][0] = (0.0, -1)
    lo = 0  # the rank of the first start worth trying
    limit = measure + EPS
    orphan_han = orphan and sp.han[n] >= 3
    min_han = sp.han[n] - 2

    for jj in range(1, last + 1):
        j = bps[jj]
        final = jj == last
        ewj, esj, etj, egj = ew[j], es[j], et[j], eg[j]
        reach = ewj - esj - limit
        while lo < jj and (best[bps[lo]] == inf or (
                sw[bps[lo]] - ss[bps[lo]] < reach and not (last_resort and j - bps[lo] == 1))):
            lo += 1
        # The piece's end: no penalty, a short line costs nothing, and with 孤字 the last
        # line starts where it keeps two Han characters or earlier.
        pen = 0.0 if final else _PENALTY_SQUARED[classes[j]]
        need_han = final and orphan_han
        short = measure - ewj  # a line's shortfall is short + sw[i]
        cand = inf
        cand_prev = -1
        new: dict[int, tuple[float, int]] = {}
        for i in bps[lo:jj]:
            b = best[i]
            if b == inf:
                continue
            if need_han and sp.han[i] > min_han:
                break  # every later start leaves fewer Han characters
            need = short + sw[i]
            if need < neg_eps:
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
                if not keep_counts and (LINE_PENALTY + bad) ** 2 + pen >= cand:
                    break  # every later start: a shorter line, dearer, on demerits ≥ 0
            else:
                stretch = etj - st[i]
                gaps = egj - sg[i]
                rest = need - stretch
                if rest > EPS and (gaps == 0 or (not last_resort and rest > max_ls[gaps])):
                    if not last_resort:
                        break  # every later start makes a looser line
                    bad = UNFILLABLE_BADNESS
                else:
                    bad = STRETCH_BADNESS * (need / (stretch + comfort[gaps])) ** 3
                    if bad > SPACED_BADNESS_CAP:
                        bad = SPACED_BADNESS_CAP
                    if rest > max_ls[gaps] + EPS:
                        # Beyond the limit (last resort only): dearer the further beyond, so
                        # that the least loose line wins, and below a line that cannot be
                        # filled however loose.
                        bad += BEYOND_BADNESS * (1.0 - max_ls[gaps] / rest)
            d = (LINE_PENALTY + bad) ** 2 + pen
            total = b + d
            if total < cand:
                cand = total
                cand_prev = i
            if keep_counts:
                for count, (dem, _) in by_count[i].items():
                    cur = new.get(count + 1)
                    if cur is None or dem + d < cur[0]:
                        new[count + 1] = (dem + d, i)
        if cand_prev >= 0:
            best[j] = cand
            back[j] = cand_prev
            if keep_counts:
                lines[j] = lines[cand_prev] + 1
                by_count[j] = new
    if best[n] == inf:
        return None
    starts = []
    if keep_counts:
        count = lines[n]
        if count + looseness in by_count[n]:
            count += looseness
        j = n
        while count:
            j = by_count[j][count][1]
            starts.append(j)
            count -= 1
    else:
        j = back[n]
        while j >= 0:
            starts.append(j)
            j = back[j]
    starts.reverse()
    return starts


_PER_GAPS: dict[float, tuple[list[float], list[float]]] = {}


def _per_gaps(em: float, count: int) -> tuple[list[float], list[float]]:
    """k × LETTERSPACE_COMFORT em and k × LETTERSPACE_MAX em, for k up to `count` spacing gaps
    (at least): looked up by the solver, which would otherwise multiply an int by a float
    twice per start it tries. Cached per size; the products are the same floats."""
    tables = _PER_GAPS.get(em)
    if tables is None or len(tables[0]) < count:
        comfort = LETTERSPACE_COMFORT * em
        max_ls = LETTERSPACE_MAX * em
        size = max(count, 64)
        tables = _PER_GAPS[em] = ([k * comfort for k in range(size)],
                                  [k * max_ls for k in range(size)])
    return tables
