"""INPUTS → issue files: folders (recursively, hidden ones left out), globs, plain files,
each once, with output folder names that tell same-stem issues apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.batch import expand_inputs
from typeset.errors import InputError


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_a_folder_gives_its_issue_files_at_any_depth_but_not_hidden_ones(tmp_path):
    touch(tmp_path / "a.md")
    touch(tmp_path / "sub" / "b.txt")
    touch(tmp_path / "sub" / "photo.jpg")
    touch(tmp_path / ".cache" / "c.md")
    found = expand_inputs([str(tmp_path)])
    assert [i.path for i in found] == [tmp_path / "a.md", tmp_path / "sub" / "b.txt"]
    assert [i.name for i in found] == ["a", "b"]


def test_a_glob_gives_matching_issue_files_and_expands_folders(tmp_path):
    touch(tmp_path / "x" / "issue.md")
    touch(tmp_path / "y" / "issue.md")
    touch(tmp_path / "y" / "notes.pdf")
    touch(tmp_path / "z.md")
    found = expand_inputs([str(tmp_path / "*")])
    assert [i.path for i in found] == [tmp_path / "x" / "issue.md",
                                       tmp_path / "y" / "issue.md", tmp_path / "z.md"]
    # Same stem: the folder's name comes first.
    assert [i.name for i in found] == ["x-issue", "y-issue", "z"]
    assert [i.path for i in expand_inputs([str(tmp_path / "**" / "*.md")])] == \
        [tmp_path / "x" / "issue.md", tmp_path / "y" / "issue.md", tmp_path / "z.md"]


def test_a_file_given_twice_is_one_issue_and_the_order_given_is_kept(tmp_path):
    b, a = touch(tmp_path / "b.md"), touch(tmp_path / "a.md")
    found = expand_inputs([str(b), str(tmp_path), str(tmp_path / "a.*")])
    assert [i.path for i in found] == [b, a]


def test_a_missing_file_stays_an_issue_for_its_run_to_fail(tmp_path):
    assert [i.name for i in expand_inputs([str(tmp_path / "gone.md")])] == ["gone"]


@pytest.mark.parametrize("argument", ["empty-folder", "nothing-*.md"])
def test_a_folder_or_glob_without_issues_is_an_error(tmp_path, argument):
    (tmp_path / "empty-folder").mkdir()
    with pytest.raises(InputError, match="no issue files"):
        expand_inputs([str(tmp_path / argument)])
