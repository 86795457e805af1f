"""Test issues for the make-up: named cases around the bundled sample's volume, written
as issue Markdown (with photos) from the sample's and seed's real sentences.

    from typeset.generate import cases, case, write_issue
    write_issue(case("volume-105"), seed=3, dest=Path("/tmp/v105"))
"""

from .cases import CASES, Case, case, cases
from .volume import Volume, measure, sample_volume
from .writer import write_issue

__all__ = ["CASES", "Case", "Volume", "case", "cases", "measure", "sample_volume", "write_issue"]
