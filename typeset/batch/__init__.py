"""Batch mode: many issues typeset on a Dask cluster (`typeset batch`), with a manifest that
records every issue's outcome and lets a rerun skip what is already built."""

from .inputs import BatchInput, expand_inputs
from .manifest import MANIFEST_NAME, OutputFile, Record, read_manifest
from .run import BatchSettings, run_batch
from .summary import Summary, summarize

__all__ = ["MANIFEST_NAME", "BatchInput", "BatchSettings", "OutputFile", "Record", "Summary",
           "expand_inputs", "read_manifest", "run_batch", "summarize"]
