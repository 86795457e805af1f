"""Headline groups: every part set by the headline composer, whole grid rows tall, and the
compact variant at the rank's smallest size."""

from __future__ import annotations

from typeset.layout.headlines import Rank, headline_group, size_range
from typeset.model import Article, Source


def test_every_part_of_a_group_is_set_and_recorded_in_order(cfg, fonts):
    art = Article(headline="把“家门口”的小事办成群众满意的实事", source=Source("t.md", 1),
                  kicker="评论员文章", subtitles=["——写在我市老旧小区改造三年行动进入收官阶段之际"])
    group = headline_group(art, Rank.SECOND, cfg.page.span_width(3), cfg, fonts, None)
    assert [p.part for p in group.parts] == ["kicker", "headline", "subtitle"]
    assert [tl.line for tl in group.lines] == [line for p in group.parts
                                               for line in p.setting.lines]
    head = group.parts[1].setting
    assert group.size == head.size and len(head.lines) == 2
    assert group.rows * cfg.grid.pitch >= max(tl.baseline for tl in group.lines)


def test_compact_sets_the_headline_at_its_ranks_smallest_size(cfg, fonts):
    art = Article(headline="前10个月全市经济运行稳中有进", source=Source("t.md", 1))
    width = cfg.page.span_width(4)
    low, high = size_range(Rank.LEAD, cfg)
    assert headline_group(art, Rank.LEAD, width, cfg, fonts, None).size > low
    assert headline_group(art, Rank.LEAD, width, cfg, fonts, None, compact=True).size == low


def test_a_continuation_sets_its_repeat_line_after_the_headline(cfg, fonts):
    art = Article(headline="前10个月全市经济运行稳中有进", source=Source("t.md", 1),
                  kicker="工业投资消费协同发力")
    group = headline_group(art, Rank.SMALL, cfg.page.span_width(4), cfg, fonts, None,
                           repeat="（上接第三版）")
    assert [p.part for p in group.parts] == ["headline", "repeat"]
    assert group.parts[1].setting.lines[0].text == "（上接第三版）"
