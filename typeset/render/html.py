"""The HTML edition (数字报): a static site in OUTDIR/<stem>-html/ that works from file://
and from any web server, with no server code.

index.html is the front page's view; page-N.html the others'; article-NNN.html one per
article; search.html searches the issue's text. The page images are renders of the PDF
(html_images), the hot zones the layout's boxes (html_zones), the article views the EPUB's
markup of each article (html_articles). Everything the site needs is in the folder: no
request leaves it, the fonts are the reader's own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..layout.engine import MakeUp
from ..model import Issue
from .epub_images import ImageStore
from .epub_xhtml import page_label
from .html_articles import Placed, article_view
from .html_images import PageImages
from .html_markup import SCRIPT, SEARCH_PAGE, page_href
from .html_pages import PageEntry, page_view
from .html_search import DATA_SCRIPT, SEARCH_SCRIPT, SearchRecord, search_data, search_page
from .html_zones import page_zones

ASSETS = ("style.css", SCRIPT, SEARCH_SCRIPT)


@dataclass(frozen=True)
class HtmlSummary:
    """What write_html wrote: the folder, its files and their bytes, pages and articles."""

    path: Path
    files: int
    bytes: int
    pages: int
    articles: int


def write_html(issue: Issue, makeup: MakeUp, images: list[PageImages], site: Path
               ) -> HtmlSummary:
    """Write the HTML edition of `issue`, laid out as `makeup`, with the renders of its PDF
    pages (html_images.page_images), into the folder `site` (replaced whole once the new one
    is complete)."""
    zones = page_zones(makeup, images)
    sections = {p.number: p.section for p in makeup.layout.pages}
    pages = [PageEntry(im.number, " ".join(x for x in (page_label(im.number),
                                                       sections.get(im.number, "")) if x), im)
             for im in images]
    titles = {p.number: p.title for p in pages}
    placed = _placed(issue, makeup)
    order = sorted(placed.values(), key=lambda p: (p.pages[0], p.index))

    files: dict[str, bytes] = {}
    store = ImageStore(issue.source.parent)
    records = []
    for k, p in enumerate(order):
        view = article_view(issue, p, order[k - 1] if k else None,
                            order[k + 1] if k + 1 < len(order) else None, titles,
                            store.href_for)
        files[view.name] = view.data
        records.append(SearchRecord(view.name, p.title, titles[p.pages[0]], view.text))
    for page in pages:
        files[page_href(page.number)] = page_view(issue, page, pages, zones[page.number],
                                                  placed)
        for picture in (page.images.large, page.images.small, page.images.thumb):
            files[picture.name] = picture.data
    files[SEARCH_PAGE] = search_page(issue)
    files[DATA_SCRIPT] = search_data(records)
    for asset in store.assets:
        files[asset.href] = asset.data
    for name in ASSETS:
        files[name] = resources.files(__package__).joinpath("html_assets", name).read_bytes()
    _write_folder(site, files)
    return HtmlSummary(site, len(files), sum(map(len, files.values())), len(pages), len(order))


def _placed(issue: Issue, makeup: MakeUp) -> dict[int, Placed]:
    """Every article the layout printed (teasers in page 1's ear), by index, with its pages."""
    pages: dict[int, list[int]] = {}
    for p in sorted(makeup.placements, key=lambda p: p.continued_from is not None):
        if p.page not in pages.setdefault(p.article, []):
            pages[p.article].append(p.page)
    targets: dict[int, int | None] = {}
    for t in makeup.teasers:
        if t.article >= 0:
            pages.setdefault(t.article, [1])
            targets[t.article] = t.target
    articles = issue.articles
    return {i: Placed(i, articles[i], tuple(ps), targets.get(i)) for i, ps in pages.items()}


def _write_folder(site: Path, files: dict[str, bytes]) -> None:
    """Write `files` (relative name → bytes) into a new folder beside `site`, then put it in
    its place: a failed run leaves the old edition as it was."""
    site.parent.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    old = None
    try:
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private
        for name, data in files.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old.", dir=site.parent))
            os.replace(site, old / site.name)
        try:
            os.replace(tmp, site)
        except OSError:
            if old is not None:  # put the old edition back
                os.replace(old / site.name, site)
            raise
    except OSError as exc:
        raise InputError(f"cannot write {site}: {exc.strerror}", where=str(site),
                         hint="choose a writable output directory") from exc
    finally:
        for leftover in (tmp, old):
            if leftover is not None and leftover.exists():
                shutil.rmtree(leftover, ignore_errors=True)
