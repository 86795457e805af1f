"""A batch on a LocalCluster of two workers: every issue recorded (a bad one failed with its
message, the others done), a rerun skips what is built, the outputs are a single run's
bytes, and a worker killed mid-issue loses nothing."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from typeset.batch import BatchSettings, expand_inputs, read_manifest, run_batch
from typeset.batch.manifest import MANIFEST_NAME
from typeset.pipeline import Options, build

# The fixture folder's issues that typeset (all but bad/empty.md).
GOOD = 5


def on(cluster, outdir: Path) -> BatchSettings:
    return BatchSettings(outdir=outdir, options=Options(), scheduler=cluster.scheduler_address)


@pytest.fixture(scope="module")
def first_run(five_good_one_empty, cluster, tmp_path_factory):
    """The six issues typeset once: (inputs, outdir, records)."""
    inputs = expand_inputs([str(five_good_one_empty)])
    outdir = tmp_path_factory.mktemp("batch")
    return inputs, outdir, run_batch(inputs, on(cluster, outdir))


def test_five_issues_are_done_and_the_empty_one_failed_with_its_message(first_run):
    inputs, outdir, records = first_run
    lines = (outdir / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(records) == len(inputs) == GOOD + 1
    status = {r.name: r.status for r in read_manifest(outdir / MANIFEST_NAME).values()}
    assert sorted(status.values()) == ["done"] * GOOD + ["failed"]
    (failed,) = [r for r in records if r.status == "failed"]
    assert failed.name == "empty" and "the issue file is empty" in failed.error
    for r in records:
        if r.status == "done":
            assert [o.kind for o in r.outputs] == ["PDF", "EPUB"]
            assert all(Path(o.path).parent == outdir / r.name
                       and Path(o.path).stat().st_size == o.bytes for o in r.outputs)
            assert r.pages == 1 and r.seconds > 0 and len(r.key) == 64 and not r.error


def test_outputs_are_the_bytes_of_a_single_run(first_run, tmp_path):
    _, _, records = first_run
    for r in records:
        if r.status != "done":
            continue
        single = build(Path(r.input), Options(outdir=tmp_path / r.name))
        assert [o.path.name for o in single.outputs] == [Path(o.path).name for o in r.outputs]
        for mine, theirs in zip(r.outputs, single.outputs):
            assert Path(mine.path).read_bytes() == theirs.path.read_bytes(), mine.path


def test_a_rerun_skips_the_five_built_and_tries_the_failed_one_again(first_run, cluster):
    inputs, outdir, first = first_run
    again = run_batch(inputs, on(cluster, outdir))
    assert sorted(r.status for r in again) == ["failed"] + ["skipped"] * GOOD
    built = {r.input: r for r in first if r.status == "done"}
    for r in again:
        if r.status == "skipped":
            assert (r.key, r.outputs) == (built[r.input].key, built[r.input].outputs)
    assert len((outdir / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()) == \
        2 * len(inputs)


def test_a_worker_killed_mid_issue_has_the_issue_retried_on_another(five_good_one_empty,
                                                                    cluster, tmp_path):
    from distributed import Client

    inputs = [i for i in expand_inputs([str(five_good_one_empty)]) if i.name != "empty"]
    killed = []
    with Client(cluster) as watcher:
        pids = watcher.run(os.getpid)

        def kill_the_first_busy_worker() -> None:
            deadline = time.monotonic() + 120
            while not killed and time.monotonic() < deadline:
                busy = [w for w, keys in watcher.processing().items() if keys and w in pids]
                if busy:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])
                time.sleep(0.01)

        thread = threading.Thread(target=kill_the_first_busy_worker)
        thread.start()
        records = run_batch(inputs, on(cluster, tmp_path))
        thread.join()
    assert killed
    assert sorted(r.status for r in records) == ["done"] * GOOD
    assert all(Path(o.path).stat().st_size == o.bytes for r in records for o in r.outputs)
