"""Teasers (导读) and the page numbers they name."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.ingest import parse_issue
from typeset.ingest.teasers import chinese_number, teaser_targets
from typeset.model import Article, Issue, Masthead, Page, Paragraph, Source, Text


@pytest.mark.parametrize("text, value", [("二", 2), ("八", 8), ("十", 10), ("十二", 12),
                                         ("二十", 20), ("二十四", 24), ("16", 16), ("百", None)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


def _teaser_pages(body: str) -> list:
    issue = parse_issue("---\nnewspaper: 江城日报\n---\n\n" + body, Path("t.md"))
    return [a.teaser_page for a in issue.articles]


def test_one_short_paragraph_ending_in_see_page_is_a_teaser():
    assert _teaser_pages("## 甲\n\n摘要。（详见四版）\n\n## 乙\n\n详见六版\n\n## 丙\n\n"
                         "摘要（详见第12版）。\n") == [4, 6, 12]


def test_longer_bodies_are_not_teasers():
    assert _teaser_pages("## 甲\n\n正文。\n\n更多正文（详见四版）\n\n## 乙\n\n"
                         + "长" * 200 + "（详见四版）\n\n## 丙\n\n正文提到详见四版的说法。\n") == [
        None, None, None]


# Which article a teaser announces: one matcher, used by the PDF's ear and the EPUB.
SRC = Source("t.md", 1)


def _story(headline: str) -> Article:
    return Article(headline=headline, source=SRC,
                   blocks=[Paragraph((Text("本报讯 江城市今年新建改建社区食堂三百一十二个。"),), SRC)])


def _teaser(headline: str, page: int) -> Article:
    return Article(headline=headline, source=SRC, teaser_page=page,
                   blocks=[Paragraph((Text(f"社区食堂覆盖全市。（详见{page}版）"),), SRC)])


def _issue(pages: dict[int, list[Article]]) -> Issue:
    return Issue(Masthead("测试日报"), [Page(n, "要闻", "编辑", arts)
                                      for n, arts in sorted(pages.items())], Path("t.md"))


def test_a_teaser_finds_its_own_headline_before_a_shorter_one_it_contains():
    """Generated many-briefs seed 10: the teaser for "他还学会了在手机上接单　每天线上订单有
    三四十单" (page 8) was matched to page 6's "每天线上订单有三四十单", which its headline
    contains, and the ear printed 详见六版 for a story on page 8."""
    teaser = _teaser("他还学会了在手机上接单　每天线上订单有三四十单", 8)
    issue = _issue({1: [teaser], 6: [_story("每天线上订单有三四十单")],
                    8: [_story("他还学会了在手机上接单 每天线上订单有三四十单")]})
    assert teaser_targets(issue) == {0: 2}


def test_of_two_stories_under_one_headline_the_one_on_the_named_page_is_announced():
    issue = _issue({1: [_teaser("社区食堂覆盖全市", 5)], 3: [_story("社区食堂覆盖全市")],
                    5: [_story("社区食堂覆盖全市")]})
    assert teaser_targets(issue) == {0: 2}


def test_a_headline_only_containing_the_teasers_still_matches_but_not_a_short_one():
    issue = _issue({1: [_teaser("社区食堂覆盖全市", 4)], 2: [_story("全市")],
                    4: [_story("社区食堂覆盖全市　老人吃饭不再难")]})
    assert teaser_targets(issue) == {0: 2}
    assert teaser_targets(_issue({1: [_teaser("社区食堂", 2)], 2: [_story("食堂")]})) == {}
