"""The batch manifest, OUTDIR/batch.jsonl: one JSON line per issue and run, appended and
flushed as each issue ends, so an interrupted run leaves every line it wrote valid. The
last line of an input is its state."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

MANIFEST_NAME = "batch.jsonl"
DONE, FAILED, OVERSET, SKIPPED = "done", "failed", "overset", "skipped"


@dataclass(frozen=True)
class OutputFile:
    """One output of an issue: its kind (PDF, EPUB, HTML), path and size on disk (an HTML
    edition is a folder: the size of its files together)."""

    kind: str
    path: str
    bytes: int


@dataclass(frozen=True)
class Record:
    """How one issue went in one run: a manifest line.

    `key` is issue_key() of the issue as built ("" when it could not be read); `images` the
    photo files it showed, for the next run's content hash; `error` the message of a failed
    issue; `seconds` its typesetting time on the worker (0 for a skipped one)."""

    input: str
    name: str
    status: str
    key: str
    content_hash: str
    outputs: list[OutputFile] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    overset: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    def to_json(self) -> str:
        """The record as one line of JSON."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Record:
        """The record of a manifest line (ValueError, KeyError or TypeError if it is not
        one)."""
        data = json.loads(line)
        data["outputs"] = [OutputFile(**o) for o in data["outputs"]]
        return cls(**data)


def read_manifest(path: Path) -> dict[str, Record]:
    """Input path → its last record. A line that does not parse (cut short by a machine
    going down mid-write) is passed over: that issue is built again."""
    last: dict[str, Record] = {}
    if not path.is_file():
        return last
    with path.open(encoding="utf-8") as f:
        for line in f:
            try:
                record = Record.from_json(line)
            except (ValueError, KeyError, TypeError):
                continue
            last[record.input] = record
    return last


class ManifestWriter:
    """Appends records to a manifest, each line flushed to disk before the next."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("a", encoding="utf-8")
        # A line cut short by a crash must not swallow the first line appended after it.
        if self._file.tell() and not _ends_with_newline(path):
            self._file.write("\n")

    def write(self, record: Record) -> None:
        """Append one record and make it durable."""
        self._file.write(record.to_json() + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the manifest file."""
        self._file.close()

    def __enter__(self) -> ManifestWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"
