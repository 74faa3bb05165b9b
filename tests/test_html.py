"""framing.html: the report's pages. Article text, titles and ids are untrusted: everything is
escaped, in the marked evidence and in the reuse view too, page names cannot leave their
folder, and the pages forbid every script but the summary's own."""

import base64
import hashlib
import re

import framing
from framing.html import article_page, escape, marked_article, page, safe_name, without_links
from framing.reuse import SourceIndex

HOSTILE = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
RELEASE = ("Velora inaugure aujourd'hui sa première usine de vélos cargo à Vénissieux "
           f"{HOSTILE}, un site de 12 000 mètres carrés qui emploiera 180 salariés d'ici la fin "
           "de l'année prochaine.")


def test_a_reprinted_release_holding_markup_is_escaped_on_both_sides(lexicon):
    article = "Une usine historique. " + RELEASE
    record = framing.score_text(article, lexicon=lexicon, id="velos")
    record.reuse = SourceIndex([("velora", RELEASE)]).compare(article, "velos")
    html = article_page(record, article, {"velora": RELEASE}, "../index.html")
    assert "<img" not in html
    side_by_side = html[html.index("<div class=\"side\">"):]
    # The passage is marked in the article and in the release, the markup inside it escaped.
    marked = re.findall(r'<mark class="reuse-verbatim"[^>]*>([^<]*)</mark>', side_by_side)
    assert len(marked) == 2 and all(ESCAPED in text for text in marked)
    assert html.count(ESCAPED) == 3  # and once in the article's text with its evidence


def test_markup_inside_a_marked_evidence_span_is_escaped(lexicon):
    text = f"Un projet historique {HOSTILE} pour la région."
    record = framing.score_text(text, lexicon=lexicon)
    (cue,) = record.framing.evidence
    assert text[cue.start : cue.end] == "historique"
    cue.end = text.index(HOSTILE) + len(HOSTILE)  # a span that covers the markup
    html = marked_article(record, text)
    assert "<img" not in html
    assert re.search(f'<mark class="promotional" [^>]*>historique {re.escape(ESCAPED)}</mark>',
                     html)


def test_escape_covers_quotes_and_drops_control_characters():
    assert escape("\"'<>&\x00\x1b") == "&quot;&#x27;&lt;&gt;&amp;"
    assert escape(None) == ""


def test_a_page_name_cannot_leave_its_folder_and_no_two_ids_share_one():
    name = safe_name("../../etc/x")
    assert "/" not in name and not name.startswith(".")
    assert name.startswith("etc_x-") and name.endswith(".html")
    assert safe_name("a/b") != safe_name("a_b")  # the same letters, two ids


def test_a_page_runs_only_its_own_script():
    def policy(html: str) -> str:
        return re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)

    assert "script-src 'none'" in policy(page("t", "<p>x</p>"))
    script = "document.title = 'sorted';"
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy(page("t", "<p>x</p>", script))
    assert page("<b>t</b>", "").count("<title>&lt;b&gt;t&lt;/b&gt;</title>") == 1


def test_an_article_page_shows_outlet_date_and_a_safe_link(lexicon):
    record = framing.score_text("Un projet historique pour la région.", lexicon=lexicon)
    record.meta = {"outlet": f"Le Monde {HOSTILE}", "date": "2024-05-13", "author": "A. B.",
                   "url": "https://example.org/a?b=1&c=2"}
    html = article_page(record, "Un projet historique pour la région.", {}, "../index.html")
    assert f"<dt>outlet</dt><dd>Le Monde {ESCAPED}</dd>" in html
    assert "<dt>date</dt><dd>2024-05-13</dd>" in html and "<dd>A. B.</dd>" in html
    assert ('<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">'
            "https://example.org/a?b=1&amp;c=2</a>") in html
    for url in ("javascript:alert(1)", " https://x.org", "data:text/html,<b>"):
        record.meta = {"url": url}
        html = article_page(record, "Un projet historique pour la région.", {}, "x")
        assert "<dt>url</dt><dd>" in html and "<a href=\"javascript" not in html
        assert 'rel="noopener' not in html and "<b>" not in html


def test_the_scores_beside_the_label_are_named_after_what_chose_it(lexicon):
    text = "Un projet historique pour la région."
    record = framing.score_text(text, lexicon=lexicon)
    record.framing.promotional, record.framing.critical = 0.55, 0.05
    html = article_page(record, text, {}, "x")
    assert "<th>promotional / critical (lexicon score)</th><td>0.55 / 0.05</td>" in html
    assert "model" not in html.lower()
    f = record.framing
    f.method, f.label, f.promotional, f.critical = "combined", "critical", 0.2, 0.7
    f.lexicon_label, f.lexicon_promotional, f.lexicon_critical = "promotional", 0.55, 0.05
    html = article_page(record, text, {}, "x")
    assert "<td>critical (chosen by the model)</td>" in html
    assert "<th>promotional / critical (model probability)</th><td>0.20 / 0.70</td>" in html
    assert "<th>lexicon</th><td>promotional (lexicon score: promotional 0.55 / critical " \
           "0.05)</td>" in html
    assert "combined" not in html


def test_passage_numbers_link_both_ways_and_crawl_links_show_as_text(lexicon):
    release = "[Newsroom](#) IA >\n[Microsoft en France](https://x.org/) >\n" + RELEASE
    article = "Une usine historique. " + RELEASE
    record = framing.score_text(article, lexicon=lexicon, id="velos")
    record.reuse = SourceIndex([("velora", release)]).compare(article, "velos")
    (passage,) = record.reuse.passages
    assert release[passage.source_start:].startswith("Velora")  # offsets into the raw text
    html = article_page(record, article, {"velora": release}, "../index.html")
    article_side, source_side = html.split('<div data-side="')[1:3]
    assert '<a class="badge" id="a1-1" href="#s1-1"' in article_side
    assert '<a class="badge" id="s1-1" href="#a1-1"' in source_side
    assert source_side.startswith("source\">Newsroom IA &gt;\nMicrosoft en France &gt;\n")
    assert "](" not in html
    assert without_links(r"[AI \(https://x.org\)](https://x.org) ![logo](a.png)") == \
        "AI (https://x.org) logo"
