"""Real newspaper copy to build new issues from: the bundled sample's and seed's articles,
split into sentences and clauses, with the bylines, credits, banners and tables they use.

Everything here is read through the real ingest, so the generated copy holds exactly the
kinds of characters, punctuation and phrasing the typesetter meets in real issues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from typeset.model import Article, Byline, Figure, Issue, Paragraph, Style, Table, Text

from .volume import body_chars, sample_issue, seed_issue

# A brief (简讯) is a short item: fewer body characters than this.
BRIEF_MAX_CHARS = 220

# Sentence ends; a closing quote right after one belongs to the sentence.
_ENDS = "。！？"
_CLOSERS = "”’」』）)"
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "「": "」", "(": ")"}
# Clause breaks inside a sentence (headline material is cut at these).
_CLAUSE_BREAKS = "，；：、。！？"
_PAIR_BREAKS = "，；。！？"
# Characters Markdown would read as markup, or the ingest as a teaser: such sentences are
# left out so the generated copy means exactly its text.
_MARKUP = re.compile(r"[*_`#|<>\[\]\\]|详见")
# A paragraph must not open like a list item ("1. ", "- ").
_LIST_START = re.compile(r"^(?:\d+[.)]\s|[-+]\s)")
# A clause starting with a conjunction or adverb reads as a fragment, not a headline.
_WEAK_START = (*"而但并且也还又就及与和或即则据（(", "自", "从", "随着", "截至", "对于", "为了")
# Nor does one ending in a time or circumstance ("自今年4月推行以来").
_WEAK_END = ("以来", "时", "中", "后", "期间", "之际", "来看", "看来", "方面", "的", "了")
# A clause ending in a verb of saying introduces a quote: no headline either.
_SAYING = ("表示", "介绍", "说", "认为", "指出", "告诉记者", "显示", "透露", "强调", "称", "提醒")
_REPORTER = re.compile(r"记者|通讯员")
_NUMBER_UNIT = re.compile(r"\d[\d,.]*\s?(?:万|亿|%|％|个|人|家|件|元|吨|公里|米|座|项|辆|场|所|户|名|次)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NAME = r"(?!记者|通讯员|实习生)(?:[\u4e00-\u9fff]{2,3}(?![\u4e00-\u9fff])|[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff]))"
_NAMES_AFTER_ROLE = re.compile(rf"(?:记者|通讯员|实习生|□)\s*({_NAME}(?: {_NAME})*)")
_ONE_NAME = re.compile(_NAME)


@dataclass(frozen=True)
class Donor:
    """One real article's text, the material of a generated article's copy and heads."""

    sentences: tuple[str, ...]
    clauses: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]  # clauses that follow each other in a sentence


@dataclass(frozen=True)
class TableTemplate:
    """A real table: its header, alignment, and the values seen in each column."""

    header: tuple[str, ...]
    align: tuple[str, ...]
    columns: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Corpus:
    """All the material: donors, byline templates ("{}" where a name goes), names,
    photo credit templates, column banners, and table templates."""

    donors: tuple[Donor, ...]
    datelines: tuple[str, ...]
    standalone_bylines: tuple[str, ...]
    names: tuple[str, ...]
    credits: tuple[str, ...]
    banners: tuple[str, ...]
    brief_banners: tuple[str, ...]
    teaser_banners: tuple[str, ...]
    tables: tuple[TableTemplate, ...]


def balanced(text: str) -> bool:
    """True when every opening quote or bracket in `text` is closed in it, in order."""
    stack: list[str] = []
    for c in text:
        if c in _PAIRS:
            stack.append(_PAIRS[c])
        elif c in _PAIRS.values():
            if not stack or stack.pop() != c:
                return False
    return not stack


def split_sentences(text: str) -> list[str]:
    """Cut running text after each sentence end that is not inside quotes or brackets."""
    out, start, depth = [], 0, 0
    i = 0
    while i < len(text):
        c = text[i]
        if c in _PAIRS:
            depth += 1
        elif c in _PAIRS.values():
            depth = max(0, depth - 1)
        if c in _ENDS:
            j = i + 1
            while j < len(text) and (text[j] in _ENDS or text[j] in _CLOSERS):
                if text[j] in _CLOSERS:
                    depth = max(0, depth - 1)
                j += 1
            if depth == 0:
                out.append(text[start:j].strip())
                start = j
            i = j
            continue
        i += 1
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def split_clauses(sentence: str, breaks: str = _CLAUSE_BREAKS) -> list[str]:
    """The sentence's clauses (cut at `breaks`, commas and the like, outside quotes),
    without the punctuation that ends them."""
    out, start, depth = [], 0, 0
    for i, c in enumerate(sentence):
        if c in _PAIRS:
            depth += 1
        elif c in _PAIRS.values():
            depth = max(0, depth - 1)
        elif c in breaks and depth == 0:
            out.append(sentence[start:i])
            start = i + 1
    out.append(sentence[start:])
    return [c.strip().strip(_CLAUSE_BREAKS) for c in out if c.strip()]


def _usable_sentence(sentence: str) -> bool:
    return (len(sentence) >= 8 and sentence[-1] in _ENDS + _CLOSERS and balanced(sentence)
            and not _MARKUP.search(sentence) and not _LIST_START.match(sentence)
            and sentence[0] not in _ENDS + _CLOSERS + "，、；：")


def _usable_clause(clause: str) -> bool:
    han = len(_HAN.findall(clause))
    return (len(clause) >= 4 and han >= 0.6 * len(clause) and balanced(clause)
            and not clause.startswith(_WEAK_START) and not clause.endswith(_SAYING + _WEAK_END)
            and not any(c in clause for c in _ENDS) and not _REPORTER.search(clause)
            and not _MARKUP.search(clause))


def _running_text(paragraph: Paragraph) -> str:
    """A paragraph's own words: its run-in dateline left out."""
    return "".join(i.text for i in paragraph.inlines
                   if isinstance(i, Text) and i.style is not Style.BYLINE)


def _donor(article: Article) -> Donor | None:
    sentences: list[str] = []
    for block in article.blocks:
        # a paragraph with hard line breaks is verse: its lines are no sentences
        if isinstance(block, Paragraph) and "\n" not in block.text:
            sentences += [s for s in split_sentences(_running_text(block))
                          if _usable_sentence(s)]
    if not sentences:
        return None
    clauses = tuple(c for s in sentences for c in split_clauses(s) if _usable_clause(c))
    # two-clause heads from clauses a comma joins (those a 、 joins are parts of a list)
    split = [split_clauses(s, _PAIR_BREAKS) for s in sentences]
    pairs = tuple((a, b) for cs in split for a, b in zip(cs, cs[1:])
                  if _usable_clause(a) and _usable_clause(b))
    return Donor(tuple(sentences), clauses, pairs)


def is_teaser(article: Article) -> bool:
    return article.teaser_page is not None


def _template(byline: str) -> tuple[str, tuple[str, ...]]:
    """A byline with its names cut out ("本报讯（记者 {} 通讯员 {}）") and the names."""
    names: list[str] = []

    def cut(m: re.Match) -> str:
        group = m.group(1)
        found = _ONE_NAME.findall(group)
        names.extend(found)
        return m.group(0)[:m.start(1) - m.start(0)] + " ".join("{}" for _ in found)

    return _NAMES_AFTER_ROLE.sub(cut, byline), tuple(names)


def _tables(issues: list[Issue]) -> tuple[TableTemplate, ...]:
    out = []
    for issue in issues:
        for article in issue.articles:
            for block in article.blocks:
                if isinstance(block, Table) and block.rows:
                    columns = tuple(tuple(row[n] for row in block.rows if n < len(row))
                                    for n in range(len(block.header)))
                    out.append(TableTemplate(block.header, block.align, columns))
    return tuple(out)


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def build_corpus(issues: list[Issue]) -> Corpus:
    """The material of the given ingested issues (see Corpus)."""
    articles = [a for issue in issues for a in issue.articles]
    donors = tuple(d for a in articles if not is_teaser(a) and (d := _donor(a)) is not None)
    datelines, standalone, names = [], [], []
    for article in articles:
        for block in article.blocks:
            if isinstance(block, Byline):
                template, found = _template(block.text)
                standalone.append(template)
                names += found
                break
            if isinstance(block, Paragraph):
                first = block.inlines[0] if block.inlines else None
                if isinstance(first, Text) and first.style is Style.BYLINE:
                    template, found = _template(first.text.strip())
                    datelines.append(template)
                    names += found
                break
    credits = []
    for article in articles:
        for block in article.blocks:
            if isinstance(block, Figure) and block.credit:
                template, found = _template(block.credit)
                credits.append(template)
                names += found
    banners = [a.banner for a in articles if a.banner and not is_teaser(a)]
    briefs = [a.banner for a in articles
              if a.banner and not is_teaser(a) and 0 < body_chars(a) < BRIEF_MAX_CHARS]
    return Corpus(
        donors=donors,
        datelines=_unique(datelines), standalone_bylines=_unique(standalone),
        names=_unique(names), credits=_unique(credits),
        banners=_unique(b for b in banners if b not in briefs),
        brief_banners=_unique(briefs),
        teaser_banners=_unique(a.banner for a in articles if is_teaser(a) and a.banner),
        tables=_tables(issues))


@lru_cache(maxsize=None)
def load_corpus() -> Corpus:
    """The corpus of the bundled sample and seed (built once per process)."""
    return build_corpus([sample_issue(), seed_issue()])
