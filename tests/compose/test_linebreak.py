"""The line breaker's solver, with its shortcuts, chooses the same breaks as the rule stated
plainly (below: every start tried for every break), in every pass and looseness."""

from __future__ import annotations

import math

from conftest import EM
from hypothesis import given, settings
from hypothesis import strategies as st

from typeset.compose import StyledRun
from typeset.compose.linebreak import (_LAST_RESORT, _NORMAL, _PENALTY_SQUARED, BEYOND_BADNESS,
                                       EPS, LETTERSPACE_COMFORT, LETTERSPACE_MAX, LINE_PENALTY,
                                       RAGGED_BADNESS, SHRINK_BADNESS, SPACED_BADNESS_CAP,
                                       STRETCH_BADNESS, UNFILLABLE_BADNESS, _breaks, _solve)
from typeset.compose.pieces import prepare
from typeset.compose.spacing import Spacing
from typeset.config import TextRules

_HAN = st.sampled_from(list("中国人民经济社会发展建设改革开放科技创新"))
_MARK = st.sampled_from(list("，。、；：！？“”（）《》·—…") + ["——", "……"])
_WORD = st.text(alphabet="abcXYZ019", min_size=1, max_size=12)
_SPACE = st.just(" ")
_PARAGRAPH = st.lists(st.one_of(_HAN, _HAN, _HAN, _MARK, _WORD, _SPACE), min_size=1,
                      max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_PARAGRAPH, columns=st.floats(min_value=2.0, max_value=30.0),
       indent=st.sampled_from([0.0, 2.0]), justify=st.booleans(), orphan=st.booleans(),
       punctuation=st.sampled_from(["quanjiao", "kaiming", "banjiao"]),
       looseness=st.sampled_from([0, 0, -1, 1]), last_resort=st.booleans())
def test_the_solver_breaks_as_the_rule_stated(fonts, text, columns, indent, justify, orphan,
                                              punctuation, looseness, last_resort):
    rules = TextRules(2.0, "gb", punctuation)
    piece, = prepare([StyledRun(text, "body", EM)], fonts, rules, indent * EM).pieces
    measure = columns * EM
    classes, sp = piece.at(measure)
    bps = _breaks(classes, _LAST_RESORT if last_resort else _NORMAL)
    expected = rule_as_stated(sp, bps, classes, measure, piece.em, justify, orphan, looseness,
                              last_resort)
    assert _solve(sp, bps, classes, measure, piece.em, justify, orphan, looseness,
                  last_resort) == expected


def rule_as_stated(sp: Spacing, bps: list[int], classes: list[int], measure: float, em: float,
           justify: bool, orphan: bool, looseness: int, last_resort: bool) -> list[int] | None:
    """The best setting over the break glyphs `bps`, or None: every start tried for every
    break, with no shortcut but the two bounds the module docstring states."""
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
                    bad = min(STRETCH_BADNESS * (need / (stretch + gaps * comfort)) ** 3,
                              SPACED_BADNESS_CAP)
                    limit_ls = gaps * LETTERSPACE_MAX * em
                    if rest > limit_ls + EPS:  # the last resort: dearer the further beyond
                        bad += BEYOND_BADNESS * (1.0 - limit_ls / rest)
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
