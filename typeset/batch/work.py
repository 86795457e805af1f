"""What a batch worker does with one issue: typeset it with the layout and fonts the worker
process has loaded once, and describe the outcome as a manifest record, whatever it was."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..pipeline import Options, Resources, Result, build, load_resources
from .inputs import BatchInput
from .keys import content_hash, issue_key, settings_key
from .manifest import DONE, FAILED, OVERSET, OutputFile, Record


@dataclass(frozen=True)
class Job:
    """One issue to typeset; `opts.outdir` is its own folder, OUTDIR/<name>."""

    input: BatchInput
    opts: Options


def typeset_job(job: Job) -> Record:
    """Typeset one issue on this worker. Bad input, overset copy and bugs all come back as
    the record's status and error; only the worker process dying escapes (the client
    records that)."""
    t0 = time.perf_counter()
    path = job.input.path
    try:
        resources = worker_resources(job.opts.layout, job.opts.pdf_standard, job.opts.marks)
        result = build(path, job.opts, resources=resources)
    except InputError as exc:
        return failed_record(job.input, str(exc), time.perf_counter() - t0)
    except Exception as exc:  # a bug, for this issue only: the others go on
        return failed_record(job.input, f"internal error: {type(exc).__name__}: {exc}",
                             time.perf_counter() - t0)
    return _record(job, resources, result, time.perf_counter() - t0)


@functools.lru_cache(maxsize=4)
def worker_resources(layout: str, pdf_standard: str | None, marks: bool | None) -> Resources:
    """The layout and fonts for these options, loaded once per worker process and shared by
    every issue it typesets (the arguments are what load_resources reads)."""
    return load_resources(Options(layout=layout, pdf_standard=pdf_standard, marks=marks))


def failed_record(item: BatchInput, error: str, seconds: float = 0.0) -> Record:
    """The record of an issue that produced nothing."""
    try:
        content = content_hash(item.path, [])
    except OSError:  # the input itself is missing or unreadable: `error` says so
        content = ""
    return Record(input=str(item.path), name=item.name, status=FAILED, key="",
                  content_hash=content, seconds=round(seconds, 3), error=error)


def _record(job: Job, resources: Resources, result: Result, seconds: float) -> Record:
    content = content_hash(job.input.path, result.images)
    return Record(
        input=str(job.input.path), name=job.input.name,
        status=OVERSET if result.overset else DONE,
        key=issue_key(content, settings_key(resources, job.opts)), content_hash=content,
        outputs=[OutputFile(o.kind, str(o.path), size_on_disk(o.path)) for o in result.outputs],
        images=[str(p) for p in result.images],
        pages=max((o.pages for o in result.outputs), default=0),
        warnings=result.warnings, overset=result.overset, seconds=round(seconds, 3))


def size_on_disk(path: Path) -> int:
    """A file's size, or a folder's files' sizes together (the HTML edition)."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size
