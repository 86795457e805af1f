"""Markdown constructs → model blocks and runs (parse_issue on small strings)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from typeset.ingest import InputPolicy, load_issue, parse_issue
from typeset.model import (Figure, LineBreak, ListBlock, Paragraph, Style, Subhead, Table,
                           Text)

HEAD = "---\nnewspaper: 江城日报\n---\n\n<!-- page 1 | 要闻 | 责任编辑：陈立新 -->\n\n"


def _blocks(body: str, where: Path = Path("t.md")):
    issue = parse_issue(HEAD + "## 标题\n\n" + body, where)
    assert len(issue.articles) == 1
    return issue.articles[0].blocks


def test_soft_breaks_vanish_between_cjk_and_become_spaces_between_latin():
    [para] = _blocks("江城\n日报 and\nLatin\n文字")
    assert para.text == "江城日报 and Latin文字"


def test_hard_breaks_are_kept():
    [para] = _blocks("一行\\\n二行  \n三行<br>四行")
    assert [type(i) for i in para.inlines] == [Text, LineBreak, Text, LineBreak, Text,
                                               LineBreak, Text]
    assert para.text == "一行\n二行\n三行\n四行"


def test_links_code_and_inline_html():
    [para] = _blocks("见[本报网站](http://x.cn)，输入`江城`<!-- 注 -->查询<u>下划</u>。")
    assert para.text == "见本报网站，输入江城查询<u>下划</u>。"


def test_emphasis_runs():
    [para] = _blocks("前**加粗**中*强调*后")
    assert para.inlines == (Text("前"), Text("加粗", Style.EMPHASIS), Text("中"),
                            Text("强调", Style.EMPHASIS), Text("后"))


def test_comments_are_ignored_and_other_html_blocks_kept():
    blocks = _blocks("<!-- 编辑备注 -->\n\n<div>盒子</div>\n\n正文。")
    assert [b.text for b in blocks] == ["<div>盒子</div>", "正文。"]


def test_lists_and_tables():
    lists = _blocks("1. 第一\n2. 第二\n   - 嵌套\n\n- 甲\n- 乙")
    assert [(type(b), b.ordered, [i.text for i in b.items]) for b in lists] == [
        (ListBlock, True, ["第一", "第二", "嵌套"]), (ListBlock, False, ["甲", "乙"])]
    [table] = _blocks("| 左 | 中 | 右 |\n|:--|:-:|--:|\n| 1 | **2** | 3 |")
    assert isinstance(table, Table)
    assert (table.header, table.rows, table.align) == (
        ("左", "中", "右"), (("1", "2", "3"),), ("left", "center", "right"))


def test_image_inside_a_paragraph_cuts_it(tmp_path):
    (tmp_path / "图片").mkdir()
    Image.new("RGB", (40, 30)).save(tmp_path / "图片" / "江景.jpg", "JPEG")
    first, figure, rest = _blocks('江城\n![江景。](图片/江景.jpg "本报记者 李四 摄")\n续。',
                                  tmp_path / "issue.md")
    assert (first.text, first.indent) == ("江城", True)
    assert figure == Figure((tmp_path / "图片" / "江景.jpg").absolute(), "江景。",
                            "本报记者 李四 摄", figure.source)
    assert (rest.text, rest.indent) == ("续。", False)


def test_headings_that_lead_to_no_headline_are_subheads():
    blocks = _blocks("正文。\n\n### 小引\n\n#### 小标题\n\n再正文。\n\n# 大字")
    assert [type(b) for b in blocks] == [Paragraph, Subhead, Subhead, Paragraph, Subhead]


def test_copy_before_the_first_page_marker_sits_on_page_1():
    issue = parse_issue("---\nnewspaper: 江城日报\npages: 2\n---\n\n## 先\n\n甲。\n\n"
                        "<!-- page 2 | 经济 | 责任编辑：周宏 -->\n\n## 后\n\n乙。\n", Path("t.md"))
    assert [(p.number, p.section, [a.headline for a in p.articles]) for p in issue.pages] == [
        (1, "", ["先"]), (2, "经济", ["后"])]


def test_page_markers_without_front_matter_take_the_masthead_from_the_first_heading():
    issue = parse_issue("# 江城日报\n\nJIANGCHENG DAILY\n\n<!-- page 1 | 要闻 | 责任编辑：陈立新 -->"
                        "\n\n## 标题\n\n正文。\n", Path("t.md"))
    assert issue.paged and issue.masthead.title == "江城日报" and issue.page_count == 1
    assert issue.masthead.latin == "JIANGCHENG DAILY"
    assert [a.headline for a in issue.articles] == ["标题"]


def test_front_matter_weekday_defaults_from_the_date():
    issue = parse_issue("---\nnewspaper: 江城日报\ndate: 2024-01-15\n---\n\n## 标题\n",
                        Path("t.md"))
    assert (issue.masthead.weekday, issue.masthead.date_text) == ("星期一", "2024年1月15日")


def test_an_article_may_have_no_body():
    issue = parse_issue(HEAD + "## 只有标题\n\n## 第二篇\n\n正文。\n", Path("t.md"))
    assert [(a.headline, len(a.blocks)) for a in issue.articles] == [("只有标题", 0), ("第二篇", 1)]


def test_code_is_plain_text_with_its_lines():
    quote, code = _blocks("> 引语\n>\n>     缩进代码\n\n```\n甲\n乙\n```\n")
    assert [p.text for p in quote.paragraphs] == ["引语", "缩进代码"]
    assert code.text == "甲\n乙"


def test_every_construct_reaches_the_model(missing_chars, fixtures_dir):
    path = fixtures_dir / "every_construct.md"
    # its photo is the sample's, outside the fixtures' folder
    issue = load_issue(path, InputPolicy(allow_outside_images=True))
    assert missing_chars(path, issue) == {}
    lead = issue.pages[0].articles[0]
    assert (lead.banner, lead.kicker, lead.headline, lead.subtitles) == (
        "栏目", "引题", "主题 with Latin", ["——副题一", "——副题二"])
    assert [type(b).__name__ for b in lead.blocks] == [
        "Paragraph", "Byline", "Subhead", "Figure", "Quote", "Table", "ListBlock", "Paragraph"]
    assert [[a.headline for a in p.articles] for p in issue.pages] == [
        ["主题 with Latin"], ["只有标题的稿子", "导读稿"]]
    teaser = issue.pages[1].articles[1]
    assert issue.pages[1].articles[0].blocks == []
    assert (teaser.banner, teaser.teaser_page) == ("今日导读", None)  # a byline follows


def test_html_blocks_inside_quotes_and_lists_keep_their_text():
    # found by tests/test_fuzz_issues.py: a line opening with a comment is an HTML block,
    # and inside a quote or a list item its text was dropped
    quote, items = _blocks("> <!-- x -->引语\n\n- <!-- y -->条目")
    assert [p.text for p in quote.paragraphs] == ["引语"]
    assert [p.text for p in items.items] == ["条目"]


def test_a_caption_keeps_what_was_typed_between_the_brackets(tmp_path):
    # found by tests/test_fuzz_issues.py: `![<br>](x.jpg)` lost its caption's characters
    Image.new("RGB", (40, 30)).save(tmp_path / "x.jpg", "JPEG")
    [figure] = _blocks("![江景<br>**夜色**](x.jpg)", tmp_path / "issue.md")
    assert figure.caption == "江景<br>**夜色**"
