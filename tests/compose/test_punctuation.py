"""Punctuation widths (标点挤压): quanjiao pairs 1.5 em, line-end marks ½ em, an opening
bracket at a line start loses its leading half, kaiming/banjiao/none, halt from the font."""

from __future__ import annotations

import pytest
from conftest import EM, texts


def _advances(line):
    return [round(p.advance / EM, 3) for p in line.glyphs]


def test_two_adjacent_marks_take_one_and_a_half_em(compose):
    line, = compose("天气很冷。”他说，“是的。”", 30)
    adv = dict(zip(range(len(line.glyphs)), _advances(line)))
    text = line.text
    assert adv[text.index("。")] + adv[text.index("”")] == 1.5  # 。”
    assert adv[text.index("，")] + adv[text.index("“")] == 1.5  # ，“


def test_bracket_after_bracket_takes_one_and_a_half_em(compose):
    line, = compose("见（《人民日报》）一文", 30)
    a = _advances(line)
    assert a[1] + a[2] == 1.5  # （《
    assert a[6] + a[7] == 1.5  # 》）


def test_mark_at_line_end_is_half_an_em_and_the_line_fills_the_measure(compose):
    lines = compose("一二三四五六七八，九十一二。", 9)
    assert texts(lines) == ["一二三四五六七八，", "九十一二。"]
    first = lines[0]
    assert first.glyphs[-1].advance == pytest.approx(EM / 2)
    assert first.width == pytest.approx(9 * EM, abs=0.01)
    # 8 characters and a half-em comma are 8.5 em; the other 0.5 em is spread over 8 gaps.
    assert first.glyphs[-1].x == pytest.approx(8.5 * EM, abs=0.01)


def test_opening_bracket_at_line_start_loses_its_leading_half_also_after_the_indent(compose):
    lines = compose("“十四五”规划的目标任务顺利完成了。", 20, indent_em=2)
    quote = lines[0].glyphs[0]
    assert quote.glyph.text == "“"
    assert quote.advance == pytest.approx(EM / 2)
    assert quote.x == pytest.approx(1.5 * EM)  # ink right after the 2-em indent
    assert lines[0].glyphs[1].x == pytest.approx(2.5 * EM)
    lines = compose("“十四五”规划的目标任务顺利完成了。", 20)
    assert lines[0].glyphs[0].x == pytest.approx(-0.5 * EM)


@pytest.mark.parametrize("style, widths", [
    ("quanjiao", [1, 1, 0.5, 1, 1, 0.5, 1, 1, 1, 1]),  # ：“ and ”。 take 1.5 em
    ("kaiming", [1, 1, 0.5, 0.5, 1, 0.5, 1, 1, 1, 1]),  # only 。？！ keep a full em
    ("banjiao", [1, 1, 0.5, 0.5, 1, 0.5, 0.5, 1, 1, 1]),
    ("none", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
])
def test_punctuation_styles(compose, style, widths):
    line, = compose("她说：“好”。我们走", 30, punctuation=style)
    assert line.text == "她说：“好”。我们走"
    assert _advances(line) == widths


def test_interpunct_and_dashes(compose):
    line, = compose("马克·吐温——作家……", 30)
    a = _advances(line)
    assert a[line.text.index("·")] == 0.5
    dash = [p for p in line.glyphs if p.glyph.text == "——"]
    assert len(dash) == 1 and dash[0].advance == pytest.approx(2 * EM)  # the 2-em dash
    assert [p.advance for p in line.glyphs if p.glyph.text == "…"] == [EM, EM]


def test_unknown_style_is_rejected(compose):
    with pytest.raises(ValueError, match="punctuation style"):
        compose("一二三", 5, punctuation="western")
