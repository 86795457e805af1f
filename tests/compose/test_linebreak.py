"""The line breaker's first-pass solver (the fast path nearly every piece takes) chooses the
same breaks as the general solver, which states the rule for every pass and looseness."""

from __future__ import annotations

from conftest import EM
from hypothesis import given, settings
from hypothesis import strategies as st

from typeset.compose import StyledRun
from typeset.compose.linebreak import _NORMAL, _breaks, _solve, _solve_first_pass
from typeset.compose.pieces import prepare
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
       punctuation=st.sampled_from(["quanjiao", "kaiming", "banjiao"]))
def test_first_pass_breaks_as_the_general_solver(fonts, text, columns, indent, justify, orphan,
                                                  punctuation):
    rules = TextRules(2.0, "gb", punctuation)
    piece, = prepare([StyledRun(text, "body", EM)], fonts, rules, indent * EM).pieces
    measure = columns * EM
    classes, sp = piece.at(measure)
    bps = _breaks(classes, _NORMAL)
    general = _solve(sp, bps, classes, measure, piece.em, justify, orphan, 0, False)
    assert _solve_first_pass(sp, bps, classes, measure, piece.em, justify, orphan) == general
