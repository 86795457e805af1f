"""The filler pool in the make-up: fillers go only into holes, the one that fills a hole best
without running out of it, never over copy; a house ad is cropped within the layout's crop
range; fillers no hole takes are named in one warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from typeset.layout import make_up
from typeset.layout.engine import _copies
from typeset.layout.fillers import fill_holes
from typeset.layout.modules import Piece, Planner
from typeset.layout.placement import PageSolution, Region, Slot, gap
from typeset.layout.report import layout_report
from typeset.model import Article, Figure, Source

TOP = 10  # the region's first free row in these pages (under a running head)
SPAN = 3  # the hole's columns


@pytest.fixture(scope="module")
def planner(cfg, fonts) -> Planner:
    return Planner(cfg, fonts, None)


def _filler(article: Article) -> Article:
    article.filler = True
    return article


def _pieces(fillers: list[Article], cfg, fonts, planner) -> list[Piece]:
    """The pool composed as the engine composes it: each filler alone."""
    return [Piece(next(_copies([f], {id(f): 100 + k}, cfg, fonts, None, planner)))
            for k, f in enumerate(fillers)]


def _page(hole: tuple[int, int, int, int], rows: int, planner, cfg, fonts, article
          ) -> PageSolution:
    """A page with one module (copy above the hole's columns) and the one hole."""
    lead = _pieces([article("头条", 1, 1)], cfg, fonts, planner)[0]
    slot = Slot(planner.plan(lead, cfg.page.columns), 0, TOP)
    return PageSolution(0.0, [slot], [], cfg.page.columns, [hole], [], [])


def _rows(cfg) -> int:
    return cfg.grid.lines_in(cfg.page.area_height)


def test_the_hole_gets_the_filler_that_fills_it_best_and_none_that_would_overflow(
        cfg, fonts, article, planner):
    small, medium, large = (_filler(article(f"补白{n}", 1, n)) for n in (1, 3, 12))
    pieces = _pieces([small, medium, large], cfg, fonts, planner)
    depth = [planner.plan(p, SPAN).depth for p in pieces]
    assert depth[0] < depth[1] < depth[2]
    rows = _rows(cfg)
    # room for the medium one and its rule row, two rows to spare: not for the large one
    hole = (2, rows - depth[1] - 3, SPAN, depth[1] + 3)
    fit = fill_holes({1: _page(hole, rows, planner, cfg, fonts, article)},
                     {1: Region((TOP,) * cfg.page.columns, rows)}, pieces, planner, cfg)
    assert [f.filler for f in fit.placed] == [1]
    slot = fit.placed[0].slot
    col, row, span, hole_rows = hole
    assert (slot.col, slot.plan.span) == (col, span)
    # inside the hole, under the rule over it (a white row, or its headline's top padding)
    assert row + gap(slot.plan, 0, True) == slot.row
    assert slot.row + slot.plan.depth <= row + hole_rows
    # what it leaves is too shallow for the small one, and stays a hole at the foot
    assert fit.unused == [0, 2]
    (left,) = fit.solutions[1].holes
    assert left[0] == col and left[1] + left[3] == row + hole_rows and left[3] < depth[0] + 1


def test_a_deep_hole_takes_two_fillers_one_under_the_other(cfg, fonts, article, planner):
    pieces = _pieces([_filler(article(f"补白{n}", 1, 2)) for n in range(2)], cfg, fonts,
                     planner)
    depth = planner.plan(pieces[0], SPAN).depth
    rows = _rows(cfg)
    hole = (0, rows - 2 * (depth + 1) - 1, SPAN, 2 * (depth + 1) + 1)
    fit = fill_holes({1: _page(hole, rows, planner, cfg, fonts, article)},
                     {1: Region((TOP,) * cfg.page.columns, rows)}, pieces, planner, cfg)
    first, second = sorted((f.slot for f in fit.placed), key=lambda s: s.row)
    assert first.row + first.plan.depth + gap(second.plan, 1, True) == second.row
    assert fit.unused == []


def test_a_page_without_copy_takes_no_filler(cfg, fonts, article, planner):
    rows = _rows(cfg)
    pieces = _pieces([_filler(article("补白", 1, 1))], cfg, fonts, planner)
    empty = PageSolution(0.0, [], [], 0, [(0, TOP, cfg.page.columns, rows - TOP)], [], [])
    fit = fill_holes({2: empty}, {2: Region((TOP,) * cfg.page.columns, rows)}, pieces,
                     planner, cfg)
    assert fit.placed == [] and fit.unused == [0]


@pytest.fixture
def ad(tmp_path: Path):
    """A house ad: a 1600 × 1000 px picture alone (natural depth 0.625 × its width)."""
    image = tmp_path / "ad.png"
    Image.new("RGB", (1600, 1000), (180, 40, 40)).save(image)
    src = Source("test.md", 1)
    return Article(None, src, blocks=[Figure(image, "欢迎订阅本报", "本报发行部", src)],
                   filler=True)


def test_a_house_ad_spans_the_hole_and_is_cropped_within_the_crop_range(cfg, fonts, article,
                                                                       planner, ad):
    (piece,) = _pieces([ad], cfg, fonts, planner)
    photo = piece.copy.photos[0]
    allowed = photo.rows_range(cfg.page.span_width(4), cfg, cfg.copyfit.crop)
    rows = _rows(cfg)
    for depth in (allowed[0] + 3, allowed[-1] + 20):  # shallower than natural; much deeper
        hole = (4, rows - depth, 4, depth)
        fit = fill_holes({1: _page(hole, rows, planner, cfg, fonts, article)},
                         {1: Region((TOP,) * cfg.page.columns, rows)}, [piece], planner, cfg)
        (placed,) = fit.placed
        columns, photo_rows = placed.slot.plan.photo
        assert columns == 4 and photo_rows in allowed
        assert placed.slot.row + placed.slot.plan.depth <= rows
    # a hole shallower than the deepest crop allows is left white
    hole = (4, rows - allowed[0], 4, allowed[0])
    fit = fill_holes({1: _page(hole, rows, planner, cfg, fonts, article)},
                     {1: Region((TOP,) * cfg.page.columns, rows)}, [piece], planner, cfg)
    assert fit.placed == [] and fit.unused == [0]


def _overlap(a, b, eps: float = 1e-6) -> bool:
    """Do the boxes share area? (Boxes that only touch, one under the other, do not: their
    edges are sums of the same row pitch, equal up to rounding.)"""
    return (a.x < b.x + b.width - eps and b.x < a.x + a.width - eps
            and a.y < b.y + b.height - eps and b.y < a.y + a.height - eps)


def test_fillers_fill_holes_of_a_made_up_issue_and_never_cover_copy(cfg, fonts, article,
                                                                   issue):
    pages = {1: [article("头条新闻", 6, 6), article("第二条", 2, 4)],
             2: [article("二版头条", 8, 6), article("二版消息", 3, 4)]}
    bare = make_up(issue(pages), cfg, fonts)
    with_pool = issue(pages)
    too_deep = _filler(article("长得放不下的补白", 60, 8))
    with_pool.fillers = [_filler(article(f"小知识{n}", 1, 2)) for n in range(3)] + [too_deep]
    mu = make_up(with_pool, cfg, fonts)
    assert mu.fillers and all(f.filler < 3 for f in mu.fillers)
    for f in mu.fillers:
        assert not any(_overlap(f.box, p.box) for p in mu.placements if p.page == f.page)
        assert not any(_overlap(f.box, g.box) for g in mu.fillers
                       if g is not f and g.page == f.page)
        assert f.box.y + f.box.height <= cfg.page.area_y + cfg.page.area_height + 1e-6
    # the articles stand where they stood without the pool
    assert [(p.page, p.box) for p in mu.placements] == [(p.page, p.box) for p in bare.placements]
    assert all(mu.fill[n] > bare.fill[n] for n in {f.page for f in mu.fillers})
    (warning,) = [w for w in mu.warnings if "fillers not placed" in w]
    assert "“长得放不下的补白”" in warning and "小知识" not in warning
    report = layout_report(mu)["fillers"]
    assert report["unused"] == ["filler “长得放不下的补白”"]
    assert [(f["page"], f["label"]) for f in report["placed"]] == \
        [(f.page, f.label) for f in mu.fillers]


def test_an_issue_without_fillers_is_made_up_as_before(cfg, fonts, article, issue):
    mu = make_up(issue({1: [article("头条新闻", 2, 4)]}), cfg, fonts)
    assert mu.fillers == [] and mu.unused_fillers == []
    assert not any("fillers not placed" in w for w in mu.warnings)
