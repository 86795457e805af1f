"""The layout report, OUTDIR/<stem>.layout.json: per page its fill ratio, fitness terms
and the copyfit steps it took; per article its page(s), box in mm, columns, lines,
variant (span, photo, air, headline size, rank, and lines_grown: lines its paragraphs
were set longer than their best setting, to balance columns or to stretch the module),
jump targets and how each part of its headline group was set (size, lines, the character
offsets where its lines break); per teaser the page it prints; the copy overset (per
article its page, lines and characters over and the text); the pages left out for want
of copy; the filler pool's items placed (page, box in mm, columns, lines) and those no
hole took."""

from __future__ import annotations

import json
from pathlib import Path

from ..config import PT_PER_MM
from .engine import MakeUp


def _mm(v: float) -> float:
    return round(v / PT_PER_MM, 1)


def layout_report(mu: MakeUp) -> dict:
    """The report as JSON-ready data."""
    articles: dict[int, dict] = {}
    for p in mu.placements:
        entry = articles.setdefault(p.article, {"index": p.article, "headline": p.headline,
                                                "pages": [], "modules": []})
        if p.page not in entry["pages"]:
            entry["pages"].append(p.page)
        entry["modules"].append({
            "page": p.page,
            "box_mm": [_mm(p.box.x), _mm(p.box.y), _mm(p.box.width), _mm(p.box.height)],
            "columns": p.columns, "lines": p.lines, "variant": p.variant,
            "jumps_to": p.jumps_to, "continued_from": p.continued_from,
            "column_feet": [list(b) for b in p.bands],
            "head": [{"part": h.part, "size_pt": h.setting.size,
                      "lines": [line.text for line in h.setting.lines],
                      "breaks": list(h.setting.breaks)} for h in p.head_parts]})
    fits = mu.copyfit
    return {
        "pages": [{"number": n, "fill": mu.fill[n], "fitness": mu.cost.get(n, {}),
                   "copyfit": {"over": list(fits[n].over), "under": list(fits[n].under),
                               "lent": fits[n].lent}
                   if n in fits else {"over": [], "under": [], "lent": 0}}
                  for n in sorted(mu.fill) if n not in mu.left_out],
        "left_out": mu.left_out,
        "overset": [{"article": o.article, "headline": o.label, "page": o.page,
                     "lines": o.lines, "characters": o.chars, "text": o.text}
                    for o in mu.overset],
        "articles": [articles[k] for k in sorted(articles)],
        "teasers": [{"headline": t.headline, "given_page": t.given, "printed_page": t.printed,
                     "target": t.target} for t in mu.teasers],
        "fillers": {
            "placed": [{"filler": f.filler, "label": f.label, "page": f.page,
                        "box_mm": [_mm(f.box.x), _mm(f.box.y), _mm(f.box.width),
                                   _mm(f.box.height)],
                        "columns": f.columns, "lines": f.lines} for f in mu.fillers],
            "unused": mu.unused_fillers},
    }


def write_layout_report(mu: MakeUp, path: Path) -> None:
    """Write the report as UTF-8 JSON."""
    path.write_text(json.dumps(layout_report(mu), ensure_ascii=False, indent=1),
                    encoding="utf-8")
