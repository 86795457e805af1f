"""The whole run through `typeset.pipeline.build`: what it writes and reports, and that the
same input gives the same bytes."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from typeset.pipeline import Options, build

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def tiny_issue(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.md"
    shutil.copy(REPO / "tests" / "fixtures" / "tiny.md", path)
    return path


@pytest.mark.parametrize("which", ["sample", "seed"])
def test_a_rebuild_gives_byte_identical_pdf_and_epub(which, request, tmp_path):
    first = request.getfixturevalue(f"{which}_build")
    again = build(first.issue, Options(outdir=tmp_path / "again"))
    for kind, path in (("PDF", first.pdf), ("EPUB", first.epub)):
        rebuilt = tmp_path / "again" / path.name
        assert rebuilt.read_bytes() == path.read_bytes(), f"{kind} differs on rebuild"
    assert [o.bytes for o in again.outputs] == [o.bytes for o in first.result.outputs]


def test_the_sample_reports_8_pages_and_71_articles_per_output(sample_build):
    outputs = {o.kind: o for o in sample_build.result.outputs}
    assert set(outputs) == {"PDF", "EPUB"}
    assert outputs["PDF"].pages == 8
    assert {o.articles for o in outputs.values()} == {71}
    for output in outputs.values():
        assert output.path.stat().st_size == output.bytes
        assert output.fonts >= 1
    # The sample's photos are small (scikit-image's samples); the only thing a run may warn
    # about is a photo under 170 ppi at its placed size, never upsampled.
    assert all("ppi" in w for w in sample_build.result.warnings), sample_build.result.warnings


def test_only_the_asked_format_is_written(tiny_issue, tmp_path):
    result = build(tiny_issue, Options(pdf=False, epub=True, outdir=tmp_path / "out"))
    assert [o.kind for o in result.outputs] == ["EPUB"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["tiny.epub"]


def test_outputs_are_named_after_the_issue_files_stem(tiny_issue, tmp_path):
    result = build(tiny_issue, Options(outdir=tmp_path / "o"))
    assert [o.path for o in result.outputs] == [tmp_path / "o" / "tiny.pdf",
                                                tmp_path / "o" / "tiny.epub"]
    names = [p.name for p in (tmp_path / "o").iterdir()]
    assert {"tiny.pdf", "tiny.epub"} <= set(names)
    assert all(name.startswith("tiny.") for name in names), names  # no temporary files


def test_preview_writes_a_trimmed_thumbnail_per_page_and_the_cover_is_page_one(tiny_issue,
                                                                                tmp_path):
    build(tiny_issue, Options(outdir=tmp_path / "o", preview=True))
    thumbs = sorted((tmp_path / "o").glob("tiny-p*.png"))
    assert [p.name for p in thumbs] == ["tiny-p1.png"]  # its one page with copy
    with Image.open(thumbs[0]) as im:
        # The trim (390 × 550 mm), not the media box with bleed and marks.
        assert abs(im.size[1] / im.size[0] - 550 / 390) < 0.01
    with zipfile.ZipFile(tmp_path / "o" / "tiny.epub") as book:
        assert book.read("EPUB/images/cover.png") == thumbs[0].read_bytes()


def test_an_issue_of_one_teaser_still_prints_page_one(tmp_path):
    # found by tests/test_fuzz_issues.py: page 1 held only the ear, was left out as a page
    # without copy, and the EPUB's cover render failed on a PDF of no pages
    issue = tmp_path / "teaser.md"
    issue.write_text("---\nnewspaper: 江城日报\ndate: 2026-11-20\n---\n\n"
                     "<!-- page 1 | 要闻 -->\n\n## 导读\n\n今日要闻摘要，详见1版\n", encoding="utf-8")
    result = build(issue, Options(outdir=tmp_path / "out"))
    assert [o.pages for o in result.outputs] == [1, 1]
