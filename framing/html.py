"""HTML pages of a report: the summary (index.html) and one page per article with its evidence
marked and, when a release was reused, the two texts side by side.

Article text, titles, metadata and ids are untrusted: every one goes through `escape`, and the
pages forbid every script but the summary's own sorting code (Content-Security-Policy with its
hash), so text that slipped through could still not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape as _escape
from typing import TYPE_CHECKING

from framing.charts.alt import alt_text
from framing.marks import Mark, draw, inside, pieces

if TYPE_CHECKING:
    from framing.record import Record
    from framing.reuse.found import Passage, Reuse

# Okabe–Ito colours with a second cue (underline, border style) so that print in grey still
# tells the kinds apart.
STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:90em;padding:0 1em;color:#222}
table{font-size:13px}
h1{font-size:1.5em} h2{font-size:1.2em;margin-top:2em} table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f4f4f4;position:sticky;top:0} td.num{text-align:right}
.promotional{background:#f5d08a;border-bottom:2px solid #e69f00}
.critical{background:#b9dcf2;border-bottom:2px dashed #0072b2}
.sovereignty{background:#e9c7dc;border-bottom:2px dotted #cc79a7}
.s-promotional{border-left:4px solid #e69f00;padding-left:2px}
.s-critical{border-left:4px dashed #0072b2;padding-left:2px}
.reuse-verbatim{background:#c4e6d6;outline:1px solid #009e73}
.reuse-near{background:#e3f1c9;outline:1px dashed #009e73}
.reuse-translated{background:#f2dcc7;outline:1px dotted #d55e00}
.legend span{margin-right:1em;padding:0 .3em} .badge{font-size:.75em;color:#555;vertical-align:super}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1.5em} .side>div{white-space:pre-wrap}
.charts img{max-width:100%;border:1px solid #eee;margin:.5em 0} .muted{color:#666}
.article{white-space:pre-wrap} .error{color:#a00}
@media print{th{position:static}}
"""

SORT_SCRIPT = """
document.querySelectorAll('th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var rows = Array.from(body.rows);
    var up = th.dataset.order !== 'up';
    th.dataset.order = up ? 'up' : 'down';
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return up ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(value: object) -> str:
    """HTML-escaped text, quotes included, control characters dropped (they are not valid
    HTML and some break parsers)."""
    return _escape(_CONTROL.sub("", "" if value is None else str(value)), quote=True)


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def page(title: str, body: str, script: str | None = None, style: str = "",
         lang: str | None = None) -> str:
    """A whole page: `body` is HTML already escaped; `style` is extra CSS (trusted, ours);
    `lang` the page's language (screen readers, hyphenation)."""
    scripts = f"'{_script_hash(script)}'" if script else "'none'"
    policy = (f"default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; "
              f"script-src {scripts}; base-uri 'none'; form-action 'none'")
    tail = f"<script>{script}</script>" if script else ""
    lang_attribute = f" lang=\"{escape(lang)}\"" if lang else ""
    return (
        f"<!DOCTYPE html>\n<html{lang_attribute}>"
        "<head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(title)}</title><style>{STYLE}{style}</style></head>\n"
        f"<body>\n{body}\n{tail}</body></html>\n"
    )


# --- the summary -----------------------------------------------------------------------------

COLUMNS = [  # (header, row key, numeric format or None)
    ("article", "id", None), ("group", "group", None), ("lang", "language", None),
    ("label", "label", None), ("promotional", "promotional", "{:.2f}"),
    ("critical", "critical", "{:.2f}"), ("sovereignty", "sovereignty_stance", None),
    ("foreign law", "laws", None), ("reuse", "reuse_kind", None),
    ("reused share", "reuse_article_share", "{:.0%}"), ("readability", "readability_score",
                                                        "{:.1f}"),
    ("words", "n_words", "{:d}"),
]


def index_page(title: str, rows: list[dict], links: dict[str, str], charts: list[str],
               errors: list[dict], notes: list[str]) -> str:
    """The report's front page: notes, the sortable table, the charts, the failures."""
    ok = [r for r in rows if not r.get("error_code")]
    parts = [f"<h1>{escape(title)}</h1>"]
    parts += [f"<p class=\"muted\">{escape(n)}</p>" for n in notes]
    parts.append(f"<h2>Articles ({len(ok)})</h2><table><thead><tr>"
                 + "".join(f"<th>{escape(h)}</th>" for h, _, _ in COLUMNS)
                 + "</tr></thead><tbody>")
    for row in ok:
        parts.append("<tr>" + "".join(_cell(row, key, fmt, links) for _, key, fmt in COLUMNS)
                     + "</tr>")
    parts.append("</tbody></table>")
    if charts:
        parts.append("<h2>Charts</h2><div class=\"charts\">")
        parts += [f"<p><img src=\"{escape(c)}\" alt=\"{escape(alt_text(c, rows))}\"></p>"
                  for c in charts]
        parts.append("</div>")
    if errors:
        parts.append(f"<h2 class=\"error\">Inputs that failed ({len(errors)})</h2><ul>")
        parts += [f"<li>{escape(e['path'] or e['id'])}: {escape(e['code'])}: "
                  f"{escape(e['message'])}</li>" for e in errors]
        parts.append("</ul>")
    return page(title, "\n".join(parts), SORT_SCRIPT)


def _cell(row: dict, key: str, fmt: str | None, links: dict[str, str]) -> str:
    value = row.get(key)
    if key == "id":
        label = row.get("title") or value
        shown = f"<a href=\"{escape(links[value])}\">{escape(label)}</a>" if value in links \
            else escape(label)
        return f"<td data-v=\"{escape(label)}\">{shown}</td>"
    if value is None or value == "":
        return "<td data-v=\"\"></td>"
    if fmt:
        return f"<td class=\"num\" data-v=\"{escape(value)}\">{escape(fmt.format(value))}</td>"
    return f"<td data-v=\"{escape(value)}\">{escape(value)}</td>"


# --- one article -----------------------------------------------------------------------------

LEGEND = (
    "<p class=\"legend\"><span class=\"promotional\">promotional cue</span>"
    "<span class=\"critical\">critical cue</span><span class=\"sovereignty\">sovereignty / "
    "foreign law</span><span class=\"s-promotional\">promotional sentence</span>"
    "<span class=\"s-critical\">critical sentence</span></p>"
)
REUSE_LEGEND = (
    "<p class=\"legend\"><span class=\"reuse-verbatim\">verbatim</span>"
    "<span class=\"reuse-near\">near-verbatim</span><span class=\"reuse-translated\">translated"
    "</span> — the numbers pair each passage of the article with its place in the release</p>"
)


def article_page(record: Record, text: str, source_texts: dict[str, str], back: str) -> str:
    """One article: its scores, its text with evidence marked, and the reuse side by side."""
    framing, sovereignty, quotes = record.framing, record.sovereignty, record.attribution
    title = record.title or record.id
    facts = [
        ("label", f"{framing.label} (lexicon alone: {framing.lexicon_label})"),
        ("promotional / critical", f"{framing.promotional:.2f} / {framing.critical:.2f}"),
        ("sovereignty", sovereignty.stance + (
            f" — foreign law: {', '.join(sovereignty.laws)}" if sovereignty.laws else "")),
        ("quotes", (f"{quotes.quotes} direct, speakers: {', '.join(quotes.speakers) or '—'}")),
    ]
    reuse = record.reuse
    if reuse:
        facts.append(("reuse", f"{reuse.kind}"
                      + (f" from {reuse.source}: {reuse.article_share:.0%} of the "
                         f"article, {reuse.source_share:.0%} of the release"
                         if reuse.source else "")))
    parts = [f"<p><a href=\"{escape(back)}\">← summary</a></p><h1>{escape(title)}</h1>",
             f"<p class=\"muted\">{escape(record.id)} · {escape(record.path)}</p>",
             "<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                                 for k, v in facts) + "</table>",
             "<h2>Text and evidence</h2>", LEGEND,
             f"<div class=\"article\">{marked_article(record, text)}</div>"]
    if reuse and reuse.passages:
        parts.append(_side_by_side(reuse, text, source_texts))
    return page(title, "\n".join(parts))


def marked_article(record: Record, text: str) -> str:
    """The text, escaped, with each sentence's label and each evidence span marked."""
    marks = _evidence_marks(record)

    def sentence(_: str, span: Mark) -> str:
        shown = pieces(text, inside(marks, span.start, span.end), span.start, span.end)
        inner = draw(shown, titled_mark, escape)
        if span.kind == "neutral":
            return inner
        return f"<span class=\"s-{span.kind}\" title=\"{span.kind} sentence\">{inner}</span>"

    # Sentences are marks too, one level up: they come in order and apart, so none is skipped.
    sentences = [Mark(s.start, s.end, s.label) for s in record.framing.sentences]
    return draw(pieces(text, sentences), sentence, escape)


def _evidence_marks(record: Record) -> list[Mark]:
    marks = [Mark(e.start, e.end, e.effect, e.category)
             for e in record.framing.evidence if e.effect in ("promotional", "critical")]
    marks += [Mark(e.start, e.end, "sovereignty", e.category) for e in record.sovereignty.evidence]
    return sorted(set(marks))


def mark_tag(text: str, kind: str, title: str | None = None) -> str:
    """One marked piece in HTML: <mark> with the kind as its class (ours, a CSS class) and, when
    given, a title (a tooltip); the text and the title are escaped."""
    tooltip = "" if title is None else f" title=\"{escape(title)}\""
    return f"<mark class=\"{kind}\"{tooltip}>{escape(text)}</mark>"


def titled_mark(text: str, mark: Mark) -> str:
    """One marked piece in HTML with the mark's note as its tooltip."""
    return mark_tag(text, mark.kind, mark.note)


def _side_by_side(reuse: Reuse, text: str, source_texts: dict[str, str]) -> str:
    parts = ["<h2>Reuse: the article and the release side by side</h2>", REUSE_LEGEND]
    for source in sorted({p.source for p in reuse.passages}):
        passages = [(n, p) for n, p in enumerate(reuse.passages, 1) if p.source == source]
        columns = "".join(
            f"<div>{draw(pieces(shown, _passage_marks(passages, side)), _numbered, escape)}</div>"
            for side, shown in (("article", text), ("source", source_texts.get(source, ""))))
        parts.append(f"<h3>{escape(source)}</h3><div class=\"side\">{columns}</div>")
    return "\n".join(parts)


def _passage_marks(passages: list[tuple[int, Passage]], side: str) -> list[Mark]:
    """The numbered passages' spans on one side, "article" or "source", with their kind."""
    return sorted(Mark(getattr(p, f"{side}_start"), getattr(p, f"{side}_end"),
                       f"reuse-{p.kind}", f"[{n}] {p.kind} {p.similarity:.2f}")
                  for n, p in passages)


def _numbered(text: str, mark: Mark) -> str:
    """A reused passage: its number as a badge, then the passage marked."""
    number = mark.note.split("]")[0] + "]"
    return f"<span class=\"badge\">{escape(number)}</span>{titled_mark(text, mark)}"


def safe_name(doc_id: str) -> str:
    """A file name for an article page that cannot leave its folder: the id's letters, digits,
    dots, dashes and underscores (cut to 60), then a hash of the whole id so that two ids never
    share a page."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._")[:60] or "article"
    return f"{slug}-{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:8]}.html"
