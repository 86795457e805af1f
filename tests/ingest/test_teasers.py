"""Teasers (导读) and the page numbers they name."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.ingest import parse_issue
from typeset.ingest.teasers import chinese_number


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
