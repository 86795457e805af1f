"""Ingest of the raw dialect: the seed's extracted newspaper text, unchanged."""

from __future__ import annotations

import datetime as dt

from typeset.ingest.rejoin import is_complete
from typeset.model import Byline, Figure, Paragraph, Subhead


def _by_headline(issue, headline):
    return next(a for a in issue.articles if a.headline == headline)


def _paragraphs(article):
    return [b for b in article.blocks if isinstance(b, Paragraph)]


def test_one_unpaged_page_with_every_article(seed):
    assert not seed.paged and len(seed.pages) == 1 and seed.pages[0].number == 1
    assert seed.page_count == 8  # "今日8版"
    assert [a.headline for a in seed.articles] == [
        "以政法工作现代化支撑和服务中国式现代化",
        "习近平对政法工作作出重要指示强调 坚持党的绝对领导忠诚履职担当作为 为全面 "
        "推进强国建设民族复兴伟业提供坚强安全保障",
        "我省大力盘活碳排放权金融价值",
        "中欧班列装卸忙 全力冲刺“开门红”",
        "发力科技创新推动产业创新 实施专项行动推出支持措施",
        None,
        "集体产业壮起来 村民腰包鼓起来",
        "14市出台相关领域财政事权和支出责任划分改革方案",
        "52个指导站全链条服务万家企业",
    ]


def test_masthead_from_the_first_heading_and_its_short_lines(seed):
    m = seed.masthead
    assert (m.title, m.latin, m.url_label, m.url) == (
        "辽宁日报", "LIAONING DAILY", "北国网网址", "http://www.lnd.com.cn")
    assert (m.date, m.date_text, m.weekday, m.lunar_date) == (
        dt.date(2024, 1, 15), "2024年1月15日", "星期一", "癸卯年十二月初五")
    assert m.extra == ["今日8版", "扫码关注本报APP"]


def test_headlines_agree_with_the_independent_checker(seed, issuetext, seed_path):
    """The checker only knows `##` headlines; ours are those plus the `###` headlines that
    stand after body text (two teasers and "集体产业壮起来…"), plus one untitled article."""
    theirs = [a.headline.text for a in issuetext.parse_issue(str(seed_path)).articles]
    ours = [a.headline for a in seed.articles if a.headline]
    assert len(theirs) == 5
    assert [h for h in ours if h in theirs] == theirs
    assert [h for h in ours if h not in theirs] == [
        "集体产业壮起来 村民腰包鼓起来", "14市出台相关领域财政事权和支出责任划分改革方案",
        "52个指导站全链条服务万家企业"]


def test_nothing_is_dropped(seed, missing_chars, seed_path):
    assert missing_chars(seed_path, seed) == {}


def test_kickers_banners_and_subtitles(seed):
    lead = seed.articles[0]
    assert lead.subtitles == ["——习近平总书记重要指示为政法战线接续奋进指明方向"]
    assert lead.blocks[0] == Byline("新华社记者", lead.blocks[0].source)
    village = _by_headline(seed, "集体产业壮起来 村民腰包鼓起来")
    assert (village.banner, village.kicker) == (
        "学思想 强党性 重实践 建新功", "沈阳市于洪区前辛台村结合村情实际推进主题教育走深走实")
    tiexi = _by_headline(seed, "发力科技创新推动产业创新 实施专项行动推出支持措施")
    assert tiexi.subtitles == ["沈阳市铁西区壮大创新动能打好攻坚战"]
    assert tiexi.banner == "牢记嘱托显担当 攻坚之年谱新篇"
    assert tiexi.byline == "本报讯 记者金晓玲报道"


def test_teasers(seed):
    finance = seed.articles[-2]
    assert finance.kicker == "建立权责清晰、财力协调、区域均衡的市与县(市、区)财政关系"
    assert finance.teaser_page == 2 and finance.blocks[0].text == "详见二版"
    brands = seed.articles[-1]
    assert brands.kicker == "大连加快提升商标品牌的经济价值和社会效益"
    assert brands.teaser_page == 6 and brands.blocks[0].text == "详见六版"
    assert [a.teaser_page for a in seed.articles[:-2]] == [None] * 7


def test_photo_caption_without_image(seed):
    rail = _by_headline(seed, "中欧班列装卸忙 全力冲刺“开门红”")
    at = next(n for n, b in enumerate(rail.blocks) if isinstance(b, Figure))
    figure = rail.blocks[at]
    assert figure.image is None
    assert figure.caption == "图为中欧班列(沈阳)集结中心场站内集装箱堆场。"
    assert figure.credit == "本报记者 刘大毅 摄"
    # the photo cut "智慧海|关建设": the part after it continues, unindented
    before, after = rail.blocks[at - 1], rail.blocks[at + 1]
    assert before.text == "同时，沈阳海关认真落实智慧海" and before.indent
    assert after.text.startswith("关建设要求") and not after.indent
    assert "共享数据" in after.text  # the next column break is rejoined as well


def test_paragraphs_cut_by_column_breaks_are_rejoined(seed):
    texts = [p.text for a in seed.articles for p in _paragraphs(a)]
    for joined in ["抓得紧、抓得实，取得了新的成效", "忠诚履职、担当作为",
                   "已办理33万吨碳排放权", "“班列+汽车整车”", "科技型企业超过5000家，推动首台(套)"]:
        assert sum(joined in t for t in texts) >= 1, joined
    assert not any(t.startswith(("实，", "当作为", "吨碳排放权", "车”", "推动首台")) for t in texts)


def test_only_paragraphs_before_a_figure_or_at_an_article_end_are_unfinished(seed):
    for article in seed.articles:
        for n, block in enumerate(article.blocks):
            if isinstance(block, Paragraph) and not is_complete(block.text):
                rest = article.blocks[n + 1:]
                assert not rest or isinstance(rest[0], Figure), block.text[-20:]
    cut = _paragraphs(seed.articles[0])[-1]
    assert cut.text.endswith("着力在维护国家安全和社") and cut is seed.articles[0].blocks[-1]


def test_text_that_lost_its_headline_is_an_untitled_article(seed, seed_path):
    untitled = seed.articles[5]
    assert untitled.headline is None and untitled.source.line == 117
    assert untitled.blocks[0].text.startswith("坚持高站位高起点高标准")
    assert Subhead("坚持党的领导 把牢政治方向", untitled.blocks[3].source) == untitled.blocks[3]
    assert untitled.blocks[-1].text.startswith("讲好人大故事")
    assert untitled.label == f"untitled article at {seed_path}:117"
