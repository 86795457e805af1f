# Shortcuts. They call the program by path: `typeset` is a builtin of bash, zsh and ksh.
VENV   := .venv
PY     := $(VENV)/bin/python
TS     := $(VENV)/bin/typeset
OUT    := out
SAMPLE := issues/sample/issue.md
SEED   := issues/seed/000_aa1f4288eca920ee.txt
CHECK  := ../shared/tools

.PHONY: setup sample seed test bench check clean

setup:                  ## system packages and .venv (idempotent)
	bash scripts/setup.sh

sample: setup           ## typeset the bundled sample issue into out/
	$(TS) $(SAMPLE) -o $(OUT)

seed: setup             ## typeset the seed (raw extracted text) into out/
	$(TS) $(SEED) -o $(OUT)

test: setup             ## the whole test suite
	$(VENV)/bin/pytest

bench: setup            ## median of 5 builds of the sample
	$(PY) bench/bench_typeset.py

check: sample seed      ## the independent checker on both inputs
	$(PY) $(CHECK)/pdfcheck.py $(SAMPLE) $(OUT)/issue.pdf
	$(PY) $(CHECK)/epubcheck.py $(SAMPLE) $(OUT)/issue.epub
	$(PY) $(CHECK)/pdfcheck.py $(SEED) $(OUT)/000_aa1f4288eca920ee.pdf
	$(PY) $(CHECK)/epubcheck.py $(SEED) $(OUT)/000_aa1f4288eca920ee.epub

clean:                  ## remove the outputs
	find $(OUT) -mindepth 1 ! -name .gitkeep -delete
