"""Write one test issue of a case: pages shaped like the model's (its stories per page and
their lengths, jittered), filled with the model's own sentences recombined into new
paragraphs, its headlines, photos and tables."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from ..model import Figure, Table
from .cases import Case
from .corpus import Corpus, PageShape, read_corpus

# Paragraph lengths (characters) a story's body is cut into, as in a daily's news copy.
PARAGRAPH_CHARS = (60, 240)
BRIEF_CHARS = (90, 210)  # a brief's one paragraph (the engine's brief limit is 220)
MIN_STORY = 150  # the shortest story a page gets


def write_issue(case: Case, seed: int, dest: Path, corpus: Corpus | None = None) -> Path:
    """Write `dest`/issue.md (and `dest`/images) for `case` and `seed`; the same pair
    always gives the same issue. Returns the issue's path."""
    corpus = corpus or read_corpus()
    rng = random.Random(f"{case.name}/{seed}")
    dest.mkdir(parents=True, exist_ok=True)
    shapes = corpus.pages[:1] if case.front_only else corpus.pages
    targets = _page_targets(shapes, case, rng, corpus.chars)
    plans = [_stories(shape, target, rng) for shape, target in zip(shapes, targets)]
    inner = list(range(1, len(plans)))
    if case.long_page and inner:
        plans[rng.choice(inner)] = [case.long_page]
    briefs_at = rng.choice(inner) if case.briefs and inner else None
    if case.move and len(inner) > 1:
        k = rng.choice([p for p in inner if 0 < p + case.move < len(plans)])
        if len(plans[k]) > 2:
            story = plans[k].pop()
            plans[k + case.move].append(story)
    heads = list(corpus.headlines)
    rng.shuffle(heads)
    images = dest / "images"
    out = [_front_matter(corpus)]
    for p, (shape, lengths) in enumerate(zip(shapes, plans)):
        out.append(f"<!-- page {shape.number} | {shape.section} | 责任编辑：{shape.editor} -->\n")
        photos = _count(shape.photos * case.photos, rng)
        with_photo = set(rng.sample(range(len(lengths)), min(photos, len(lengths))))
        table = case.tables and p % 2 == 1 and corpus.tables
        for s, chars in enumerate(lengths):
            head = heads[(p * 31 + s) % len(heads)]
            if s == 0 and corpus.kickers and rng.random() < 0.3:
                out.append(f"### {rng.choice(corpus.kickers)}")
            out.append(f"## {head}\n")
            paras = _paragraphs(corpus, chars, rng)
            if s in with_photo:
                out.append(_photo(rng.choice(corpus.photos), images))
            for k, para in enumerate(paras):
                out.append(para + "\n")
                if table and s == 0 and k == 0:
                    out.append(_table(rng.choice(corpus.tables)))
        if p == briefs_at:
            out.append("#### 简讯")
            for b in range(case.briefs):
                out.append(f"## {heads[(p * 31 + 17 + b) % len(heads)]}\n")
                out.append(_paragraphs(corpus, rng.randint(*BRIEF_CHARS), rng,
                                       BRIEF_CHARS)[0] + "\n")
    path = dest / "issue.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _page_targets(shapes: tuple[PageShape, ...], case: Case, rng: random.Random,
                  model_chars: int) -> list[int]:
    """Body characters per page: the model page's, jittered by ±spread, scaled so that
    the pages hold `volume` of the model's copy (of its page 1 alone for a front page)."""
    raw = [s.chars * rng.uniform(1 - case.spread, 1 + case.spread) for s in shapes]
    total = case.volume * (shapes[0].chars if case.front_only else model_chars)
    return [round(r * total / sum(raw)) for r in raw]


def _stories(shape: PageShape, target: int, rng: random.Random) -> list[int]:
    """Story lengths for a page: as many as the model page has (one more or fewer), the
    first the longest, summing to `target`."""
    n = max(2, len(shape.lengths) + rng.choice((-1, 0, 0, 1)))
    weights = sorted((rng.lognormvariate(0, 0.6) for _ in range(n)), reverse=True)
    weights[0] *= 1.5  # the lead
    lengths = [max(MIN_STORY, round(w * target / sum(weights))) for w in weights]
    return lengths


def _count(expected: float, rng: random.Random) -> int:
    """`expected` rounded up or down at random, so that fractions average out."""
    whole = int(expected)
    return whole + (rng.random() < expected - whole)


def _paragraphs(corpus: Corpus, chars: int, rng: random.Random,
                sizes: tuple[int, int] = PARAGRAPH_CHARS) -> list[str]:
    """Paragraphs of real sentences adding up to about `chars` characters."""
    out, para, total = [], "", 0
    want = rng.randint(*sizes)
    while total < chars:
        sentence = rng.choice(corpus.sentences)
        para += sentence
        total += len(sentence)
        if len(para) >= min(want, sizes[1]):
            out.append(para)
            para, want = "", rng.randint(*sizes)
    if para or not out:
        out.append(para or rng.choice(corpus.sentences))
    return out


def _photo(figure: Figure, images: Path) -> str:
    """The Markdown of a photo, its file copied beside the issue."""
    images.mkdir(exist_ok=True)
    assert figure.image is not None
    target = images / figure.image.name
    if not target.exists():
        shutil.copyfile(figure.image, target)
    return f'![{figure.caption}](images/{target.name} "{figure.credit}")\n'


def _table(table: Table) -> str:
    """A GFM table."""
    marks = {"left": "---", "right": "---:", "center": ":---:"}
    rows = [table.header, tuple(marks.get(a, "---") for a in table.align), *table.rows]
    return "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n"


def _front_matter(corpus: Corpus) -> str:
    return corpus.front_matter + "\n"
