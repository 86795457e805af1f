"""The manifest: append-only JSON lines, the last line per input counts, a line cut short
by a crash is passed over and does not swallow the next one."""

from __future__ import annotations

from typeset.batch.manifest import ManifestWriter, OutputFile, Record, read_manifest


def record(name: str, status: str) -> Record:
    return Record(input=f"/in/{name}.md", name=name, status=status, key="k", content_hash="c",
                  outputs=[OutputFile("PDF", f"/out/{name}/{name}.pdf", 10)], pages=1)


def test_the_last_line_of_an_input_is_its_state(tmp_path):
    path = tmp_path / "batch.jsonl"
    with ManifestWriter(path) as manifest:
        manifest.write(record("a", "failed"))
        manifest.write(record("b", "done"))
        manifest.write(record("a", "done"))
    last = read_manifest(path)
    assert {k: r.status for k, r in last.items()} == {"/in/a.md": "done", "/in/b.md": "done"}
    assert last["/in/b.md"] == record("b", "done")


def test_a_line_cut_short_is_passed_over_and_the_next_run_appends_cleanly(tmp_path):
    path = tmp_path / "batch.jsonl"
    with ManifestWriter(path) as manifest:
        manifest.write(record("a", "done"))
    with path.open("a", encoding="utf-8") as f:
        f.write(record("b", "done").to_json()[:40])  # the machine went down mid-line
    with ManifestWriter(path) as manifest:
        manifest.write(record("c", "done"))
    assert sorted(read_manifest(path)) == ["/in/a.md", "/in/c.md"]
