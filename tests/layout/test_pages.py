"""Pages: the line grid, no overlaps, everything inside the type area, rules between
modules, briefs, the tabloid layout."""

from __future__ import annotations

import itertools

import pytest

from typeset.layout import make_up
from typeset.layout.units import grid_baseline


@pytest.fixture(scope="module")
def busy(cfg, fonts, article, issue):
    """Two pages of stories of mixed length: enough copy to fill them."""
    arts1 = [article("第一条消息头条新闻", 14, 8)] + [article(f"第{n}条消息", 4 + n % 3, 5)
                                                  for n in range(2, 9)]
    arts2 = [article("第二版头条新闻标题", 12, 8)] + [article(f"二版第{n}条", 3 + n % 4, 6)
                                                 for n in range(2, 10)]
    return make_up(issue({1: arts1, 2: arts2}), cfg, fonts)


def boxes(mu, page):
    return [p.box for p in mu.placements if p.page == page]


def test_every_body_baseline_sits_on_the_page_grid(busy, cfg):
    g = cfg.page
    base = grid_baseline(cfg, cfg.grid.body_size)
    for page in busy.layout.pages[:2]:
        inside = boxes(busy, page.number)
        body = [tl for tl in page.lines if tl.line.size == cfg.grid.body_size
                and any(b.y < tl.baseline < b.y + b.height and b.x <= tl.x < b.x + b.width
                        for b in inside)]
        assert body
        for tl in body:
            rows = (tl.baseline - g.area_y - base) / cfg.grid.pitch
            assert rows == pytest.approx(round(rows), abs=1e-6), tl.line.text


def test_modules_never_overlap_and_stay_inside_the_type_area(busy, cfg):
    g = cfg.page
    for n in (1, 2):
        page_boxes = boxes(busy, n)
        for b in page_boxes:
            assert g.area_x - 1e-6 <= b.x and b.x + b.width <= g.area_x + g.area_width + 1e-6
            assert g.area_y - 1e-6 <= b.y and b.y + b.height <= g.area_y + g.area_height + 1e-6
        for a, b in itertools.combinations(page_boxes, 2):
            assert (a.x + a.width <= b.x + 1e-6 or b.x + b.width <= a.x + 1e-6
                    or a.y + a.height <= b.y + 1e-6 or b.y + b.height <= a.y + 1e-6)


def test_the_lead_is_top_left_across_at_least_four_columns(busy, cfg):
    for n in (1, 2):
        first = [p for p in busy.placements if p.page == n][0]
        assert first.variant["rank"] == "lead" and first.columns >= 4
        assert first.box.x == pytest.approx(cfg.page.area_x)
        assert min(b.y for b in boxes(busy, n)) == pytest.approx(first.box.y)


def test_modules_fill_the_page_without_a_large_hole(busy):
    assert busy.fill[1] >= 0.98 and busy.fill[2] >= 0.98


def test_rules_separate_the_modules(busy):
    page = busy.layout.pages[1]
    horizontal = [r for r in page.rules if r.y0 == r.y1]
    vertical = [r for r in page.rules if r.x0 == r.x1]
    assert len(horizontal) >= 3 and len(vertical) >= 1


def test_short_items_in_a_run_become_one_module_of_briefs_with_run_in_headlines(cfg, fonts,
                                                                                  article, issue):
    briefs = [article(f"简讯标题{n}", 1, 2) for n in range(4)]
    mu = make_up(issue({1: [article("头条新闻标题", 12, 8)], 2: [article("二版头条", 10, 8),
                                                              *briefs]}), cfg, fonts)
    placed = [p for p in mu.placements if p.headline.startswith("简讯标题")]
    assert len({(p.page, p.box) for p in placed}) == 1  # one module holds them all
    text = "".join(tl.line.text for tl in mu.layout.pages[1].lines)
    assert all(f"简讯标题{n}　" in text for n in range(4))


def test_the_tabloid_layout_has_its_own_columns_and_trim(tabloid, fonts, article, issue):
    mu = make_up(issue({1: [article("头条新闻标题", 8, 6), article("第二条消息", 4)]}),
                 tabloid, fonts)
    assert mu.layout.width == pytest.approx(tabloid.page.width)
    for p in mu.placements:
        assert p.columns <= tabloid.page.columns
        assert p.box.x + p.box.width <= tabloid.page.area_x + tabloid.page.area_width + 1e-6
