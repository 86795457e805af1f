"""Copy far beyond the pages' capacity (issue 11, "Unbounded run"): answered as overset with
every character reported, and with work that does not grow with the copy past the bounds
of layout/capacity.py — asserted on what the page solver is given, not on time."""

from __future__ import annotations

from dataclasses import replace

import pytest

from typeset.layout import engine, make_up
from typeset.layout.capacity import Capacity, within
from typeset.layout.headlines import Rank
from typeset.layout.modules import Copy
from typeset.layout.units import Unit, body_units
from typeset.model import Article, Paragraph, Source, Text
from tests.layout.conftest import SENTENCE

PARAGRAPHS = 4  # per article: never a brief (a brief is one paragraph)
SENTENCES = 5


@pytest.fixture(scope="module")
def small(tabloid):
    """The tabloid cut to two pages: its issue holds 912 body lines, so a few hundred
    articles are tens of times what it holds and still quick to compose."""
    return replace(tabloid, pages=2)


def articles(count: int) -> list[Article]:
    """`count` articles of PARAGRAPHS paragraphs, each body opening with its number."""
    src = Source("test.md", 1)
    return [Article(headline=f"第{k}条消息标题", source=src, blocks=[
        Paragraph((Text(f"第{k}号稿件。" * (p == 0) + SENTENCE * SENTENCES),), src)
        for p in range(PARAGRAPHS)]) for k in range(count)]


def body_text(a: Article) -> str:
    return "".join(t.text for b in a.blocks for t in b.inlines)


def count_for(pages: int, cfg, fonts) -> int:
    """How many articles set `pages` pages' worth of body lines."""
    per = len(body_units(articles(1)[0], cfg, fonts, None))
    return pages * Capacity.of(cfg).page // per


def made_up(monkeypatch, cfg, fonts, issue, count: int):
    """`count` articles all on page 2: the articles, the make-up, and per call of the page
    solver the pieces it was given."""
    seen: list[list] = []
    solve = engine.PageSolver.solve

    def spy(self, pieces):
        seen.append(list(pieces))
        return solve(self, pieces)

    monkeypatch.setattr(engine.PageSolver, "solve", spy)
    arts = articles(count)
    return arts, make_up(issue({2: arts}), cfg, fonts), seen


def test_copy_twenty_pages_deep_is_overset_with_every_character(small, fonts, issue,
                                                                monkeypatch):
    arts, mu, _ = made_up(monkeypatch, small, fonts, issue, count_for(20, small, fonts))
    placed = {p.article for p in mu.placements}
    over = {o.article: o for o in mu.overset}
    assert len(over) == len(mu.overset)  # one report per frame, never one per line
    assert all(k in placed or k in over for k in range(len(arts)))
    whole = [k for k in over if k not in placed]
    # Two pages hold at most two pages of lines: nearly all of it is over.
    assert len(whole) >= len(arts) - count_for(2, small, fonts)
    for k in whole:
        text = body_text(arts[k])
        assert (over[k].text, over[k].chars, over[k].page) == (text, len(text), 2)
        assert over[k].lines == len(body_units(arts[k], small, fonts, None))
    marks = [m for page in mu.layout.pages for m in page.overset]
    assert len(marks) == len(mu.overset)


def test_the_solver_weighs_the_same_copy_however_much_a_page_is_sent(small, fonts, issue,
                                                                     monkeypatch):
    cap = Capacity.of(small)
    per = len(body_units(articles(1)[0], small, fonts, None))
    given = []
    for pages in (10, 30):
        _, mu, seen = made_up(monkeypatch, small, fonts, issue, count_for(pages, small, fonts))
        assert mu.overset
        assert max(sum(len(p.units) for p in pieces) for pieces in seen) < cap.offered + per
        given.append(sorted(len(pieces) for pieces in seen))
    assert given[0] == given[1]


def copy_of(lines: int) -> Copy:
    return Copy([], 0, Rank.SMALL, [Unit(1)] * lines, [], [], [0])


def test_within_keeps_the_copy_that_crosses_the_bound_and_asks_for_no_more():
    asked = []

    def copies():
        for n in (40, 30, 50, 20):
            asked.append(n)
            yield copy_of(n)

    assert [len(c.body) for c in within(copies(), 60)] == [40, 30]
    assert asked == [40, 30]  # the third is never composed
    assert [len(c.body) for c in within([copy_of(10)], 60)] == [10]
