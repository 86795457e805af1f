"""Bad input raises InputError naming the file, line and article, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.errors import InputError
from typeset.ingest import load_issue, parse_issue


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_issue(path)
    return caught.value


def test_missing_file(tmp_path):
    err = _error(tmp_path / "nope.md")
    assert err.where == str(tmp_path / "nope.md") and "not found" in err.message


def test_directory_is_not_an_issue(tmp_path):
    assert "not a file" in _error(tmp_path).message


def test_empty_file(fixtures_dir):
    err = _error(fixtures_dir / "empty.md")
    assert err.where == str(fixtures_dir / "empty.md") and "empty" in err.message


def test_binary_file_names_offset_and_line(tmp_path):
    path = tmp_path / "photo.md"
    path.write_bytes(b"## \xe6\xa0\x87\xe9\xa2\x98\n\n\x89PNG\x00\x00\x00")
    err = _error(path)
    assert err.where == f"{path}:3" and "NUL byte at offset 15" in err.message


def test_non_utf8_file_names_offset_and_line(tmp_path):
    path = tmp_path / "gbk.md"
    path.write_bytes("## 标题\n\n正文".encode("utf-8") + "。".encode("gbk"))
    err = _error(path)
    assert err.where == f"{path}:3" and "offset 17" in err.message and "UTF-8" in err.hint


def test_bad_yaml_names_the_line(fixtures_dir):
    err = _error(fixtures_dir / "bad_yaml_front_matter.md")
    assert err.where == f"{fixtures_dir / 'bad_yaml_front_matter.md'}:4"
    assert "YAML" in err.message and err.hint


def test_unclosed_front_matter(tmp_path):
    with pytest.raises(InputError, match="no closing"):
        parse_issue("---\nnewspaper: 江城日报\n\n## 标题\n", tmp_path / "x.md")


def test_bad_date_names_its_line(fixtures_dir):
    err = _error(fixtures_dir / "bad_date.md")
    assert err.where == f"{fixtures_dir / 'bad_date.md'}:3" and "YYYY-MM-DD" in err.hint


def test_page_marker_outside_the_page_count(fixtures_dir):
    err = _error(fixtures_dir / "page_marker_out_of_range.md")
    assert err.where == f"{fixtures_dir / 'page_marker_out_of_range.md'}:12"
    assert "page 3" in err.message and "2 pages" in err.message


def test_page_marked_twice(fixtures_dir):
    err = _error(fixtures_dir / "page_marked_twice.md")
    assert err.where.endswith("page_marked_twice.md:11") and "line 5" in err.message


def test_missing_image_names_article_line_and_path(fixtures_dir):
    err = _error(fixtures_dir / "missing_image.md")
    assert err.where == f"{fixtures_dir / 'missing_image.md'}:11"
    assert err.article == "“有图的稿子”"
    assert "images/not-there.jpg" in err.message
    assert "fix the path" in err.hint and "remove the image" in err.hint
    assert "(article “有图的稿子”)" in str(err)


def test_front_matter_needs_the_newspaper_name(tmp_path):
    with pytest.raises(InputError, match="newspaper") as caught:
        parse_issue("---\npages: 4\n---\n\n## 标题\n", tmp_path / "x.md")
    assert caught.value.where == f"{tmp_path / 'x.md'}:2"


def test_pages_must_be_a_positive_whole_number(tmp_path):
    with pytest.raises(InputError, match="pages") as caught:
        parse_issue("---\nnewspaper: 江城日报\npages: 八\n---\n\n## 标题\n", tmp_path / "x.md")
    assert caught.value.where == f"{tmp_path / 'x.md'}:3"


def test_an_issue_without_articles(tmp_path):
    with pytest.raises(InputError, match="no articles"):
        parse_issue("---\nnewspaper: 江城日报\n---\n\n<!-- 备注 -->\n", tmp_path / "x.md")


# --- hostile input: size, encodings, front-matter values -------------------------------------


def test_an_issue_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    from typeset.config import Limits
    from typeset.ingest import InputPolicy

    path = tmp_path / "big.md"
    path.write_text("## 标题\n\n" + "正文。" * 400_000, encoding="utf-8")  # 3.6 MB
    with pytest.raises(InputError) as caught:
        load_issue(path, InputPolicy(limits=Limits(max_input_mb=2.0)))
    assert "3.6 MB" in caught.value.message and "2 MB" in caught.value.message
    assert "--max-input-mb" in caught.value.hint
    assert load_issue(path, InputPolicy(limits=Limits(max_input_mb=4.0))).articles


@pytest.mark.parametrize("encoding, name", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"),
                                            ("utf-32", "UTF-32")])
def test_utf16_and_utf32_are_named_by_their_bom(tmp_path, encoding, name):
    path = tmp_path / "wide.md"
    text = "## 标题\n\n正文。\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = "\ufeff".encode(encoding) + data
    path.write_bytes(data)
    err = _error(path)
    assert name in err.message and "byte-order mark" in err.message and "UTF-8" in err.hint


def test_an_impossible_date_is_an_input_error_naming_its_line(tmp_path):
    path = tmp_path / "date.md"
    path.write_text("---\nnewspaper: 江城日报\ndate: 2026-13-45\n---\n\n## 标题\n\n正文。\n",
                    encoding="utf-8")
    err = _error(path)
    assert err.where == f"{path}:3" and "2026-13-45" in err.message and "YYYY-MM-DD" in err.hint


def test_more_pages_than_the_layout_has_is_an_input_error(tmp_path):
    from typeset.ingest import InputPolicy

    path = tmp_path / "pages.md"
    path.write_text("---\nnewspaper: 江城日报\npages: 100000\n---\n\n## 标题\n\n正文。\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_issue(path, InputPolicy(layout_pages=8))
    assert caught.value.where == f"{path}:3"
    assert "100000" in caught.value.message and "8 pages" in caught.value.message


def test_a_page_marker_past_the_layout_is_an_input_error(tmp_path):
    from typeset.ingest import InputPolicy

    path = tmp_path / "marks.md"
    path.write_text("<!-- page 1 | 要闻 -->\n\n## 甲\n\n正文。\n\n<!-- page 12 | 体育 -->\n\n"
                    "## 乙\n\n正文。\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_issue(path, InputPolicy(layout_pages=8))
    assert caught.value.where == f"{path}:7" and "8 pages" in caught.value.message


@pytest.mark.parametrize("line, words", [("newspaper: [江城, 日报]", "`newspaper` must be text"),
                                         ("language: 'zh CN; <x>'", "`language`"),
                                         ("issue_number: {a: 1}", "`issue_number` must be text")])
def test_front_matter_values_of_the_wrong_kind(tmp_path, line, words):
    path = tmp_path / "fm.md"
    body = "newspaper: 江城日报\n" if not line.startswith("newspaper") else ""
    path.write_text(f"---\n{body}{line}\n---\n\n## 标题\n\n正文。\n", encoding="utf-8")
    err = _error(path)
    assert words in err.message and err.where.startswith(f"{path}:")
