"""Inline tokens → model runs.

`**x**` (and `*x*`) become EMPHASIS runs; hard breaks and `<br>` become LineBreak; a soft
break (a newline inside a paragraph) disappears between CJK characters and becomes a space
between two Latin ones; links keep their text; inline code is plain text; HTML comments are
dropped and any other inline HTML is kept literally so that no character the user typed is
lost. Images are returned as ImageRef pieces so the caller can cut the paragraph around them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markdown_it.token import Token

from typeset.model import Inline, LineBreak, Style, Text

_BR = re.compile(r"<br\s*/?>", re.I)


@dataclass(frozen=True)
class ImageRef:
    """An image as written in the copy: `![alt](src "title")`."""

    src: str
    alt: str
    title: str


class _SoftBreak:
    """Placeholder until the characters on both sides are known."""


def inline_pieces(token: Token) -> list[Inline | ImageRef]:
    """The runs of an `inline` token, images as ImageRef, adjacent same-style runs merged."""
    pieces: list[Inline | ImageRef | _SoftBreak] = []
    depth = 0  # strong/em nesting
    for child in token.children or []:
        kind = child.type
        if kind in ("strong_open", "em_open"):
            depth += 1
        elif kind in ("strong_close", "em_close"):
            depth -= 1
        elif kind in ("text", "code_inline"):
            pieces.append(Text(child.content, Style.EMPHASIS if depth else Style.REGULAR))
        elif kind == "softbreak":
            pieces.append(_SoftBreak())
        elif kind == "hardbreak":
            pieces.append(LineBreak())
        elif kind == "html_inline":
            if _BR.fullmatch(child.content.strip()):
                pieces.append(LineBreak())
            elif not child.content.startswith("<!--"):
                pieces.append(Text(child.content, Style.EMPHASIS if depth else Style.REGULAR))
        elif kind == "image":
            # the caption as typed between the brackets: markup and HTML in it are
            # characters of the caption (a caption is plain text), none is dropped
            pieces.append(ImageRef(child.attrGet("src") or "", child.content,
                                   child.attrGet("title") or ""))
        # link_open/link_close and other markup carry no characters of their own
    return _merge(_resolve_softbreaks(pieces))


def plain_text(token: Token) -> str:
    """The characters of an inline token as one string (headings, table cells).

    An image there keeps its caption and credit as text: nothing typed is lost.
    """
    parts = []
    for piece in inline_pieces(token):
        if isinstance(piece, ImageRef):
            parts.append(" ".join(t for t in (piece.alt, piece.title) if t))
        else:
            parts.append(runs_text([piece]))
    return "".join(parts)


def runs_text(runs) -> str:
    """Join runs into a string, hard breaks as newlines."""
    return "".join(r.text if isinstance(r, Text) else "\n" for r in runs)


def is_wide(ch: str) -> bool:
    """True for characters set on the CJK em grid (no spaces between them)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _resolve_softbreaks(pieces: list) -> list:
    out: list = []
    for i, piece in enumerate(pieces):
        if not isinstance(piece, _SoftBreak):
            out.append(piece)
            continue
        before = _edge_char(reversed(out), last=True)
        after = _edge_char(pieces[i + 1:], last=False)
        if before and after and not is_wide(before) and not is_wide(after):
            style = out[-1].style if out and isinstance(out[-1], Text) else Style.REGULAR
            out.append(Text(" ", style))
    return out


def _edge_char(pieces, *, last: bool) -> str:
    """The character next to a soft break on one side ('' at a break, image or edge)."""
    for piece in pieces:
        if isinstance(piece, Text):
            stripped = piece.text.rstrip() if last else piece.text.lstrip()
            if stripped:
                return stripped[-1] if last else stripped[0]
            continue
        return ""
    return ""


def _merge(pieces: list) -> list[Inline | ImageRef]:
    out: list[Inline | ImageRef] = []
    for piece in pieces:
        if (isinstance(piece, Text) and out and isinstance(out[-1], Text)
                and out[-1].style is piece.style):
            out[-1] = Text(out[-1].text + piece.text, piece.style)
        elif not (isinstance(piece, Text) and not piece.text):
            out.append(piece)
    return out
