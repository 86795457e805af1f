"""Reading an issue file into text, with an InputError for every way that can fail."""

from __future__ import annotations

from pathlib import Path

from typeset.errors import InputError


def read_issue_text(path: Path) -> str:
    """Return the file's text (UTF-8, BOM removed).

    Raises InputError for a missing or unreadable file, an empty file, a binary file
    (NUL byte) and bytes that are not UTF-8; the last two name the byte offset and line.
    """
    where = str(path)
    if not path.exists():
        raise InputError("issue file not found", where=where,
                         hint="check the path; the issue is one Markdown file")
    if not path.is_file():
        raise InputError("not a file", where=where, hint="give the issue's Markdown file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", where=where) from exc
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


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
