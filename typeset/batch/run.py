"""A batch run: skip what the manifest shows built, typeset the rest on a Dask cluster (a
LocalCluster of worker processes, or an existing one), record each issue as it ends."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ..pipeline import Options, load_resources
from .inputs import BatchInput
from .keys import content_hash, issue_key, settings_key
from .manifest import DONE, MANIFEST_NAME, SKIPPED, ManifestWriter, Record, read_manifest
from .work import Job, failed_record, size_on_disk, typeset_job


@dataclass(frozen=True)
class BatchSettings:
    """How to run a batch. `options` says what to write (its outdir is replaced by each
    issue's OUTDIR/<name>); `workers` is the LocalCluster's size (None: the CPU count);
    `scheduler` an existing cluster's address instead; `force` rebuilds every issue."""

    outdir: Path
    options: Options
    workers: int | None = None
    scheduler: str | None = None
    force: bool = False


def run_batch(inputs: Sequence[BatchInput], settings: BatchSettings,
              on_record: Callable[[Record], None] = lambda _: None) -> list[Record]:
    """Typeset `inputs` into settings.outdir/<name>/, appending each issue's record to
    OUTDIR/batch.jsonl and passing it to `on_record` as it ends; returns the records.

    A KeyboardInterrupt closes the cluster and propagates: the lines written stay valid and
    outputs are only ever renamed into place complete (pipeline.atomic_path)."""
    outdir = settings.outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(outdir / MANIFEST_NAME)
    # Loaded here too, for the skip test's key: a bad layout or font configuration stops
    # the batch before any cluster starts (ConfigError).
    settings_digest = settings_key(load_resources(settings.options), settings.options)
    records: list[Record] = []

    with ManifestWriter(outdir / MANIFEST_NAME) as manifest:
        def record(rec: Record) -> None:
            manifest.write(rec)
            records.append(rec)
            on_record(rec)

        jobs = []
        for item in inputs:
            skipped = None if settings.force else _skipped(item, previous.get(str(item.path)),
                                                           settings_digest)
            if skipped:
                record(skipped)
            else:
                jobs.append(Job(item, replace(settings.options, outdir=outdir / item.name)))
        if jobs:
            _typeset_on_cluster(jobs, settings, record)
    return records


def _skipped(item: BatchInput, previous: Record | None, settings_digest: str) -> Record | None:
    """The skipped record for `item` if its last run built it from the same input, layout,
    fonts, program and options into the same folder and its outputs are still there."""
    if previous is None or previous.status not in (DONE, SKIPPED) or previous.name != item.name:
        return None
    try:
        content = content_hash(item.path, [Path(p) for p in previous.images])
    except OSError:
        return None
    if issue_key(content, settings_digest) != previous.key:
        return None
    for output in previous.outputs:
        path = Path(output.path)
        if not path.exists() or size_on_disk(path) != output.bytes:
            return None
    return replace(previous, status=SKIPPED, seconds=0.0)


def _typeset_on_cluster(jobs: list[Job], settings: BatchSettings,
                        record: Callable[[Record], None]) -> None:
    from distributed import as_completed

    with _client(settings) as client:
        # pure=False: a rerun of the same job (--force) must run, not reuse a result.
        futures = {client.submit(typeset_job, job, pure=False,
                                 key=f"typeset-{job.input.name}-{os.urandom(4).hex()}"): job
                   for job in jobs}
        for future in as_completed(futures):
            record(_result_of(future, futures[future]))


def _result_of(future, job: Job) -> Record:
    """The worker's record, or a failed one when the task itself failed (a worker died on
    it twice: KilledWorker)."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        return failed_record(job.input, "the worker typesetting it died, and so did the "
                                        "one it was retried on")
    except Exception as exc:  # the task could not run at all (e.g. a worker lacks a module)
        return failed_record(job.input, f"the cluster could not run it: "
                                        f"{type(exc).__name__}: {exc}")


@contextmanager
def _client(settings: BatchSettings) -> Iterator:
    """A Dask client on settings.scheduler, or on a LocalCluster of one-thread worker
    processes that lives for the block. A task whose worker dies is retried once, on
    another: Dask's `retries` only counts exceptions the task raises, worker deaths are
    counted against the scheduler's allowed-failures (see the README for a cluster)."""
    import dask
    from distributed import Client, LocalCluster

    if settings.scheduler:
        with Client(settings.scheduler) as client:
            yield client
        return
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with _sigint_ignored():
            # Any free port for the scheduler's HTTP server: the default, 8787, may be
            # another cluster's.
            cluster = LocalCluster(n_workers=settings.workers or os.cpu_count() or 1,
                                   threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
        with cluster, Client(cluster) as client:
            yield client


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while the worker processes start, which keeps it ignored in them: a
    Ctrl-C at a terminal reaches the whole process group, and only the client should act
    on it (closing the workers), not every worker with a traceback of its own."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers; nothing to keep from it
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
