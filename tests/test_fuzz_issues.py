"""Generated issues, well-formed and hostile, through the command line in-process: every
run ends in exit 0 (everything typed reaches the PDF and the EPUB when the fonts cover it),
2 (one error message and its hint) or 3 (overset) — never 1, never a traceback, never past
the time budget.

The issues come from a grammar of issue-format.md: front matter (good and bad values),
page markers, headline groups, paragraphs with inline markup and entities, tables, quotes,
lists, code, teasers and images (good ones, broken ones, ones outside the folder), with
text drawn from CJK and Latin and from all of Unicode (controls, non-characters, BOMs).

Profiles: `ci` (the default, a few dozen small issues) and `long` (10,000), chosen with
HYPOTHESIS_PROFILE=long. FUZZ_LOG=path appends one line per run: exit code, seconds, the
first line of stderr.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from typeset.cli import EXIT_OVERSET, main

TOOLS = Path(__file__).resolve().parents[1].parent / "shared" / "tools"
# A generated issue is a few articles: a run of one takes well under a second; this is
# the bound past which a run counts as runaway (the 2-core CI machine is shared).
TIME_BUDGET_S = 60.0
# Warnings that say characters were not set as typed: blanked or dropped (allowed by
# --allow-missing-glyphs), or a teaser's "详见N版" rewritten to the page its article landed
# on (by design). Such a run's text is not held to recall 1.0; other warnings (a photo's
# resolution, a hole) do not exempt it.
TEXT_LOST_WARNINGS = ("no font", "dropped U+", "its article landed on page")

settings.register_profile("typeset-ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("typeset-long", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
PROFILE = settings.get_profile(
    "typeset-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "typeset-ci")

# --- the grammar -------------------------------------------------------------------------

HAN = "江城市图书馆新开放藏书一百二十万册本报讯记者张三李四今日天气晴朗经济发展会议召开"
COVERED = st.text(st.sampled_from(HAN + "，。、；：？！“”（）《》—…ABCabcxyz0123456789 "),
                  min_size=1, max_size=40)
# Markdown that reaches the copy as text or markup the format defines.
MARKUP = st.sampled_from(["**", "*", "_", "`", "\\", "<br>", "&amp;", "&nbsp;", "<!-- x -->",
                          "  \n", "\n", "\r\n", "本报讯（记者 张三）", "[链接](http://x.cn)"])
# Markup and references a careless or hostile file holds.
HOSTILE_MARKUP = st.sampled_from(["[", "](", ")", "<b>", "&#12;", "&#x85;", "&#65279;",
                                  "&#xFFFF;", "#", "|", "> ", "详见3版", "<!--", "-->"])
# Every block of Unicode, controls and non-characters included.
WILD = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)

GOOD_IMAGES = ["ok.jpg", "ok.png", "cmyk.jpg", "grey16.png", "%E6%B1%9F.jpg", "sub/../ok.jpg"]
BAD_IMAGES = ["cut.jpg", "note.jpg", "logo.svg", "missing.jpg", "../outside.jpg",
              "/etc/hostname", "link.jpg", "sub", "a%00.jpg", "%0C.jpg", "x" * 300 + ".jpg",
              "http://example.cn/a.jpg"]


class Grammar:
    """The issue grammar, clean (text the fonts cover, good images and values) or hostile
    (anything: every kind of bad value, character and image)."""

    def __init__(self, hostile: bool) -> None:
        self.hostile = hostile
        pieces = [COVERED, COVERED, COVERED, MARKUP] + ([HOSTILE_MARKUP, WILD] if hostile else [])
        self.text = st.lists(st.one_of(*pieces), min_size=1, max_size=6).map("".join)
        self.line = self.text.map(lambda t: " ".join(t.split()) or "题")
        self.images = GOOD_IMAGES + (BAD_IMAGES if hostile else [])

    def pick(self, good: list, bad: list) -> st.SearchStrategy:
        return st.sampled_from(good + bad if self.hostile else good)

    @st.composite
    def front_matter(draw, self) -> str:
        lines = [f"newspaper: {draw(self.pick(['江城日报'], ['[江城, 日报]', '', '{a: 1}']))}"]
        lines.append("date: " + draw(self.pick(["2026-11-20", "2026-11-20 08:00:00"], [
            "2026-13-45", "2026-02-30", "明天", "", "20261120", "[1]"])))
        lines.append("pages: " + draw(self.pick(["8"], ["2", "0", "-3", "100000", "八", "8.5"])))
        lines.append("language: " + draw(self.pick(["zh-CN", "zh"], ["x y", "{a: 1}", "''"])))
        value = draw(self.line).replace('"', "").replace("\\", "")
        lines.append(f'issue_number: "{value}"')
        if self.hostile and draw(st.booleans()):
            escape = draw(st.sampled_from(["\\x0c", "\\ud800", "\\uFFFE", "\\t", "\\u3000"]))
            lines.append(f'lunar_date: "丙午{escape}年"')
        return "---\n" + "\n".join(lines) + "\n---\n\n"

    @st.composite
    def table(draw, self) -> str:
        columns = draw(st.integers(1, 4))
        rows = draw(st.integers(0, 3))
        cell = self.line.map(lambda t: t.replace("|", "｜"))
        head = "| " + " | ".join(draw(cell) for _ in range(columns)) + " |"
        rule = "|" + "|".join(draw(st.sampled_from(["---", ":--", ":-:", "--:"]))
                              for _ in range(columns)) + "|"
        body = ["| " + " | ".join(draw(cell) for _ in range(columns)) + " |"
                for _ in range(rows)]
        return "\n".join([head, rule, *body])

    def block(self) -> st.SearchStrategy[str]:
        image = st.builds(lambda alt, src, title: f'![{alt}]({src} "{title}")',
                          self.line.map(lambda t: t.replace("]", "").replace("[", "")),
                          st.sampled_from(self.images),
                          st.sampled_from(["本报记者 李四 摄", "", "新华社发"]))
        return st.one_of(
            self.text, self.text, self.text, self.table(), image,
            self.line.map(lambda t: "> " + t),
            st.lists(self.line, min_size=1, max_size=3).map(
                lambda xs: "\n".join("- " + x for x in xs)),
            self.line.map(lambda t: "#### " + t),
            self.line.map(lambda t: f"```\n{t}\n```"),
            st.integers(1, 8).map(lambda n: f"今日要闻摘要，详见{n}版"),
        )

    @st.composite
    def article(draw, self) -> str:
        parts = []
        if draw(st.booleans()):
            parts.append("#### " + draw(self.line))
        if draw(st.booleans()):
            parts.append("### " + draw(self.line))
        parts.append("## " + draw(self.line))
        for _ in range(draw(st.integers(0, 2))):
            parts.append("### ——" + draw(self.line))
        parts.extend(draw(st.lists(self.block(), max_size=4)))
        return "\n\n".join(parts)

    @st.composite
    def issue(draw, self) -> str:
        out = draw(self.front_matter()) if draw(st.integers(0, 3)) else ""
        pages = draw(st.lists(self.pick([1, 2, 3, 8], [0, 12, 100]), min_size=1, max_size=3,
                              unique=not self.hostile))
        for number in sorted(pages) if not self.hostile else pages:
            if self.hostile or out or draw(st.booleans()):
                section = draw(self.line).replace("-->", "").replace("|", "")
                out += f"<!-- page {number} | {section} | 责任编辑：陈立新 -->\n\n"
            out += "\n\n".join(draw(st.lists(self.article(), min_size=1, max_size=3)))
            out += "\n\n"
        return out


ISSUES = st.booleans().flatmap(lambda hostile: Grammar(hostile).issue())


# --- the folder the issues are written in ----------------------------------------------


@pytest.fixture(scope="module")
def issue_dir():
    """A folder with good, damaged and outside images for the generated issues to show."""
    with tempfile.TemporaryDirectory(prefix="typeset-fuzz-") as tmp:
        root = Path(tmp)
        folder = root / "issue"
        (folder / "sub").mkdir(parents=True)
        Image.new("RGB", (240, 160), (180, 90, 30)).save(folder / "ok.jpg", "JPEG")
        Image.new("RGBA", (160, 160), (0, 90, 200, 100)).save(folder / "ok.png")
        Image.new("CMYK", (200, 150), (10, 200, 30, 40)).save(folder / "cmyk.jpg", "JPEG")
        Image.new("I;16", (120, 90), 30_000).save(folder / "grey16.png")
        whole = (folder / "ok.jpg").read_bytes()
        (folder / "cut.jpg").write_bytes(whole[:len(whole) // 2])
        (folder / "note.jpg").write_text("这不是照片\n", encoding="utf-8")
        (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
        Image.new("L", (90, 60), 100).save(folder / "江.jpg", "JPEG")
        Image.new("L", (90, 60), 100).save(root / "outside.jpg", "JPEG")
        os.symlink(root / "outside.jpg", folder / "link.jpg")
        yield folder


def _checker(name: str):
    """One of the independent checker's modules (../shared/tools), or None."""
    path = TOOLS / f"{name}.py"
    if not path.is_file():
        return None
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))  # epubcheck imports issuetext by name
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def pdf_text(pdf: Path) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def epub_text(epub: Path) -> str:
    from lxml import etree

    with zipfile.ZipFile(epub) as book:
        return "\n".join("".join(etree.fromstring(book.read(n)).itertext())
                         for n in book.namelist() if n.endswith(".xhtml"))


def assert_all_text_reaches_the_outputs(issue: Path, outdir: Path, issuetext) -> None:
    visible = issuetext.parse_issue(str(issue)).visible_text
    for kind, text in (("PDF", pdf_text(outdir / "issue.pdf")),
                       ("EPUB", epub_text(outdir / "issue.epub"))):
        comparison = issuetext.compare_multisets(visible, text)
        assert comparison["recall"] in (None, 1.0), (kind, comparison)  # None: no text


# --- the property ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def issuetext():
    return _checker("issuetext")


@settings(PROFILE)
@given(text=ISSUES, allow_missing=st.booleans(), layout=st.sampled_from(
    ["broadsheet", "tabloid"]))
def test_every_generated_issue_ends_in_0_2_or_3(issue_dir, issuetext, text, allow_missing,
                                                layout):
    issue = issue_dir / "issue.md"
    issue.write_bytes(text.encode("utf-8", "surrogatepass"))
    with tempfile.TemporaryDirectory(prefix="out-", dir=issue_dir.parent) as out:
        args = [str(issue), "-o", out, "--layout", layout]
        if allow_missing:
            args.append("--allow-missing-glyphs")
        start = time.perf_counter()
        run = CliRunner().invoke(main, args, env={"TYPESET_DEBUG": None})
        seconds = time.perf_counter() - start
        _log(run.exit_code, seconds, run.stderr)
        event(f"exit {run.exit_code}")
        assert run.exit_code in (0, 2, EXIT_OVERSET), run.stderr
        assert "Traceback" not in run.stderr and "internal error" not in run.stderr
        assert seconds < TIME_BUDGET_S
        if run.exit_code == 2:
            first, *rest = run.stderr.rstrip("\n").split("\n")
            assert first.startswith("typeset: error: "), run.stderr
            assert all(line.startswith("  hint: ") for line in rest), run.stderr
            assert len(rest) <= 1, run.stderr
        elif run.exit_code == 0 and issuetext is not None and not any(
                word in run.stderr for word in TEXT_LOST_WARNINGS):
            assert_all_text_reaches_the_outputs(issue, Path(out), issuetext)


def _log(code: int, seconds: float, stderr: str) -> None:
    path = os.environ.get("FUZZ_LOG")
    if path:
        first = stderr.split("\n", 1)[0][:200]
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{code}\t{seconds:.3f}\t{first}\n")
