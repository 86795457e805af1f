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
keeping 孤字; only when even that fails is 孤字 dropped — so composition never fails.

Speed: lines only ever grow or shrink by a few em, so for each break only the starts whose
line is neither overfull nor beyond the stretch limit are tried — a window found by moving
a pointer over prefix sums (both bounds are monotone in the start), a handful per break.
Nearly every piece is set by its first pass without looseness: _solve_first_pass does that
case in fewer steps (and stops unjustified lines, which have no stretch limit, by their
cost); _solve states the rule for every pass, and the tests hold the two to the same choices.
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
# The most a line that can be spaced counts, however loose (last-resort pass): a tenth of an
# unfillable line, so that spacing wide always wins over leaving a line short.
SPACED_BADNESS_CAP = UNFILLABLE_BADNESS / 10
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
              orphan_rule: bool, looseness: int = 0) -> list[int]:
    """Indices of the glyphs that start lines (the first is 0) for one piece.

    `em` is the piece's type size (the unit of inter-character spacing); `justify` says
    whether non-final lines are stretched to the measure; `orphan_rule` applies 孤字 to the
    last line; `looseness` asks for that many lines more (or fewer) than the optimum."""
    attempts = [(False, orphan_rule), (True, orphan_rule)]
    if orphan_rule:
        attempts.append((True, False))
    for last_resort, orphan in attempts:
        bps = _breaks(classes, _LAST_RESORT if last_resort else _NORMAL)
        if last_resort or looseness:
            starts = _solve(sp, bps, classes, measure, em, justify, orphan, looseness,
                            last_resort)
        else:
            starts = _solve_first_pass(sp, bps, classes, measure, em, justify, orphan)
        if starts is not None:
            return starts
    raise AssertionError("the last-resort pass always finds a setting")


def _breaks(classes: list[int], allowed: frozenset[int]) -> list[int]:
    """The glyph indices where a line may start: 0, the gaps of an `allowed` class, and the
    piece's end (len(classes)) — the break ranks the solvers work on."""
    n = len(classes)
    return [0, *compress(range(1, n), map(allowed.__contains__, islice(classes, 1, None))), n]


def _solve_first_pass(sp: Spacing, bps: list[int], classes: list[int], measure: float,
                      em: float, justify: bool, orphan: bool) -> list[int] | None:
    """_solve for the case nearly every piece takes (a first pass without looseness), with
    the same costs and the same choices (tests/compose/test_linebreak.py holds them to it),
    in fewer steps:

    * the piece's end (no penalty, no stretching, 孤字) is set apart from the other breaks,
      and justified and unjustified breaks have loops of their own;
    * starts that no setting reaches are passed over with the overfull ones (`lo`);
    * unjustified (ragged) lines have no stretch limit, so their loop would try every
      earlier start; it stops once a line alone costs as much as the best setting found,
      since demerits are never negative and shorter lines cost more."""
    sw, ss, st, sg = sp.start_width, sp.start_shrink, sp.start_stretch, sp.start_gaps
    ew, es, et, eg = sp.end_width, sp.end_shrink, sp.end_stretch, sp.end_gaps
    comfort, max_ls = _per_gaps(em, eg[-1] + 1)
    inf = math.inf
    neg_eps = -EPS
    last = len(bps) - 1
    n = bps[last]
    # Indexed by glyph, not by break rank (the loops walk the break glyphs themselves).
    best = [inf] * (n + 1)  # least demerits of a setting whose last line ends before glyph j
    back = [-1] * (n + 1)  # where that last line starts
    best[0] = 0.0
    lo = 0  # the rank of the first start worth trying
    limit = measure + EPS
    for jj in range(1, last):
        j = bps[jj]
        ewj, esj, etj, egj = ew[j], es[j], et[j], eg[j]
        # Starts whose line is overfull even fully shrunk (see _solve), or that no setting
        # reaches, are no use to this break or any later one.
        reach = ewj - esj - limit
        while lo < jj and (best[bps[lo]] == inf or sw[bps[lo]] - ss[bps[lo]] < reach):
            lo += 1
        pen = _PENALTY_SQUARED[classes[j]]
        short = measure - ewj  # a line's shortfall is short + sw[i]
        cand = inf
        cand_prev = -1
        if justify:
            for i in bps[lo:jj]:
                b = best[i]
                if b == inf:
                    continue
                need = short + sw[i]
                if need < neg_eps:
                    shrink = esj - ss[i]
                    if -need > shrink + EPS:
                        continue
                    bad = SHRINK_BADNESS * (-need / shrink) ** 3
                elif need <= EPS:
                    bad = 0.0
                else:
                    stretch = etj - st[i]
                    gaps = egj - sg[i]
                    rest = need - stretch
                    if rest > EPS and (gaps == 0 or rest > max_ls[gaps]):
                        break  # every later start makes a looser line
                    bad = STRETCH_BADNESS * (need / (stretch + comfort[gaps])) ** 3
                    if bad > SPACED_BADNESS_CAP:
                        bad = SPACED_BADNESS_CAP
                total = b + ((LINE_PENALTY + bad) ** 2 + pen)
                if total < cand:
                    cand = total
                    cand_prev = i
        else:
            for i in bps[lo:jj]:
                b = best[i]
                if b == inf:
                    continue
                need = short + sw[i]
                if need < neg_eps:
                    shrink = esj - ss[i]
                    if -need > shrink + EPS:
                        continue
                    bad = SHRINK_BADNESS * (-need / shrink) ** 3
                elif need <= EPS:
                    bad = 0.0
                else:
                    d = (LINE_PENALTY + RAGGED_BADNESS * (need / em) ** 2) ** 2 + pen
                    if d >= cand:
                        break  # every later start: a shorter line, dearer, on demerits ≥ 0
                    total = b + d
                    if total < cand:
                        cand = total
                        cand_prev = i
                    continue
                total = b + ((LINE_PENALTY + bad) ** 2 + pen)
                if total < cand:
                    cand = total
                    cand_prev = i
        if cand_prev >= 0:
            best[j] = cand
            back[j] = cand_prev
    # The piece's end: no penalty, a short line costs nothing, and with 孤字 the last line
    # starts where it keeps two Han characters or earlier.
    ewj, esj = ew[n], es[n]
    reach = ewj - esj - limit
    while lo < last and (best[bps[lo]] == inf or sw[bps[lo]] - ss[bps[lo]] < reach):
        lo += 1
    han = sp.han
    need_han = orphan and han[n] >= 3
    min_han = han[n] - 2
    short = measure - ewj
    cand = inf
    cand_prev = -1
    for i in bps[lo:last]:
        b = best[i]
        if b == inf:
            continue
        if need_han and han[i] > min_han:
            break  # every later start leaves fewer Han characters
        need = short + sw[i]
        if need < neg_eps:
            shrink = esj - ss[i]
            if -need > shrink + EPS:
                continue
            bad = SHRINK_BADNESS * (-need / shrink) ** 3
        else:
            bad = 0.0
        total = b + (LINE_PENALTY + bad) ** 2
        if total < cand:
            cand = total
            cand_prev = i
    if cand_prev < 0:
        return None
    starts = []
    while cand_prev >= 0:
        starts.append(cand_prev)
        cand_prev = back[cand_prev]
    starts.reverse()
    return starts


_PER_GAPS: dict[float, tuple[list[float], list[float]]] = {}


def _per_gaps(em: float, count: int) -> tuple[list[float], list[float]]:
    """k × LETTERSPACE_COMFORT em and k × LETTERSPACE_MAX em, for k up to `count` spacing gaps
    (at least): looked up by the first pass, which would otherwise multiply an int by a float
    twice per start it tries. Cached per size; the products are the same floats."""
    tables = _PER_GAPS.get(em)
    if tables is None or len(tables[0]) < count:
        comfort = LETTERSPACE_COMFORT * em
        max_ls = LETTERSPACE_MAX * em
        size = max(count, 64)
        tables = _PER_GAPS[em] = ([k * comfort for k in range(size)],
                                  [k * max_ls for k in range(size)])
    return tables


def _solve(sp: Spacing, bps: list[int], classes: list[int], measure: float, em: float,
           justify: bool, orphan: bool, looseness: int, last_resort: bool) -> list[int] | None:
    """The best setting over the break ranks `bps` (from _breaks), or None: the rule as
    stated, for every pass and looseness."""
    n = len(sp.glyphs)
    sw, ss, st, sg = sp.start_width, sp.start_shrink, sp.start_stretch, sp.start_gaps
    ew, es, et, eg = sp.end_width, sp.end_shrink, sp.end_stretch, sp.end_gaps
    han = sp.han
    need_han = orphan and han[n] >= 3
    min_han = han[n] - 2  # the last line must start at or before this many Han characters
    max_ls = math.inf if last_resort else LETTERSPACE_MAX * em
    comfort = LETTERSPACE_COMFORT * em
    keep_counts = looseness != 0
    inf = math.inf
    m = len(bps)
    best = [inf] * m  # least demerits of a setting that ends at break rank ii
    back = [-1] * m  # the rank of the break before it
    lines = [0] * m
    # With looseness, the best setting for every line count: rank → {count: (demerits, rank)}
    by_count: list[dict[int, tuple[float, int]]] = [{} for _ in range(m)] if keep_counts else []
    best[0] = 0.0
    if keep_counts:
        by_count[0][0] = (0.0, -1)
    lo = 0
    last = m - 1
    limit = measure + EPS
    for jj in range(1, m):
        j = bps[jj]
        final = jj == last
        ewj, esj, etj, egj = ew[j], es[j], et[j], eg[j]
        # Starts whose line is overfull even fully shrunk are too early, for this break and
        # every later one (the bound only grows with j).
        reach = ewj - esj - limit
        while lo < jj and sw[bps[lo]] - ss[bps[lo]] < reach and \
                not (last_resort and j - bps[lo] == 1):
            lo += 1
        pen = 0.0 if final else _PENALTY_SQUARED[classes[j]]
        cand = inf
        cand_prev = -1
        new: dict[int, tuple[float, int]] | None = {} if keep_counts else None
        for ii in range(lo, jj):
            b = best[ii]
            if b == inf:
                continue
            i = bps[ii]
            need = measure - ewj + sw[i]
            if need < -EPS:
                shrink = esj - ss[i]
                if -need > shrink + EPS:
                    if not last_resort:
                        continue
                    bad = UNFILLABLE_BADNESS  # a one-glyph line wider than the measure
                else:
                    bad = SHRINK_BADNESS * (-need / shrink) ** 3
            elif final or need <= EPS:
                if final and need_han and han[i] > min_han:
                    break  # every later start leaves fewer Han characters
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
                    if bad > SPACED_BADNESS_CAP:
                        # However loose, a spaced line beats one that cannot be filled (only
                        # reachable in the last-resort pass).
                        bad = SPACED_BADNESS_CAP
            if final and need_han and han[i] > min_han:
                break
            d = (LINE_PENALTY + bad) ** 2 + pen
            total = b + d
            if total < cand:
                cand = total
                cand_prev = ii
            if keep_counts:
                for count, (dem, _) in by_count[ii].items():
                    cur = new.get(count + 1)
                    if cur is None or dem + d < cur[0]:
                        new[count + 1] = (dem + d, ii)
        if cand_prev >= 0:
            best[jj] = cand
            back[jj] = cand_prev
            lines[jj] = lines[cand_prev] + 1
            if keep_counts:
                by_count[jj] = new
    if best[last] == inf:
        return None
    starts = []
    if keep_counts:
        count = lines[last]
        if count + looseness in by_count[last]:
            count += looseness
        jj = last
        while count:
            jj = by_count[jj][count][1]
            starts.append(bps[jj])
            count -= 1
    else:
        jj = back[last]
        while jj >= 0:
            starts.append(bps[jj])
            jj = back[jj]
    starts.reverse()
    return starts
