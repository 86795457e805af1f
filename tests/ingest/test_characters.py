"""Characters no newspaper prints: C0/C1 controls (but tab and newline), non-characters and
byte-order marks inside the text. Refused naming line and code point, or dropped with a
warning when asked (--allow-missing-glyphs)."""

from __future__ import annotations

import pytest

from typeset.errors import InputError
from typeset.ingest import InputPolicy, load_issue
from typeset.ingest.characters import find_bad_characters

DROP = InputPolicy(drop_bad_characters=True)
ISSUE = "---\nnewspaper: 江城日报\n---\n\n## 标题\n\n正文{c}正文。\n"
BODY_LINE = 7


def written(tmp_path, text: str):
    path = tmp_path / "issue.md"
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("char", ["\x0c", "\x01", "\x7f", "\x85", "\ufeff", "\ufffe",
                                  "\uffff", "\ufdd0", "\U0010ffff"])
def test_a_bad_character_is_refused_naming_line_and_code_point(tmp_path, char):
    path = written(tmp_path, ISSUE.format(c=char))
    with pytest.raises(InputError) as caught:
        load_issue(path)
    assert caught.value.where == f"{path}:{BODY_LINE}"
    assert f"U+{ord(char):04X}" in caught.value.message
    assert "--allow-missing-glyphs" in caught.value.hint


@pytest.mark.parametrize("char", ["\x0c", "\x85", "\ufeff", "\ufffe", "\uffff"])
def test_a_bad_character_is_dropped_with_a_warning_when_asked(tmp_path, char):
    issue = load_issue(written(tmp_path, ISSUE.format(c=char)), DROP)
    assert issue.articles[0].blocks[0].text == "正文正文。"
    assert len(issue.warnings) == 1
    assert f"U+{ord(char):04X}" in issue.warnings[0] and f":{BODY_LINE}" in issue.warnings[0]


def test_a_character_reference_to_a_control_character_is_refused(tmp_path):
    path = written(tmp_path, ISSUE.format(c="&#12;"))
    with pytest.raises(InputError, match="U\\+000C"):
        load_issue(path)


def test_an_escape_in_the_front_matter_is_refused_naming_its_line(tmp_path):
    path = written(tmp_path, '---\nnewspaper: "江城\\x0c日报"\n---\n\n## 标题\n\n正文。\n')
    with pytest.raises(InputError) as caught:
        load_issue(path)
    assert caught.value.where == f"{path}:2" and "U+000C" in caught.value.message


def test_tab_newline_and_crlf_line_ends_are_fine(tmp_path):
    text = ISSUE.format(c="\t").replace("\n", "\r\n")
    assert load_issue(written(tmp_path, text)).articles[0].headline == "标题"


def test_a_leading_bom_is_the_encoding_mark_not_a_character(tmp_path):
    assert load_issue(written(tmp_path, "\ufeff" + ISSUE.format(c=""))).warnings == []


def test_find_bad_characters_gives_line_column_and_code_point():
    found = find_bad_characters("甲\n乙\x0c丙\ufffe\n")
    assert [(b.line, b.column, b.code_point) for b in found] == [(2, 2, 0x0C), (2, 4, 0xFFFE)]
