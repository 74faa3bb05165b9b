"""HTML pages of a report: the page frame and one page per article with its evidence
marked and, when a release was reused, the two texts side by side.

Article text, titles, metadata and ids are untrusted: every one goes through `escape`, and the
pages forbid every script but their own (the index's table, framing.index_page; the side by side
view's scrolling here), allowed by its hash in the Content-Security-Policy, so text that slipped
through could still not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape as _escape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from framing.marks import Mark, draw, inside, pieces

if TYPE_CHECKING:
    from framing.record import Record
    from framing.reuse.found import Passage, Reuse

# Okabe–Ito colours with a second cue (underline, border style) so that print in grey still
# tells the kinds apart.
STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:90em;padding:0 1em;color:#222}
table{font-size:13px}
h1{font-size:1.5em;overflow-wrap:anywhere} h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;
overflow-wrap:anywhere}
th{cursor:pointer;background:#f4f4f4;position:sticky;top:0} td.num{text-align:right}
.promotional{background:#f5d08a;border-bottom:2px solid #e69f00}
.critical{background:#b9dcf2;border-bottom:2px dashed #0072b2}
.sovereignty{background:#e9c7dc;border-bottom:2px dotted #cc79a7}
.s-promotional{border-left:4px solid #e69f00;padding-left:2px}
.s-critical{border-left:4px dashed #0072b2;padding-left:2px}
.reuse-verbatim{background:#c4e6d6;outline:1px solid #009e73}
.reuse-near{background:#e3f1c9;outline:1px dashed #009e73}
.reuse-translated{background:#f2dcc7;outline:1px dotted #d55e00}
.part-taken{color:#5f5f5f;font-style:italic}
.legend span{margin-right:1em;padding:0 .3em} .badge{font-size:.75em;color:#555;vertical-align:super}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}
.side>div{white-space:pre-wrap;overflow-wrap:anywhere}
.charts img{max-width:100%;border:1px solid #eee;margin:.5em 0} .muted{color:#666}
.article{white-space:pre-wrap;overflow-wrap:anywhere} .error{color:#a00}
.origin{display:grid;grid-template-columns:max-content 1fr;gap:0 1em} .origin dt{color:#666}
.origin dd{margin:0;overflow-wrap:anywhere}
@media print{th{position:static}}
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


# --- one article -----------------------------------------------------------------------------

LEGEND_NAMES = {  # the CSS class of each kind of mark, and its name in the legend
    "promotional": "promotional cue", "critical": "critical cue",
    "sovereignty": "sovereignty / foreign law", "s-promotional": "promotional sentence",
    "s-critical": "critical sentence",
}


def legend(names: dict[str, str] = LEGEND_NAMES) -> str:
    """The colour legend of marked text: a sample of each class in `names`, in its words (the
    classroom pages give their own words and only the kinds they mark)."""
    return ("<p class=\"legend\">" + "".join(f"<span class=\"{kind}\">{escape(name)}</span>"
                                             for kind, name in names.items()) + "</p>")


REUSE_LEGEND = (
    "<p class=\"legend\"><span class=\"reuse-verbatim\">verbatim</span>"
    "<span class=\"reuse-near\">near-verbatim</span><span class=\"reuse-translated\">translated"
    "</span> — the numbers pair each passage of the article with its place in the release</p>"
)


def article_page(record: Record, text: str, source_texts: dict[str, str], back: str) -> str:
    """One article: where it comes from, its scores, its text with evidence marked, and the
    reuse side by side."""
    title = record.title or record.id
    assert record.framing is not None  # an article page is made for a scored record
    parts = [f"<p><a href=\"{escape(back)}\">← summary</a></p><h1>{escape(title)}</h1>",
             f"<p class=\"muted\">{escape(record.id)} · {escape(record.path)}</p>",
             origin(record.meta),
             "<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                                 for k, v in facts(record)) + "</table>",
             "<h2>Text and evidence</h2>",
             article_legend(record.framing.chooser, record.added_value is not None),
             f"<div class=\"article\">{marked_article(record, text)}</div>"]
    reuse = record.reuse
    if reuse and reuse.passages:
        parts.append(_side_by_side(reuse, text, source_texts))
        return page(title, "\n".join(parts), SYNC_SCRIPT, SIDE_STYLE)
    return page(title, "\n".join(parts))


def facts(record: Record) -> list[tuple[str, str]]:
    """The article's scores as (name, value), each figure named after what gave it (the model's
    probabilities or the lexicon's scores), as `framing score` says them."""
    f, sovereignty, quotes = record.framing, record.sovereignty, record.attribution
    assert f is not None and sovereignty is not None and quotes is not None  # no error
    by = f.chooser
    unit = "model probability" if by == "model" else "lexicon score"
    found = [("label", f"{f.label} (chosen by the {by})"),
             (f"promotional / critical ({unit})", f"{f.promotional:.2f} / {f.critical:.2f}")]
    if by == "model" and f.lexicon_promotional is not None:
        found.append(("lexicon", (f"{f.lexicon_label} (lexicon score: promotional "
                                 f"{f.lexicon_promotional:.2f} / critical "
                                 f"{f.lexicon_critical:.2f})")))
    found += [
        ("sovereignty", sovereignty.stance + (
            f" — foreign law: {', '.join(sovereignty.laws)}" if sovereignty.laws else "")),
        ("quotes", f"{quotes.quotes} direct, speakers: {', '.join(quotes.speakers) or '—'}"),
    ]
    reuse = record.reuse
    if reuse:
        found.append(("reuse", f"{reuse.kind}" + (
            f" from {reuse.source}: {reuse.article_share:.0%} of the article, "
            f"{reuse.source_share:.0%} of the release" if reuse.source else "")))
    if record.added_value is not None:
        found.append(("added value", record.added_value.line()))
    return found


ORIGIN = ("title", "author", "outlet", "date", "url")


def origin(meta: dict) -> str:
    """The article's metadata (title, author, outlet, date, url) as a list, escaped; the url is a
    link only when it is http(s), and then opens without telling the page it came from."""
    items = []
    for key in ORIGIN:
        value = meta.get(key)
        if value in (None, ""):
            continue
        shown = escape(value)
        if key == "url" and _web_address(str(value)):
            shown = f"<a href=\"{shown}\" rel=\"noopener noreferrer\">{shown}</a>"
        items.append(f"<dt>{key}</dt><dd>{shown}</dd>")
    return f"<dl class=\"origin\">{''.join(items)}</dl>" if items else ""


def _web_address(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) \
        and url == url.strip()


def article_legend(by: str, parts: bool = False) -> str:
    """The article page's colour key: its sentences are labelled by `by` (model or lexicon);
    with `parts`, the sentences taken from a release are told from the newsroom's own."""
    names = {**LEGEND_NAMES, "s-promotional": f"promotional sentence ({by})",
             "s-critical": f"critical sentence ({by})"}
    if parts:
        names["part-taken"] = "taken from the release (grey italics; the rest is the newsroom's own)"
    return legend(names)


def marked_article(record: Record, text: str) -> str:
    """The text, escaped, with each sentence's label and each evidence span marked."""
    marks = _evidence_marks(record)

    taken = _taken_spans(record)

    def sentence(_: str, span: Mark) -> str:
        shown = pieces(text, inside(marks, span.start, span.end), span.start, span.end)
        inner = draw(shown, titled_mark, escape)
        part = " part-taken" if span.note == "taken" else ""
        if span.kind == "neutral":
            return (f"<span class=\"{part.strip()}\" title=\"taken from the release\">{inner}"
                    "</span>" if part else inner)
        return (f"<span class=\"s-{span.kind}{part}\" title=\"{span.kind} sentence"
                f"{', taken from the release' if part else ''}\">{inner}</span>")

    # Sentences are marks too, one level up: they come in order and apart, so none is skipped.
    assert record.framing is not None
    sentences = [Mark(s.start, s.end, s.label,
                      "taken" if any(a <= s.start < b for a, b in taken) else "")
                 for s in record.framing.sentences]
    return draw(pieces(text, sentences), sentence, escape)


def _taken_spans(record: Record) -> list[tuple[int, int]]:
    """The offsets of the article's part taken from its releases (framing.added_value)."""
    return list(record.added_value.reused.spans) if record.added_value is not None else []


def _evidence_marks(record: Record) -> list[Mark]:
    assert record.framing is not None and record.sovereignty is not None
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


SYNC_SCRIPT = """
document.querySelectorAll('.side').forEach(function (pair) {
  var columns = Array.from(pair.children), leader = columns[0];
  function follow(column) {  // the other column shows the same passage at the same height
    var other = columns[columns.indexOf(column) ? 0 : 1], top = column.scrollTop;
    var lead = Array.from(column.querySelectorAll('a.badge')).find(function (a) {
      return a.offsetTop >= top; });
    var twin = lead && other.querySelector('a.badge[data-n="' + lead.dataset.n + '"]');
    if (twin) other.scrollTop = twin.offsetTop - (lead.offsetTop - top);
  }
  columns.forEach(function (column) {
    ['wheel', 'pointerdown', 'touchstart', 'keydown', 'mouseenter'].forEach(function (name) {
      column.addEventListener(name, function () { leader = column; }, {passive: true});
    });
    column.addEventListener('scroll', function () {
      if (column === leader) follow(column);
    }, {passive: true});
  });
  follow(columns[0]);
});
"""
SIDE_STYLE = (".side>div{max-height:80vh;overflow:auto;position:relative;border:1px solid #eee;"
              "padding:.5em} a.badge{text-decoration:none} :target{outline:2px solid #d55e00}")
LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")


MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def without_links(text: str) -> str:
    """Crawl leftovers `[text](url)` (and `![alt](url)`) shown as their text, its Markdown
    escapes (`\\(`) undone, and `**bold**` as its text: for display only, the offsets of the
    passages stay those of the text as read.

    >>> without_links("[Newsroom](#) IA > **Kokoroe** [AI \\\\(x\\\\)](https://a.b)")
    'Newsroom IA > Kokoroe AI (x)'
    """
    text = LINK.sub(lambda m: MARKDOWN_ESCAPE.sub(r"\1", m.group(1)), text)
    return BOLD.sub(r"\1", text)


def _side_by_side(reuse: Reuse, text: str, source_texts: dict[str, str]) -> str:
    parts = ["<h2>Reuse: the article and the release side by side</h2>", REUSE_LEGEND]
    for k, source in enumerate(sorted({p.source for p in reuse.passages}), 1):
        passages = [(n, p) for n, p in enumerate(reuse.passages, 1) if p.source == source]
        columns = "".join(
            f"<div data-side=\"{side}\">{_column(shown, passages, side, k)}</div>"
            for side, shown in (("article", text), ("source", source_texts.get(source, ""))))
        parts.append(f"<h3>{escape(source)}</h3><div class=\"side\">{columns}</div>")
    return "\n".join(parts)


def _column(text: str, passages: list[tuple[int, Passage]], side: str, pair: int) -> str:
    """One side's text, escaped, its passages marked and numbered; each number links to the
    same passage on the other side (ids a<pair>-<n> in the article, s<pair>-<n> in the
    release)."""
    shown = (lambda t: t) if side == "article" else without_links
    here, there, other = ("a", "s", "release") if side == "article" else ("s", "a", "article")

    def numbered(piece: str, mark: Mark) -> str:
        n = mark.note.split("]")[0].lstrip("[")
        return (f"<a class=\"badge\" id=\"{here}{pair}-{n}\" href=\"#{there}{pair}-{n}\" "
                f"data-n=\"{n}\" title=\"passage {n} in the {other}\">[{n}]</a>"
                + mark_tag(shown(piece), mark.kind, mark.note))

    return draw(pieces(text, _passage_marks(passages, side)), numbered,
                lambda t: escape(shown(t)))


def _passage_marks(passages: list[tuple[int, Passage]], side: str) -> list[Mark]:
    """The numbered passages' spans on one side, "article" or "source", with their kind."""
    return sorted(Mark(getattr(p, f"{side}_start"), getattr(p, f"{side}_end"),
                       f"reuse-{p.kind}", f"[{n}] {p.kind} {p.similarity:.2f}")
                  for n, p in passages)


def safe_name(doc_id: str) -> str:
    """A file name for an article page that cannot leave its folder: the id's letters, digits,
    dots, dashes and underscores (cut to 60), then a hash of the whole id so that two ids never
    share a page."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._")[:60] or "article"
    return f"{slug}-{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:8]}.html"
