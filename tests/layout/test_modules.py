"""Article modules: balanced columns, whole grid rows, headline sizes by rank."""

from __future__ import annotations

import pytest

from typeset.layout.headlines import Rank
from typeset.layout.modules import Copy, Piece, Planner, balance
from typeset.layout.units import body_units
from typeset.model import Source, Table


def test_columns_are_balanced_only_the_last_ones_short_by_one_line():
    for n in range(1, 60):
        for k in range(2, 6):
            depth, cols = balance(n, [0] * k, [False] * n)
            counts = [b - a for _, a, b in cols]
            assert sum(counts) == n
            assert max(counts) == depth == -(-n // k)
            assert all(c in (depth, depth - 1) for c in counts)
            assert counts == sorted(counts, reverse=True)  # short columns come last


def test_a_keep_with_next_unit_never_ends_a_column():
    keeps = [False] * 20
    keeps[9] = True  # a subhead that would end the first of two columns
    _, cols = balance(20, [0, 0], keeps)
    assert all(not keeps[b - 1] for _, a, b in cols[:-1] if b > a)
    assert cols[-1][2] == 20


def test_columns_under_a_photo_start_lower_and_the_text_still_fits():
    depth, cols = balance(30, [10, 10, 0], [False] * 30)
    assert [c[0] for c in cols] == [10, 10, 0]
    assert sum(b - a for _, a, b in cols) == 30
    assert depth == max(s + b - a for s, a, b in cols)


def test_a_module_is_whole_rows_and_sets_every_body_line(cfg, fonts, article):
    art = article("社区食堂覆盖全市", 5)
    copy = Copy([art], 0, Rank.SECOND, body_units(art, cfg, fonts, None), [], [], [0])
    planner = Planner(cfg, fonts, None)
    for span in (2, 3, 4):
        plan = planner.plan(Piece(copy), span)
        assert plan.lines == len(copy.body)
        assert all(run.row == plan.head.rows for run in plan.columns)
        assert plan.depth == max(run.foot for run in plan.columns)


def test_the_lead_headline_is_larger_than_a_second_story_and_a_small_item(cfg, fonts,
                                                                           article):
    art = article("社区食堂覆盖全市", 2)
    planner = Planner(cfg, fonts, None)
    sizes = {}
    for rank in Rank:
        copy = Copy([art], 0, rank, body_units(art, cfg, fonts, None), [], [], [0])
        sizes[rank] = planner.head(Piece(copy), 6).size
    assert sizes[Rank.LEAD] >= cfg.sizes.headline_lead > sizes[Rank.SECOND] >= \
        cfg.sizes.headline > sizes[Rank.SMALL]
    assert cfg.sizes.headline_lead <= sizes[Rank.LEAD] <= cfg.sizes.headline_lead_max


def test_a_table_stands_after_the_text_before_it_and_before_the_text_after_it(cfg, fonts,
                                                                            article):
    """Reading a module's columns left to right, band by band, meets the table where the
    copy has it."""
    art = article("前10个月经济运行", 4)
    table = Table(("指标", "数值"), (("地区生产总值", "8,400亿元"),), ("", ""), Source("t.md", 1))
    art.blocks.insert(2, table)  # after the second paragraph
    at: list[int] = []
    body = body_units(art, cfg, fonts, None, places=at)
    copy = Copy([art], 0, Rank.SECOND, body, [], [table], [0], places=((at[0], "table", 0),))
    plan = Planner(cfg, fonts, None).plan(Piece(copy), 3)
    (box,) = plan.inserts
    before = [r for r in plan.columns if r.b <= at[0]]
    after = [r for r in plan.columns if r.a >= at[0]]
    assert len(before) + len(after) == len(plan.columns)  # no column runs across the table
    assert before and max(r.foot for r in before) < box.row
    assert after and min(r.row for r in after) >= box.row + box.rows


def test_a_module_with_several_short_columns_is_balanced_by_longer_paragraphs(cfg, fonts,
                                                                             article):
    """Paragraphs set a line longer leave only the last column short, by one line at most;
    the module keeps its depth and every line of its text, in order."""
    planner = Planner(cfg, fonts, None)
    for paragraphs in range(3, 16):
        art = article("社区食堂覆盖全市", paragraphs, 2 + paragraphs % 3)
        copy = Copy([art], 0, Rank.SECOND, body_units(art, cfg, fonts, None), [], [], [0])
        plan = planner.plan(Piece(copy), 5)
        if plan.short_bands():
            break
    assert plan.short_bands(), "no fixture module with short columns"
    fixed = planner.balanced(plan)
    assert fixed.short_bands() == [] and fixed.depth == plan.depth
    counts = sorted((r.b - r.a for r in fixed.columns), reverse=True)
    assert counts[-1] >= counts[0] - 1 and counts[:-1] == [counts[0]] * (len(counts) - 1)

    def text(units):
        return "".join(pl.line.text for u in units for pl in u.lines)
    assert text(fixed.units) == text(plan.units)
    assert sorted((r.a, r.b) for r in fixed.columns)[-1][1] == len(fixed.units)


def test_a_photo_with_too_few_pixels_for_two_columns_is_offered_at_two(cfg, fonts, article):
    """brick.jpg (512 px) is under 170 ppi at two columns: it is still offered there, at
    no taller a crop than its width allows, and at one column only as the fallback the
    fitness function charges for."""
    from pathlib import Path

    from typeset.layout.inserts import photos_of
    from typeset.model import Figure

    from dataclasses import replace

    cfg = replace(cfg, photo=replace(cfg.photo, min_columns=2))
    image = Path(__file__).resolve().parents[2] / "issues" / "sample" / "images" / "brick.jpg"
    art = article("太平街青砖老路焕新归来", 4)
    art.blocks.append(Figure(image, "青砖路面。", "本报记者 摄", Source("test.md", 1)))
    photos = photos_of(art)
    copy = Copy([art], 0, Rank.SECOND, body_units(art, cfg, fonts, None), photos, [], [0])
    options = Planner(cfg, fonts, None).photo_options(Piece(copy), 4)
    g, pitch = cfg.page, cfg.grid.pitch
    two = [(c, r) for c, r in options if c == cfg.photo.min_columns]
    assert two and not any(photos[0].sharp(g.span_width(c), r * pitch, 170) for c, r in two)
    width_ppi = photos[0].pixels[0] / (g.span_width(2) / 72)
    assert all(photos[0].ppi(g.span_width(c), r * pitch) >= width_ppi - 1e-6 for c, r in two)
    assert {c for c, _ in options} == {1, 2}


def test_a_photo_straight_after_another_stacks_under_it_as_wide_at_its_own_proportions(
        cfg, fonts, article):
    """A landscape photo then a portrait one, with no text between: the second is as wide
    as the first and as deep as its own proportions make it (cropped alike), under the
    first; the columns beside both carry text from the photos' top."""
    from pathlib import Path

    from typeset.layout.inserts import Photo
    from typeset.model import Figure

    art = article("老厂房变身文创园区", 8)
    figures = [Figure(Path(f"p{k}.jpg"), f"图片说明{k}。", "本报记者 摄", Source("t.md", 1))
               for k in (1, 2)]
    photos = [Photo(figures[0], 0.75), Photo(figures[1], 1.5)]  # landscape, portrait
    copy = Copy([art], 0, Rank.SECOND, body_units(art, cfg, fonts, None), photos, [], [0],
                places=((0, "photo", 0), (0, "photo", 1)))
    planner = Planner(cfg, fonts, None)
    plan = planner.plan(Piece(copy), 4, (2, 10))
    first, second = plan.inserts
    assert (first.col, first.span, first.rows) == (0, 2, 10)
    natural = cfg.page.span_width(2) * 1.5 / cfg.grid.pitch
    first_natural = cfg.page.span_width(2) * 0.75 / cfg.grid.pitch
    assert second.span == 2 and second.rows == round(natural * 10 / first_natural)
    assert second.row == first.row + first.rows + len(first.caption)
    beside = [r for r in plan.columns if r.col >= 2]
    assert beside and min(r.row for r in beside) == first.row


def test_a_photo_spans_up_to_max_columns_and_on_a_page_with_holes_up_to_the_under_width(
        cfg, fonts, article, tmp_path):
    """At 8 columns a 3,000 px photo (sharp at any width) is offered at most [photo]
    max_columns wide; the under ladder's photos step (wide) offers it up to
    max_columns_under, never the module's whole width."""
    from PIL import Image

    from typeset.layout.inserts import photos_of
    from typeset.model import Figure

    image = tmp_path / "wide.jpg"
    Image.new("L", (3000, 2000), 128).save(image)
    art = article("深空图像公开展出", 6)
    art.blocks.append(Figure(image, "深空。", "本报记者 摄", Source("test.md", 1)))
    copy = Copy([art], 0, Rank.LEAD, body_units(art, cfg, fonts, None), photos_of(art), [], [0])
    planner = Planner(cfg, fonts, None)
    narrow = {c for c, _ in planner.photo_options(Piece(copy), 8)}
    wide = {c for c, _ in planner.photo_options(Piece(copy), 8, wide=True)}
    assert max(narrow) == cfg.photo.max_columns < cfg.photo.max_columns_under
    assert max(wide) == cfg.photo.max_columns_under < 8


def _stretched(cfg, fonts, art, span: int, rows: int):
    """The article's module at `span` as set, and stretched `rows` rows deeper."""
    copy = Copy([art], 0, Rank.SECOND, body_units(art, cfg, fonts, None), [], [], [0])
    planner = Planner(cfg, fonts, None)
    return planner.plan(Piece(copy), span), planner.plan(Piece(copy), span, stretch=rows)


def test_a_stretched_module_is_rows_deeper_from_its_own_paragraphs_and_keeps_its_text(
        cfg, fonts, article):
    """stretch=k sets paragraphs longer for k more rows of balanced columns, every
    character kept in order; the lines gained are what LOOSE is charged for."""
    base, deeper = _stretched(cfg, fonts, article("社区食堂覆盖全市", 12, 3), 3, 2)
    assert deeper.depth == base.depth + 2 and not deeper.short_bands()
    assert deeper.lines_grown == deeper.lines - base.lines > 0

    def text(plan):
        return "".join(pl.line.text for u in plan.units for pl in u.lines)
    assert text(deeper) == text(base)


def test_a_module_of_few_long_paragraphs_stretches_past_two_lines_each(cfg, fonts, article):
    """Four paragraphs of some 24 lines: the old cap of two lines a paragraph gave eight
    lines at most; at one line in LINES_PER_EXTRA each gives up to eight, within the
    composer's letter-spacing limit, so a 4-column module stretches 4 rows (16 lines) and
    its columns balance whatever the last one lacked before."""
    from typeset.layout.modules import LINES_PER_EXTRA

    base, deeper = _stretched(cfg, fonts, article("长篇通讯", 4, 24), 4, 4)
    assert deeper.depth == base.depth + 4 and not deeper.short_bands()
    assert max(d for _, d in deeper.grown) > 2
    assert all(d * LINES_PER_EXTRA <= base.lines // 4 for _, d in deeper.grown)  # 4 alike


@pytest.mark.parametrize("before", [1, 2])
def test_a_module_with_a_table_stretches_though_its_band_above_the_table_takes_lines(
        cfg, fonts, article, before):
    """A table after the first paragraphs: lines gained above it lengthen the band over
    the table, not the columns' foot, so the stretch asks for more lines until the module
    is the rows deeper. The band over the table is short in the module as set (balanced()
    evens it out later); the stretch need not balance it first."""
    art = article("前10个月经济运行", 10, 3)
    table = Table(("指标", "数值"), (("地区生产总值", "8,400亿元"),), ("", ""), Source("t.md", 1))
    art.blocks.insert(before, table)
    at: list[int] = []
    body = body_units(art, cfg, fonts, None, places=at)
    copy = Copy([art], 0, Rank.SECOND, body, [], [table], [0], places=((at[0], "table", 0),))
    planner = Planner(cfg, fonts, None)
    base = planner.plan(Piece(copy), 4)
    assert 0 in base.short_bands()

    def text(plan):
        return "".join(pl.line.text for u in plan.units for pl in u.lines)
    for rows in (1, 2):
        deeper = planner.plan(Piece(copy), 4, stretch=rows)
        assert deeper.depth == base.depth + rows
        assert set(deeper.short_bands()) <= set(base.short_bands())
        assert text(deeper) == text(base)


def test_a_table_floats_down_past_its_place_to_fill_the_columns_beside_a_photo(
        cfg, fonts, article, tmp_path):
    """A photo first, then one short paragraph, then a table: set at its place, the table
    would stand under the photo with the columns beside the photo white down to it. It
    floats down until the text before it fills those columns; every line is still set once,
    in order."""
    from PIL import Image

    from typeset.layout.engine import _places
    from typeset.layout.inserts import photos_of
    from typeset.model import Figure

    image = tmp_path / "tall.jpg"
    Image.new("L", (1500, 2000), 128).save(image)
    art = article("前10个月经济运行", 6, 8)
    art.blocks[1:1] = [Table(("指标", "数值"), (("地区生产总值", "8,400亿元"),), ("", ""),
                             Source("t.md", 1))]
    art.blocks.insert(0, Figure(image, "图。", "本报记者 摄", Source("t.md", 1)))
    at: list[int] = []
    body = body_units(art, cfg, fonts, None, places=at)
    copy = Copy([art], 0, Rank.SECOND, body, photos_of(art), [art.blocks[2]], [0],
                places=_places(art, at))
    plan = Planner(cfg, fonts, None).plan(Piece(copy), 4, (2, 20))
    photo, table = sorted(plan.inserts, key=lambda i: i.table is not None)
    assert table.row >= photo.row + photo.rows  # under the photo …
    beside = [r for r in plan.columns if r.col >= photo.span and r.row < table.row]
    assert beside and all(r.foot == max(r.foot for r in beside) for r in beside[:-1])
    assert plan.blank <= len(beside)  # … and the columns beside it are full down to it
    units = [i for r in sorted(plan.columns, key=lambda r: r.a) for i in range(r.a, r.b)]
    assert units == list(range(len(plan.units)))


def test_a_compact_continuation_is_drawn_with_the_head_it_was_measured_with(
        cfg, fonts, article):
    """A continuation planned with its headline compact (the rank's smallest size) is drawn
    with its real 上接 line at that size too: drawn at the usual size the repeated head took
    another row and its lines ran into the module's first body lines (found as collisions
    on page 1 of volume-110 seed 1, made up with a trial cost term)."""
    from typeset.layout.boxes import PageLayout
    from typeset.layout.draw import draw_module
    from typeset.layout.placement import Slot

    art = article("他实在站不住　只好扶着站牌歇一歇", 3)  # a head that wraps at 16 pt
    copy = Copy([art], 0, Rank.SECOND, body_units(art, cfg, fonts, None), [], [], [0])
    planner = Planner(cfg, fonts, None)
    cont = Piece(copy, 10, -1, True)
    plan = planner.plan(cont, 2, compact=True)
    page = PageLayout(1)
    draw_module(page, Slot(plan, 0, 0), planner, cfg, fonts, repeat="（上接第二版）",
                top_row=0, bottom_row=100)
    body_top = cfg.page.area_y + min(r.row for r in plan.columns) * cfg.grid.pitch
    drawn = planner.head(cont, 2, "（上接第二版）", plan.compact)
    assert drawn.rows == plan.head.rows
    heads = page.lines[:len(drawn.lines)]  # the head is drawn first
    assert [tl.line.text for tl in heads][-1] == "（上接第二版）"
    assert all(tl.baseline < body_top for tl in heads)


def test_the_white_beside_a_headline_group_grows_with_the_span_and_the_air(cfg, fonts,
                                                                          article):
    """Planner.head_white, which PageSolver weighs against hole_warning: the white right of
    a head set flush left, as deep as its group with its air; either side of a centred
    (lead) head, half of it."""
    art = article("社区食堂覆盖全市", 3)
    planner = Planner(cfg, fonts, None)
    g = cfg.page
    pitch = g.column_width + g.gutter
    small = Piece(Copy([art], 0, Rank.SMALL, body_units(art, cfg, fonts, None), [], [], [0]))
    narrow, wide = planner.plan(small, 2), planner.plan(small, 6)
    aired = planner.plan(small, 6, (0, 0), 2)
    assert planner.head_white(narrow) < planner.head_white(wide) < planner.head_white(aired)
    ink = max(tl.x + tl.line.width for tl in wide.head.lines)
    assert planner.head_white(wide) == pytest.approx(
        (g.span_width(6) - ink) / pitch * wide.head.rows)
    assert planner.head_white(aired) == pytest.approx(
        (g.span_width(6) - ink) / pitch * (wide.head.rows + 2))
    lead = Piece(Copy([art], 0, Rank.LEAD, body_units(art, cfg, fonts, None), [], [], [0]))
    plan = planner.plan(lead, 8)
    line = next(tl for tl in plan.head.lines if tl.line.xs)
    left = line.x + line.line.xs[0]
    assert left > 0  # centred
    assert planner.head_white(plan) == pytest.approx(
        max(left, g.span_width(8) - max(tl.x + tl.line.width for tl in plan.head.lines))
        / pitch * plan.head.rows)


def test_the_white_beside_the_top_of_a_centred_head_is_measured_line_by_line(cfg, fonts,
                                                                           article):
    """A lead's short centred kicker over a long headline: the band over the kicker spans
    the module; beside the kicker the white is wide, and it narrows once the headline's
    wider line is reached, ever deeper from the module's top."""
    art = article("第三过江隧道双线贯通全线进入设备安装阶段", 4, kicker="历时五年")
    copy = Copy([art], 0, Rank.LEAD, body_units(art, cfg, fonts, None), [], [], [0])
    plan = Planner(cfg, fonts, None).plan(Piece(copy), 8)
    margins = Planner(cfg, fonts, None).head_margins(plan)
    band, kicker, *rest = margins
    assert band[0] == band[1] > 7.9  # the whole 8 columns, over the first line
    assert kicker[0] > 3 and kicker[1] > 3  # a centred 4-character kicker
    assert rest and rest[0][0] < kicker[0] and rest[0][1] < kicker[1]
    depths = [depth for _, _, depth in margins]
    assert depths == sorted(depths) and depths[0] >= 0
