"""The seven kinds of hostile or broken input of issue 11, end to end through the program:
each ends in exit 2 with one message (or, where asked, exit 0 with a warning), never an
internal error, and within the limits."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from PIL import Image

from tests.test_cli import assert_input_error

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ISSUE = REPO / "issues" / "sample" / "issue.md"
ISSUE = """---
newspaper: 江城日报
date: {date}
---

<!-- page 1 | 要闻 | 责任编辑：陈立新 -->

## 江城新开一座图书馆

本报讯 市图书馆新馆今天开放{char}，藏书一百二十万册。
{image}"""


def write_issue(folder: Path, *, date="2026-11-20", char="", image="") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "issue.md"
    path.write_text(ISSUE.format(date=date, char=char, image=image), encoding="utf-8")
    return path


def photo_line(src: str) -> str:
    return f'\n![图片说明。]({src} "本报记者 李四 摄")\n'


# 1. an unbounded run: the input-size limit answers at once, and copy far beyond what the
# pages hold is overset


def test_a_5mb_issue_is_refused_under_the_default_limit(typeset_cli, tmp_path):
    sample = SAMPLE_ISSUE.read_text(encoding="utf-8")
    head, bodies = sample.split("<!-- page 1", 1)
    big = head + "<!-- page 8" + bodies.split("\n", 1)[1] * 29  # ~5.3 MB, all on page 8
    (tmp_path / "images").symlink_to(SAMPLE_ISSUE.parent / "images")
    path = tmp_path / "big.md"
    path.write_text(big, encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    run = typeset_cli(path, "-o", tmp_path / "out")
    assert_input_error(run, "big.md", "MB", "--max-input-mb")


def test_copy_far_beyond_the_pages_is_overset_and_all_of_it_in_the_epub(typeset_cli,
                                                                        tmp_path):
    """200 kB of copy on one page of a two-page tabloid, six times what the issue holds
    (thirteen times the page): exit 3, each frame over named once, every article in the
    EPUB (the make-up's work stays bounded: tests/layout/test_capacity.py)."""
    layout = (REPO / "layouts" / "tabloid.toml").read_text(encoding="utf-8")
    layout = layout.replace("pages = 8", "pages = 2", 1).replace(
        'fonts = "../fonts/fonts.toml"', f'fonts = "{REPO / "fonts" / "fonts.toml"}"', 1)
    (tmp_path / "two.toml").write_text(layout, encoding="utf-8")
    count = 130
    body = "江城市今年新建改建社区食堂三百一十二个，嵌入式养老服务站二百零七个。" * 5
    copy = "".join(f"## 第{k}条消息标题\n\n第{k}号稿件。{body}\n\n{body}\n\n{body}\n\n"
                   for k in range(count))
    path = tmp_path / "issue.md"
    path.write_text("---\nnewspaper: 江城日报\ndate: 2026-11-20\npages: 2\n---\n\n"
                    f"<!-- page 2 | 要闻 | 责任编辑：陈立新 -->\n\n{copy}", encoding="utf-8")
    run = typeset_cli(path, "--layout", tmp_path / "two.toml", "-o", tmp_path / "out")
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr
    report = json.loads((tmp_path / "out" / "issue.layout.json").read_text(encoding="utf-8"))
    over = report["overset"]
    assert len(over) > count * 0.8
    messages = [line for line in run.stderr.splitlines() if line.startswith("typeset: overset")]
    assert messages == [f"typeset: overset: page {o['page']} {o['headline']}: {o['lines']} "
                        f"lines ({o['characters']} characters) over: cut or move" for o in over]
    assert len(run.stderr.splitlines()) < 2 * count  # a line per frame, never one per line
    assert all(len(o["text"]) == o["characters"] for o in over)
    with zipfile.ZipFile(tmp_path / "out" / "issue.epub") as book:
        text = "".join(book.read(n).decode("utf-8") for n in book.namelist()
                       if n.endswith(".xhtml"))
    assert all(f"第{k}号稿件。" in text for k in range(count))


def test_the_input_limit_can_be_raised_on_the_command_line(typeset_cli, tmp_path):
    path = write_issue(tmp_path, char="。" + "正文。" * 100)
    assert_input_error(typeset_cli(path, "--max-input-mb", "0.001", "-o", tmp_path / "o"),
                       "MB")
    assert typeset_cli(path, "--max-input-mb", "1", "--pdf", "-o", tmp_path / "o").returncode == 0


# 2. a broken photo is an input error in words, never "internal error"


def test_a_broken_photo_is_exit_2_naming_file_line_article_and_reason(typeset_cli, tmp_path):
    (tmp_path / "note.jpg").write_text("not a photo\n", encoding="utf-8")
    path = write_issue(tmp_path, image=photo_line("note.jpg"))
    assert_input_error(typeset_cli(path, "-o", tmp_path / "out"),
                       "issue.md:12", "note.jpg", "not an image", "江城新开一座图书馆")


def test_a_too_large_image_can_be_allowed_on_the_command_line(typeset_cli, tmp_path):
    Image.new("L", (1200, 1000), 90).save(tmp_path / "p.png")
    path = write_issue(tmp_path, image=photo_line("p.png"))
    assert_input_error(typeset_cli(path, "--max-image-mp", "1", "-o", tmp_path / "o"),
                       "too many pixels")
    assert typeset_cli(path, "--max-image-mp", "2", "--epub", "-o", tmp_path / "o").returncode == 0


# 3. images stay inside the issue's folder


def test_an_outside_image_is_refused_and_never_copied_into_the_epub(typeset_cli, tmp_path):
    outside = tmp_path / "private" / "secret.jpg"
    outside.parent.mkdir()
    Image.new("RGB", (64, 48), (1, 2, 3)).save(outside, "JPEG")
    path = write_issue(tmp_path / "issue", image=photo_line(str(outside)))
    assert_input_error(typeset_cli(path, "-o", tmp_path / "out"), "issue.md:12", "outside")
    assert not (tmp_path / "out" / "issue.epub").exists()
    ok = typeset_cli(path, "--allow-outside-images", "--epub", "-o", tmp_path / "out")
    assert ok.returncode == 0, ok.stderr
    with zipfile.ZipFile(tmp_path / "out" / "issue.epub") as book:
        assert any(n.startswith("EPUB/images/secret") for n in book.namelist())


def test_a_symlink_to_etc_shadow_is_refused(typeset_cli, tmp_path):
    os.symlink("/etc/shadow", tmp_path / "shadow.jpg")
    path = write_issue(tmp_path, image=photo_line("shadow.jpg"))
    assert_input_error(typeset_cli(path, "-o", tmp_path / "out"), "shadow.jpg", "outside")


# 4. an impossible date


def test_an_impossible_date_is_exit_2(typeset_cli, tmp_path):
    path = write_issue(tmp_path, date="2026-13-45")
    assert_input_error(typeset_cli(path, "-o", tmp_path / "out"), "issue.md:3", "2026-13-45")


# 5. controls, non-characters and BOMs inside the text


def test_bad_characters_are_exit_2_or_dropped_with_a_warning(typeset_cli, tmp_path):
    for char in ("\x0c", "\x85", "\ufeff", "\ufffe", "\uffff", "\x01"):
        path = write_issue(tmp_path, char=char)
        assert_input_error(typeset_cli(path, "-o", tmp_path / "out"), "issue.md:10",
                           f"U+{ord(char):04X}")
        run = typeset_cli(path, "--allow-missing-glyphs", "-o", tmp_path / "out")
        assert run.returncode == 0, (char, run.stderr)
        assert f"U+{ord(char):04X}" in run.stderr and "warning" in run.stderr


# 6. (the EPUB's colour conversion is tested in tests/render/test_epub_images.py)


def test_a_cmyk_photo_reaches_the_epub_as_rgb(typeset_cli, tmp_path):
    Image.new("CMYK", (200, 100), (0, 0, 0, 255)).save(tmp_path / "c.jpg", "JPEG")
    path = write_issue(tmp_path, image=photo_line("c.jpg"))
    assert typeset_cli(path, "--epub", "-o", tmp_path / "out").returncode == 0
    with zipfile.ZipFile(tmp_path / "out" / "issue.epub") as book:
        name = next(n for n in book.namelist() if n == "EPUB/images/c.jpg")
        with book.open(name) as f, Image.open(f) as im:
            assert im.mode == "RGB"


# 7. no raw Pillow warning; page counts; UTF-16


def test_a_108_megapixel_photo_prints_no_pillow_warning(typeset_cli, tmp_path):
    Image.new("L", (12_000, 9_000), 200).save(tmp_path / "big.png")
    path = write_issue(tmp_path, image=photo_line("big.png"))
    run = typeset_cli(path, "--epub", "-o", tmp_path / "out")
    assert run.returncode == 0 and "Warning" not in run.stderr, run.stderr


def test_pages_beyond_the_layout_is_exit_2(typeset_cli, tmp_path):
    path = tmp_path / "issue.md"
    path.write_text("---\nnewspaper: 江城日报\npages: 100000\n---\n\n## 标题\n\n正文。\n",
                    encoding="utf-8")
    assert_input_error(typeset_cli(path, "-o", tmp_path / "out"), "issue.md:3", "100000",
                       "8 pages")


def test_utf16_is_named(typeset_cli, tmp_path):
    path = tmp_path / "issue.md"
    path.write_bytes(ISSUE.format(date="2026-11-20", char="", image="").encode("utf-16"))
    assert_input_error(typeset_cli(path, "-o", tmp_path / "out"), "UTF-16")


# and an output folder that cannot be made


def test_an_output_folder_under_a_file_is_exit_2(typeset_cli, tmp_path):
    (tmp_path / "a-file").write_text("x")
    path = write_issue(tmp_path / "issue")
    assert_input_error(typeset_cli(path, "-o", tmp_path / "a-file" / "out"), "a-file",
                       "output folder")
