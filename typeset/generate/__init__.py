"""Test issues made on demand: an 8-page issue of a named case (copy volume, spread over
the pages, photos, tables, hard pages) from the model issue's real copy. The fit-rate
benchmark (bench/bench_fit.py) and the engine's tests run on them, so that nothing is
tuned to one issue."""

from .cases import CASES, Case, case, cases
from .corpus import Corpus, read_corpus
from .writer import write_issue

__all__ = ["CASES", "Case", "Corpus", "case", "cases", "read_corpus", "write_issue"]
