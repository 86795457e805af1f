"""Run-in datelines and standalone bylines."""

from __future__ import annotations

import pytest

from typeset.ingest.bylines import is_standalone_byline, split_dateline
from typeset.model import Paragraph, Source, Style, Text

SRC = Source("t.md", 1)


@pytest.mark.parametrize("text, byline", [
    ("本报讯（记者 林晓峰 通讯员 高远）11月19日上午", "本报讯（记者 林晓峰 通讯员 高远）"),
    ("新华社北京1月14日电 中共中央总书记", "新华社北京1月14日电"),
    ("新华社天津11月19日电（记者 李明哲）19日", "新华社天津11月19日电（记者 李明哲）"),
    ("本报讯 记者唐佳丽 刘璐报道 我省“碳金融”", "本报讯 记者唐佳丽 刘璐报道"),
    ("本报讯　11月18日晚", "本报讯"),
    ("本报北京11月19日电（记者 张三）国务院", "本报北京11月19日电（记者 张三）"),
    ("本报评论员　11月19日，随着", "本报评论员"),
    ("本报记者 杜若飞　11月19日下午5时许", "本报记者 杜若飞"),
])
def test_dateline_becomes_a_byline_run_and_keeps_every_character(text, byline):
    para = split_dateline(Paragraph((Text(text), Text("。", Style.EMPHASIS)), SRC))
    assert para.inlines[0] == Text(byline, Style.BYLINE)
    assert para.text == text + "。"
    assert para.inlines[1].style is Style.REGULAR and para.inlines[1].text.strip()


@pytest.mark.parametrize("text", ["本报讯", "据新华社电，今年以来", "本报记者日前获悉，全市", "本报记者 李四 王五 赵六 钱七 孙八",
                                  "新华社记者在现场看到"])
def test_no_dateline_leaves_the_paragraph_alone(text):
    para = Paragraph((Text(text),), SRC)
    assert split_dateline(para) is para


@pytest.mark.parametrize("text", ["本报记者 李四", "新华社记者", "□ 王五", "□ 辛 言", "本报评论员",
                                  "本报记者 孟圆 通讯员 钱可", "本报特约评论员"])
def test_standalone_bylines(text):
    assert is_standalone_byline(text)


@pytest.mark.parametrize("text", ["编辑同志：", "本报记者从市气象台获悉，明日降温。",
                                  "集体产业壮起来", "本报记者 李四\n正文"])
def test_not_standalone_bylines(text):
    assert not is_standalone_byline(text)
