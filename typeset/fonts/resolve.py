"""Find font files for the candidates of fonts/fonts.toml, through fontconfig or by path."""

from __future__ import annotations

import functools
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Candidate:
    """One entry of a role's list: a fontconfig family/style, or an explicit file."""

    family: str = ""
    style: str = ""
    path: Path | None = None
    index: int = 0

    def __str__(self) -> str:
        if self.path is not None:
            return f"{self.path}#{self.index}"
        return f"{self.family}:style={self.style}" if self.style else self.family


@dataclass(frozen=True)
class FontFile:
    """A face located on disk."""

    path: Path
    index: int


def locate(candidate: Candidate) -> FontFile | None:
    """The installed file for a candidate, or None when it is not installed.

    fc-list (not fc-match) is used for patterns: fc-match always answers with *some* font,
    which would silently replace a missing face by an unrelated one.
    """
    if candidate.path is not None:
        return FontFile(candidate.path, candidate.index) if candidate.path.is_file() else None
    matches = _fc_list(candidate.family, candidate.style)
    # fontconfig lists a Black face under "style=Black,Regular" too: prefer the face whose
    # own (first) style name is the one asked for.
    wanted = candidate.style.lower()
    matches = sorted(matches, key=lambda m: m[2].split(",")[0].lower() != wanted)
    for path, index, _style in matches:
        return FontFile(Path(path), index)
    return None


def locate_all(candidates: list[Candidate]) -> dict[Candidate, FontFile | None]:
    """locate() for every candidate, the fontconfig queries side by side: each is an fc-list
    process (~10 ms) and a font configuration asks about ten."""
    unique = list(dict.fromkeys(candidates))
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(unique, pool.map(locate, unique)))


@functools.lru_cache(maxsize=None)
def _fc_list(family: str, style: str) -> tuple[tuple[str, int, str], ...]:
    """(file, index, style list) of every installed face matching the pattern."""
    exe = shutil.which("fc-list")
    if exe is None:
        return ()
    pattern = family.replace("-", r"\-") + (f":style={style}" if style else "")
    out = subprocess.run([exe, pattern, "--format", "%{file}|%{index}|%{style}\n"],
                         capture_output=True, text=True, check=False).stdout
    rows = []
    for line in out.splitlines():
        path, index, styles = (line.split("|") + ["", ""])[:3]
        if path:
            rows.append((path, int(index or 0), styles))
    # Several entries can match (a family in .ttc and .otf form): take a stable order.
    return tuple(sorted(rows))
