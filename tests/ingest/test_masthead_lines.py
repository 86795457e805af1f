"""The masthead lines of raw extracted text."""

from __future__ import annotations

import datetime as dt

from typeset.ingest.masthead_lines import read_masthead_lines


def test_every_line_finds_a_field_or_stays_in_extra():
    m, pages = read_masthead_lines("江城日报", [
        "JIANGCHENG DAILY", "www.jcrb.cn", "2026年11月20日", "星期五", "农历丙午年十月初二",
        "第16842号", "今日12版", "本报地址：江城市", "星期六"])
    assert (m.title, m.latin, m.url_label, m.url) == ("江城日报", "JIANGCHENG DAILY", "", "www.jcrb.cn")
    assert (m.date, m.date_text, m.weekday, m.lunar_date, m.issue_number) == (
        dt.date(2026, 11, 20), "2026年11月20日", "星期五", "农历丙午年十月初二", "第16842号")
    assert pages == 12
    assert m.extra == ["今日12版", "本报地址：江城市", "星期六"]


def test_year_month_and_day_on_two_lines_make_one_date():
    m, pages = read_masthead_lines("辽宁日报", ["2024年1月", "15"])
    assert (m.date, m.date_text, m.extra, pages) == (dt.date(2024, 1, 15), "2024年1月15日", [], None)


def test_an_impossible_date_is_kept_as_written():
    m, _ = read_masthead_lines("辽宁日报", ["2024年2月", "30"])
    assert m.date is None and m.extra == ["2024年2月", "30"]
