"""An issue's key changes with what its outputs depend on: its text, its photos, the
options; and not with the output folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from typeset.batch.keys import content_hash, issue_key, settings_key
from typeset.pipeline import Options, load_resources


def test_a_changed_photo_changes_the_content_hash(tmp_path):
    issue = tmp_path / "issue.md"
    issue.write_text("text", encoding="utf-8")
    photo = tmp_path / "images" / "p.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"one")
    before = content_hash(issue, [photo])
    assert content_hash(issue, [photo]) == before
    assert content_hash(issue, []) != before
    photo.write_bytes(b"two")
    assert content_hash(issue, [photo]) != before


def test_options_change_the_settings_key_but_the_output_folder_does_not():
    opts = Options()
    resources = load_resources(opts)
    key = settings_key(resources, opts)
    assert settings_key(resources, replace(opts, outdir=Path("elsewhere"))) == key
    assert settings_key(resources, replace(opts, html=True)) != key
    assert issue_key("c", key) != issue_key("c", settings_key(resources, replace(opts,
                                                                                 epub=False)))
