"""Images as the ingest stage checks them: inside the issue's folder, readable, within the
pixel limit; every failure an InputError naming the file, line, article and the reason."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from PIL import Image

from typeset.config import Limits
from typeset.errors import InputError
from typeset.ingest import InputPolicy, load_issue

HEAD = """---
newspaper: 江城日报
---

<!-- page 1 | 要闻 | 责任编辑：陈立新 -->

## 有图的稿子

本报讯 正文。

"""
IMAGE_LINE = 11  # the line of the image in an issue made by issue_with()


def issue_with(folder: Path, src: str) -> Path:
    """An issue in `folder` whose one article shows the image at `src` (on IMAGE_LINE)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "issue.md"
    path.write_text(HEAD + f'![图片说明。]({src} "本报记者 李四 摄")\n', encoding="utf-8")
    return path


def image_error(issue: Path, policy: InputPolicy = InputPolicy()) -> InputError:
    with pytest.raises(InputError) as caught:
        load_issue(issue, policy)
    err = caught.value
    assert err.where == f"{issue}:{IMAGE_LINE}", err
    assert err.article == "“有图的稿子”", err
    return err


def jpeg(path: Path, size=(64, 48), mode="RGB") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, 128 if mode == "L" else (120, 80, 40)).save(path, "JPEG")
    return path


# --- broken photos: the reason in words -------------------------------------------------------


def test_a_truncated_jpeg_is_named_truncated(tmp_path):
    whole = jpeg(tmp_path / "images" / "whole.jpg", (400, 300)).read_bytes()
    (tmp_path / "images" / "cut.jpg").write_bytes(whole[:len(whole) // 2])
    err = image_error(issue_with(tmp_path, "images/cut.jpg"))
    assert "images/cut.jpg" in err.message and "truncated" in err.message


def test_a_text_file_named_jpg_is_not_an_image(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "note.jpg").write_text("这不是照片\n", encoding="utf-8")
    err = image_error(issue_with(tmp_path, "images/note.jpg"))
    assert "images/note.jpg" in err.message and "not an image" in err.message


def test_an_svg_is_not_supported(tmp_path):
    (tmp_path / "logo.svg").write_text(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>\n',
        encoding="utf-8")
    err = image_error(issue_with(tmp_path, "logo.svg"))
    assert "SVG" in err.message and "not supported" in err.message


def test_a_png_decompression_bomb_is_refused_from_its_header(tmp_path):
    Image.new("1", (20_000, 20_000)).save(tmp_path / "bomb.png")  # 400 Mpx in ~50 kB
    err = image_error(issue_with(tmp_path, "bomb.png"))
    assert "too many pixels" in err.message and "20000 × 20000" in err.message
    assert "--max-image-mp" in err.hint


def test_the_pixel_limit_comes_from_the_limits(tmp_path):
    jpeg(tmp_path / "p.jpg", (2000, 1000))
    issue = issue_with(tmp_path, "p.jpg")
    err = image_error(issue, InputPolicy(limits=Limits(max_image_mp=1.0)))
    assert "too many pixels" in err.message
    assert load_issue(issue, InputPolicy(limits=Limits(max_image_mp=2.0))).articles


def test_a_legitimate_108_megapixel_photo_prints_no_pillow_warning(tmp_path):
    Image.new("L", (12_000, 9_000), 200).save(tmp_path / "big.png")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Pillow's DecompressionBombWarning would raise
        issue = load_issue(issue_with(tmp_path, "big.png"))
    assert issue.articles[0].blocks[-1].image == (tmp_path / "big.png").absolute()


# --- confinement: images come from the issue's folder -------------------------------------


def test_an_absolute_path_outside_the_folder_is_refused(tmp_path):
    outside = jpeg(tmp_path / "elsewhere" / "p.jpg")
    err = image_error(issue_with(tmp_path / "issue", str(outside)))
    assert "outside the issue's folder" in err.message and "--allow-outside-images" in err.hint


def test_a_dotdot_escape_is_refused(tmp_path):
    jpeg(tmp_path / "p.jpg")
    err = image_error(issue_with(tmp_path / "a" / "b", "../../p.jpg"))
    assert "outside the issue's folder" in err.message


def test_a_symlink_to_a_file_outside_is_refused_without_opening_it(tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    os.symlink("/etc/shadow", folder / "shadow.jpg")
    err = image_error(issue_with(folder, "shadow.jpg"))
    assert "outside the issue's folder" in err.message and "symbolic link" in err.message


def test_a_symlink_inside_the_folder_is_fine(tmp_path):
    jpeg(tmp_path / "images" / "p.jpg")
    os.symlink("images/p.jpg", tmp_path / "alias.jpg")
    assert load_issue(issue_with(tmp_path, "alias.jpg")).articles


def test_outside_images_are_allowed_when_asked(tmp_path):
    outside = jpeg(tmp_path / "elsewhere" / "p.jpg")
    issue = issue_with(tmp_path / "issue", "../elsewhere/p.jpg")
    loaded = load_issue(issue, InputPolicy(allow_outside_images=True))
    assert loaded.articles[0].blocks[-1].image.resolve() == outside.resolve()


def test_a_nul_in_the_path_is_an_input_error(tmp_path):
    # an escape the bad-character check cannot see: markdown-it percent-decodes the path
    err = image_error(issue_with(tmp_path, "a%00.jpg"))
    assert "NUL" in err.message


def test_a_name_too_long_for_the_file_system_is_an_input_error(tmp_path):
    # found by tests/test_fuzz_issues.py: is_file() raised ENAMETOOLONG
    err = image_error(issue_with(tmp_path, "x" * 300 + ".jpg"))
    assert "too long" in err.message


def test_a_line_break_in_a_headline_keeps_the_message_on_one_line(tmp_path):
    # found by tests/test_fuzz_issues.py: `## <br>` made the article's label two lines
    path = tmp_path / "issue.md"
    path.write_text("## 甲<br>乙\n\n![图](missing.jpg)\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_issue(path)
    assert "\n" not in str(caught.value).split("\n  hint: ")[0]
