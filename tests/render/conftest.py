"""Fixtures of the HTML edition's tests: the sample and the seed built with --html once per
session, a local web server for the sample's site, and Debian's chromium for
pytest-playwright (never a downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from typeset.ingest import load_issue
from typeset.model import Issue

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# As root Chromium needs --no-sandbox; without the background-networking flags it tries
# connections that the closed network refuses (and slows every launch).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@dataclass(frozen=True)
class Edition:
    """An issue built with --pdf --html: its model, layout report and site folder."""

    issue: Issue
    site: Path
    layout_json: Path
    pdf: Path


def _build_edition(issue_path: Path, outdir: Path) -> Edition:
    from typeset.pipeline import Options, build

    build(issue_path, Options(pdf=True, epub=False, html=True, outdir=outdir))
    stem = issue_path.stem
    return Edition(load_issue(issue_path), outdir / f"{stem}-html",
                   outdir / f"{stem}.layout.json", outdir / f"{stem}.pdf")


@pytest.fixture(scope="session")
def sample_edition(tmp_path_factory, sample_path) -> Edition:
    """The sample's HTML edition."""
    return _build_edition(sample_path, tmp_path_factory.mktemp("sample-html"))


@pytest.fixture(scope="session")
def seed_edition(tmp_path_factory, seed_path) -> Edition:
    """The seed's HTML edition (its copy fills the front page only)."""
    return _build_edition(seed_path, tmp_path_factory.mktemp("seed-html"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="session")
def site_url(sample_edition):
    """The sample's site served by http.server on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(sample_edition.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch arguments: Debian's chromium, with the flags it needs."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM),
            "args": CHROMIUM_ARGS}
