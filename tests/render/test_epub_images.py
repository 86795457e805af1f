"""Photos for the EPUB: 8-bit sRGB JPEG or PNG, the embedded ICC profile applied, at most
MAX_EDGE pixels; a photo that already is one is kept byte for byte."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from typeset.render.epub_images import MAX_EDGE, prepare_image

GHOSTSCRIPT_ICC = Path("/usr/share/color/icc/ghostscript")
CMYK_PROFILE = GHOSTSCRIPT_ICC / "default_cmyk.icc"
ADOBE_RGB_PROFILE = GHOSTSCRIPT_ICC / "a98.icc"


def encoded(im: Image.Image, fmt: str, **params) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **params)
    return out.getvalue()


def decoded(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def png_16bit_rgba(width: int, height: int, rgba16: tuple[int, int, int, int]) -> bytes:
    """A PNG of 16 bits per channel (Pillow reads these but writes only 8-bit RGBA)."""
    row = b"\x00" + struct.pack(">4H", *rgba16) * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def test_an_8bit_rgb_jpeg_without_profile_is_kept_byte_for_byte():
    data = encoded(Image.new("RGB", (300, 200), (200, 120, 40)), "JPEG")
    assert prepare_image(data) == (data, "image/jpeg", ".jpg")


def test_a_cmyk_jpeg_becomes_an_rgb_jpeg():
    data = encoded(Image.new("CMYK", (300, 200), (0, 0, 0, 255)), "JPEG")
    out, media_type, _ = prepare_image(data)
    im = decoded(out)
    assert media_type == "image/jpeg" and im.mode == "RGB"
    assert max(im.getpixel((10, 10))) < 40  # full K is black, not inverted to white


def test_a_16bit_rgba_png_becomes_an_8bit_png():
    data = png_16bit_rgba(40, 20, (0xFFFF, 0, 0, 0x8000))
    out, media_type, _ = prepare_image(data)
    assert out != data and media_type == "image/png"
    assert out[24] == 8  # IHDR bit depth
    assert decoded(out).getpixel((3, 3)) == (255, 0, 0, 128)


@pytest.mark.skipif(not CMYK_PROFILE.is_file(), reason="Ghostscript's ICC profiles not installed")
def test_the_embedded_cmyk_profile_is_applied():
    profile = CMYK_PROFILE.read_bytes()
    data = encoded(Image.new("CMYK", (50, 50), (255, 0, 0, 0)), "JPEG", icc_profile=profile)
    out, _, _ = prepare_image(data)
    im = decoded(out)
    expected = ImageCms.profileToProfile(decoded(data), ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                         ImageCms.createProfile("sRGB"), outputMode="RGB")
    got, want = im.getpixel((25, 25)), expected.getpixel((25, 25))
    assert all(abs(a - b) <= 6 for a, b in zip(got, want)), (got, want)
    assert got[0] > 0  # printed cyan is not the naive (0, 255, 255)
    assert "icc_profile" not in im.info


@pytest.mark.skipif(not ADOBE_RGB_PROFILE.is_file(), reason="Ghostscript's ICC profiles not installed")
def test_an_rgb_jpeg_in_another_colour_space_is_converted_to_srgb():
    data = encoded(Image.new("RGB", (50, 50), (0, 200, 0)), "JPEG",
                   icc_profile=ADOBE_RGB_PROFILE.read_bytes())
    out, _, _ = prepare_image(data)
    assert out != data and "icc_profile" not in decoded(out).info
    assert decoded(out).getpixel((25, 25))[1] > 220  # Adobe RGB's green is more saturated


def test_a_wide_photo_is_at_most_max_edge_wide():
    data = encoded(Image.new("RGB", (4000, 1000), (10, 20, 30)), "PNG")
    assert decoded(prepare_image(data)[0]).size == (MAX_EDGE, 400)
