"""Every way to call the program reaches it: the `typeset` console script (by path — the
bare word is a bash/zsh/ksh builtin), the clash-free `typeset-news`, and `python -m typeset`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ENTRY_POINTS = {
    "typeset": [str(BIN / "typeset")],
    "typeset-news": [str(BIN / "typeset-news")],
    "python -m typeset": [sys.executable, "-m", "typeset"],
}
TINY_ISSUE = """\
<!-- page 1 | 要闻 | 责任编辑：陈立新 -->

## 江城新开一座图书馆

本报讯 市图书馆新馆今天开放。
"""


def run(command: list[str], *args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300, check=False)


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_help_names_the_program_and_its_options(name):
    result = run(ENTRY_POINTS[name], "build", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: typeset")
    assert "--pdf" in result.stdout and "--epub" in result.stdout


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_top_level_help(name):
    result = run(ENTRY_POINTS[name], "--help")
    assert result.returncode == 0, result.stderr
    assert "ISSUE" in result.stdout


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_each_entry_point_typesets_an_issue(name, tmp_path):
    issue = tmp_path / "tiny.md"
    issue.write_text(TINY_ISSUE, encoding="utf-8")
    result = run(ENTRY_POINTS[name], issue, "--pdf", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"PDF: {tmp_path / 'out' / 'tiny.pdf'}  ")
    assert (tmp_path / "out" / "tiny.pdf").read_bytes().startswith(b"%PDF-")

