"""The report's front page (index.html): the notes, the failures and the charts first, then the
article table. The rows travel as JSON inside the page (a `<script type="application/json">`
block, never run) and the page's own script (framing.index_script, allowed by its hash) draws
100 of them at a time, so that a report of thousands of articles opens at once from a file.

The two score columns are named after what chose the label (the vocabulary rule): "model
probability" when the trained model labelled the articles, "lexicon score" otherwise.
"""

from __future__ import annotations

import json

from framing.charts.alt import alt_text
from framing.charts.rows import label_chooser, score_source
from framing.html import escape, page
from framing.index_script import INDEX_SCRIPT, INDEX_STYLE

PAGE_SIZE = 100

COLUMNS = [  # (header, row key, format: f2, f1, pct, or None for text and counts)
    ("article", "id", None), ("outlet", "outlet", None), ("group", "group", None),
    ("lang", "language", None), ("label", "label", None),
    ("promotional", "promotional", "f2"), ("critical", "critical", "f2"),
    ("sovereignty", "sovereignty_stance", None), ("foreign law", "laws", None),
    ("reuse", "reuse_kind", None), ("reused share", "reuse_article_share", "pct"),
    ("added value", "added_verdict", None),
    ("readability", "readability_score", "f1"), ("words", "n_words", "int"),
]
KEYS = ["id", "title", "link", *[key for _, key, _ in COLUMNS[1:]]]
FILTERS = [  # (control id suffix, row key, what "all" says)
    ("label", "label", "all labels"), ("stance", "sovereignty_stance", "all stances"),
    ("reuse", "reuse_kind", "all reuse kinds"), ("added", "added_verdict", "all verdicts"),
    ("group", "group", "all groups"),
]


def index_page(title: str, rows: list[dict], links: dict[str, str], charts: list[str],
               errors: list[dict], notes: list[str], alts: dict[str, str] | None = None,
               outlets: list | None = None) -> str:
    """The report's front page: notes, failures, charts, the outlets' churn figures (with
    --among), then the article table. `alts`: the alt text of charts not drawn from the rows."""
    alts = alts or {}
    ok = [_shown_row(r, links) for r in rows if not r.get("error_code")]
    parts = [f"<h1>{escape(title)}</h1>"]
    parts += [f"<p class=\"muted\">{escape(n)}</p>" for n in notes]
    parts.append(f"<p><a href=\"#articles-table\">The {len(ok)} articles ↓</a></p>")
    if errors:
        parts.append(f"<h2 class=\"error\">Inputs that failed ({len(errors)})</h2><ul>")
        parts += [f"<li>{escape(e['path'] or e['id'])}: {escape(e['code'])}: "
                  f"{escape(e['message'])}</li>" for e in errors]
        parts.append("</ul>")
    if charts:
        parts.append("<h2>Charts</h2><div class=\"charts\">")
        parts += [f"<p><img src=\"{escape(c)}\" alt=\"{escape(alts.get(c) or alt_text(c, rows))}\">"
                  "</p>" for c in charts]
        parts.append("</div>")
    if outlets:
        parts.append(outlet_table(outlets))
    columns = shown_columns(ok)
    parts += [f"<h2 id=\"articles-table\">Articles ({len(ok)})</h2>", _controls(ok),
              _table(columns, score_headers(rows)),
              ("<div class=\"pager\"><button id=\"prev\" type=\"button\">← previous</button>"
              "<button id=\"next\" type=\"button\">next →</button></div>"),
              ("<noscript><p>The table needs JavaScript; scores.csv holds every row.</p>"
              "</noscript>"), embedded_json(_payload(ok, columns))]
    return page(title, "\n".join(parts), INDEX_SCRIPT, INDEX_STYLE)


def score_headers(rows: list[dict]) -> dict[str, str]:
    """The headers of the label and score columns, after what chose the labels, as the charts
    name it (charts.label_chooser, charts.score_source): "label (model)", "promotional (model
    probability)", or the lexicon's, or both named for a mixed report."""
    ok = [r for r in rows if not r.get("error_code")]
    what, _ = score_source(ok)
    return {"label": f"label ({label_chooser(ok)})", "promotional": f"promotional ({what})",
            "critical": f"critical ({what})"}


def embedded_json(data: object) -> str:
    """`data` as a JSON block the page reads and never runs; <, > and & are written as \\u
    escapes, so no text inside (a title holding "</script>") can close the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f"<script type=\"application/json\" id=\"index-data\">{text}</script>"


def _shown_row(row: dict, links: dict[str, str]) -> dict:
    return {**row, "outlet": row.get("meta_outlet"), "link": links.get(row["id"])}


def shown_columns(rows: list[dict]) -> list[tuple[str, str, str | None]]:
    """COLUMNS without those no row fills (an outlet column for articles with no outlet)."""
    return [c for c in COLUMNS
            if c[1] == "id" or any(r.get(c[1]) not in (None, "") for r in rows)]


def _payload(rows: list[dict], columns: list[tuple[str, str, str | None]]) -> dict:
    return {"page_size": PAGE_SIZE, "keys": KEYS,
            "columns": [{"key": key, "format": fmt} for _, key, fmt in columns],
            "rows": [[r.get(k) for k in KEYS] for r in rows]}


def _table(columns: list[tuple[str, str, str | None]], headers: dict[str, str]) -> str:
    cells = "".join(
        f"<th scope=\"col\" data-key=\"{key}\" aria-sort=\"none\"><button type=\"button\">"
        f"{escape(headers.get(key, header))}<span class=\"arrow\" aria-hidden=\"true\">▲▼"
        "</span></button></th>" for header, key, _ in columns)
    return (f"<p id=\"index-status\" aria-live=\"polite\"></p><table id=\"articles\">"
            f"<thead><tr>{cells}</tr></thead><tbody></tbody></table>")


OUTLET_HEADERS = ("outlet", "articles", "original words", "first publisher",
                  "median copy delay", "reprints", "of which with commentary",
                  "copies quoting an independent voice")
MAX_OUTLET_ROWS = 50


def outlet_table(outlets: list) -> str:
    """The outlets' churn figures (framing.churn.OutletChurn), most articles first; the rest
    are in outlets.csv."""
    def pct(x: float | None) -> str:
        return "—" if x is None else f"{100 * x:.0f}%"

    def delay(hours: float | None) -> str:
        if hours is None:
            return "—"
        return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"

    head = "".join(f"<th>{escape(h)}</th>" for h in OUTLET_HEADERS)
    body = "".join(
        f"<tr><td>{escape(o.outlet)}</td><td class=\"num\">{o.articles}</td>"
        f"<td class=\"num\">{pct(o.originality)}</td><td class=\"num\">{o.first_publisher}</td>"
        f"<td class=\"num\">{delay(o.median_delay_hours)}</td>"
        f"<td class=\"num\">{pct(o.reprint_share)}</td>"
        f"<td class=\"num\">{pct(o.commentary_share)}</td>"
        f"<td class=\"num\">{pct(o.independent_share)}</td></tr>"
        for o in outlets[:MAX_OUTLET_ROWS])
    more = (f"<p class=\"muted\">{len(outlets) - MAX_OUTLET_ROWS} more outlets in outlets.csv."
            "</p>" if len(outlets) > MAX_OUTLET_ROWS else "")
    return ("<h2 id=\"outlets\">Who copies whom: outlets</h2><p class=\"muted\">Original words: "
            "not found in earlier articles of the corpus or in the press releases. Every copy "
            "edge is in copies.csv, every cluster's first publisher in clusters.csv.</p>"
            f"<table class=\"outlets\"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
            f"</table>{more}")


def _controls(rows: list[dict]) -> str:
    parts = [("<div class=\"controls\"><label>Filter <input type=\"search\" id=\"q\" "
             "placeholder=\"id, title or outlet\"></label>")]
    for name, key, everything in FILTERS:
        values = sorted({str(r[key]) for r in rows if r.get(key) not in (None, "")})
        options = "".join(f"<option value=\"{escape(v)}\">{escape(v)}</option>" for v in values)
        parts.append(f"<label>{escape(name)} <select id=\"f-{name}\"><option value=\"\">"
                     f"{escape(everything)}</option>{options}</select></label>")
    return "".join(parts) + "</div>"
