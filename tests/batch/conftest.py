"""Batch fixtures: a folder of seed-size issues with one bad one, and a LocalCluster of two
worker processes shared by the tests that run on a cluster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from typeset.generate import case, write_issue

REPO = Path(__file__).resolve().parents[2]
SEED_ISSUE = REPO / "issues" / "seed" / "000_aa1f4288eca920ee.txt"
TINY_ISSUE = REPO / "tests" / "fixtures" / "tiny.md"


@pytest.fixture(scope="session")
def five_good_one_empty(tmp_path_factory) -> Path:
    """A folder of six issues: the seed, a one-article issue, three generated front pages
    with photos (each gen/front-only-N/issue.md), and bad/empty.md, which fails."""
    folder = tmp_path_factory.mktemp("issues")
    shutil.copy(SEED_ISSUE, folder)
    shutil.copy(TINY_ISSUE, folder)
    for seed in range(3):
        write_issue(case("front-only"), seed, folder / "gen" / f"front-only-{seed}")
    (folder / "bad").mkdir()
    (folder / "bad" / "empty.md").write_bytes(b"")
    return folder


@pytest.fixture(scope="session")
def cluster():
    """A LocalCluster of two one-thread worker processes, retrying a dead worker's task
    once (the scheduler settings `typeset batch` uses for its own cluster)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                         dashboard_address=":0") as local:
        yield local
