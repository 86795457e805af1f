"""EPUB 3 writer: the issue model as a reflowable e-book.

ebooklib builds the package (OPF, NCX, container); the content documents and the nav
document are our own XHTML (epub_xhtml), stored verbatim. The zip is then rewritten with
fixed timestamps so that two runs on the same input give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import uuid
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ebooklib import epub

from ..errors import InputError
from ..fonts import FontSet
from ..model import Issue
from . import epub_style
from .epub_images import ImageStore, title_card_png
from .epub_xhtml import (STYLESHEET, Document, cover_document, date_line, filler_document,
                         masthead_document, nav_document, page_documents, page_file_names,
                         plan_runs, serialize)

# Without an issue date or SOURCE_DATE_EPOCH the book still needs a fixed date: the zip epoch.
FALLBACK_TIME = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
# Both covers, a page render and a title card, are PNGs small enough to keep as they are.
COVER_HREF = "images/cover.png"
ID_NAMESPACE = uuid.UUID("6f1c1a52-8d1e-4b0a-9f39-2a4f0c1f5e11")  # typeset's own uuid5 space
# Deflate level of the archive's members. The embedded CJK font (about 1.3 MB) is most of
# the work: level 9 took 0.14–0.28 s on it, level 4 about 0.06 s, for files 0.2 % larger.
DEFLATE_LEVEL = 4
# Members already compressed (JPEG, PNG, WOFF): deflating them again gains under 1 %.
STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".woff", ".woff2")


@dataclass(frozen=True)
class EpubSummary:
    """What write_epub wrote: the file, its size, content documents and toc article entries."""

    path: Path
    bytes: int
    documents: int
    nav_entries: int


class _Verbatim(epub.EpubHtml):
    """An XHTML document whose bytes we made ourselves (ebooklib would reparse as HTML)."""

    def __init__(self, doc: Document, uid: str, properties: tuple[str, ...] = ()) -> None:
        super().__init__(uid=uid, file_name=doc.file_name, title=doc.title)
        self.content = serialize(doc.root)
        self.properties = list(properties)

    def get_content(self, default: bytes | None = None) -> bytes:
        return self.content


def write_epub(issue: Issue, out_path: Path, *, fonts: FontSet | None,
               cover_png: Callable[[], bytes] | None = None,
               page_of: Mapping[int, int] | None = None) -> EpubSummary:
    """Write `issue` as an EPUB 3 file at `out_path`.

    fonts: embed the body role's primary face, subset to the book's characters (None: no
    font). cover_png: returns a render of PDF page 1 as a PNG at most MAX_EDGE pixels on
    its long side; it is called only once the rest of the book is built, so that the render
    can run alongside (None: a title card drawn from the masthead).
    page_of: index in issue.articles → print page the layout put the article on (default:
    the page of the copy); it decides the page documents and the page-list.
    """
    modified = _modified_time(issue)
    images = ImageStore(issue.source.parent)
    runs = plan_runs(issue, page_of)
    masthead = masthead_document(issue)
    pages, nav_pages = page_documents(issue, runs, page_file_names(runs), images.href_for)
    fillers = filler_document(issue, images.href_for)
    if fillers is not None:  # the filler pool reads after the pages, in the spine and toc
        pages.append(fillers[0])
        nav_pages.append(fillers[1])

    # A raw file may have no masthead title; the book still needs one (dc:title).
    title = " ".join(x for x in (issue.masthead.title, date_line(issue.masthead)) if x) \
        or issue.source.stem
    cover = cover_document(issue, COVER_HREF, title)
    nav = nav_document(issue, title, masthead, nav_pages, cover)

    book = epub.EpubBook()
    book.set_identifier(_identifier(issue))
    book.set_title(title)
    book.set_language(issue.language)
    if issue.masthead.date:
        book.add_metadata("DC", "date", issue.masthead.date.isoformat())
    if issue.masthead.title:
        book.add_metadata("DC", "publisher", issue.masthead.title)

    book.add_item(epub.EpubItem(uid="css", file_name=STYLESHEET,
                                media_type="text/css",
                                content=epub_style.stylesheet(fonts is not None).encode()))
    if fonts is not None:
        texts = ["".join(d.root.itertext()) for d in (masthead, *pages, nav, cover)]
        book.add_item(epub.EpubItem(uid="font-body", file_name=epub_style.FONT_HREF,
                                    media_type=epub_style.FONT_MEDIA_TYPE,
                                    content=epub_style.body_font_subset(fonts, texts)))
    book.set_cover(COVER_HREF, cover_png() if cover_png is not None
                   else title_card_png(issue.masthead, fonts), create_page=False)
    for n, asset in enumerate(images.assets, 1):
        book.add_item(epub.EpubImage(uid=f"img{n:03d}", file_name=asset.href,
                                     media_type=asset.media_type, content=asset.data))

    cover_item = book.add_item(_Verbatim(cover, "cover"))
    masthead_item = book.add_item(_Verbatim(masthead, "masthead"))
    page_items = [book.add_item(_Verbatim(d, f"p{n:02d}")) for n, d in enumerate(pages, 1)]
    book.add_item(_Verbatim(nav, "nav", ("nav",)))
    book.add_item(epub.EpubNcx())
    book.spine = [cover_item, masthead_item, *page_items]
    book.toc = [masthead_item] + [
        (item, [epub.Link(a.href, a.title, f"toc-{a.href.rsplit('#', 1)[1]}") for a in np.articles])
        if np.articles else item
        for item, np in zip(page_items, nav_pages)]

    buf = io.BytesIO()
    # Level 0: ebooklib's archive is only read back by _reproducible_zip, which compresses
    # every member itself (deflating twice cost ~0.1 s of the sample's 0.3 s).
    epub.write_epub(buf, book, {"mtime": modified, "epub3_pages": False, "epub3_landmark": False,
                                "raise_exceptions": True, "compresslevel": 0})
    data = _reproducible_zip(buf.getvalue(), modified)
    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {out_path}: {exc.strerror}", where=str(out_path),
                         hint="choose a writable output directory") from exc
    return EpubSummary(path=out_path, bytes=len(data), documents=len(pages) + 2,
                       nav_entries=sum(len(p.articles) for p in nav_pages))


def _modified_time(issue: Issue) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible-builds convention), else the issue date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            when = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (ValueError, OverflowError, OSError) as exc:
            raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time",
                             where="environment",
                             hint="set it to whole seconds since 1970, or unset it") from exc
        return max(when, FALLBACK_TIME)  # a zip cannot store times before 1980
    if issue.masthead.date:
        return dt.datetime.combine(issue.masthead.date, dt.time(), tzinfo=dt.timezone.utc)
    return FALLBACK_TIME


def _identifier(issue: Issue) -> str:
    """A stable URN for this paper's issue of this date (not a random UUID per build)."""
    m = issue.masthead
    when = m.date.isoformat() if m.date else (m.date_text or issue.source.name)
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'{m.title}|{when}')}"


def _reproducible_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same archive with fixed timestamps and attributes; mimetype first and stored,
    as are the images."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        names = src.namelist()
        for name in ["mimetype"] + [n for n in names if n != "mimetype"]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, whatever the building machine
            info.external_attr = 0o644 << 16
            stored = name == "mimetype" or name.lower().endswith(STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name), compresslevel=DEFLATE_LEVEL)
    return out.getvalue()
