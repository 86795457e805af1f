"""The command line as a user meets it: exit codes, messages, summary lines, which files
appear where — run as a program, the way a shell or a Makefile runs it."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ISSUE = REPO / "issues" / "sample" / "issue.md"
# A one-article issue in the structured dialect (tests/fixtures/tiny.md).
TINY_ISSUE = (REPO / "tests" / "fixtures" / "tiny.md").read_text(encoding="utf-8")

SUMMARY = re.compile(r"^(PDF|EPUB): (\S+)  (\d+) pages, (\d+) articles, (\d+) fonts, "
                     r"([\d,]+) bytes, ([\d.]+) s$")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A one-article issue in the structured dialect."""
    path = tmp_path / "tiny.md"
    path.write_text(TINY_ISSUE, encoding="utf-8")
    return path


def assert_input_error(run, *names: str) -> None:
    """Exit 2, a one-message error on stderr naming each of `names`, no traceback."""
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("typeset: error: "), run.stderr
    for name in names:
        assert name in run.stderr, (name, run.stderr)
    assert run.stdout == ""


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- bad input: exit 2 and a message naming the file (and line, article) --------------------


def test_a_missing_file(typeset_cli, tmp_path):
    run = typeset_cli(tmp_path / "nowhere.md", "-o", tmp_path / "out")
    assert_input_error(run, "nowhere.md", "not found")
    assert files_in(tmp_path / "out") == []


def test_an_empty_file(typeset_cli, tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    assert_input_error(typeset_cli(tmp_path / "empty.md", "-o", tmp_path / "out"),
                       "empty.md", "empty")


def test_a_file_of_only_white_space(typeset_cli, tmp_path):
    (tmp_path / "blank.md").write_text("\n   \n\u3000\n", encoding="utf-8")
    assert_input_error(typeset_cli(tmp_path / "blank.md", "-o", tmp_path / "out"), "blank.md")


def test_a_binary_file(typeset_cli, tmp_path):
    (tmp_path / "photo.md").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200))
    assert_input_error(typeset_cli(tmp_path / "photo.md", "-o", tmp_path / "out"), "photo.md")


def test_a_file_that_is_not_utf8(typeset_cli, tmp_path):
    (tmp_path / "gbk.md").write_bytes("## 江城新开一座图书馆\n\n本报讯 新馆开放。\n".encode("gbk"))
    assert_input_error(typeset_cli(tmp_path / "gbk.md", "-o", tmp_path / "out"), "gbk.md")


def test_bad_yaml_front_matter_names_file_and_line(typeset_cli, tmp_path):
    issue = tmp_path / "badyaml.md"
    issue.write_text("---\nnewspaper: 江城日报\ndate: [2026-11-20\n---\n\n## 标题\n\n正文。\n",
                     encoding="utf-8")
    run = typeset_cli(issue, "-o", tmp_path / "out")
    assert_input_error(run, "badyaml.md:", "front matter")
    assert re.search(r"badyaml\.md:[2-4]\b", run.stderr), run.stderr


def test_a_missing_image_names_file_line_article_and_image(typeset_cli, tmp_path):
    issue = tmp_path / "photo.md"
    issue.write_text(TINY_ISSUE + '\n![新馆阅览室。](images/reading-room.jpg "本报记者 李四 摄")\n',
                     encoding="utf-8")
    run = typeset_cli(issue, "-o", tmp_path / "out")
    assert_input_error(run, "photo.md:12", "images/reading-room.jpg", "江城新开一座图书馆")
    assert files_in(tmp_path / "out") == []


def test_an_unknown_layout_names_it(typeset_cli, tiny, tmp_path):
    assert_input_error(typeset_cli(tiny, "--layout", "tabloid-x", "-o", tmp_path / "out"),
                       "tabloid-x", "broadsheet")


# --- usage errors ---------------------------------------------------------------------------


def test_an_unknown_option_is_a_usage_error(typeset_cli, tiny, tmp_path):
    run = typeset_cli(tiny, "--colour", "-o", tmp_path / "out")
    assert run.returncode == 2
    assert "--colour" in run.stderr and "Usage:" in run.stderr
    assert "Traceback" not in run.stderr
    assert files_in(tmp_path / "out") == []


def test_no_issue_is_a_usage_error(typeset_cli, tmp_path):
    run = typeset_cli(cwd=tmp_path)
    assert run.returncode == 2
    assert "Usage:" in (run.stderr + run.stdout)


def test_help_lists_every_option(typeset_cli):
    run = typeset_cli("build", "--help")
    assert run.returncode == 0
    for option in ("--pdf", "--epub", "--outdir", "--layout", "--allow-missing-glyphs",
                   "--no-epub-font"):
        assert option in run.stdout


# --- success ---------------------------------------------------------------------------------


def test_success_prints_one_summary_line_per_output(typeset_cli, tiny, tmp_path):
    out = tmp_path / "out"
    run = typeset_cli(tiny, "-o", out)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2, run.stdout
    found = {}
    for line in lines:
        match = SUMMARY.match(line)
        assert match, line
        kind, path, pages, articles, fonts, size, seconds = match.groups()
        found[kind] = path
        assert int(articles) == 1 and int(pages) >= 1 and int(fonts) >= 1
        assert int(size.replace(",", "")) == Path(path).stat().st_size
        assert float(seconds) > 0
    assert found == {"PDF": str(out / "tiny.pdf"), "EPUB": str(out / "tiny.epub")}
    assert "Traceback" not in run.stderr and "error" not in run.stderr


def test_the_sample_summary_says_8_pages_71_articles(typeset_cli, tmp_path):
    run = typeset_cli(SAMPLE_ISSUE, "--pdf", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert SUMMARY.match(run.stdout.strip()).group(3, 4) == ("8", "71")


@pytest.mark.parametrize("flag, written", [("--pdf", {"PDF"}), ("--epub", {"EPUB"}),
                                           (None, {"PDF", "EPUB"})])
def test_format_flags_choose_what_is_written(typeset_cli, tiny, tmp_path, flag, written):
    args = [tiny, "-o", tmp_path / "out"] + ([flag] if flag else [])
    run = typeset_cli(*args)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "tiny.pdf").exists() == ("PDF" in written)
    assert (tmp_path / "out" / "tiny.epub").exists() == ("EPUB" in written)
    assert {line.split(":")[0] for line in run.stdout.splitlines()} == written
    assert len(run.stdout.splitlines()) == len(written)


def test_outdir_is_created_and_used(typeset_cli, tiny, tmp_path):
    out = tmp_path / "deeper" / "still deeper"
    assert typeset_cli(tiny, "--outdir", out).returncode == 0
    assert {"tiny.epub", "tiny.pdf"} <= set(files_in(out))
    assert files_in(tmp_path) == ["deeper", "tiny.md"]


def test_default_outdir_is_out_in_the_working_directory(typeset_cli, tiny, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    assert typeset_cli(tiny, cwd=work).returncode == 0
    assert files_in(work) == ["out"]
    assert {"tiny.epub", "tiny.pdf"} <= set(files_in(work / "out"))


# --- atomic outputs --------------------------------------------------------------------------


def test_a_failed_run_leaves_the_previous_outputs_and_no_temporary_files(typeset_cli, tiny,
                                                                         tmp_path):
    out = tmp_path / "out"
    assert typeset_cli(tiny, "-o", out).returncode == 0
    before = {name: (out / name).read_bytes() for name in files_in(out)}
    tiny.write_text(TINY_ISSUE + "\n![图。](images/gone.jpg)\n", encoding="utf-8")
    assert typeset_cli(tiny, "-o", out).returncode == 2
    assert {name: (out / name).read_bytes() for name in files_in(out)} == before


def test_a_rebuild_replaces_the_outputs_and_leaves_no_temporary_files(typeset_cli, tiny,
                                                                      tmp_path):
    out = tmp_path / "out"
    assert typeset_cli(tiny, "-o", out).returncode == 0
    written = files_in(out)
    first = (out / "tiny.epub").read_bytes()
    tiny.write_text(TINY_ISSUE.replace("一百二十万册", "一百三十万册"), encoding="utf-8")
    assert typeset_cli(tiny, "-o", out).returncode == 0
    assert files_in(out) == written
    assert all(name.startswith("tiny.") for name in written), written
    assert (out / "tiny.epub").read_bytes() != first


def test_outputs_get_the_umasks_file_mode(typeset_cli, tiny, tmp_path):
    old = os.umask(0o022)
    try:
        assert typeset_cli(tiny, "-o", tmp_path / "out").returncode == 0
    finally:
        os.umask(old)
    for name in ("tiny.pdf", "tiny.epub"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644


# --- copy that does not fit: overset, exit 3, every output written --------------------------

OVERSET_SENTENCE = "江城市今年新建改建社区食堂三百一十二个，嵌入式养老服务站二百零七个。"


def overfull_issue(path: Path) -> Path:
    """Eight tabloid pages, each with one story longer than its page."""
    parts = ["---\nnewspaper: 江城日报\ndate: 2026-11-20\n---\n"]
    for n in range(1, 9):
        parts.append(f"<!-- page {n} | 要闻 | 责任编辑：陈立新 -->\n\n## 第{n}版长篇报道\n")
        parts += [f"第{n}版第{k}段。" + OVERSET_SENTENCE * 6 + "\n" for k in range(48)]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def test_copy_over_the_pages_writes_everything_marks_it_and_exits_3(typeset_cli, tmp_path):
    issue = overfull_issue(tmp_path / "over.md")
    out = tmp_path / "out"
    run = typeset_cli(issue, "--layout", "tabloid", "-o", out)
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr
    over = [line for line in run.stderr.splitlines() if line.startswith("typeset: overset: ")]
    assert over and all(re.search(r"page \d “第\d版长篇报道”: \d+ lines \([\d,]+ characters\) "
                                  r"over: cut or move$", line) for line in over), run.stderr
    assert files_in(out) == ["over.epub", "over.layout.json", "over.pdf"]
    report = json.loads((out / "over.layout.json").read_text(encoding="utf-8"))
    assert len(report["overset"]) == len(over)
    assert all(o["lines"] > 0 and len(o["text"]) == o["characters"] for o in report["overset"])
    # The EPUB keeps every character; the PDF does not pass preflight.
    with zipfile.ZipFile(out / "over.epub") as z:
        text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    for n in range(1, 9):
        assert all(f"第{n}版第{k}段。" in text for k in range(48))
    check = typeset_cli("preflight", out / "over.pdf")
    assert check.returncode != 0 and "copy runs over this frame" in check.stdout + check.stderr
