"""`typeset batch` as a user runs it: exit status 2 when an issue failed, 3 when copy only
ran over, 130 on Ctrl-C with every manifest line valid and no half-written output; plain
progress lines on a non-terminal stderr and the summary on stdout."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.test_cli import overfull_issue
from typeset.batch import read_manifest

REPO = Path(__file__).resolve().parents[2]
TINY_ISSUE = REPO / "tests" / "fixtures" / "tiny.md"


def test_a_failed_issue_exits_2_with_progress_summary_and_manifest(typeset_cli, tmp_path):
    shutil.copy(TINY_ISSUE, tmp_path / "tiny.md")
    (tmp_path / "empty.md").write_bytes(b"")
    out = tmp_path / "out"
    run = typeset_cli("batch", tmp_path / "*.md", "-o", out, "--workers", "2", "--pdf")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    summary = run.stdout.splitlines()
    assert summary[0].startswith("batch: 1 done, 1 failed, 0 overset, 0 skipped in ")
    assert summary[1].startswith("slowest: ")
    assert any(line.startswith("failed: empty: ") and "empty" in line for line in summary)
    progress = sorted(line.split("] ")[1].split()[:2] for line in run.stderr.splitlines()
                      if line.startswith("batch: ["))
    assert progress == [["done", "tiny"], ["failed", "empty"]]
    assert sorted(p.name for p in (out / "tiny").iterdir()) == ["tiny.layout.json",
                                                                "tiny.pdf"]
    lines = [json.loads(line) for line in (out / "batch.jsonl").read_text().splitlines()]
    assert {(d["name"], d["status"]) for d in lines} == {("tiny", "done"), ("empty", "failed")}


def test_a_rerun_skips_what_is_built_unless_forced(typeset_cli, tmp_path):
    shutil.copy(TINY_ISSUE, tmp_path / "tiny.md")
    out = tmp_path / "out"
    for args, status in [((), "done"), ((), "skipped"), (("--force",), "done")]:
        run = typeset_cli("batch", tmp_path / "tiny.md", "-o", out, "--workers", "1", *args)
        assert run.returncode == 0, run.stderr
        assert read_manifest(out / "batch.jsonl")[str(tmp_path / "tiny.md")].status == status


def test_overset_only_exits_3_and_names_the_issue(typeset_cli, tmp_path):
    issue = overfull_issue(tmp_path / "over.md")
    out = tmp_path / "out"
    run = typeset_cli("batch", issue, "-o", out, "--workers", "1", "--layout", "tabloid")
    assert run.returncode == 3, run.stderr
    assert run.stdout.startswith("batch: 0 done, 0 failed, 1 overset, 0 skipped")
    assert "overset: over: " in run.stdout
    (record,) = read_manifest(out / "batch.jsonl").values()
    assert record.status == "overset" and record.overset
    assert [o.kind for o in record.outputs] == ["PDF", "EPUB"]


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_and_leaves_only_whole_outputs(five_good_one_empty, tmp_path):
    out = tmp_path / "out"
    manifest = out / "batch.jsonl"
    # A terminal's Ctrl-C goes to the whole process group: the workers' too. The batch runs
    # as a terminal's foreground job would, with SIGINT at its default: pytest may itself run
    # as a background job of a script (`.ci/run &`), whose children inherit SIGINT ignored.
    batch = subprocess.Popen([sys.executable, "-m", "typeset", "batch",
                              str(five_good_one_empty), "-o", str(out), "--workers", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True, preexec_fn=_sigint_default)
    deadline = time.monotonic() + 120
    while not (manifest.exists() and manifest.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(batch.pid, signal.SIGINT)
    _, stderr = batch.communicate(timeout=120)
    assert batch.returncode == 130, stderr
    assert "Traceback" not in stderr and "batch interrupted after" in stderr
    recorded = read_manifest(manifest)
    assert recorded and len(recorded) == len(manifest.read_text().splitlines())
    assert all(Path(o.path).stat().st_size == o.bytes for r in recorded.values()
               for o in r.outputs)
    # Every file there is a whole output, renamed into place: no temporary file is left.
    assert not [p for p in out.rglob(".*")]
    assert all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in out.rglob("*.pdf"))
