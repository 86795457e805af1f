"""Ingest of the structured dialect: the 8-page sample issue."""

from __future__ import annotations

import datetime as dt

from typeset.model import (Byline, Figure, LineBreak, Paragraph, Quote, Style, Subhead,
                           Table, Text)


def _article(issue, headline, page=None):
    found = [a for p in issue.pages for a in p.articles
             if a.headline == headline and (page is None or p.number == page)]
    assert len(found) == 1, headline
    return found[0]


def test_masthead_and_pages_come_from_front_matter_and_markers(sample):
    m = sample.masthead
    assert (m.title, m.latin, m.date, m.date_text, m.weekday, m.lunar_date,
            m.issue_number, m.url) == (
        "江城日报", "JIANGCHENG DAILY", dt.date(2026, 11, 20), "2026年11月20日", "星期五",
        "丙午年十月初二", "第16842号", "http://www.jcrb.example.cn")
    assert sample.paged and sample.page_count == 8 and sample.language == "zh-CN"
    assert [(p.number, p.section, p.editor) for p in sample.pages] == [
        (1, "要闻", "陈立新"), (2, "要闻", "刘芳"), (3, "经济", "周宏"), (4, "城市", "黄晓燕"),
        (5, "评论", "罗文清"), (6, "文化", "沈佳音"), (7, "体育", "高峻"), (8, "副刊", "叶知秋")]
    assert [len(p.articles) for p in sample.pages] == [9, 9, 9, 13, 7, 9, 9, 6]


def test_articles_match_the_independent_checker(sample, issuetext, sample_path):
    theirs = issuetext.parse_issue(str(sample_path)).articles
    assert len(theirs) == 71
    assert [a.headline for a in sample.articles] == [a.headline.text for a in theirs]
    assert [a.page for a in theirs] == [p.number for p in sample.pages for _ in p.articles]


def test_nothing_is_dropped(sample, missing_chars, sample_path):
    assert missing_chars(sample_path, sample) == {}


def test_headline_group_roles(sample):
    lead = sample.pages[0].articles[0]
    assert (lead.banner, lead.kicker, lead.headline, lead.subtitles) == (
        None, "跨江通道建设迎来关键节点", "第三过江隧道双线贯通",
        ["——建成后两岸核心区通行时间将由40分钟缩短至8分钟以内"])
    comment = _article(sample, "让城市更新既有速度更有温度")
    assert comment.banner == "本报评论员文章" and comment.kicker is None
    assert comment.subtitles == ["——写在我市老旧小区改造三年行动进入收官阶段之际"]
    assert [b.text for b in comment.blocks if isinstance(b, Subhead)] == [
        "从“要我改”到“我要改”", "既要“面子”更要“里子”", "改造完成不是终点", "让每一次更新都有温度"]
    books = _article(sample, "2026年度“江城好书”榜单揭晓")
    assert books.banner == "书香江城" and books.subtitles == ["20种图书入选 本土作者作品占四成"]


def test_teasers_point_at_articles_on_the_named_pages(sample):
    teasers = [a for a in sample.articles if a.teaser_page is not None]
    assert [(a.headline, a.teaser_page) for a in teasers] == [
        ("江城地铁6号线全线贯通", 4),
        ("市民文化节落下帷幕 三百余场活动惠及百万人次", 6),
        ("江城队主场逆转夺得联赛冠军", 7)]
    assert teasers[0].banner == "今日导读"
    for teaser in teasers:
        assert teaser.blocks[0].text.endswith("版）")  # the summary itself is kept
        target = _article(sample, teaser.headline, page=teaser.teaser_page)
        assert target.teaser_page is None and len(target.blocks) > 1


def test_datelines_and_standalone_bylines(sample):
    lead = sample.pages[0].articles[0].blocks[0]
    assert lead.inlines[0] == Text("本报讯（记者 林晓峰 通讯员 高远）", Style.BYLINE)
    assert lead.inlines[1].text.startswith("11月19日上午10时18分")
    wire = _article(sample, "2026中国跨境电商发展大会在天津开幕")
    assert wire.byline == "新华社天津11月19日电（记者 李明哲）"
    editorial = _article(sample, "把“家门口”的小事办成群众满意的实事").blocks[0]
    assert isinstance(editorial, Byline) and editorial.text == "本报评论员"
    assert _article(sample, "今日微评：共享单车别成“私家车”").byline == "□ 辛 言"
    assert _article(sample, "一杯咖啡“煮”出城市消费新场景").byline == "本报记者 孟圆"
    assert _article(sample, "四万人的不眠之夜").byline == "本报记者 杜若飞"
    assert _article(sample, "让城市更新既有速度更有温度").byline == "本报评论员"
    letter = _article(sample, "公交站台能否多几把座椅？")
    assert letter.byline is None and letter.blocks[0].text == "编辑同志："


def test_figures_tables_quotes_and_poems(sample, sample_path):
    figures = [b for a in sample.articles for b in a.blocks if isinstance(b, Figure)]
    assert len(figures) == 6
    assert all(f.image.is_absolute() and f.image.is_file() for f in figures)
    rocket = figures[0]
    assert rocket.image == (sample_path.parent / "images" / "rocket.jpg").absolute()
    assert rocket.caption.startswith("11月19日傍晚") and rocket.credit == "本报记者 郑凯 摄"
    assert rocket.source.line == 116

    tables = [b for a in sample.articles for b in a.blocks if isinstance(b, Table)]
    assert len(tables) == 2
    assert tables[0].header == ("指标", "单位", "1—10月", "同比增长（%）")
    assert tables[0].align == ("", "", "right", "right")
    assert tables[0].rows[0] == ("规模以上工业增加值", "亿元", "3,268.4", "7.8")
    assert len(tables[1].rows) == 8 and len(tables[1].header) == 9

    quotes = [b for a in sample.articles for b in a.blocks if isinstance(b, Quote)]
    assert len(quotes) == 4
    classic = _article(sample, "清风明月 取之无禁").blocks[1]
    assert classic.paragraphs[0].text.endswith("用之不竭。\n——苏轼《赤壁赋》")

    poem = _article(sample, "十一月，江边")
    stanzas = [b for b in poem.blocks if isinstance(b, Paragraph)]
    assert len(stanzas) == 4
    assert all(sum(isinstance(i, LineBreak) for i in s.inlines) == 4 for s in stanzas)
    assert stanzas[0].text.split("\n")[0] == "十一月的江水慢了下来"


def test_bold_copy_is_an_emphasis_run(sample):
    lead = sample.pages[0].articles[0]
    assert Text("两岸一体、多轴联通", Style.EMPHASIS) in lead.blocks[-1].inlines
    economy = _article(sample, "前10个月全市经济运行稳中有进").blocks
    table_at = next(n for n, b in enumerate(economy) if isinstance(b, Table))
    assert economy[table_at - 1].inlines == (Text("2026年1—10月江城市主要经济指标", Style.EMPHASIS),)


def test_sources_name_file_and_line(sample, sample_path):
    lead = sample.pages[0].articles[0]
    assert str(lead.source) == f"{sample_path}:16"
    assert lead.blocks[0].source.line == 19
