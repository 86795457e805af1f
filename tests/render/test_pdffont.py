"""The PDF data of an embedded CID font written without a PDF library: the W array's runs and
the ToUnicode CMap's blocks."""

from __future__ import annotations

import re

from typeset.render.pdffont import to_unicode_cmap, width_array


def test_the_w_array_groups_consecutive_codes_into_runs():
    assert width_array({5: 1000, 1: 500, 2: 600, 3: 600}) == b"1 [500 600 600] 5 [1000]"


def test_the_tounicode_cmap_maps_each_code_to_its_text_in_blocks_of_at_most_100():
    text_of = {code: chr(0x4E00 + code) for code in range(1, 151)} | {151: "", 152: "𠮷"}
    cmap = to_unicode_cmap("ABCDEF+Face", text_of).decode("ascii")
    assert re.findall(r"(\d+) beginbfchar", cmap) == ["100", "51"]  # 151 has no text
    assert "<0001> <4E01>" in cmap
    assert "<0098> <D842DFB7>" in cmap  # outside the BMP: a UTF-16 surrogate pair
