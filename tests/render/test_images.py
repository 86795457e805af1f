"""Photos prepared for print: turned upright by their EXIF orientation, cropped to the placed
box, grayscale, never upsampled."""

from __future__ import annotations

import io

from PIL import Image

from typeset.render.images import prepare_photo

ORIENTATION = 0x0112
ROTATE_90_CW = 6  # EXIF: the stored pixels are shown turned 90° clockwise


def stored_sideways(tmp_path):
    """A 300×200 JPEG whose stored left half is black, turned by its EXIF tag to a 200×300
    portrait whose top half is black."""
    im = Image.new("L", (300, 200), 255)
    im.paste(0, (0, 0, 150, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = ROTATE_90_CW
    path = tmp_path / "sideways.jpg"
    im.save(path, "JPEG", exif=exif)
    return path


def test_a_photo_is_turned_upright_by_its_exif_orientation(tmp_path):
    prepared = prepare_photo(stored_sideways(tmp_path), 72, 108, dpi=200, quality=90)
    im = Image.open(io.BytesIO(prepared.jpeg))
    assert (im.mode, im.size) == ("L", (200, 300))  # 1 × 1.5 in at 200 dpi; not upsampled
    top, bottom = im.crop((0, 0, 200, 100)), im.crop((0, 200, 200, 300))
    assert top.getextrema()[1] < 40 and bottom.getextrema()[0] > 215


def test_a_photo_with_fewer_pixels_than_the_box_asks_is_not_upsampled(tmp_path):
    prepared = prepare_photo(stored_sideways(tmp_path), 144, 216, dpi=200, quality=90)
    assert (prepared.width_px, prepared.height_px) == (200, 300)
    assert prepared.ppi == 100


def test_a_cmyk_photo_stays_cmyk_for_colour_print(tmp_path):
    path = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (400, 300), (128, 0, 0, 128)).save(path, "JPEG")
    prepared = prepare_photo(path, 200, 150, dpi=100, quality=85, color=True)
    assert prepared.mode == "CMYK"
    im = Image.open(io.BytesIO(prepared.jpeg))
    c, m, y, k = im.getpixel((10, 10))
    # the separation as made, not rebuilt from RGB (which would give C 64, K 128)
    assert abs(c - 128) < 8 and abs(k - 128) < 8 and m + y < 10, (c, m, y, k)


def test_a_16bit_grey_photo_is_scaled_not_clipped(tmp_path):
    path = tmp_path / "grey16.png"
    Image.new("I;16", (200, 100), 0x4000).save(path)  # a quarter of full scale
    prepared = prepare_photo(path, 100, 50, dpi=72, quality=95)
    value = Image.open(io.BytesIO(prepared.jpeg)).getpixel((10, 10))
    assert 60 <= value <= 68, value
