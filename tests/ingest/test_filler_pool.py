"""The filler pool (`<!-- fillers -->`): its items go into Issue.fillers, never onto a page,
and the input checks apply to them as to the pages' copy, naming the filler."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from typeset.errors import InputError
from typeset.ingest import parse_issue
from typeset.model import Figure, Paragraph

HEAD = "---\nnewspaper: 江城日报\npages: 2\n---\n\n"
PAGE_1 = "<!-- page 1 | 要闻 | 责任编辑：陈立新 -->\n\n## 头条\n\n本报讯 正文。\n\n"
PAGE_2 = "<!-- page 2 | 经济 | 责任编辑：李四 -->\n\n## 二版头条\n\n正文。\n\n"
POOL = ("<!-- fillers -->\n\n"
        "### 生活\n## 冬季养生小知识\n\n冬季宜早睡晚起。\n\n适当进补。\n\n"
        "![订阅江城日报](images/ad.jpg \"本报广告部\")\n\n"
        "## 欢迎订阅\n\n![每天早上送到家](images/ad.jpg)\n\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()
    Image.new("RGB", (800, 500), (200, 30, 30)).save(tmp_path / "images" / "ad.jpg")
    return tmp_path


def test_the_pool_runs_to_the_next_page_marker_and_is_on_no_page(folder):
    issue = parse_issue(HEAD + PAGE_1 + POOL + PAGE_2, folder / "issue.md")
    assert [[a.headline for a in p.articles] for p in issue.pages] == [["头条"], ["二版头条"]]
    assert [f.headline for f in issue.fillers] == ["冬季养生小知识", None, "欢迎订阅"]
    assert all(f.filler for f in issue.fillers) and not any(a.filler for a in issue.articles)
    item, ad, titled_ad = issue.fillers
    assert item.kicker == "生活" and [type(b) for b in item.blocks] == [Paragraph, Paragraph]
    # an image alone after an item's copy is a house ad of its own; under a headline it is
    # that filler's
    assert [type(b) for b in ad.blocks] == [Figure] and ad.blocks[0].credit == "本报广告部"
    assert [type(b) for b in titled_ad.blocks] == [Figure]
    assert issue.images == [folder / "images" / "ad.jpg"]


def test_the_pool_at_the_end_of_the_file(folder):
    issue = parse_issue(HEAD + PAGE_1 + POOL, folder / "issue.md")
    assert len(issue.pages) == 1 and len(issue.fillers) == 3


def test_an_issue_without_the_marker_has_no_fillers(folder):
    issue = parse_issue(HEAD + PAGE_1 + PAGE_2, folder / "issue.md")
    assert issue.fillers == []


def test_a_fillers_teaser_line_is_no_teaser(folder):
    issue = parse_issue(HEAD + PAGE_1 + "<!-- fillers -->\n\n## 导读\n\n地铁通车（详见2版）\n",
                        folder / "issue.md")
    assert issue.fillers[0].teaser_page is None


def test_an_image_outside_the_folder_is_refused_naming_the_filler(folder):
    outside = folder.parent / f"{folder.name}-ad.jpg"
    Image.new("RGB", (80, 50)).save(outside)
    text = HEAD + PAGE_1 + f"<!-- fillers -->\n\n## 订阅\n\n![广告](../{outside.name})\n"
    with pytest.raises(InputError, match="outside the issue's folder") as caught:
        parse_issue(text, folder / "issue.md")
    assert caught.value.article == "filler “订阅”"
    assert "(filler “订阅”)" in str(caught.value)


def test_a_missing_image_names_the_untitled_filler_and_its_line(folder):
    text = HEAD + PAGE_1 + "<!-- fillers -->\n\n![广告](images/gone.jpg)\n"
    with pytest.raises(InputError, match="image not found") as caught:
        parse_issue(text, folder / "issue.md")
    assert caught.value.where.endswith("issue.md:14")
    assert caught.value.article == f"untitled filler at {folder / 'issue.md'}:14"


def test_a_control_character_in_the_pool_is_refused_with_its_line(folder):
    text = HEAD + PAGE_1 + "<!-- fillers -->\n\n## 小知识\n\n冬季\x0c养生。\n"
    with pytest.raises(InputError, match="U\\+000C") as caught:
        parse_issue(text, folder / "issue.md")
    assert caught.value.where.endswith("issue.md:16")
