"""Walking markdown-it-py's token stream into the flat item stream (see items.py).

The parser is markdown-it-py with CommonMark, GFM tables and mdit-py-plugins' front matter;
nothing here parses Markdown syntax itself. `token.map` gives every item its source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from typeset.ingest.inlines import ImageRef, inline_pieces, plain_text
from typeset.ingest.items import Body, FillerMark, Heading, Item, PageMark
from typeset.model import (Figure, Inline, LineBreak, ListBlock, Paragraph, Quote, Source,
                           Table, Text)

PAGE_MARKER = re.compile(r"<!--\s*page\s+(\d+)\s*(?:\|(.*?))?-->", re.S | re.I)
FILLERS_MARKER = re.compile(r"<!--\s*fillers\s*-->", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EDITOR = re.compile(r"责任编辑\s*[:：]\s*")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")


@dataclass
class FrontMatter:
    """The YAML front matter as written, with the line its first key is on."""

    text: str
    first_line: int


@dataclass
class Parsed:
    """The token walk's result."""

    front_matter: FrontMatter | None
    items: list[Item]


def parse_markdown(text: str, file: str, base_dir: Path) -> Parsed:
    """Parse the issue text into front matter and items; image paths resolve from base_dir."""
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    walker = _Walker(md.parse(text), file, base_dir)
    items = walker.walk()
    return Parsed(walker.front_matter, items)


class _Walker:
    def __init__(self, tokens: list[Token], file: str, base_dir: Path) -> None:
        self.tokens = tokens
        self.file = file
        self.base_dir = base_dir
        self.front_matter: FrontMatter | None = None
        self.items: list[Item] = []

    def src(self, token: Token) -> Source:
        return Source(self.file, token.map[0] + 1 if token.map else 0)

    def walk(self) -> list[Item]:
        i = 0
        while i < len(self.tokens):
            i = self.top_level(i)
        return self.items

    def end_of(self, i: int) -> int:
        """Index of the close token matching the open token at i."""
        open_tok = self.tokens[i]
        close = open_tok.type.removesuffix("_open") + "_close"
        for j in range(i + 1, len(self.tokens)):
            tok = self.tokens[j]
            if tok.type == close and tok.level == open_tok.level:
                return j
        return len(self.tokens) - 1

    def add(self, block, token: Token) -> None:
        self.items.append(Body(block, token.map[1] if token.map else 0))

    def top_level(self, i: int) -> int:
        """Handle the top-level token at i; return the index after it."""
        tok = self.tokens[i]
        kind = tok.type
        if kind == "front_matter":
            self.front_matter = FrontMatter(tok.content, tok.map[0] + 2 if tok.map else 2)
        elif kind == "html_block":
            self.html_block(tok)
        elif kind == "heading_open":
            self.items.append(Heading(int(tok.tag[1:]), plain_text(self.tokens[i + 1]),
                                      self.src(tok)))
        elif kind == "paragraph_open":
            self.paragraph(tok, self.tokens[i + 1])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            items = _list_items(self.tokens[i + 1:self.end_of(i)], self.file)
            if items:
                self.add(ListBlock(tuple(items), kind == "ordered_list_open", self.src(tok)), tok)
        elif kind == "blockquote_open":
            paras = [_quoted(t, self.src(t)) for t in self.tokens[i + 1:self.end_of(i)]]
            paras = [p for p in paras if p is not None and p.inlines]
            if paras:
                self.add(Quote(tuple(paras), self.src(tok)), tok)
        elif kind == "table_open":
            self.add(_table(self.tokens[i + 1:self.end_of(i)], self.src(tok)), tok)
        elif kind in ("fence", "code_block"):
            self.code(tok)
        return self.end_of(i) + 1 if tok.nesting == 1 else i + 1

    def html_block(self, tok: Token) -> None:
        """Page and filler-pool markers in copy order (one block may hold several), then
        any text that is not a comment."""
        marks = sorted((*PAGE_MARKER.finditer(tok.content),
                        *FILLERS_MARKER.finditer(tok.content)), key=lambda m: m.start())
        for m in marks:
            line = (tok.map[0] if tok.map else 0) + tok.content.count("\n", 0, m.start()) + 1
            if m.re is FILLERS_MARKER:
                self.items.append(FillerMark(Source(self.file, line)))
                continue
            fields = [f.strip() for f in (m.group(2) or "").split("|")]
            section = fields[0] if fields else ""
            editor = _EDITOR.sub("", fields[1]) if len(fields) > 1 else ""
            self.items.append(PageMark(int(m.group(1)), section, editor,
                                       Source(self.file, line)))
        rest = _html_text(tok.content)
        if rest:  # HTML that is not a comment: keep its characters
            self.add(Paragraph((Text(rest),), self.src(tok)), tok)

    def code(self, tok: Token) -> None:
        runs = _code_runs(tok.content)
        if any(isinstance(r, Text) and r.text.strip() for r in runs):
            self.add(Paragraph(runs, self.src(tok)), tok)

    def paragraph(self, tok: Token, inline: Token) -> None:
        """A paragraph, cut around any images it holds; a part after an image is unindented."""
        source = self.src(tok)
        runs: list[Inline] = []
        indent = True
        for piece in inline_pieces(inline):
            if isinstance(piece, ImageRef):
                self.flush(runs, source, indent, tok)
                runs, indent = [], False
                self.add(Figure(self.image_path(piece.src), piece.alt, piece.title, source), tok)
            else:
                runs.append(piece)
        self.flush(runs, source, indent, tok)

    def flush(self, runs: list[Inline], source: Source, indent: bool, tok: Token) -> None:
        runs = _strip_edges(runs)
        if runs:
            self.add(Paragraph(tuple(runs), source, indent), tok)

    def image_path(self, src: str) -> Path:
        # markdown-it percent-encodes link targets; the file name is the decoded one
        return (self.base_dir / unquote(src)).absolute()


def _strip_edges(runs: list[Inline]) -> list[Inline]:
    """Drop white space left at the edges where an image was cut out."""
    runs = list(runs)
    while runs and isinstance(runs[0], Text) and not runs[0].text.strip():
        runs.pop(0)
    while runs and isinstance(runs[-1], Text) and not runs[-1].text.strip():
        runs.pop()
    if runs and isinstance(runs[0], Text):
        runs[0] = Text(runs[0].text.lstrip(), runs[0].style)
    if runs and isinstance(runs[-1], Text):
        runs[-1] = Text(runs[-1].text.rstrip(), runs[-1].style)
    return runs


def _flatten_images(pieces) -> tuple[Inline, ...]:
    """Inside quotes and lists an image cannot stand: keep its caption and credit as text."""
    out: list[Inline] = []
    for piece in pieces:
        if isinstance(piece, ImageRef):
            out.append(Text(" ".join(t for t in (piece.alt, piece.title) if t)))
        else:
            out.append(piece)
    return tuple(out)


def _quoted(tok: Token, source: Source) -> Paragraph | None:
    """A paragraph of a block quote from any token inside it that carries text."""
    if tok.type == "inline":
        return Paragraph(_flatten_images(inline_pieces(tok)), source)
    if tok.type in ("fence", "code_block"):
        return Paragraph(_code_runs(tok.content), source)
    if tok.type == "html_block" and _html_text(tok.content):
        return Paragraph((Text(_html_text(tok.content)),), source)
    return None


def _html_text(content: str) -> str:
    """An HTML block's characters less its comments: what the reader sees of it."""
    return _COMMENT.sub("", content).strip()


def _code_runs(content: str) -> tuple[Inline, ...]:
    """Code as plain text, its line breaks kept."""
    runs: list[Inline] = []
    for n, line in enumerate(content.rstrip("\n").split("\n")):
        if n:
            runs.append(LineBreak())
        if line:
            runs.append(Text(line))
    return tuple(runs)


def _list_items(tokens: list[Token], file: str) -> list[Paragraph]:
    """Each list item (nested ones too, in copy order) as one paragraph."""
    items: list[list[Inline]] = []
    sources: list[Source] = []
    open_items: list[int] = []
    for tok in tokens:
        if tok.type == "list_item_open":
            open_items.append(len(items))
            items.append([])
            sources.append(Source(file, tok.map[0] + 1 if tok.map else 0))
        elif tok.type == "list_item_close":
            open_items.pop()
        elif tok.type == "inline" and open_items:
            runs = items[open_items[-1]]
            if runs:
                runs.append(LineBreak())  # a second paragraph in the same item
            runs.extend(_flatten_images(inline_pieces(tok)))
        elif tok.type in ("fence", "code_block") and open_items:
            items[open_items[-1]].append(Text(tok.content.rstrip("\n")))
        elif tok.type == "html_block" and open_items and _html_text(tok.content):
            items[open_items[-1]].append(Text(_html_text(tok.content)))
    return [Paragraph(tuple(runs), src) for runs, src in zip(items, sources) if runs]


def _table(tokens: list[Token], source: Source) -> Table:
    header: list[str] = []
    align: list[str] = []
    rows: list[list[str]] = []
    in_head = False
    for n, tok in enumerate(tokens):
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open" and not in_head:
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            text = plain_text(tokens[n + 1]) if tokens[n + 1].type == "inline" else ""
            if in_head:
                header.append(text)
                m = _ALIGN.search(tok.attrGet("style") or "")
                align.append(m.group(1) if m else "")
            else:
                rows[-1].append(text)
    return Table(tuple(header), tuple(tuple(r) for r in rows), tuple(align), source)
