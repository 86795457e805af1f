"""Kinsoku (避头尾): the four levels, the known failures of Typst and ctex, ——/…… kept whole."""

from __future__ import annotations

import pytest
from conftest import texts

from typeset.compose.classes import not_at_end, not_at_start

COLUMNS = [c / 2 for c in range(10, 31)]  # 5 to 15 em in half-em steps


def _starts_and_ends(lines):
    return [(line.text[:1], line.text[-1:]) for line in lines]


@pytest.mark.parametrize("columns", COLUMNS)
def test_comma_after_bracketed_number_never_starts_a_line_typst_3082(compose, columns):
    lines = compose("据统计，总数为（8888），比去年同期增长了百分之十二，其中（9999），为新高。",
                    columns)
    assert all(not line.text.startswith(("，", "）")) for line in lines)
    assert all(not line.text.endswith("（") for line in lines)


def test_comma_after_bracketed_number_explicit_breaks(compose):
    lines = compose("他在文章中写道某某（8888），某某这句话说明了问题", 9)
    assert texts(lines) == ["他在文章中写道某某", "（8888），某某这句话", "说明了问题"]


@pytest.mark.parametrize("columns", COLUMNS)
@pytest.mark.parametrize("dot", ["·", "・"])
def test_interpunct_never_starts_a_line_typst_6774(compose, columns, dot):
    text = f"这是关于马克{dot}吐温和约翰{dot}史密斯以及列夫{dot}托尔斯泰的故事。"
    assert all(not line.text.startswith(dot) for line in compose(text, columns))


@pytest.mark.parametrize("columns", COLUMNS)
def test_ellipsis_never_starts_a_line_at_strict_and_is_never_split(compose, columns):
    text = "他沉默了很久……最后说出了那句话……大家都明白了。"
    for level in ("basic", "gb", "strict"):
        lines = compose(text, columns, kinsoku=level)
        assert all(not (a.text.endswith("…") and b.text.startswith("…"))
                   for a, b in zip(lines, lines[1:]))
        if level == "strict":
            assert all(not line.text.startswith("…") for line in lines)


def test_ellipsis_at_line_start_ctex_case(compose):
    """At gb an ellipsis may start a line (GB/T 15834), at strict it may not."""
    assert texts(compose("他沉默了很久……最后说出了那句话。", 6)) == \
        ["他沉默了很久", "……最后说出", "了那句话。"]
    assert texts(compose("他沉默了很久……最后说出了那句话。", 6, kinsoku="strict")) == \
        ["他沉默了很", "久……最后说", "出了那句话。"]


@pytest.mark.parametrize("columns", [5, 6, 7, 8, 9, 10])
def test_dash_after_question_mark_neither_hangs_nor_splits(compose, columns):
    lines = compose("娜拉走后怎样？——别人", columns)
    assert "".join(texts(lines)) == "娜拉走后怎样？——别人"
    assert all(line.width <= columns * 10 + 0.01 for line in lines)
    assert all(not line.text.startswith("？") for line in lines)
    assert all(line.text.count("—") % 2 == 0 for line in lines)


def test_dash_after_question_mark_explicit_breaks(compose):
    assert texts(compose("娜拉走后怎样？——别人", 7)) == ["娜拉走后怎样？", "——别人"]


def test_level_none_allows_a_comma_at_line_start(compose):
    # Five characters fill the line exactly; at `none` the comma may go to the next line.
    assert texts(compose("一二三四五，六七八", 5, kinsoku="none")) == ["一二三四五", "，六七八"]
    assert texts(compose("一二三四五，六七八", 5, kinsoku="gb"))[1][0] != "，"


def test_solidus_is_kept_off_line_edges_from_gb_up():
    assert "/" not in not_at_start("basic") and "/" in not_at_start("gb")
    assert "／" in not_at_end("strict") and "／" not in not_at_end("basic")
    assert "…" in not_at_start("strict") and "…" not in not_at_start("gb")
    assert not not_at_start("none") and not not_at_end("none")


def test_unknown_level_is_rejected(compose):
    with pytest.raises(ValueError, match="kinsoku level"):
        compose("一二三", 5, kinsoku="loose")
