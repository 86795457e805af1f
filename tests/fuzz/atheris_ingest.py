"""Coverage-guided fuzzing of the ingest stage with atheris (run on demand, not by pytest).

Every input is written as an issue file beside a few images (good, damaged, outside the
folder) and read with load_issue under a policy drawn from its first byte. Reading may
end in an Issue or an InputError; anything else is a finding (atheris stops and saves the
input as crash-*). The seed corpus is the bundled issues and the ingest fixtures.

    .venv/bin/pip install atheris
    .venv/bin/python tests/fuzz/atheris_ingest.py -max_total_time=900 -max_len=8192 \\
        -artifact_prefix=/tmp/fuzz/ /tmp/fuzz/corpus

(pass `-seed_corpus` to copy the seeds into the corpus folder first).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["typeset", "markdown_it", "mdit_py_plugins", "yaml"]):
    from PIL import Image

    from typeset.config import Limits
    from typeset.errors import InputError
    from typeset.ingest import InputPolicy, load_issue

REPO = Path(__file__).resolve().parents[2]
SEEDS = [REPO / "issues" / "sample" / "issue.md", REPO / "tests" / "fixtures" / "tiny.md",
         *sorted((REPO / "tests" / "fixtures" / "ingest").glob("*.md")),
         *sorted((REPO / "issues" / "seed").glob("*.txt"))]
# Small limits, so that the size and pixel checks are reached by short inputs too.
FUZZ_LIMITS = Limits(max_input_mb=0.008, max_image_mp=0.02)


def make_folder() -> Path:
    root = Path(tempfile.mkdtemp(prefix="atheris-ingest-"))
    folder = root / "issue"
    (folder / "images").mkdir(parents=True)
    Image.new("RGB", (120, 80), (180, 90, 30)).save(folder / "images" / "ok.jpg", "JPEG")
    Image.new("L", (200, 200), 9).save(folder / "images" / "big.png")  # over FUZZ_LIMITS
    whole = (folder / "images" / "ok.jpg").read_bytes()
    (folder / "images" / "cut.jpg").write_bytes(whole[:len(whole) // 2])
    (folder / "images" / "x.jpg").write_text("not a photo")
    Image.new("L", (20, 20)).save(root / "outside.jpg", "JPEG")
    (folder / "link.jpg").symlink_to(root / "outside.jpg")
    return folder


FOLDER = make_folder()
ISSUE = FOLDER / "issue.md"


def test_one_input(data: bytes) -> None:
    if not data:
        return
    flags, data = data[0], data[1:]
    policy = InputPolicy(limits=FUZZ_LIMITS, layout_pages=8 if flags & 1 else None,
                         allow_outside_images=bool(flags & 2),
                         drop_bad_characters=bool(flags & 4))
    ISSUE.write_bytes(data)
    try:
        load_issue(ISSUE, policy)
    except InputError:
        pass


def main() -> None:
    args = sys.argv
    if "-seed_corpus" in args:
        args.remove("-seed_corpus")
        corpus = Path(args[-1])
        corpus.mkdir(parents=True, exist_ok=True)
        for n, seed in enumerate(SEEDS):
            (corpus / f"seed-{n:02d}").write_bytes(b"\x05" + seed.read_bytes())
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
