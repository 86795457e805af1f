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


def assert_profile_applied(mode: str, colour: tuple[int, ...], profile_path: Path) -> None:
    """A photo in `mode` filled with `colour`, tagged with the profile, reaches the EPUB as
    the sRGB colour the profile means (and not the colour Pillow's plain conversion gives)."""
    profile = profile_path.read_bytes()
    data = encoded(Image.new(mode, (50, 50), colour), "JPEG", icc_profile=profile)
    out, _, _ = prepare_image(data)
    source = decoded(data)
    want = ImageCms.profileToProfile(source, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                     ImageCms.createProfile("sRGB"), outputMode="RGB")
    want, naive = want.getpixel((25, 25)), source.convert("RGB").getpixel((25, 25))
    assert max(abs(a - b) for a, b in zip(want, naive)) > 30, (want, naive)  # tells them apart
    got = decoded(out)
    assert "icc_profile" not in got.info
    assert max(abs(a - b) for a, b in zip(got.getpixel((25, 25)), want)) <= 6, (got, want)


@pytest.mark.skipif(not CMYK_PROFILE.is_file(), reason="Ghostscript's ICC profiles not installed")
def test_the_embedded_cmyk_profile_is_applied():
    assert_profile_applied("CMYK", (255, 0, 0, 0), CMYK_PROFILE)  # printed cyan


@pytest.mark.skipif(not ADOBE_RGB_PROFILE.is_file(), reason="Ghostscript's ICC profiles not installed")
def test_an_rgb_jpeg_in_another_colour_space_is_converted_to_srgb():
    assert_profile_applied("RGB", (40, 180, 90), ADOBE_RGB_PROFILE)


def test_a_wide_photo_is_at_most_max_edge_wide():
    data = encoded(Image.new("RGB", (4000, 1000), (10, 20, 30)), "PNG")
    assert decoded(prepare_image(data)[0]).size == (MAX_EDGE, 400)
