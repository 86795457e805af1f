"""Nothing of the filler pool is lost: every filler is in the EPUB (补白, after the pages),
whether the print placed it or not, and those the print could not place are named in one
warning of the run."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typeset.pipeline import Options, build

SENTENCE = "江城市今年新建改建社区食堂三百一十二个，嵌入式养老服务站二百零七个。"
HEAD = "---\nnewspaper: 江城日报\npages: 1\n---\n\n<!-- page 1 | 要闻 | 责任编辑：陈立新 -->\n\n"


def test_a_filler_no_hole_takes_is_warned_about_and_read_in_the_epub(tmp_path: Path):
    lead = "## 头条新闻\n\n" + "".join(f"本报讯 {SENTENCE * 6}\n\n" for _ in range(6))
    placed = "## 冬季养生小知识\n\n冬季宜早睡晚起，适当进补。\n\n"
    too_long = "## 放不下的长补白\n\n" + "".join(f"{SENTENCE * 8}\n\n" for _ in range(60))
    issue = tmp_path / "issue.md"
    issue.write_text(HEAD + lead + "<!-- fillers -->\n\n" + placed + too_long, encoding="utf-8")
    result = build(issue, Options(pdf=True, epub=True, outdir=tmp_path / "out"))
    (warning,) = [w for w in result.warnings if "fillers not placed" in w]
    assert warning.endswith("fillers not placed (no hole fits them): “放不下的长补白”")
    with zipfile.ZipFile(tmp_path / "out" / "issue.epub") as book:
        fillers = book.read("EPUB/fillers.xhtml").decode()
        nav = book.read("EPUB/nav.xhtml").decode()
        pages = book.read("EPUB/page-01.xhtml").decode()
    assert "冬季宜早睡晚起，适当进补。" in fillers and "放不下的长补白" in fillers
    assert fillers.count(SENTENCE * 8) == 60
    assert 'href="fillers.xhtml"' in nav and "补白" in nav
    assert "冬季养生小知识" not in pages  # on no page of the copy
