"""A character that no font of its role covers stops the run (exit 2) with the code point,
the article and the paragraph — unless --allow-missing-glyphs, which reports it instead."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

UNCOVERED = "\u0378"  # unassigned: no font has it (see test_font_roles)

ISSUE = f"""\
<!-- page 1 | 要闻 | 责任编辑：陈立新 -->

## 江城新开一座图书馆

本报讯 市图书馆新馆今天开放。

第二段里有一个没有字形的字：{UNCOVERED}。
"""

RARE_IDEOGRAPH = """\
<!-- page 1 | 要闻 | 责任编辑：陈立新 -->

## 吉野家𠮷字招牌换新

本报讯 “𠮷”是“吉”的异体字，上面是“土”。
"""


@pytest.fixture
def uncovered_issue(tmp_path: Path) -> Path:
    path = tmp_path / "uncovered.md"
    path.write_text(ISSUE, encoding="utf-8")
    return path


def test_an_uncovered_character_is_exit_2_naming_code_point_article_and_paragraph(
        typeset_cli, uncovered_issue, tmp_path):
    run = typeset_cli(uncovered_issue, "-o", tmp_path / "out")
    assert run.returncode == 2, run.stderr
    assert "U+0378" in run.stderr
    assert "江城新开一座图书馆" in run.stderr
    assert "uncovered.md:7" in run.stderr  # the paragraph's line
    assert "paragraph" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out" / "uncovered.pdf").exists()


def test_allow_missing_glyphs_builds_and_warns(typeset_cli, uncovered_issue, tmp_path):
    run = typeset_cli(uncovered_issue, "--allow-missing-glyphs", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if "warning" in line
                and "no font" in line]
    assert len(warnings) == 1 and "U+0378" in warnings[0], run.stderr
    assert (tmp_path / "out" / "uncovered.pdf").stat().st_size > 0


def test_an_extension_b_ideograph_is_set_with_the_default_fonts(typeset_cli, tmp_path):
    issue = tmp_path / "rare.md"
    issue.write_text(RARE_IDEOGRAPH, encoding="utf-8")
    run = typeset_cli(issue, "--pdf", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "out" / "rare.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("\U00020bb7") == 2
