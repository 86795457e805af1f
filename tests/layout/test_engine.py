"""The engine end to end: jumps and their page numbers, teasers, overset copy, pages
without copy, the layout report, and the two real inputs."""

from __future__ import annotations

import itertools
import json

import pytest

from typeset.compose.headline_breaks import break_points
from typeset.errors import InputError
from typeset.ingest import load_issue
from typeset.layout import make_up
from typeset.layout.furniture import chinese_numeral
from typeset.layout.report import write_layout_report
from typeset.model import Paragraph, Source, Table, Text


def page_of(mu, number: int):
    return next(p for p in mu.layout.pages if p.number == number)


def page_text(mu, number: int) -> str:
    return "".join(tl.line.text for tl in page_of(mu, number).lines)


def jump_pair(mu, headline: str):
    placed = [p for p in mu.placements if p.headline == headline]
    frag = next(p for p in placed if p.jumps_to is not None)
    cont = next(p for p in placed if p.continued_from is not None)
    return frag, cont


def test_a_lead_too_long_for_its_page_jumps_with_page_numbers_and_links(cfg, fonts, article,
                                                                        issue):
    mu = make_up(issue({1: [article("超长头条新闻", 44, 8)]}), cfg, fonts)
    frag, cont = jump_pair(mu, "超长头条新闻")
    assert frag.page == 1 and cont.page > 1 and frag.jumps_to == cont.page
    assert cont.continued_from == 1
    assert f"（下转第{chinese_numeral(cont.page)}版）" in page_text(mu, 1)
    assert "（上接第一版）" in page_text(mu, cont.page)
    assert any(link.to_page == cont.page for link in page_of(mu, 1).links)
    assert any(link.to_page == 1 for link in page_of(mu, cont.page).links)


def test_a_jump_names_the_page_where_the_continuation_really_landed(cfg, fonts, article,
                                                                   issue):
    """Page 2 is full, so the continuation goes further; the jump line follows it."""
    full = [article("二版头条", 40, 8)] + [article(f"二版消息{n}", 8, 8) for n in range(6)]
    mu = make_up(issue({1: [article("超长头条新闻", 44, 8)], 2: full}), cfg, fonts)
    frag, cont = jump_pair(mu, "超长头条新闻")
    assert cont.page not in (1, 2)
    assert f"（下转第{chinese_numeral(cont.page)}版）" in page_text(mu, 1)


def test_a_teaser_prints_the_page_its_article_landed_on_and_links_there(cfg, fonts, article,
                                                                        issue):
    src = Source("test.md", 1)
    teaser = article("地铁六号线全线贯通", 0, teaser_page=2)
    teaser.blocks = [Paragraph((Text("全长42.6公里。（详见二版）"),), src)]
    target = article("地铁六号线全线贯通", 6)
    mu = make_up(issue({1: [article("头条新闻", 12, 8), teaser], 3: [target]}), cfg, fonts)
    assert "（详见三版）" in page_text(mu, 1) and "详见二版" not in page_text(mu, 1)
    assert [(t.given, t.printed) for t in mu.teasers] == [(2, 3)]
    assert any(link.to_page == 3 for link in page_of(mu, 1).links)
    assert any("landed on page 3" in w for w in mu.warnings)


def test_a_column_banner_over_a_later_brief_is_printed(cfg, fonts, article, issue):
    # found by tests/test_fuzz_issues.py: briefs run together under the first one's banner
    # and a banner standing over a later brief was dropped
    briefs = [article("简讯甲", 1, 1), article("简讯乙", 1, 1, banner="科教新闻"),
              article("简讯丙", 1, 1)]
    mu = make_up(issue({1: [article("头条新闻", 12, 8), *briefs]}), cfg, fonts)
    assert "科教新闻" in page_text(mu, 1)


def test_every_teasers_column_banner_prints_in_the_ear(cfg, fonts, article, issue):
    # found by tests/test_fuzz_issues.py: the ear printed only the first teaser's banner
    src = Source("test.md", 1)
    teasers = [article("地铁通车", 0, teaser_page=1, banner="城建"),
               article("图书馆开放", 0, teaser_page=1, banner="文化")]
    for t in teasers:
        t.blocks = [Paragraph((Text("今日要闻。（详见一版）"),), src)]
    mu = make_up(issue({1: [article("头条新闻", 12, 8), *teasers]}), cfg, fonts)
    assert "城建" in page_text(mu, 1) and "文化" in page_text(mu, 1)


def test_a_teasers_subtitle_prints_in_the_ear(cfg, fonts, article, issue):
    # found by tests/test_fuzz_issues.py: the ear set kicker and headline, not subtitles
    teaser = article("地铁六号线全线贯通", 0, teaser_page=3, subtitles=["——全长42.6公里"])
    teaser.blocks = [Paragraph((Text("今日通车。（详见三版）"),), Source("test.md", 1))]
    mu = make_up(issue({1: [article("头条新闻", 12, 8), teaser]}), cfg, fonts)
    assert "——全长42.6公里" in page_text(mu, 1)


def test_a_teaser_whose_article_is_not_in_the_issue_keeps_its_page_and_is_reported(
        cfg, fonts, article, issue):
    src = Source("test.md", 1)
    teaser = article("别处的新闻", 0, teaser_page=6)
    teaser.blocks = [Paragraph((Text("详见六版"),), src)]
    mu = make_up(issue({1: [article("头条新闻", 12, 8), teaser]}), cfg, fonts)
    assert "详见六版" in page_text(mu, 1)
    assert any("not in the issue" in w for w in mu.warnings)


def test_more_copy_than_the_pages_hold_is_overset_marked_and_reported_never_lost(
        tabloid, fonts, article, issue):
    pages = {n: [article(f"第{n}版头条", 40, 10)] for n in range(1, 9)}
    mu = make_up(issue(pages), tabloid, fonts)
    assert mu.overset and len(mu.layout.pages) == 8
    for over in mu.overset:
        assert over.lines > 0 and over.chars == len(over.text) > 0
        assert over.message.startswith(f"page {over.page} “第") and \
            over.message.endswith(f"{over.lines} lines ({over.chars} characters) over: cut or move")
    marks = [m for p in mu.layout.pages for m in p.overset]
    assert len(marks) == len(mu.overset) and all("overset" in m.note for m in marks)
    # The copy over is the tail of its article, after what its page printed.
    made = issue(pages)
    for over in mu.overset:
        text = "".join(b.text for b in made.articles[over.article].blocks)
        assert text.endswith(over.text) and len(over.text) < len(text)


def test_a_story_with_a_table_wider_than_six_columns_stays_on_its_own_page(
        cfg, fonts, article, issue):
    # Found by the fuzz test: strips beside the lead were at most six columns wide, so a
    # second story whose table needs seven was pushed off its half-empty page, and when
    # the page it went to could not hold it either it vanished from the layout.
    cells = ("江城市今年新建改建社区食堂三百一十二个嵌入式养老服务站",) * 4
    wide = article("全市社区食堂分布一览", 1, 2)
    wide.blocks = [
        Paragraph((Text("据统计，全市社区食堂分布如下。"),), Source("test.md", 3)),
        Table(("区", "食堂", "服务站", "覆盖"), (cells,), ("", "", "", ""),
              Source("test.md", 4))]
    made = issue({1: [article("第一版头条", 2)], 2: [article("第二版头条", 1), wide]})
    mu = make_up(made, cfg, fonts)
    assert not mu.overset and not any("could not hold it" in w for w in mu.warnings)
    assert {p.headline: p.page for p in mu.placements}["全市社区食堂分布一览"] == 2
    assert "江城市今年新建改建社区食堂三百一十二个" in page_text(mu, 2)


def test_a_character_no_font_has_in_the_furniture_is_an_input_error_or_reported(
        cfg, fonts, article, issue):
    """The paper's name is printed in the masthead and in every running head: a character
    no font of the furniture roles covers is never set as a silent blank."""
    uncovered = issue({1: [article("头条新闻", 2)]})
    uncovered.masthead.title = "测试\u0378日报"  # unassigned: no font has it
    with pytest.raises(InputError) as err:
        make_up(uncovered, cfg, fonts)
    assert "U+0378" in str(err.value) and "the masthead" in str(err.value)
    assert err.value.where == "test.md" and err.value.article is None
    reported: list[str] = []
    make_up(uncovered, cfg, fonts, reported)
    assert any("the masthead" in note for note in reported)
    assert sum("running head" in note for note in reported) == 7  # pages 2–8


@pytest.fixture(scope="module")
def sample_made(cfg, fonts, sample_path):
    sample = load_issue(sample_path)
    return sample, make_up(sample, cfg, fonts)


def test_the_sample_places_every_article_once_on_8_pages_inside_the_type_area(sample_made,
                                                                              cfg):
    sample, mu = sample_made
    assert len(mu.layout.pages) == 8
    teasers = {i for i, a in enumerate(sample.articles) if a.teaser_page is not None}
    starts = [p.article for p in mu.placements if p.continued_from is None]
    assert sorted(starts) == sorted(set(range(len(sample.articles))) - teasers)
    g = cfg.page
    for p in mu.placements:
        assert g.area_x - 1e-6 <= p.box.x and p.box.x + p.box.width <= \
            g.area_x + g.area_width + 1e-6
        assert p.box.y + p.box.height <= g.area_y + g.area_height + 1e-6
    for p in mu.placements:  # every jump is two linked fragments
        if p.jumps_to is not None:
            assert any(q.article == p.article and q.page == p.jumps_to
                       and q.continued_from == p.page for q in mu.placements)
    assert all(t.printed == t.given for t in mu.teasers)


def test_the_layout_report_gives_fill_per_page_and_boxes_per_article(sample_made, tmp_path):
    _, mu = sample_made
    path = tmp_path / "issue.layout.json"
    write_layout_report(mu, path)
    report = json.loads(path.read_text(encoding="utf-8"))
    assert [p["number"] for p in report["pages"]] == list(range(1, 9))
    assert all(0.9 <= p["fill"] <= 1.0 for p in report["pages"])
    first = report["articles"][0]
    assert first["pages"] == [1] and len(first["modules"][0]["box_mm"]) == 4
    assert {"columns", "lines", "variant", "jumps_to"} <= set(first["modules"][0])
    # How many lines each module's paragraphs were set longer than their best setting.
    grown = [m["variant"]["lines_grown"] for a in report["articles"] for m in a["modules"]]
    assert all(g >= 0 for g in grown) and any(grown)


def test_the_layout_report_records_each_heads_size_lines_and_breaks(sample_made, tmp_path):
    sample, mu = sample_made
    path = tmp_path / "issue.layout.json"
    write_layout_report(mu, path)
    report = json.loads(path.read_text(encoding="utf-8"))
    for entry in report["articles"]:
        article = sample.articles[entry["index"]]
        for module in entry["modules"]:
            for part in module["head"]:
                lines = part["lines"]
                ends = list(itertools.accumulate(len(line) for line in lines))
                assert part["breaks"] == ends[:-1]
                if part["part"] == "headline":
                    assert "".join(lines) == article.headline
                    assert part["size_pt"] == module["variant"]["headline_pt"]


def test_no_head_of_the_sample_or_the_seed_ends_short_or_breaks_inside_a_word(
        sample_made, cfg, fonts, seed_path):
    _, mu = sample_made
    seed = make_up(load_issue(seed_path), cfg, fonts)
    multi = 0
    for p in mu.placements + seed.placements:
        for part in p.head_parts:
            lines = part.setting.lines
            if len(lines) < 2:
                continue
            multi += 1
            text = "".join(line.text for line in lines)
            widths = [line.width for line in lines]
            assert widths[-1] >= cfg.headlines.last_line_min * max(widths), text
            assert set(part.setting.breaks) <= {bp.offset for bp in break_points(text)}, text
    assert multi >= 5  # the sample's five torn heads among them


def test_the_seed_front_page_fits_on_page_1_alone_with_its_teasers_in_the_ear(cfg, fonts,
                                                                              seed_path):
    seed = load_issue(seed_path)
    mu = make_up(seed, cfg, fonts)
    assert {p.page for p in mu.placements} == {1}
    assert [p.number for p in mu.layout.pages] == [1] and mu.left_out == list(range(2, 9))
    assert "详见二版" in page_text(mu, 1) and "详见六版" in page_text(mu, 1)
    assert mu.fill[1] >= 0.95
    assert any("pages 2–8 have no copy and are left out" in w for w in mu.warnings)


def test_all_pages_prints_the_pages_without_copy_as_blank_plans_with_running_heads(
        cfg, fonts, seed_path):
    mu = make_up(load_issue(seed_path), cfg, fonts, all_pages=True)
    assert [p.number for p in mu.layout.pages] == list(range(1, 9)) and not mu.left_out
    for number in range(2, 9):
        assert f"第{number}版" in page_text(mu, number)


def unboxed_tombstones(mu, gutter: float) -> list[tuple[str, str]]:
    """Pairs of modules on a page whose headline groups stand side by side at overlapping
    heights with neither of them boxed."""
    heads = {(p.page, p.box): p for p in mu.placements if p.head_box is not None}
    out = []
    for a, b in itertools.combinations(heads.values(), 2):
        ha, hb = a.head_box, b.head_box
        side = (abs(ha.x + ha.width + gutter - hb.x) < 1e-3
                or abs(hb.x + hb.width + gutter - ha.x) < 1e-3)
        level = ha.y < hb.y + hb.height and hb.y < ha.y + ha.height
        if a.page == b.page and side and level and not (a.boxed or b.boxed):
            out.append((a.headline, b.headline))
    return out


def test_no_two_headlines_stand_side_by_side_unless_one_is_boxed(sample_made, cfg, fonts,
                                                                 seed_path):
    _, mu = sample_made
    assert unboxed_tombstones(mu, cfg.page.gutter) == []
    seed = make_up(load_issue(seed_path), cfg, fonts)
    assert unboxed_tombstones(seed, cfg.page.gutter) == []


def unbalanced_bands(mu) -> list[tuple[str, int, tuple[int, ...]]]:
    """Bands of a module whose columns are not balanced: a column but the last ending
    above the others, or the last more than one line short."""
    out = []
    for p in mu.placements:
        for feet in p.bands:
            top = max(feet)
            if any(f != top for f in feet[:-1]) or feet[-1] < top - 1:
                out.append((p.headline, p.page, feet))
    return out


def test_every_band_of_every_module_is_balanced_in_the_sample_and_the_seed(
        sample_made, cfg, fonts, seed_path):
    _, mu = sample_made
    assert all(p.bands for p in mu.placements)
    assert unbalanced_bands(mu) == []
    seed = make_up(load_issue(seed_path), cfg, fonts)
    assert unbalanced_bands(seed) == []
