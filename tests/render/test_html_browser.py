"""The HTML edition in a real browser (Debian's chromium through pytest-playwright): a click
on a zone opens the article whole, no sideways scrolling on a phone, search finds a phrase,
the keyboard gets around, axe finds nothing serious, and it all works from file:// too."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_html import model_text

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOT = REPO / "out" / "html-page-view.png"  # the README's docs/html-page-view.png
_SPACE = re.compile(r"\s+")


def _page_5_phrase(edition) -> tuple[str, int]:
    """A phrase from the first paragraph of the first article that starts on page 5."""
    report = json.loads(edition.layout_json.read_text(encoding="utf-8"))
    index = next(a["index"] for a in report["articles"] if a["pages"][0] == 5)
    text = _SPACE.sub("", edition.issue.articles[index].blocks[-1].text)
    return text[12:22], index


def _shows_whole_article(page, article) -> None:
    shown = Counter(_SPACE.sub("", page.locator("main section").inner_text()))
    missing = Counter(model_text(article)) - shown
    assert not missing, "".join(missing.elements())[:80]


def test_clicking_the_leads_zone_opens_its_article_whole(page, site_url, sample_edition):
    lead = sample_edition.issue.articles[0]
    page.set_viewport_size(DESKTOP)
    page.goto(site_url)
    page.locator("#z-a000").click()
    page.wait_for_url("**/article-000.html")
    assert page.locator("h1").inner_text() == lead.headline
    _shows_whole_article(page, lead)
    page.get_by_role("link", name="第1版").last.click()  # back to its zone on the page
    page.wait_for_url("**/index.html#z-a000")


@pytest.mark.parametrize("path", ["index.html", "page-4.html", "article-000.html",
                                  "article-018.html", "search.html?q=江城"])
def test_no_sideways_scrolling_at_phone_width(page, site_url, path):
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The page image fills the column and its zones scale with it.
    if path.endswith("4.html"):
        box = page.locator(".sheet img").bounding_box()
        zone = page.locator("a.zone .area").first.bounding_box()
        assert box["width"] <= PHONE["width"] and zone["x"] >= box["x"]
        assert zone["x"] + zone["width"] <= box["x"] + box["width"] + 1


def test_search_finds_a_phrase_from_page_5(page, site_url, sample_edition):
    phrase, index = _page_5_phrase(sample_edition)
    page.goto(site_url)
    page.fill("#q", phrase)
    page.press("#q", "Enter")
    page.wait_for_url("**/search.html?q=*")
    hit = page.locator(f"#results a[href='article-{index:03d}.html']")
    hit.wait_for()
    assert "第5版" in hit.locator("xpath=..").inner_text()
    assert phrase in page.locator("#results mark").first.inner_text() or \
        page.locator("#results mark").count() >= 1


def test_the_keyboard_reaches_zones_and_turns_pages(page, site_url):
    page.goto(site_url)
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/page-2.html")
    page.locator("a.zone").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/article-*.html")
    page.keyboard.press("ArrowRight")  # the next article
    page.wait_for_url("**/article-*.html")


@pytest.mark.parametrize("path", ["index.html", "page-4.html", "article-000.html",
                                  "search.html?q=隧道"])
def test_axe_finds_no_serious_or_critical_violation(page, site_url, path):
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        violations = Axe().run(page).response["violations"]
        bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations
               if v["impact"] in ("serious", "critical")]
        assert not bad, (path, size, bad)


def test_it_works_from_file_urls(page, sample_edition):
    phrase, index = _page_5_phrase(sample_edition)
    page.goto(sample_edition.site.joinpath("index.html").as_uri())
    page.locator("#z-a000").click()
    page.wait_for_url("**/article-000.html")
    _shows_whole_article(page, sample_edition.issue.articles[0])
    page.fill("#q", phrase)
    page.press("#q", "Enter")
    page.locator(f"#results a[href='article-{index:03d}.html']").wait_for()


def test_screenshot_of_a_page_view_with_its_zones(page, site_url):
    """The README's picture: page 4 at desktop width, every zone outlined, the mouse on
    one of the briefs."""
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "page-4.html")
    page.wait_for_load_state("networkidle")
    page.add_style_tag(content=".zone .area { outline: 1px solid rgba(11, 79, 138, .6); }")
    page.locator("a.zone .area").last.hover()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
