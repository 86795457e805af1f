"""Han–Latin glue (¼ em natural, ⅛–⅓, none at line edges or next to CJK punctuation, across
runs) and Latin units (UAX #14): numbers whole, over-long tokens broken, never overflowing."""

from __future__ import annotations

import pytest
from conftest import EM, texts

from typeset.compose import StyledRun


def _right_edge(p):
    """Where a glyph's drawing ends: a centred mark set ½ em is drawn from inside its box."""
    return p.x + min(p.advance, p.glyph.advance)


def _gap_before(line, index):
    """White space between glyph index-1's box and glyph index, in em (for lines without
    opening brackets or interpuncts, whose origin is not their box's start)."""
    prev = line.glyphs[index - 1]
    return round((line.glyphs[index].x - prev.x - prev.advance) / EM, 3)


def test_natural_glue_is_a_quarter_em_on_both_sides_of_a_number(compose):
    line, = compose("我们在2025年", 30)  # a last line: set at natural width
    assert _gap_before(line, 3) == 0.25  # 在|2
    assert _gap_before(line, 7) == 0.25  # 5|年
    assert _gap_before(line, 4) == 0.0  # inside the number


def test_no_glue_next_to_chinese_punctuation(compose):
    line, = compose("前四年……11.6%；2025年", 30)
    t = line.text
    assert _gap_before(line, t.index("1")) == 0.0  # …|1
    assert _gap_before(line, t.index("；")) == 0.0  # %|；
    assert _gap_before(line, t.index("2")) == 0.0  # ；|2
    assert _gap_before(line, t.index("年", 3)) == 0.25


def test_glue_works_across_style_runs(compose):
    runs = [StyledRun("本报讯（记者 张三）", "byline", 9.0), StyledRun("新华社2025年", "body", EM)]
    line, = compose(runs, 30)
    t = line.text
    assert _gap_before(line, t.index("2")) == 0.25  # 社 (body) | 2
    runs = [StyledRun("记者", "byline", EM), StyledRun("2025年", "emphasis", EM)]
    line, = compose(runs, 30)
    assert _gap_before(line, 2) == 0.25  # 者 (byline face) | 2 (bold face)


def test_glue_stretches_to_a_third_before_characters_spread_the_十四五_line(compose):
    lines = compose("“十四五”前四年……11.6%；2025年经济平稳运行", 17)
    assert texts(lines) == ["“十四五”前四年……11.6%；2025年", "经济平稳运行"]
    first = lines[0]
    assert first.width == pytest.approx(17 * EM, abs=0.01)
    t = first.text
    glue = _gap_before(first, t.rindex("年"))
    spacing = _gap_before(first, t.index("前"))  # an ordinary gap between two Han
    assert spacing > 0
    assert glue == pytest.approx(1 / 3 + spacing, abs=0.002)
    for inside in ("1", ".", "6", "%"):  # no spacing inside 11.6%
        k = t.index(inside, t.index("11") + 1) if inside == "1" else t.index(inside)
        assert _gap_before(first, k) == 0.0
    assert _gap_before(first, t.index("…") + 1) == 0.0  # not inside ……


def test_glue_is_zero_at_line_edges(compose):
    lines = compose("一二三四五六七八九十ABC一二三四五六七八九十", 10)
    assert lines[1].text.startswith("ABC")
    assert lines[1].glyphs[0].x == 0.0


@pytest.mark.parametrize("unit", ["1,234,567.89", "PM2.5", "-12℃", "3∶2", "e.g.", "COVID-19"])
@pytest.mark.parametrize("columns", [7, 8, 9, 10, 11, 12])
def test_numbers_and_words_are_never_broken(compose, unit, columns):
    # From 7 em up: in a narrower column "1,234,567.89，" cannot fit, and as the comma may
    # not start a line the number itself has to be broken.
    text = f"今年的数据是{unit}，比去年的{unit}多了一些，我们认为{unit}是合理的数字。"
    lines = compose(text, columns)
    assert "".join(texts(lines)) == text
    assert sum(line.text.count(unit) for line in lines) == 3


@pytest.mark.parametrize("token", [
    "0123456789abcdef" * 4,  # a 64-character hash
    "https://www.example.com/news/2025/11/19/a-very-long-path_with_parts/index.html?id=42&x=1",
])
@pytest.mark.parametrize("columns", [5, 8, 12])
def test_a_token_longer_than_the_column_breaks_and_never_overflows(compose, token, columns):
    lines = compose(f"详见{token}网站", columns)
    assert "".join(texts(lines)) == f"详见{token}网站"
    for line in lines:
        assert line.width <= columns * EM + 0.01
        assert all(_right_edge(p) <= columns * EM + 0.01 for p in line.glyphs)
    for line in lines[:-1]:
        assert line.width == pytest.approx(columns * EM, abs=0.01)


def test_a_url_breaks_after_its_marks_before_anywhere_else(compose):
    lines = compose("见https://example.org/abcdefghij/klmnopqrst/uvwxyz12345", 12)
    assert lines[0].text == "见https://example."


@pytest.mark.parametrize("columns", [8.2, 11.6, 13.8])  # where a break before "." was best
def test_a_broken_url_starts_no_line_with_its_dots(compose, columns):
    text = "具体安排可登录赛事官网 http://www.jcmarathon.example.cn 查询。"
    lines = compose(text, columns)
    assert "".join(texts(lines)) == text
    assert len(lines) > 1
    assert not [t for t in texts(lines)[1:] if t[:1] == "."]  # kinsoku: a closing mark
