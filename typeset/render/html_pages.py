"""Page views of the HTML edition: the page image with a link over each article's zones,
the list of the page's articles and the 版面导航 (every page, with its thumbnail)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Issue
from .epub_xhtml import add_text, sub
from .html_articles import Placed
from .html_images import PageImages
from .html_markup import article_href, html_bytes, html_document, page_href, paper_name, zone_id
from .html_zones import Zone

# How wide the page image is shown (CSS `sizes`, for picking from its srcset): the middle
# column of the desktop grid (style.css: the page list and the article list beside it take
# SIDE_COLUMNS_PX, the frame is at most FRAME_PX), else the window less its padding.
DESKTOP_FROM_PX = 1000
FRAME_PX = 1400
SIDE_COLUMNS_PX = 500
IMAGE_SIZES = (f"(min-width: {DESKTOP_FROM_PX}px) "
               f"min({FRAME_PX - SIDE_COLUMNS_PX}px, calc(100vw - {SIDE_COLUMNS_PX}px)), "
               "calc(100vw - 2em)")


@dataclass(frozen=True)
class PageEntry:
    """A print page as the navigation names it, with its images."""

    number: int
    title: str  # "第3版 经济"
    images: PageImages


def page_view(issue: Issue, page: PageEntry, pages: list[PageEntry], zones: list[Zone],
              placed: dict[int, Placed]) -> bytes:
    """The view of one page: its image and zones, its article list, the page navigation."""
    n = page.number
    numbers = [p.number for p in pages]
    k = numbers.index(n)
    prev = page_href(numbers[k - 1]) if k > 0 else None
    next = page_href(numbers[k + 1]) if k + 1 < len(numbers) else None
    root, main = html_document(issue, f"{page.title} · {paper_name(issue)}", "page-view",
                               prev=prev, next=next)
    body = main.getparent()
    frame = sub(body, "div", {"class": "frame"})
    frame.append(main)
    add_text(sub(main, "h1"), page.title)
    _sheet(main, page, zones, placed)
    pager = sub(main, "nav", {"class": "pager", "aria-label": "上一版和下一版"})
    for rel, href, word in (("prev", prev, "上一版"), ("next", next, "下一版")):
        if href:
            add_text(sub(pager, "a", {"rel": rel, "class": rel, "href": href}), word)
    _article_list(frame, zones, placed)
    _page_navigation(frame, pages, n)
    return html_bytes(root)


def _sheet(main, page: PageEntry, zones: list[Zone], placed: dict[int, Placed]) -> None:
    im = page.images
    sheet = sub(main, "div", {"class": "sheet", "id": "sheet"})
    sub(sheet, "img", {"src": im.small.name,
                       "srcset": f"{im.small.name} {im.small.width}w, "
                                 f"{im.large.name} {im.large.width}w",
                       "sizes": IMAGE_SIZES, "width": str(im.small.width),
                       "height": str(im.small.height), "alt": f"{page.title}版面图"})
    for zone in zones:
        title = _zone_title(zone, placed[zone.article])
        link = sub(sheet, "a", {"class": "zone", "href": article_href(zone.article),
                                "title": title})
        for k, area in enumerate(zone.areas):
            attrs = {"class": "area", "style": f"left:{area.left}%;top:{area.top}%;"
                                               f"width:{area.width}%;height:{area.height}%"}
            if k == 0:
                attrs["id"] = zone_id(zone.article)
            sub(link, "span", attrs)
        add_text(sub(link, "span", {"class": "vh"}), title)


def _zone_title(zone: Zone, placed: Placed) -> str:
    return placed.title + ("（续）" if zone.continued else "")


def _article_list(frame, zones: list[Zone], placed: dict[int, Placed]) -> None:
    aside = sub(frame, "aside", {"class": "articles", "aria-labelledby": "articles-h"})
    add_text(sub(aside, "h2", id="articles-h"), "本版文章")
    if not zones:
        add_text(sub(aside, "p", {"class": "none"}), "本版无稿件")
        return
    ol = sub(aside, "ol")
    for zone in zones:
        add_text(sub(sub(ol, "li"), "a", href=article_href(zone.article)),
                 _zone_title(zone, placed[zone.article]))


def _page_navigation(frame, pages: list[PageEntry], current: int) -> None:
    nav = sub(frame, "nav", {"class": "pages", "aria-labelledby": "pages-h"})
    add_text(sub(nav, "h2", id="pages-h"), "版面导航")
    ol = sub(nav, "ol")
    for p in pages:
        attrs = {"href": page_href(p.number)}
        if p.number == current:
            attrs["aria-current"] = "page"
        link = sub(sub(ol, "li"), "a", attrs)
        t = p.images.thumb
        sub(link, "img", {"src": t.name, "alt": "", "width": str(t.width),
                          "height": str(t.height), "loading": "lazy"})
        add_text(sub(link, "span"), p.title)
