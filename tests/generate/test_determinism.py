"""The same (case, seed) writes the same bytes; another seed writes another issue."""

from __future__ import annotations

from pathlib import Path

from typeset.generate import case, write_issue


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_a_seed_writes_the_same_issue_and_photos_every_time(tmp_path):
    chosen = case("photos-2x")
    write_issue(chosen, 7, tmp_path / "a")
    write_issue(chosen, 7, tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert any(name.endswith(".jpg") for name in a)
    assert a == b


def test_another_seed_or_case_writes_other_copy(tmp_path):
    texts = [write_issue(case(name), seed, tmp_path / f"{name}{seed}").read_text("utf-8")
             for name, seed in (("volume-100", 1), ("volume-100", 2), ("photos-1x", 1))]
    assert len(set(texts)) == 3
