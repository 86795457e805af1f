"""Headlines set as a desk sets them, at the broadsheet's sizes and spans with the real
fonts: broken by meaning, balanced, at the largest size of the rank that fits."""

from __future__ import annotations

import pytest

from typeset.compose.headline import set_head
from typeset.compose.headline_breaks import break_points
from typeset.config import load_layout
from typeset.layout.headlines import Rank, size_range

# The sample's five multi-line heads, each of which the old breaker tore apart.
FIVE = ["前10个月全市新增城镇就业15.6万人", "江城“15分钟社区生活圈”覆盖率达86.5%",
        "前10个月全市经济运行稳中有进", "把“家门口”的小事办成群众满意的实事",
        "12345热线前10个月受理群众诉求386.4万件"]
# What none of their lines may split.
WHOLE = ["15.6万人", "前10个月", "15分钟", "86.5%", "“家门口”", "12345热线", "386.4万件"]
# (rank, span) as the make-up sets them: small items from two columns, second stories from
# three, the lead from four.
PLACES = [(Rank.SMALL, 2), (Rank.SMALL, 3), (Rank.SMALL, 4), (Rank.SECOND, 3),
          (Rank.SECOND, 4), (Rank.LEAD, 4)]


@pytest.fixture(scope="module")
def cfg():
    return load_layout("broadsheet")


@pytest.fixture(scope="module")
def head(cfg, fonts):
    """head(text, rank, span, compact=False, align="left") → HeadLines."""

    def run(text, rank, span, compact=False, align="left"):
        low, high = size_range(rank, cfg)
        return set_head(text, "headline", (low, low if compact else high),
                        cfg.page.span_width(span), fonts, cfg.text, cfg.headlines,
                        align=align)

    return run


def texts(setting) -> list[str]:
    return [line.text for line in setting.lines]


@pytest.mark.parametrize("rank, span", PLACES)
@pytest.mark.parametrize("text", FIVE)
def test_the_five_heads_are_balanced_whole_and_within_their_span(head, cfg, text, rank, span):
    setting = head(text, rank, span)
    low, high = size_range(rank, cfg)
    measure = cfg.page.span_width(span)
    widths = [line.width for line in setting.lines]
    assert low <= setting.size <= high
    assert 1 <= len(widths) <= cfg.headlines.max_lines
    assert max(widths) <= measure + 1e-6
    assert widths[-1] >= cfg.headlines.last_line_min * max(widths)
    assert "".join(texts(setting)) == text
    if len(widths) > 1:
        assert all(len(t.strip()) >= cfg.headlines.min_line_chars for t in texts(setting))
    for unit in WHOLE:
        if unit in text:
            assert any(unit in t for t in texts(setting)), (unit, texts(setting))


@pytest.mark.parametrize("text, rank, span, lines", [
    (FIVE[0], Rank.SECOND, 3, ["前10个月全市新增", "城镇就业15.6万人"]),
    (FIVE[1], Rank.SECOND, 3, ["江城“15分钟社区", "生活圈”覆盖率达86.5%"]),
    (FIVE[2], Rank.LEAD, 4, ["前10个月全市", "经济运行稳中有进"]),
    (FIVE[3], Rank.SECOND, 3, ["把“家门口”的小事", "办成群众满意的实事"]),
    (FIVE[4], Rank.SECOND, 3, ["12345热线前10个月", "受理群众诉求386.4万件"]),
])
def test_the_five_heads_break_where_a_desk_would(head, text, rank, span, lines):
    setting = head(text, rank, span)
    assert texts(setting) == lines
    assert list(setting.breaks) == [len(lines[0])]


def test_a_head_that_fits_one_line_in_its_range_takes_one(head):
    assert texts(head(FIVE[2], Rank.SECOND, 4)) == [FIVE[2]]


def test_the_size_is_the_largest_step_of_the_range_that_fits(head, cfg):
    """A head of two lines set below its rank's top: half a point more and its longest line
    would run over the span."""
    measure = cfg.page.span_width(2)
    setting = head(FIVE[1], Rank.SECOND, 2)  # two lines that fit only below 28 pt
    low, high = size_range(Rank.SECOND, cfg)
    assert low < setting.size < high and len(setting.lines) == 2
    widest = max(line.width for line in setting.lines)
    grown = widest * (setting.size + cfg.headlines.size_step) / setting.size
    assert widest <= measure < grown


def test_compact_sets_the_smallest_size_of_the_rank(head, cfg):
    for text in FIVE:
        assert head(text, Rank.LEAD, 4, compact=True).size == cfg.sizes.headline_lead


def test_a_two_clause_head_goes_one_clause_per_line_unless_one_line_fits_at_the_top(head,
                                                                                     cfg):
    text = "市民文化节落下帷幕　三百余场活动惠及百万人次"
    # Four columns: one line fits only at 22 pt; one clause per line fits at 28 pt.
    assert texts(head(text, Rank.SECOND, 4)) == ["市民文化节落下帷幕　", "三百余场活动惠及百万人次"]
    # Eight columns: the whole head fits one line at the rank's largest size.
    whole = head(text, Rank.SECOND, 8)
    assert texts(whole) == [text] and whole.size == cfg.sizes.headline_max


def test_centred_lines_are_centred_on_their_ink_not_on_a_trailing_space(head, cfg):
    setting = head("聚焦群众急难愁盼　提升公共服务质效", Rank.SECOND, 3, align="center")
    measure = cfg.page.span_width(3)
    first, second = setting.lines
    assert first.text.endswith("　")
    ink_end = first.xs[-2] + first.advances[-2]  # the last character before the space
    assert abs((first.xs[0] + ink_end) / 2 - measure / 2) < 0.5
    assert abs(first.xs[0] - second.xs[0]) < 0.5  # both clauses are eight characters


@pytest.mark.parametrize("span", [2, 3, 4])
def test_latin_heads_break_at_spaces_only_without_hyphens(head, cfg, span):
    text = "Jiangcheng wins the national city football league title"
    setting = head(text, Rank.SECOND, span)
    words = [w for t in texts(setting) for w in t.split()]
    assert words == text.split() and "-" not in "".join(texts(setting))
    assert max(line.width for line in setting.lines) <= cfg.page.span_width(span) + 1e-6


def test_a_word_wider_than_the_span_still_never_overflows(head, cfg):
    setting = head("Supercalifragilisticexpialidocious", Rank.SECOND, 2)
    assert "".join(texts(setting)) == "Supercalifragilisticexpialidocious"
    assert max(line.width for line in setting.lines) <= cfg.page.span_width(2) + 1e-6


def test_a_head_too_long_for_three_lines_takes_more_and_still_breaks_by_meaning(head, cfg):
    text = ("习近平对政法工作作出重要指示强调坚持党的绝对领导忠诚履职担当作为"
            "为全面推进强国建设民族复兴伟业提供坚强安全保障")
    setting = head(text, Rank.SMALL, 2)
    assert len(setting.lines) > cfg.headlines.max_lines
    assert max(line.width for line in setting.lines) <= cfg.page.span_width(2) + 1e-6
    assert "".join(texts(setting)) == text
    assert set(setting.breaks) <= {bp.offset for bp in break_points(text)}
