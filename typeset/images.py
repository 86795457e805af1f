"""Image files as the program reads them: the formats it opens, the pixel limit, and every
way a file can fail to be a usable photo, said in words.

Pillow's own guard against decompression bombs (a DecompressionBombWarning above 89 Mpx,
an error above 179 Mpx) is switched off: `check_image` applies the layout's
`[limits] max_image_mp` from the header before anything is decoded, and the ingest stage
checks every image of an issue so. Pillow's fixed guard would print a raw warning for a
legitimate large photo and refuse photos the layout allows.
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

Image.MAX_IMAGE_PIXELS = None

# What Pillow may open for a photo: the raster formats cameras, scanners and picture desks
# write. Formats it can open only through another program (EPS runs Ghostscript) or that
# are not photos (ICO, PSD layers) are refused as "not an image".
READABLE_FORMATS = ("JPEG", "PNG", "GIF", "TIFF", "BMP", "WEBP")
# A JPEG is checked by decoding it at 1/8 scale (the DCT's own reduction): every byte of
# the stream is still read, so a truncated file is found, at a small part of the cost.
JPEG_CHECK_SCALE = 8
# How much of the file is looked at to say what it is when it is not an image.
SNIFF_BYTES = 512
# What a decoder raises on damaged data (zlib for PNG's compressed stream, struct for
# short headers, the rest for cut or inconsistent files).
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error,
                 zlib.error)


class ImageProblem(Exception):
    """Why a file cannot be used as a photo, in words a picture editor understands, and
    what to do about it."""

    def __init__(self, reason: str, hint: str = "replace it with a JPEG or PNG photo") -> None:
        super().__init__(reason)
        self.hint = hint


def open_image(source: Path | BinaryIO) -> Image.Image:
    """Open an image file (lazily: the header only) in one of READABLE_FORMATS."""
    return Image.open(source, formats=READABLE_FORMATS)


def check_image(path: Path, max_pixels: int) -> tuple[int, int]:
    """The (width, height) of the photo at `path`, after making sure it can be used: an
    image in a format the program reads, within `max_pixels` (from its header, before
    decoding), and complete (decoded once). Raises ImageProblem saying what is wrong."""
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as exc:
        raise ImageProblem(f"cannot be read: {exc.strerror}") from exc
    if _is_svg(head):
        raise ImageProblem("SVG is not supported: a photo must be a JPEG or PNG "
                           "(convert the drawing to PNG)")
    try:
        im = open_image(path)
    except UnidentifiedImageError as exc:
        raise ImageProblem(f"not an image: {_what_it_is(head)}") from exc
    except DECODE_ERRORS as exc:
        raise ImageProblem(f"truncated or damaged: {exc}") from exc
    with im:
        width, height = im.size
        if width * height > max_pixels:
            raise ImageProblem(
                f"too many pixels: {width} × {height} = {width * height / 1e6:,.0f} "
                f"megapixels, over the limit of {max_pixels / 1e6:g}",
                "scale the photo down, or raise the limit with --max-image-mp or "
                "`[limits] max_image_mp` in the layout")
        if not width or not height:
            raise ImageProblem(f"not an image: it is {width} × {height} pixels")
        try:
            if im.format == "JPEG":
                im.draft(im.mode, (math.ceil(width / JPEG_CHECK_SCALE),
                                   math.ceil(height / JPEG_CHECK_SCALE)))
            im.load()
        except DECODE_ERRORS as exc:
            raise ImageProblem(f"truncated or damaged: {exc}") from exc
    return width, height


def eight_bit(im: Image.Image) -> Image.Image:
    """The image with 8 bits per channel: 16-bit grey (and 32-bit integer or float grey)
    scaled down to L. Pillow's own conversion clips them at 255, which turns a 16-bit
    photo white. (16-bit RGB and RGBA PNGs Pillow already reads as 8-bit.)"""
    if im.mode.startswith("I;16"):
        return _scaled(im, 255 / 65535)
    if im.mode in ("I", "F"):
        high = im.getextrema()[1]
        return _scaled(im, 255 / 65535 if high > 255 else 1)  # 16-bit data in 32 bits
    return im


def _scaled(im: Image.Image, factor: float) -> Image.Image:
    return im.convert("F").point(lambda v: v * factor).convert("L")


def _is_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text) \
        or b"<!doctype svg" in text


def _what_it_is(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "it is a PDF (export the photo as JPEG or PNG)"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not only a character cut at the sniff's end
            return "not a format the program reads (use JPEG or PNG)"
    return "it is a text file"
