"""Generated issues, each (case, seed) written and ingested once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from typeset.generate import case, write_issue
from typeset.ingest import load_issue
from typeset.model import Issue


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """f(case name, seed) → (issue file, ingested Issue), through the real ingest."""
    cache: dict[tuple[str, int], tuple[Path, Issue]] = {}

    def get(name: str, seed: int = 0) -> tuple[Path, Issue]:
        if (name, seed) not in cache:
            dest = tmp_path_factory.mktemp(f"{name}-{seed}")
            path = write_issue(case(name), seed, dest)
            cache[name, seed] = (path, load_issue(path))
        return cache[name, seed]
    return get
