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


def test_on_a_page_with_holes_the_lead_and_second_heads_grow_to_the_under_tops(cfg, fonts):
    """grand (copyfit's under step "headlines"): a short lead head over eight columns takes
    [sizes] headline_lead_under_pt, larger than the 初号 top of other pages; a second
    story's head grows to headline_under_pt; a small item's range stays."""
    assert size_range(Rank.LEAD, cfg, grand=True) == (cfg.sizes.headline_lead,
                                                       cfg.sizes.headline_lead_under)
    assert size_range(Rank.SECOND, cfg, grand=True)[1] == cfg.sizes.headline_under
    assert size_range(Rank.SMALL, cfg, grand=True) == size_range(Rank.SMALL, cfg)
    art = Article(headline="参保人员在外地就医前", source=Source("t.md", 1))
    width = cfg.page.span_width(8)
    plain = headline_group(art, Rank.LEAD, width, cfg, fonts, None)
    grand = headline_group(art, Rank.LEAD, width, cfg, fonts, None, grand=True)
    assert plain.size == cfg.sizes.headline_lead_max
    assert grand.size == cfg.sizes.headline_lead_under > plain.size


def test_a_layout_whose_under_top_is_below_its_top_is_refused(tmp_path):
    import pytest

    from typeset.config import layout_path, load_layout
    from typeset.errors import ConfigError

    path = layout_path("broadsheet")
    fonts = path.parents[1] / "fonts" / "fonts.toml"
    bad = tmp_path / "bad.toml"
    bad.write_text(path.read_text(encoding="utf-8")
                   .replace("headline_under_pt = 36.0", "headline_under_pt = 20.0")
                   .replace('"../fonts/fonts.toml"', f'"{fonts}"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="headline_under_pt"):
        load_layout(str(bad))
