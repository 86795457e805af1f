"""What an issue's outputs depend on, as digests: a rerun skips an issue whose key is
unchanged (and whose outputs are still there)."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path

from ..pipeline import Options, Resources

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def content_hash(issue: Path, images: Sequence[Path]) -> str:
    """sha256 over the issue file's bytes and each photo it shows (its path as seen from
    the issue's folder, then its bytes): a changed photo changes the issue."""
    digest = hashlib.sha256(_file_digest(issue).encode())
    for image in images:
        digest.update(f"\n{_relative(image, issue.parent)}\n{_file_digest(image)}".encode())
    return digest.hexdigest()


def settings_key(resources: Resources, opts: Options) -> str:
    """sha256 over all but the issue that decides its outputs: the layout file, the font
    configuration, each font file used (path, face, size, modification time: reading
    gigabytes of fonts per run to hash them would cost more than a run), the program's
    version and source, and the options (except the output folder)."""
    layout = resources.layout
    faces = [f"{face.path}#{face.index}:{face.path.stat().st_size}:"
             f"{face.path.stat().st_mtime_ns}" for face in resources.fonts.faces]
    options = {k: v for k, v in asdict(opts).items() if k != "outdir"}
    parts = [_file_digest(layout.source), _file_digest(layout.fonts), *faces,
             program_version(), json.dumps(options, sort_keys=True, default=str)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def issue_key(content: str, settings: str) -> str:
    """The key of one issue's outputs: its content hash and the settings key together."""
    return hashlib.sha256(f"{content}\n{settings}".encode()).hexdigest()


@functools.cache
def program_version() -> str:
    """The package's version and a digest of its files: a change to the code between two
    runs of a development checkout (same version number) still rebuilds."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(PACKAGE_DIR)}\n".encode())
            digest.update(path.read_bytes())
    return f"{version('typeset')}+{digest.hexdigest()[:16]}"


def _file_digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:  # an outside image (--allow-outside-images)
        return str(path)
