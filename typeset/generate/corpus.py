"""The material test issues are made of: real copy from a model issue (by default the
bundled sample), read with the real ingest stage, cut into sentences, headlines, photos
and tables, and the model's shape per page (how many stories, how much copy, photos)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..ingest import load_issue
from ..model import Figure, Paragraph, Table

# The bundled sample: the model a generated issue's volume and spread are measured on.
SAMPLE = Path(__file__).resolve().parents[2] / "issues" / "sample" / "issue.md"
# A sentence ends at a stop mark, and the closing quote that may follow it.
_SENTENCE = re.compile(r"[^。！？]*[。！？][”’」』）]?")


@dataclass(frozen=True)
class PageShape:
    """One page of the model: its section and editor, its stories' body lengths
    (characters, in page order) and how many photos and tables it has."""

    number: int
    section: str
    editor: str
    lengths: tuple[int, ...]
    photos: int
    tables: int

    @property
    def chars(self) -> int:
        """Body characters on the page."""
        return sum(self.lengths)


@dataclass(frozen=True)
class Corpus:
    """Sentences, headlines (with kickers), photos and tables of the model issue, and its
    pages' shapes."""

    front_matter: str
    sentences: tuple[str, ...]
    headlines: tuple[str, ...]
    kickers: tuple[str, ...]
    photos: tuple[Figure, ...]
    tables: tuple[Table, ...]
    pages: tuple[PageShape, ...]

    @property
    def chars(self) -> int:
        """The model's body characters: the volume a generated issue is scaled against."""
        return sum(p.chars for p in self.pages)


def read_corpus(model: Path = SAMPLE) -> Corpus:
    """The corpus of `model` (an issue in the structured dialect)."""
    issue = load_issue(model)
    text = model.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0] + "\n---\n" if text.startswith("---") else ""
    sentences: list[str] = []
    heads, kickers, photos, tables, shapes = [], [], [], [], []
    for page in issue.pages:
        lengths = []
        n_photos = n_tables = 0
        for a in page.articles:
            if a.teaser_page is not None:
                continue
            if a.headline:
                heads.append(a.headline)
            if a.kicker:
                kickers.append(a.kicker)
            body = 0
            for b in a.blocks:
                if isinstance(b, Paragraph):
                    body += len(b.text)
                    sentences += [s for s in _SENTENCE.findall(b.text) if len(s) >= 8]
                elif isinstance(b, Figure) and b.image is not None:
                    photos.append(b)
                    n_photos += 1
                elif isinstance(b, Table):
                    tables.append(b)
                    n_tables += 1
            lengths.append(body)
        shapes.append(PageShape(page.number, page.section, page.editor, tuple(lengths),
                                n_photos, n_tables))
    return Corpus(front, tuple(dict.fromkeys(sentences)), tuple(dict.fromkeys(heads)),
                  tuple(dict.fromkeys(kickers)), tuple(photos), tuple(tables), tuple(shapes))
