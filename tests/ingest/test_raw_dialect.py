"""Raw-text heuristics on small inputs: kickers, banners, captions, lost headlines."""

from __future__ import annotations

from pathlib import Path

from typeset.ingest import parse_issue
from typeset.model import Figure, Paragraph, Subhead


def _raw(body: str):
    return parse_issue("# 江城日报\n\n2026年11月20日\n\n" + body, Path("raw.txt"))


def test_short_paragraph_before_a_headline_is_its_kicker_and_a_heading_before_it_the_banner():
    issue = _raw("## 头条\n\n正文。\n\n#### 栏目\n\n引题文字\n\n### 小标题稿\n\n本报讯 正文。\n")
    second = issue.articles[1]
    assert (second.banner, second.kicker, second.headline) == ("栏目", "引题文字", "小标题稿")
    assert [b.text for b in issue.articles[0].blocks] == ["正文。"]


def test_finished_or_long_paragraphs_are_never_kickers():
    issue = _raw("## 甲\n\n正文完了。\n\n## 乙\n\n" + "长" * 50 + "\n\n## 丙\n")
    assert [a.kicker for a in issue.articles] == [None, None, None]
    assert issue.articles[1].blocks[0].text == "长" * 50


def test_caption_without_a_credit_is_still_a_figure():
    issue = _raw("## 甲\n\n正文。\n\n图为江景。\n\n正文二。\n")
    assert [type(b) for b in issue.articles[0].blocks] == [Paragraph, Figure, Paragraph]
    figure = issue.articles[0].blocks[1]
    assert (figure.image, figure.caption, figure.credit) == (None, "图为江景。", "")


def test_rejoin_stops_at_headings():
    issue = _raw("## 甲\n\n说到一半\n\n#### 小标题\n\n另一段。\n")
    assert [type(b) for b in issue.articles[0].blocks] == [Paragraph, Subhead, Paragraph]


def test_a_region_gap_after_a_finished_paragraph_starts_an_untitled_article():
    issue = _raw("## 甲\n\n正文。\n\n\n\n另一篇的正文。\n\n继续。\n")
    assert [(a.headline, len(a.blocks)) for a in issue.articles] == [("甲", 1), (None, 2)]


def test_a_region_gap_inside_a_cut_paragraph_is_a_column_break():
    issue = _raw("## 甲\n\n说到一半\n\n\n\n接着说完。\n")
    assert [b.text for b in issue.articles[0].blocks] == ["说到一半接着说完。"]


def test_text_without_a_masthead_or_headlines_is_one_untitled_article():
    issue = parse_issue("只有一段正文。\n", Path("raw.txt"))
    assert issue.masthead.title == "" and not issue.paged
    assert [(a.headline, [b.text for b in a.blocks]) for a in issue.articles] == [
        (None, ["只有一段正文。"])]
