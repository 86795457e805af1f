"""The HTML edition's page images: every PDF page rendered with pdfium, trimmed, as WebP at
two widths (for `srcset`) and a thumbnail for the page navigation."""

from __future__ import annotations

import io
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from .cover import render_trimmed

# The large image serves a phone 390 CSS px wide (the width the browser tests use) zoomed
# in twice, at a device pixel ratio of 2: 390 × 2 × 2 = 1560 px. Broadsheet body type (9 pt
# on a 390 mm page) is then 12.7 px to the em, where a Han character's strokes stay apart.
PHONE_WIDTH_CSS_PX = 390
READING_ZOOM = 2
DEVICE_PIXEL_RATIO = 2
LARGE_WIDTH_PX = PHONE_WIDTH_CSS_PX * READING_ZOOM * DEVICE_PIXEL_RATIO
# The small one is the large halved: the same phone unzoomed, a desktop column at 1×.
SMALL_FACTOR = 2
# Thumbnails in the page navigation are shown about 100 CSS px wide; at 2× that is 200.
THUMB_WIDTH_PX = 200
# WebP: lossy at quality 60 keeps the text's edges clean at these sizes (16 grey levels in
# a PNG were smaller but band the photos). Effort (method) 0 takes 0.7 of the CPU time of
# effort 2 for files 10 % larger: the encoding is most of the edition's build time.
WEBP_QUALITY = 60
WEBP_METHOD = 0
# pdfium runs on one thread; the encoders release the GIL and run beside it.
ENCODER_THREADS = 2
FOLDER = "pages"  # where the images are in the site


@dataclass(frozen=True)
class Picture:
    """One encoded image of a page: its file name in the site, pixel size and bytes."""

    name: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class PageImages:
    """A page's images. `scale`: pixels of the large image per PDF point, so that a box of
    the layout (points from the trim's top-left) is `box × scale` pixels on it."""

    number: int
    large: Picture
    small: Picture
    thumb: Picture
    scale: float


def page_images(pdf: bytes, numbers: list[int]) -> list[PageImages]:
    """Render and encode every page of `pdf` (its bytes), named FOLDER/pN-WIDTH.webp;
    `numbers`: the print page number of each PDF page (pages without copy are left out).

    pdfium is not thread-safe: nothing else may call it while this runs."""
    with ThreadPoolExecutor(max_workers=ENCODER_THREADS) as pool:
        pending = [(number, scale, [pool.submit(_encode, im, f"{FOLDER}/p{number}-{tag}.webp")
                                    for tag, im in _sizes(large)])
                   for number, scale, large in _render(pdf, numbers)]
        return [PageImages(number, *(f.result() for f in futures), scale)
                for number, scale, futures in pending]


def _render(pdf: bytes, numbers: list[int]) -> Iterator[tuple[int, float, Image.Image]]:
    """(page number, pixels per point, greyscale image LARGE_WIDTH_PX wide) per page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        for index, number in enumerate(numbers):
            image, scale = render_trimmed(doc[index], LARGE_WIDTH_PX)
            yield number, scale, image
    finally:
        doc.close()


def _sizes(large: Image.Image) -> list[tuple[str, Image.Image]]:
    small = large.reduce(SMALL_FACTOR)
    thumb_height = round(large.height * THUMB_WIDTH_PX / large.width)
    thumb = small.resize((THUMB_WIDTH_PX, thumb_height), Image.Resampling.LANCZOS)
    return [(str(large.width), large), (str(small.width), small), ("thumb", thumb)]


def _encode(image: Image.Image, name: str) -> Picture:
    buf = io.BytesIO()
    image.save(buf, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    return Picture(name, image.width, image.height, buf.getvalue())

