"""A batch's INPUTS (issue files, folders, globs) → the issue files and the names of their
output folders, OUTDIR/<name>/."""

from __future__ import annotations

import glob
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

# What a folder or a glob contributes: the suffixes of issue files (structured Markdown,
# raw extracted text). A file named on its own is taken whatever its suffix.
ISSUE_SUFFIXES = (".md", ".txt")
GLOB_CHARACTERS = "*?["


@dataclass(frozen=True)
class BatchInput:
    """One issue of a batch: its file (absolute) and its output folder's name."""

    path: Path
    name: str


def expand_inputs(arguments: Sequence[str]) -> list[BatchInput]:
    """The issues named by `arguments`, in the order given, each file once.

    A folder gives the .md and .txt files in it and its subfolders (hidden ones left out),
    sorted; a glob (* ? [, ** for any depth) its matches, sorted, folders among them expanded
    the same way and other files only with those suffixes; anything else is an issue file,
    even when it does not exist (its run then fails, and the manifest says so). A folder or
    glob without an issue file is an InputError: a typo should not make an empty batch."""
    files: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = _issues_in(path)
        elif not path.exists() and any(c in argument for c in GLOB_CHARACTERS):
            found = [issue for match in sorted(glob.glob(argument, recursive=True))
                     for issue in _issues_matched(Path(match))]
        else:
            found = [path]
        if not found:
            raise InputError("no issue files (.md, .txt) here", where=argument,
                             hint="name issue files, folders holding them, or a glob")
        files.extend(found)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return [BatchInput(p, name) for p, name in zip(unique, _names(unique))]


def _issues_matched(match: Path) -> list[Path]:
    if match.is_dir():
        return _issues_in(match)
    return [match] if match.suffix in ISSUE_SUFFIXES else []


def _issues_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.suffix in ISSUE_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _names(paths: list[Path]) -> list[str]:
    """Each file's stem, with as many of its folders' names before it (joined by "-") as
    it takes to tell apart issues of the same stem: generated/a/issue.md and
    generated/b/issue.md are "a-issue" and "b-issue", a lone seed.txt is "seed"."""
    depth = [0] * len(paths)
    for _ in range(max((len(p.parts) for p in paths), default=0)):
        names = ["-".join([*p.parent.parts[1:][-d:], p.stem]) if d else p.stem
                 for p, d in zip(paths, depth)]  # parts[0] is the root, "/"
        counts = Counter(names)
        if all(counts[n] == 1 for n in names):
            return names
        depth = [d + (counts[n] > 1) for n, d in zip(names, depth)]
    raise InputError("cannot give these issues output folders of their own: their paths "
                     "differ only in hyphens", hint="rename one of them")
