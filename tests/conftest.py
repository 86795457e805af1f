"""Session fixtures shared by every test package: the two bundled inputs built once.

The sample (structured dialect) and the seed (raw extracted text) are each typeset to PDF
and EPUB exactly once per test session through the public pipeline; tests read the files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[1]
SAMPLE_ISSUE = REPO / "issues" / "sample" / "issue.md"
SEED_ISSUE = REPO / "issues" / "seed" / "000_aa1f4288eca920ee.txt"
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Built:
    """One input typeset into `outdir`: the issue file, the two outputs, the run's report."""

    issue: Path
    outdir: Path
    pdf: Path
    epub: Path
    result: object  # typeset.pipeline.Result
    pages: int = 8  # the pages it prints: those with copy


def build_both(issue: Path, outdir: Path, pages: int = 8, **options) -> Built:
    """Typeset `issue` to PDF and EPUB in `outdir` with the pipeline's defaults; it prints
    `pages` pages (those with copy)."""
    # Imported here, not at the top: a package that fails to import then fails the tests
    # that build, not the collection of every test in the tree.
    from typeset.pipeline import Options, build

    result = build(issue, Options(pdf=True, epub=True, outdir=outdir, **options))
    return Built(issue, outdir, outdir / f"{issue.stem}.pdf", outdir / f"{issue.stem}.epub",
                 result, pages)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The bundled sample issue (structured dialect)."""
    return SAMPLE_ISSUE


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The bundled seed (raw extracted newspaper text, unchanged)."""
    return SEED_ISSUE


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Built:
    """The bundled sample issue (8 pages, 71 articles) built once."""
    return build_both(SAMPLE_ISSUE, tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Built:
    """The seed (raw extracted newspaper text, unchanged) built once: a front page only, so
    one page is printed."""
    return build_both(SEED_ISSUE, tmp_path_factory.mktemp("seed"), pages=1)


@pytest.fixture(params=["sample", "seed"])
def built(request) -> Built:
    """Each of the two bundled inputs in turn."""
    return request.getfixturevalue(f"{request.param}_build")


def program_env() -> dict[str, str]:
    """The environment for running the program as a subprocess: no debug tracebacks."""
    env = {k: v for k, v in os.environ.items() if k != "TYPESET_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture(scope="session")
def typeset_cli():
    """f(*args, cwd=None) → CompletedProcess: the installed `typeset` console script, run
    by path (the bare word is a shell builtin) with text output captured."""
    program = VENV_BIN / "typeset"

    def run(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *map(str, args)], capture_output=True, text=True,
                              cwd=cwd, env=program_env(), timeout=600, check=False)
    return run
