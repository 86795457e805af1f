"""Reading an issue file into text, with an InputError for every way that can fail."""

from __future__ import annotations

import codecs
from pathlib import Path

from typeset.errors import InputError

# Byte-order marks of the encodings an editor may save in instead of UTF-8, longest first
# (UTF-32 LE's mark begins with UTF-16 LE's).
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
             (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
             (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
             (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"))


def read_issue_text(path: Path, max_bytes: int | None = None) -> str:
    """Return the file's text (UTF-8, BOM removed).

    Raises InputError for a missing or unreadable file, a file over `max_bytes` (checked
    before it is read), an empty file, a UTF-16 or UTF-32 file (named by its byte-order
    mark), a binary file (NUL byte) and bytes that are not UTF-8; the last two name the
    byte offset and line.
    """
    where = str(path)
    if not path.exists():
        raise InputError("issue file not found", where=where,
                         hint="check the path; the issue is one Markdown file")
    if not path.is_file():
        raise InputError("not a file", where=where, hint="give the issue's Markdown file")
    try:
        if max_bytes is not None:
            _check_size(path.stat().st_size, max_bytes, where)
        with path.open("rb") as f:  # at most one byte past the limit, if the file grew
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", where=where) from exc
    if max_bytes is not None:
        _check_size(len(data), max_bytes, where)
    for bom, encoding in WIDE_BOMS:
        if data.startswith(bom):
            raise InputError(f"the file is {encoding}, by its byte-order mark, not UTF-8",
                             where=where, hint="save the file as UTF-8 (e.g. `iconv -f "
                                               f"{encoding.split()[0]} -t UTF-8`)")
    if not data.strip():
        raise InputError("the issue file is empty", where=where,
                         hint="write the issue in Markdown (see issue-format.md)")
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(f"binary file: NUL byte at offset {nul}",
                         where=f"{where}:{_line_of(data, nul)}",
                         hint="the issue must be a UTF-8 Markdown text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            where=f"{where}:{_line_of(data, exc.start)}",
            hint="save the file as UTF-8") from exc
    return text.removeprefix("\ufeff")


def _check_size(size: int, max_bytes: int, where: str) -> None:
    if size > max_bytes:
        raise InputError(f"the issue file is {size / 1e6:.1f} MB, over the limit of "
                         f"{max_bytes / 1e6:g} MB", where=where,
                         hint="split the issue, or raise the limit with --max-input-mb or "
                              "`[limits] max_input_mb` in the layout")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
