"""Where a head may break: ICU word boundaries, minus numbers with their units, dates, short
quotations and Latin words; the author's separators cost nothing."""

from __future__ import annotations

import icu
import pytest

from typeset.compose.headline_breaks import (QUOTE_KEEP, SINGLE_COST, WORD_COST,
                                             break_points)


def offsets(text: str) -> set[int]:
    return {bp.offset for bp in break_points(text)}


def icu_words(text: str) -> set[int]:
    it = icu.BreakIterator.createWordInstance(icu.Locale("zh"))
    it.setText(text)
    return set(it)


@pytest.mark.parametrize("text", ["前10个月全市新增城镇就业15.6万人",
                                  "12345热线前10个月受理群众诉求386.4万件",
                                  "江城“15分钟社区生活圈”覆盖率达86.5%"])
def test_every_break_is_an_icu_word_boundary(text):
    assert offsets(text) and offsets(text) <= icu_words(text)


@pytest.mark.parametrize("text, whole", [
    ("前10个月全市新增城镇就业15.6万人", ["前10个月", "15.6万人"]),
    ("12345热线前10个月受理群众诉求386.4万件", ["12345热线", "386.4万件"]),
    ("江城“15分钟社区生活圈”覆盖率达86.5%", ["15分钟", "86.5%"]),
    ("全市建成“暖心驿站”1,500余个", ["1,500余个", "“暖心驿站”"]),
    ("青少年冰雪运动季启动 千名学生首次“上冰”", ["千名", "“上冰”"]),
    ("江城题材电影《渡口》定档12月31日", ["《渡口》", "12月31日"]),
    ("2026赛季全国城市足球联赛最终积分榜（前八名）", ["2026赛季", "（前八名）"]),
    ("德国Brightwave公司华中研发中心落户江城", ["Brightwave"]),
])
def test_numbers_with_units_dates_short_quotes_and_latin_words_are_never_broken(text, whole):
    cuts = offsets(text)
    for unit in whole:
        start = text.index(unit)
        assert not cuts & set(range(start + 1, start + len(unit))), unit


def test_a_quotation_of_eight_characters_or_more_may_break_inside_at_a_cost():
    text = "江城“15分钟社区生活圈”覆盖率达86.5%"
    inside = text.index("社区") + 2  # 社区|生活, inside the nine-character quotation
    assert len("15分钟社区生活圈") >= QUOTE_KEEP
    cost = {bp.offset: bp.cost for bp in break_points(text)}
    assert cost[inside] > WORD_COST


def test_the_authors_clause_space_and_phrase_marks_are_free_breaks():
    for text, after in [("聚焦群众急难愁盼　提升公共服务质效", "　"),
                        ("汇聚创新资源 打通转化链条", " "),
                        ("——专家提醒：接种疫苗是最经济有效的预防手段", "："),
                        ("首日签约项目156个，技术合同成交额达48.3亿元", "，")]:
        at = text.index(after) + 1
        point = next(bp for bp in break_points(text) if bp.offset == at)
        assert point.cost == 0.0
        assert point.clause == after.isspace()


def test_a_line_never_starts_with_a_space_and_a_leading_dash_keeps_its_words():
    dashed = "——周末最低气温降至-2℃，请市民注意防寒保暖"
    assert min(offsets(dashed)) >= dashed.index("周末") + 2
    spaced = "汇聚创新资源 打通转化链条"
    assert spaced.index(" ") not in offsets(spaced)


def test_a_break_beside_a_one_character_segment_costs_more_than_between_words():
    text = "把“家门口”的小事办成群众满意的实事"
    cost = {bp.offset: bp.cost for bp in break_points(text)}
    between_words = text.index("群众") + 2  # 群众|满意
    beside_one = text.index("的实事") + 1  # 的|实
    assert cost[between_words] == WORD_COST and cost[beside_one] >= SINGLE_COST


def test_latin_heads_break_only_after_their_spaces():
    text = "Markets rally as rates fall"
    assert offsets(text) == {i + 1 for i, c in enumerate(text) if c == " "}
